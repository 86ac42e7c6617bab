// Session stores: the in-memory default, and the Redis store (node-redis) against real redis-server processes
// (Debian package; .ci/run installs it) that this file starts and stops itself on free 127.0.0.1 ports: plain,
// TLS with a throw-away CA, an ACL user, a restart with persistence, and Sentinel with a failover.
import {after, afterEach, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {MemorySessionStore, RedisError, RedisSessionStore, ValtuudetAdapter, ValtuudetClient, adapterFromEnv} from '../../dist/server/index.js';
import {DEMO_CREDENTIALS} from '../../demo/simulator/main.mjs';
import {Browser, SESSION_KEY, THEME, startHost} from './host-helpers.mjs';
import {freePort, makeCertificates, removeTempDirs, requireRedisServer, sleep, startRedis, stopAll, tempDir} from './redis-helpers.mjs';

const NAME = 'Anni Emilia Kumpulainen';
const quiet = () => {};

/** Retries fn until it resolves (or the time is up, then its last error is thrown). */
async function eventually(fn, ms = 10_000) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (Date.now() > until) throw error;
      await sleep(100);
    }
  }
}

async function timed(fn) {
  const started = Date.now();
  const value = await fn();
  return {value, ms: Date.now() - started};
}

after(async () => {
  await stopAll();
  removeTempDirs();
});

/** Stores made by one suite with a command timeout, all closed by closeStores() (an open store keeps reconnecting). */
function storeFactory(timeoutMs) {
  const stores = [];
  return {
    store: (options) => {
      const s = new RedisSessionStore({timeoutMs, log: quiet, ...options});
      stores.push(s);
      return s;
    },
    closeStores: () => Promise.all(stores.splice(0).map((s) => s.close())),
  };
}

