// Session stores: the in-memory default, and the Redis store against a real redis-server (Debian package;
// .ci/run installs it) that this test starts and stops itself on a free 127.0.0.1 port.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {createServer} from 'node:net';
import {MemorySessionStore, RedisSessionStore, ValtuudetAdapter, ValtuudetClient} from '../../dist/server/index.js';
import {DEMO_CREDENTIALS} from '../../demo/simulator/main.mjs';
import {Browser, startHost} from './host-helpers.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function freePort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const {port} = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

/** Starts redis-server without persistence; resolves once it answers PING. */
async function startRedis(port) {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {stdio: 'ignore'});
  const failed = new Promise((_, reject) => child.once('error', (e) => reject(new Error(`redis-server could not start (${e.code}); install the Debian package redis-server`))));
  const probe = new RedisSessionStore({url: `redis://127.0.0.1:${port}`, timeoutMs: 200});
  for (let i = 0; i < 50; i++) {
    const ok = await Promise.race([probe.command(['PING']).then((r) => r === 'PONG', () => false), failed]);
    if (ok) break;
    await sleep(100);
  }
  await probe.close();
  return {child, stop: () => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.kill('SIGTERM'))))};
}

describe('MemorySessionStore', () => {
  it('forgets entries after their TTL', async () => {
    let now = 1000;
    const store = new MemorySessionStore({now: () => now});
    await store.set('a', 'one', 500);
    assert.equal(await store.get('a'), 'one');
    now += 501;
    assert.equal(await store.get('a'), undefined);
  });

  it('drops the oldest entries at its size cap instead of growing', async () => {
    const store = new MemorySessionStore({maxEntries: 3});
    for (const key of ['a', 'b', 'c', 'd']) await store.set(key, key, 60_000);
    assert.equal(store.size, 3);
    assert.equal(await store.get('a'), undefined);
    assert.equal(await store.get('d'), 'd');
    await store.delete('d');
    assert.equal(await store.get('d'), undefined);
  });
});

describe('RedisSessionStore against a real redis-server', () => {
  let port;
  let redis;
  let store;
  before(async () => {
    port = await freePort();
    redis = await startRedis(port);
    store = new RedisSessionStore({url: `redis://127.0.0.1:${port}/2`, timeoutMs: 500});
  });
  after(async () => {
    await store?.close();
    await redis?.stop();
  });

  it('stores, reads and deletes values, with TTL', async () => {
    await store.set('k1', '{"a":"ä ö – 🙂"}', 60_000);
    assert.equal(await store.get('k1'), '{"a":"ä ö – 🙂"}', 'UTF-8 round trip');
    await store.set('k2', 'short', 150);
    await sleep(300);
    assert.equal(await store.get('k2'), undefined, 'expired by Redis');
    await store.delete('k1');
    assert.equal(await store.get('k1'), undefined);
  });

  it('pipelines many commands on one connection in order', async () => {
    await Promise.all(Array.from({length: 200}, (_, i) => store.set(`p${i}`, `v${i}`, 60_000)));
    const values = await Promise.all(Array.from({length: 200}, (_, i) => store.get(`p${i}`)));
    assert.deepEqual(values, Array.from({length: 200}, (_, i) => `v${i}`));
  });

  it('keeps keys under its prefix (two apps can share one Redis)', async () => {
    const other = new RedisSessionStore({url: `redis://127.0.0.1:${port}/2`, prefix: 'other-app:'});
    try {
      await store.set('shared', 'mine', 60_000);
      assert.equal(await other.get('shared'), undefined);
    } finally {
      await other.close();
    }
  });

  it('lets a second adapter instance see the on-behalf session started on the first', async () => {
    const host = await startHost({store: new RedisSessionStore({url: `redis://127.0.0.1:${port}/3`})});
    const second = new ValtuudetAdapter({
      valtuudet: new ValtuudetClient({...DEMO_CREDENTIALS, baseUrl: host.sim.url, redirectUri: `${host.origin}/valtuudet/callback`}),
      getUser: () => ({hetu: '150585-901P'}),
      store: new RedisSessionStore({url: `redis://127.0.0.1:${port}/3`}),
      log: () => {},
    });
    try {
      const browser = new Browser(host);
      await browser.flow();
      const cookie = [...browser.cookies].map((c) => c.join('=')).join('; ');
      const answer = await second.handle(new Request(`${host.origin}/valtuudet/session`, {headers: {cookie}}));
      assert.deepEqual((await answer.json()).actingFor.name, 'Anni Emilia Kumpulainen');
    } finally {
      await host.close();
    }
  });

  it('fails fast while Redis is down, and reconnects when it is back', async () => {
    await redis.stop();
    const started = Date.now();
    await assert.rejects(store.get('anything'), /Redis/);
    assert.ok(Date.now() - started < 1500, 'no hanging request');
    redis = await startRedis(port);
    await store.set('again', 'yes', 60_000);
    assert.equal(await store.get('again'), 'yes');
  });

  it('times out against a server that never answers', async () => {
    const silent = createServer((socket) => socket.resume()); // reads, never answers
    await new Promise((r) => silent.listen(0, '127.0.0.1', r));
    const stuck = new RedisSessionStore({url: `redis://127.0.0.1:${silent.address().port}`, timeoutMs: 300});
    try {
      await assert.rejects(stuck.get('x'), /timed out/);
    } finally {
      await stuck.close();
      await new Promise((r) => silent.close(r));
    }
  });

  it('the adapter answers 500 (banner shows nobody) instead of hanging when its store fails', async () => {
    const host = await startHost({store: new RedisSessionStore({url: `redis://127.0.0.1:${await freePort()}`, timeoutMs: 300})});
    try {
      const browser = new Browser(host);
      browser.cookies.set('puolesta_sid', 'a'.repeat(43));
      const answer = await browser.request('/valtuudet/session');
      assert.equal(answer.status, 500);
      assert.doesNotMatch(answer.body, /Redis|ECONNREFUSED/, 'no internals to the browser');
    } finally {
      await host.close();
    }
  });
});
