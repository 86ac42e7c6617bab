// Attacker class: someone who reads the session store (a Redis dump, a backup, a replica). They must find no
// identity code, no principal's name and no live session id, and the user key must not be a plain hash of an
// identity code (a birth year of hetus is hashed in well under a second). Rotation of the key is invisible to
// the citizen; an altered record ends only that session.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {createHash, randomBytes} from 'node:crypto';
import {createClient} from 'redis';
import {RedisSessionStore} from '../../dist/server/index.js';
import {fixtures} from '../../demo/simulator/main.mjs';
import {Browser, SESSION_KEY, result, startHost} from '../server/host-helpers.mjs';
import {freePort, removeTempDirs, requireRedisServer, startRedis, stopAll} from '../server/redis-helpers.mjs';

const quiet = () => {};
const sha256 = (value, encoding) => createHash('sha256').update(value).digest(encoding);

describe('sessions at rest in a real Redis', () => {
  let port;
  let redis;
  let client;
  const sites = [];
  const store = () => new RedisSessionStore({url: `redis://127.0.0.1:${port}/4`, log: quiet});
  const site = async (options) => {
    const s = await startHost({store: store(), ...options});
    sites.push(s);
    return s;
  };
  /** Every key and value in the database, as an attacker with a dump sees them. */
  const dump = async () => {
    const entries = [];
    for (const key of await client.keys('*')) entries.push(`${key}\n${await client.get(key)}`);
    return entries.join('\n');
  };

  before(async () => {
    requireRedisServer();
    port = await freePort();
    redis = await startRedis({port, args: ['--save', '', '--appendonly', 'no']});
    client = createClient({url: `redis://127.0.0.1:${port}/4`});
    await client.connect();
  });
  after(async () => {
    for (const s of sites) await s.close();
    await client?.quit();
    await stopAll();
    removeTempDirs();
  });

  it('a dump shows no identity code, no name, no session id and no plain hash of an identity code', async () => {
    const host = await site();
    const browser = new Browser(host);
    assert.equal(result(await browser.flow({choice: 'anni'})), 'ok');
    const pending = new Browser(host, 'maija'); // a flow still under way is stored too
    await pending.request('/valtuudet/start?mode=person&return=/');
    const text = await dump();
    assert.ok(text.length > 200, 'the dump holds the sessions');
    const user = fixtures.users.find((u) => u.id === 'matti');
    const principal = fixtures.principals.find((p) => p.id === 'anni');
    for (const secret of [user.hetu, principal.hetu, 'Kumpulainen', 'Anni', browser.cookies.get('puolesta_sid'), pending.cookies.get('puolesta_sid')]) {
      assert.ok(!text.includes(secret), `the dump must not contain ${secret.slice(0, 4)}…`);
    }
    for (const hetu of [user.hetu, principal.hetu]) {
      for (const encoding of ['base64url', 'base64', 'hex']) assert.ok(!text.includes(sha256(hetu, encoding)), `no plain SHA-256 of an identity code (${encoding})`);
    }
    assert.equal((await browser.session()).name, 'Anni Emilia Kumpulainen', 'the citizen notices nothing');
  });

  it('another key cannot read the sessions; a new key put first keeps them (rotation), the old key alone does not', async () => {
    const newKey = randomBytes(32).toString('base64');
    const first = await site();
    const browser = new Browser(first);
    assert.equal(result(await browser.flow({choice: 'anni'})), 'ok');
    const as = async (host) => {
      const b = new Browser(host);
      b.cookies = new Map(browser.cookies);
      return b.session();
    };
    assert.equal(await as(await site({sessionKeys: [newKey]})), null, 'a store read with another key shows nobody');
    const rotated = await site({sessionKeys: [newKey, SESSION_KEY]});
    assert.equal((await as(rotated)).name, 'Anni Emilia Kumpulainen', 'rotation: the old key still opens old records');
  });

  it('an altered record ends that session only: no crash, nobody shown', async () => {
    const host = await site();
    const browser = new Browser(host);
    assert.equal(result(await browser.flow({choice: 'anni'})), 'ok');
    const key = `puolesta:${sha256(browser.cookies.get('puolesta_sid'), 'base64url')}`;
    const sealed = await client.get(key);
    assert.match(sealed, /^p1\./);
    const flipped = sealed.slice(0, -3) + (sealed.at(-3) === 'A' ? 'B' : 'A') + sealed.slice(-2);
    await client.set(key, flipped);
    const answer = await browser.request('/valtuudet/session');
    assert.equal(answer.status, 200);
    assert.deepEqual(JSON.parse(answer.body), {actingFor: null});
    // A plain-text record written by hand (or by an older release) is not trusted either.
    await client.set(key, JSON.stringify({userKey: 'x', created: Date.now(), lastSeen: Date.now(), acting: {type: 'person', name: 'Forged', id: '', themes: [], roles: [], since: 0}}));
    assert.equal(await browser.session(), null);
  });
});