describe('MemorySessionStore', () => {
  it('take is atomic: of many requests taking one key at once, exactly one gets the value', async () => {
    const store = new MemorySessionStore();
    await store.set('flow:race', 'once', 60_000);
    const got = await Promise.all(Array.from({length: 50}, () => store.take('flow:race')));
    assert.deepEqual(got.filter((v) => v !== undefined), ['once']);
  });

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

describe('the Redis store test prerequisites', () => {
  it('redis-server is installed, with TLS (otherwise: apt-get install redis-server)', async () => {
    assert.match(requireRedisServer(), /Redis server v=/);
    // Built with TLS, it tries to load the (missing) certificate; without TLS the directives are unknown.
    const tls = spawnSync('redis-server', ['--port', '0', '--tls-port', String(await freePort()), '--tls-cert-file', '/nonexistent',
      '--tls-key-file', '/nonexistent', '--tls-ca-cert-file', '/nonexistent'], {encoding: 'utf8', timeout: 5000});
    assert.match(tls.stdout + tls.stderr, /Failed to configure TLS/, 'redis-server is built with TLS');
  });
});

describe('RedisSessionStore without the redis package', () => {
  it('imports node-redis only when a Redis store is used, and names the package to install when it is missing', () => {
    const dir = tempDir('no-redis');
    // A module hook that makes the package "redis" unresolvable, as on a host that never installed it.
    writeFileSync(join(dir, 'hooks.mjs'), `export async function resolve(specifier, context, next) {
      if (specifier === 'redis') throw Object.assign(new Error("Cannot find package 'redis'"), {code: 'ERR_MODULE_NOT_FOUND'});
      return next(specifier, context);
    }`);
    writeFileSync(join(dir, 'register.mjs'), `import {register} from 'node:module'; register(${JSON.stringify(new URL(`file://${join(dir, 'hooks.mjs')}`).href)});`);
    const index = new URL('../../dist/server/index.js', import.meta.url).href;
    writeFileSync(join(dir, 'main.mjs'), `
      const {adapterFromEnv, RedisSessionStore} = await import(${JSON.stringify(index)});
      const env = {VALTUUDET_BASE_URL: 'http://127.0.0.1:1', VALTUUDET_CLIENT_ID: 'ab12cd34', VALTUUDET_API_KEY: 'k',
        VALTUUDET_OAUTH_PASSWORD: 'p', VALTUUDET_REDIRECT_URI: 'http://127.0.0.1:2/valtuudet/callback',
        PUOLESTA_THEMES: 'avustushakemuksen_tekeminen', PUOLESTA_COMPANY_ROLES: 'NIMKO'};
      adapterFromEnv({getUser: () => null, log: () => {}}, env); // the in-memory store: no redis needed
      const logs = [];
      const store = new RedisSessionStore({url: 'redis://127.0.0.1:1', log: (m) => logs.push(m)});
      try {
        await store.get('x');
        console.log(JSON.stringify({loaded: true}));
      } catch (error) {
        console.log(JSON.stringify({name: error.name, message: error.message, logs}));
      }`);
    const run = spawnSync(process.execPath, ['--import', join(dir, 'register.mjs'), join(dir, 'main.mjs')], {encoding: 'utf8', timeout: 20_000});
    assert.equal(run.status, 0, run.stderr);
    const answer = JSON.parse(run.stdout.trim().split('\n').pop());
    assert.equal(answer.name, 'RedisError');
    assert.match(answer.message, /npm install redis/);
    assert.match(answer.logs.join('\n'), /npm install redis/, 'logged too: the adapter logs only the error name');
  });
});

describe('RedisSessionStore against a real redis-server', () => {
  let port;
  let redis;
  let store;
  before(async () => {
    port = await freePort();
    redis = await startRedis({port, args: ['--save', '', '--appendonly', 'no']});
    store = new RedisSessionStore({url: `redis://127.0.0.1:${port}/2`, timeoutMs: 500, log: quiet});
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
    await store.ping();
  });

  it('take is atomic: of many requests taking one key at once, exactly one gets the value', async () => {
    await store.set('flow:race', 'once', 60_000);
    const got = await Promise.all(Array.from({length: 50}, () => store.take('flow:race')));
    assert.deepEqual(got.filter((v) => v !== undefined), ['once']);
    assert.equal(await store.get('flow:race'), undefined);
  });

  it('answers many concurrent commands, each with its own reply', async () => {
    await Promise.all(Array.from({length: 200}, (_, i) => store.set(`p${i}`, `v${i}`, 60_000)));
    const values = await Promise.all(Array.from({length: 200}, (_, i) => store.get(`p${i}`)));
    assert.deepEqual(values, Array.from({length: 200}, (_, i) => `v${i}`));
  });

  it('keeps keys under its prefix and in the URL\'s database (two apps can share one Redis)', async () => {
    const other = new RedisSessionStore({url: `redis://127.0.0.1:${port}/2`, prefix: 'other-app:', log: quiet});
    const otherDb = new RedisSessionStore({url: `redis://127.0.0.1:${port}/5`, log: quiet});
    try {
      await store.set('shared', 'mine', 60_000);
      assert.equal(await other.get('shared'), undefined);
      assert.equal(await otherDb.get('shared'), undefined);
      await otherDb.set('shared', 'db five', 60_000);
      assert.equal(await store.get('shared'), 'mine');
    } finally {
      await other.close();
      await otherDb.close();
    }
  });

  it('lets a second adapter instance see the on-behalf session started on the first', async () => {
    const firstStore = new RedisSessionStore({url: `redis://127.0.0.1:${port}/3`, log: quiet});
    const secondStore = new RedisSessionStore({url: `redis://127.0.0.1:${port}/3`, log: quiet});
    const host = await startHost({store: firstStore});
    const second = new ValtuudetAdapter({
      valtuudet: new ValtuudetClient({...DEMO_CREDENTIALS, baseUrl: host.sim.url, redirectUri: `${host.origin}/valtuudet/callback`}),
      getUser: () => ({hetu: '150585-901P'}),
      store: secondStore,
      themes: [THEME],
      companyRoles: ['NIMKO'],
      sessionKeys: [SESSION_KEY],
      log: () => {},
    });
    try {
      const browser = new Browser(host);
      await browser.flow();
      const cookie = [...browser.cookies].map((c) => c.join('=')).join('; ');
      const answer = await second.handle(new Request(`${host.origin}/valtuudet/session`, {headers: {cookie}}));
      assert.deepEqual((await answer.json()).actingFor.name, NAME);
    } finally {
      await host.close();
      await firstStore.close();
      await secondStore.close();
    }
  });

  it('fails fast while Redis is down, and reconnects by itself when it is back', async () => {
    const logs = [];
    const watched = new RedisSessionStore({url: `redis://127.0.0.1:${port}/2`, timeoutMs: 2000, log: (m) => logs.push(m)});
    try {
      await watched.set('before', 'yes', 60_000);
      await redis.stop();
      for (let i = 0; i < 3; i++) {
        const started = Date.now();
        await assert.rejects(store.get('anything'), RedisError);
        assert.ok(Date.now() - started < 1500, 'no hanging request');
      }
      await assert.rejects(watched.get('before'), /^RedisError: Redis: /);
      for (let i = 0; i < 3; i++) {
        const {ms} = await timed(() => assert.rejects(watched.get('before'), /not connected \(connect ECONNREFUSED/));
        assert.ok(ms < 500, `refused at once while Redis is known to be down, not after the 2 s deadline (${ms} ms)`);
      }
      assert.equal(logs.filter((m) => /connection lost|cannot connect/.test(m)).length, 1, `one log line per outage: ${logs}`);
      redis = await startRedis({port, args: ['--save', '', '--appendonly', 'no']});
      // No command is needed to trigger it: node-redis reconnects in the background (backoff ≤ 2 s).
      await eventually(async () => assert.ok(logs.some((m) => /connected again/.test(m))), 5000);
      // The suite's other store reconnects on its own backoff, which may end a moment after this one's.
      await eventually(() => store.set('again', 'yes', 60_000), 5000);
      assert.equal(await store.get('again'), 'yes');
      assert.equal(await watched.get('before'), undefined, 'no persistence here: the restart lost the entry');
    } finally {
      await watched.close();
    }
  });

  it('times out against a server that never answers, and tries a fresh connection next time', async () => {
    let connections = 0;
    const silent = createServer((socket) => {
      connections++;
      socket.resume(); // reads, never answers
    });
    await new Promise((r) => silent.listen(0, '127.0.0.1', r));
    const stuck = new RedisSessionStore({url: `redis://127.0.0.1:${silent.address().port}`, timeoutMs: 300, log: quiet});
    try {
      const first = Date.now();
      await assert.rejects(stuck.get('x'), /GET timed out after 300 ms/);
      assert.ok(Date.now() - first < 1000, 'rejected at the deadline');
      await assert.rejects(stuck.set('x', 'y', 1000), /SET timed out/);
      assert.equal(connections, 2, 'the hung connection was replaced');
    } finally {
      await stuck.close();
      silent.closeAllConnections?.();
      await new Promise((r) => silent.close(r));
    }
  });

  it('the adapter answers 500 (banner shows nobody) instead of hanging when its store fails', async () => {
    const failing = new RedisSessionStore({url: `redis://127.0.0.1:${await freePort()}`, timeoutMs: 300, log: quiet});
    const host = await startHost({store: failing});
    try {
      const browser = new Browser(host);
      browser.cookies.set('puolesta_sid', 'a'.repeat(43));
      const answer = await browser.request('/valtuudet/session');
      assert.equal(answer.status, 500);
      assert.doesNotMatch(answer.body, /Redis|ECONNREFUSED/, 'no internals to the browser');
      assert.ok(host.logs.some((line) => /"reason":"RedisError"/.test(line)), host.logs.join('\n'));
    } finally {
      await host.close();
      await failing.close();
    }
  });

  it('refuses URLs and options it cannot use, without repeating the URL', () => {
    assert.throws(() => new RedisSessionStore({url: 'http://user:s3cret@127.0.0.1'}), (e) => e instanceof RedisError && !e.message.includes('s3cret'));
    assert.throws(() => new RedisSessionStore({url: 'redis://:s3cret@127.0.0.1', tls: {ca: 'x'}}), /TLS options need a rediss:\/\/ URL/);
    assert.throws(() => new RedisSessionStore({url: 'redis://127.0.0.1/x'}), /database/);
  });
});

describe('RedisSessionStore over TLS (rediss://)', () => {
  let port;
  let certs;
  let redis;
  const {store, closeStores} = storeFactory(1500);
  before(async () => {
    certs = makeCertificates(tempDir('tls'));
    port = await freePort();
    redis = await startRedis({port: 0, args: ['--tls-port', String(port), '--tls-cert-file', certs.cert, '--tls-key-file', certs.key,
      '--tls-ca-cert-file', certs.ca, '--tls-auth-clients', 'no', '--save', '', '--appendonly', 'no']});
  });
  afterEach(async () => {
    await closeStores();
  });
  after(async () => {
    await redis?.stop();
  });

  it('connects with rediss:// and the private CA', async () => {
    const secure = store({url: `rediss://127.0.0.1:${port}/1`, tls: {ca: readFileSync(certs.ca)}});
    await secure.set('tls', 'over TLS', 60_000);
    assert.equal(await secure.get('tls'), 'over TLS');
    const viaName = store({url: `rediss://localhost:${port}/1`, tls: {ca: readFileSync(certs.ca)}});
    assert.equal(await viaName.get('tls'), 'over TLS', 'the certificate also names localhost');
    // The server has no plain-text port: the values above really went over TLS.
    await assert.rejects(store({url: `redis://127.0.0.1:${port}/1`, timeoutMs: 500}).get('tls'), RedisError);
  });

  it('refuses a server whose certificate it cannot verify: a rejected command, no crash', async () => {
    for (const options of [{}, {tls: {ca: readFileSync(certs.otherCa)}}]) {
      const {ms} = await timed(() => assert.rejects(store({url: `rediss://127.0.0.1:${port}`, ...options}).get('tls'),
        (e) => e instanceof RedisError && /certificate/i.test(e.message)));
      assert.ok(ms < 1500, 'rejected without waiting for the deadline');
    }
  });

  it('adapterFromEnv connects with PUOLESTA_REDIS_URL=rediss://… and PUOLESTA_REDIS_CA_FILE', async () => {
    const env = {VALTUUDET_BASE_URL: 'http://127.0.0.1:1', VALTUUDET_CLIENT_ID: 'ab12cd34', VALTUUDET_API_KEY: 'k',
      VALTUUDET_OAUTH_PASSWORD: 'p', VALTUUDET_REDIRECT_URI: 'http://127.0.0.1:2/valtuudet/callback', PUOLESTA_REDIS_URL: `rediss://127.0.0.1:${port}`,
      PUOLESTA_THEMES: 'avustushakemuksen_tekeminen', PUOLESTA_COMPANY_ROLES: 'NIMKO', PUOLESTA_SESSION_KEYS: SESSION_KEY};
    const session = (adapter) => adapter.handle(new Request('http://127.0.0.1:2/valtuudet/session', {headers: {cookie: `puolesta_sid=${'b'.repeat(43)}`}}));
    const logs = [];
    const log = (event) => logs.push(event);
    const trusted = adapterFromEnv({getUser: () => ({hetu: '010101-123N'}), log}, {...env, PUOLESTA_REDIS_CA_FILE: certs.ca});
    const untrusted = adapterFromEnv({getUser: () => ({hetu: '010101-123N'}), log}, env);
    try {
      const answer = await session(trusted);
      assert.equal(answer.status, 200, 'the store was reached over TLS');
      assert.deepEqual(await answer.json(), {actingFor: null});
      assert.equal((await session(untrusted)).status, 500, 'without the CA the certificate is refused');
      assert.ok(logs.some((e) => e.route === 'store' && /certificate/.test(e.outcome)), 'store trouble goes to the host\'s log');
    } finally {
      // adapterFromEnv made these stores; the adapter keeps them in its (TypeScript-private) store field.
      await Promise.all([trusted.store.close(), untrusted.store.close()]);
    }
    assert.throws(() => adapterFromEnv({getUser: () => null}, {...env, PUOLESTA_REDIS_CA_FILE: join(certs.ca, 'missing')}), /PUOLESTA_REDIS_CA_FILE cannot be read/);
    assert.throws(() => adapterFromEnv({getUser: () => null}, {...env, PUOLESTA_REDIS_URL: 'redis://127.0.0.1:1', PUOLESTA_REDIS_CA_FILE: certs.ca}), /needs a rediss:\/\//);
  });
});

describe('RedisSessionStore with an ACL user', () => {
  const PASSWORD = 'p@ss:w/rd%-7f3a';
  let port;
  let redis;
  const {store, closeStores} = storeFactory(1000);
  before(async () => {
    port = await freePort();
    // The default user is off; "puolesta" may only touch puolesta:* keys with the four commands the store uses.
    redis = await startRedis({port, args: ['--save', '', '--appendonly', 'no', '--user', 'default', 'off',
      '--user', 'puolesta', 'on', `>${PASSWORD}`, '~puolesta:*', '-@all', '+get', '+getdel', '+set', '+del', '+ping']});
  });
  afterEach(async () => {
    await closeStores();
  });
  after(async () => {
    await redis?.stop();
  });

  it('logs in as the ACL user from the URL (password percent-encoded)', async () => {
    const acl = store({url: `redis://puolesta:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}`});
    await acl.set('acl', 'works', 60_000);
    assert.equal(await acl.get('acl'), 'works');
    await acl.set('flow', 'once', 60_000);
    assert.equal(await acl.take('flow'), 'once', 'GETDEL is all a flow needs beyond get/set/del');
    assert.equal(await acl.take('flow'), undefined);
    await acl.delete('acl');
    assert.equal(await acl.get('acl'), undefined);
    await assert.rejects(store({url: `redis://puolesta:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}`, prefix: 'other:'}).get('acl'),
      /NOPERM/, 'the ACL really applies: other keys are out of reach');
  });

  it('takes username and password options over the URL', async () => {
    const acl = store({url: `redis://nobody:nothing@127.0.0.1:${port}`, username: 'puolesta', password: PASSWORD});
    await acl.set('options', 'work', 60_000);
    assert.equal(await acl.get('options'), 'work');
  });

  it('a wrong password is a clear RedisError that names neither password, in errors and logs', async () => {
    const logs = [];
    const wrong = 'not-the-pw-8b1f';
    const denied = store({url: `redis://puolesta:${wrong}@127.0.0.1:${port}`, log: (m) => logs.push(m)});
    await assert.rejects(denied.get('acl'), (e) => {
      assert.ok(e instanceof RedisError);
      assert.match(e.message, /WRONGPASS|invalid username-password/);
      assert.ok(!e.message.includes(wrong) && !e.message.includes(PASSWORD), e.message);
      return true;
    });
    assert.ok(logs.length >= 1 && logs.every((m) => !m.includes(wrong) && !m.includes(PASSWORD)), logs.join('\n'));
    await assert.rejects(store({url: `redis://127.0.0.1:${port}`}).get('acl'), /NOAUTH/, 'no login: refused');
  });
});

describe('Redis restarted mid-session, end to end through the adapter', () => {
  let port;
  let dir;
  let redis;
  let host;
  let store;
  const args = () => ['--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--dir', dir];
  before(async () => {
    port = await freePort();
    dir = tempDir('aof');
    redis = await startRedis({port, args: args()});
    store = new RedisSessionStore({url: `redis://127.0.0.1:${port}`, timeoutMs: 500, log: quiet});
    host = await startHost({store});
  });
  after(async () => {
    await host?.close();
    await store?.close();
    await redis?.stop();
  });

  it('shows nobody quickly while Redis is down, and the same session again once it is back', async () => {
    const browser = new Browser(host);
    await browser.flow();
    assert.equal((await browser.session())?.name, NAME, 'acting for Anni');

    await redis.stop();
    for (let i = 0; i < 3; i++) {
      const {value: answer, ms} = await timed(() => browser.request('/valtuudet/session'));
      assert.ok(ms < 3000, `answered in ${ms} ms`);
      const actingFor = answer.status === 200 ? JSON.parse(answer.body).actingFor : null;
      assert.equal(actingFor, null, `the banner shows nobody (status ${answer.status})`);
    }
    assert.ok(host.logs.some((line) => /"route":"session","outcome":"failed","reason":"RedisError"/.test(line)), host.logs.join('\n'));

    redis = await startRedis({port, args: args()}); // same port, same directory: the append-only file is read back
    const name = await eventually(async () => {
      const actingFor = await browser.session();
      assert.ok(actingFor, 'session back');
      return actingFor.name;
    }, 10_000);
    assert.equal(name, NAME, 'acting for Anni again without a new Suomi.fi round');
  });
});

describe('RedisSessionStore through Redis Sentinel', () => {
  const MASTER_NAME = 'puolesta-master';
  let masterPort;
  let replicaPort;
  let sentinelPort;
  let master;
  let replica;
  let sentinel;
  const {store, closeStores} = storeFactory(1500);
  before(async () => {
    [masterPort, replicaPort, sentinelPort] = [await freePort(), await freePort(), await freePort()];
    const plain = ['--save', '', '--appendonly', 'no'];
    master = await startRedis({port: masterPort, args: [...plain, '--repl-diskless-sync-delay', '0']});
    replica = await startRedis({port: replicaPort, args: [...plain, '--replicaof', '127.0.0.1', String(masterPort)],
      ready: /MASTER <-> REPLICA sync: Finished with success|Master accepted a Partial Resynchronization/});
    const config = join(tempDir('sentinel'), 'sentinel.conf');
    writeFileSync(config, [`port ${sentinelPort}`, 'bind 127.0.0.1', `sentinel monitor ${MASTER_NAME} 127.0.0.1 ${masterPort} 1`,
      `sentinel down-after-milliseconds ${MASTER_NAME} 500`, `sentinel failover-timeout ${MASTER_NAME} 3000`, ''].join('\n'));
    sentinel = await startRedis({sentinelConfig: config, ready: /\+monitor master/});
  });
  afterEach(async () => {
    await closeStores();
  });
  after(async () => {
    await Promise.all([sentinel?.stop(), replica?.stop(), master?.stop()]);
  });

  it('finds the master through the sentinel, and follows a failover to the promoted replica', async () => {
    const viaSentinel = store({sentinel: {name: MASTER_NAME, nodes: [{host: '127.0.0.1', port: sentinelPort}]}});
    await viaSentinel.set('s1', 'before failover', 60_000);
    assert.equal(await viaSentinel.get('s1'), 'before failover');
    assert.equal(await store({url: `redis://127.0.0.1:${masterPort}`}).get('s1'), 'before failover', 'written to the master');
    const onReplica = store({url: `redis://127.0.0.1:${replicaPort}`});
    await eventually(async () => assert.equal(await onReplica.get('s1'), 'before failover'), 5000);

    await master.stop('SIGKILL');
    await eventually(async () => {
      await viaSentinel.set('s2', 'after failover', 60_000);
      assert.equal(await viaSentinel.get('s2'), 'after failover');
    }, 30_000);
    assert.equal(await viaSentinel.get('s1'), 'before failover', 'the replicated session survived the failover');
    assert.equal(await onReplica.get('s2'), 'after failover', 'written to the promoted replica');
  });
});
