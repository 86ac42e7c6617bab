// Cross-origin reads of /valtuudet/session and /valtuudet/stop (PUOLESTA_ALLOWED_ORIGINS): credentialed CORS
// for exactly the listed origins, nothing for any other, and the stop's CSRF check kept. Real adapter on
// node:http, simulator over HTTP.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {configFromEnv} from '../../dist/server/index.js';
import {identityCodes} from '../fixtures/session-cases.mjs';
import {Browser, startHost} from './host-helpers.mjs';

const INFO = 'https://www.kunta.example';
const OTHER_KUNTA = 'https://www.naapurikunta.example';

const corsOf = (headers) => ({
  origin: headers.get('access-control-allow-origin'),
  credentials: headers.get('access-control-allow-credentials'),
  methods: headers.get('access-control-allow-methods'),
  vary: headers.get('vary'),
});

describe('allowed origins (credentialed CORS for the listed origins only)', () => {
  let host;
  before(async () => {
    host = await startHost({allowedOrigins: [INFO, 'https://asiointi2.kunta.example']});
  });
  after(() => host.close());

  it('a listed origin reads the principal with credentials, by name only', async () => {
    const browser = new Browser(host);
    await browser.flow();
    const read = await browser.request('/valtuudet/session', {headers: {Origin: INFO}});
    assert.deepEqual(corsOf(read.headers), {origin: INFO, credentials: 'true', methods: null, vary: 'Origin'});
    assert.equal(JSON.parse(read.body).actingFor.name, 'Anni Emilia Kumpulainen');
    for (const code of identityCodes()) assert.ok(!read.body.includes(code));
  });

  for (const origin of [OTHER_KUNTA, 'null', 'https://www.kunta.example.evil.example', 'http://www.kunta.example', 'https://WWW.kunta.example', `${INFO}/`]) {
    it(`${origin}: no CORS header at all (the browser keeps the answer from the page)`, async () => {
      const browser = new Browser(host);
      await browser.flow();
      const read = await browser.request('/valtuudet/session', {headers: {Origin: origin}});
      assert.deepEqual(corsOf(read.headers), {origin: null, credentials: null, methods: null, vary: 'Origin'});
      const preflight = await browser.request('/valtuudet/stop', {method: 'OPTIONS', headers: {Origin: origin,
        'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'x-puolesta'}});
      assert.deepEqual(corsOf(preflight.headers), {origin: null, credentials: null, methods: null, vary: 'Origin'});
      assert.equal((await browser.stop({'X-Puolesta': '1', Origin: origin})).status, 403);
      assert.ok(await browser.session(), 'still acting after the refused stop');
    });
  }

  it('preflight for stop: allowed for a listed origin asking POST with X-Puolesta, nothing more', async () => {
    const browser = new Browser(host);
    const ask = (method, headers) => browser.request('/valtuudet/stop', {method: 'OPTIONS', headers: {Origin: INFO,
      'Access-Control-Request-Method': method, ...(headers ? {'Access-Control-Request-Headers': headers} : {})}});
    const ok = await ask('POST', 'x-puolesta');
    assert.equal(ok.status, 204);
    assert.deepEqual(corsOf(ok.headers), {origin: INFO, credentials: 'true', methods: 'POST', vary: 'Origin'});
    assert.equal(ok.headers.get('access-control-allow-headers'), 'X-Puolesta');
    assert.equal((await ask('DELETE', 'x-puolesta')).headers.get('access-control-allow-methods'), null, 'another method');
    assert.equal((await ask('POST', 'x-puolesta, authorization')).headers.get('access-control-allow-methods'), null, 'another header');
  });

  it('a listed origin can stop (with X-Puolesta), and the Valtuudet session ends', async () => {
    const browser = new Browser(host);
    await browser.flow();
    assert.equal((await browser.stop({Origin: INFO})).status, 403, 'the CSRF header is still required');
    const before = (await host.simState()).stats.unregister;
    const stopped = await browser.stop({'X-Puolesta': '1', Origin: INFO});
    assert.equal(stopped.status, 204);
    assert.equal(stopped.headers.get('access-control-allow-origin'), INFO, 'the page may see that it worked');
    assert.equal(await browser.session(), null);
    assert.equal((await host.simState()).stats.unregister, before + 1);
  });

  it('same-origin use is unchanged: no CORS headers without an Origin', async () => {
    const browser = new Browser(host);
    const read = await browser.request('/valtuudet/session');
    assert.equal(read.headers.get('access-control-allow-origin'), null);
    assert.equal(JSON.parse(read.body).actingFor, null);
  });
});

describe('without allowed origins (the default)', () => {
  let host;
  before(async () => {
    host = await startHost();
  });
  after(() => host.close());

  it('no origin, however close, gets CORS headers, and no Vary is added', async () => {
    const browser = new Browser(host);
    await browser.flow();
    const read = await browser.request('/valtuudet/session', {headers: {Origin: INFO}});
    assert.deepEqual(corsOf(read.headers), {origin: null, credentials: null, methods: null, vary: null});
    assert.equal((await browser.stop({'X-Puolesta': '1', Origin: INFO})).status, 403);
  });
});

describe('PUOLESTA_ALLOWED_ORIGINS', () => {
  const env = (value) => ({
    VALTUUDET_BASE_URL: 'https://valtuudet.example', VALTUUDET_CLIENT_ID: 'abc123', VALTUUDET_API_KEY: 'k',
    VALTUUDET_OAUTH_PASSWORD: 'p', VALTUUDET_REDIRECT_URI: 'https://asiointi.kunta.example/valtuudet/callback',
    PUOLESTA_ALLOWED_ORIGINS: value,
  });

  it('takes exact https origins, comma or space separated', () => {
    assert.deepEqual(configFromEnv(env(`${INFO}, https://kunta.example  http://localhost:8082`)).allowedOrigins,
      [INFO, 'https://kunta.example', 'http://localhost:8082']);
    assert.deepEqual(configFromEnv(env('')).allowedOrigins, []);
  });

  for (const [value, why] of [
    ['https://*.kunta.example', /wildcard/], ['*', /wildcard/], ['http://www.kunta.example', /https/],
    [`${INFO}/`, /only the origin/], [`${INFO}/path`, /only the origin/], ['https://user:pw@www.kunta.example', /password/],
    ['www.kunta.example', /origin like/],
  ]) {
    it(`refuses ${value} with a clear reason`, () => assert.throws(() => configFromEnv(env(value)), why));
  }
});
