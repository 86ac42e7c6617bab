// The real Valtuudet client against the simulator on a random 127.0.0.1 port (run after
// `node scripts/build-server.mjs`, which `npm test` does through the build).
import {after, before, beforeEach, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {ValtuudetClient, ValtuudetError} from '../../dist/server/valtuudet-client.js';
import {startSimulator, DEMO_CREDENTIALS, fixtures} from '../../demo/simulator/main.mjs';
import {choose} from './sim-helpers.mjs';

const REDIRECT = 'http://127.0.0.1:9999/valtuudet/callback';
const matti = fixtures.users.find((u) => u.id === 'matti');
const anni = fixtures.principals.find((p) => p.id === 'anni');
const THEME = 'http://valtuusrekisteri.suomi.fi/varhaiskasvatuksen_aloituksesta_tai_paattymisesta_ilmoittaminen';

describe('Valtuudet client against the simulator', () => {
  let sim;
  let client;
  const setMode = (mode, extra = {}) => fetch(`${sim.url}/__sim/mode`, {method: 'POST', body: JSON.stringify({mode, ...extra})});
  before(async () => {
    sim = await startSimulator({port: 0, redirectUris: [REDIRECT], slowMs: 1500});
    client = new ValtuudetClient({baseUrl: sim.url, redirectUri: REDIRECT, timeoutMs: 800, ...DEMO_CREDENTIALS});
  });
  beforeEach(() => fetch(`${sim.url}/__sim/reset`, {method: 'POST'}));
  after(() => sim.close());

  async function session(mode, choice, simulate) {
    const {sessionId, userId} = await client.register(mode, matti.hetu);
    const url = client.authorizeUrl({userId, state: 'st4te', lang: 'fi'});
    const back = await choose(url, {choice, simulate});
    assert.equal(back.status, 302);
    const location = new URL(back.location);
    assert.equal(location.origin + location.pathname, REDIRECT);
    assert.equal(location.searchParams.get('state'), 'st4te');
    return {sessionId, code: location.searchParams.get('code')};
  }

  it('builds the authorize URL with every parameter DVV expects', () => {
    const url = new URL(client.authorizeUrl({userId: 'u1', state: 's1', lang: 'sv'}));
    assert.equal(url.pathname, '/oauth/authorize');
    assert.deepEqual(Object.fromEntries(url.searchParams), {client_id: DEMO_CREDENTIALS.clientId, response_type: 'code', redirect_uri: REDIRECT, user: 'u1', lang: 'sv', state: 's1'});
  });

  it('runs the whole HPA flow: register, choose, token, delegate, authorization, unregister', async () => {
    const {sessionId, code} = await session('hpa', 'anni');
    const {accessToken, expiresIn} = await client.exchangeCode(code);
    assert.ok(accessToken && expiresIn > 0);
    const principals = await client.delegates(sessionId, accessToken);
    assert.deepEqual(principals, [{personId: anni.hetu, name: 'Kumpulainen Anni Emilia'}]);
    assert.equal((await client.authorization(sessionId, accessToken, anni.hetu, [THEME])).result, 'ALLOWED');
    assert.equal(await client.unregister('hpa', sessionId), true);
    await assert.rejects(client.delegates(sessionId, accessToken), (e) => e instanceof ValtuudetError && e.kind === 'session-expired');
  });

  it('answers DISALLOWED when the mandate does not cover the theme', async () => {
    const {sessionId, code} = await session('hpa', 'toivo');
    const {accessToken} = await client.exchangeCode(code);
    const [toivo] = await client.delegates(sessionId, accessToken);
    assert.equal((await client.authorization(sessionId, accessToken, toivo.personId, [THEME])).result, 'DISALLOWED');
  });

  it('runs the YPA flow and returns the user’s roles, empty where the user has none', async () => {
    const a = await session('ypa', 'yhdistys');
    const orgs = await client.organizationRoles(a.sessionId, (await client.exchangeCode(a.code)).accessToken);
    assert.equal(orgs[0].name, 'Esimerkkiyhdistys ry');
    assert.ok(orgs[0].roles.includes('PJ'));
    const b = await session('ypa', 'rakennus');
    const none = await client.organizationRoles(b.sessionId, (await client.exchangeCode(b.code)).accessToken);
    assert.deepEqual(none[0].roles, []);
  });

  it('refuses a reused code with invalid-grant', async () => {
    const {code} = await session('hpa', 'anni');
    await client.exchangeCode(code);
    await assert.rejects(client.exchangeCode(code), (e) => e.kind === 'invalid-grant');
  });

  it('types 401, 500, slow and malformed answers', async () => {
    for (const [simulate, kind] of [['expired', 'session-expired'], ['server-error', 'server-error'], ['slow', 'timeout'], ['malformed', 'malformed']]) {
      const {sessionId, code} = await session('hpa', 'anni', simulate);
      const {accessToken} = await client.exchangeCode(code);
      await assert.rejects(client.delegates(sessionId, accessToken), (e) => e.kind === kind, simulate);
    }
    await setMode('server-error', {count: 1});
    await assert.rejects(client.register('hpa', matti.hetu), (e) => e.kind === 'server-error');
  });

  it('is refused by the simulator with a wrong API key or a clock 10 minutes off', async () => {
    const wrongKey = new ValtuudetClient({baseUrl: sim.url, redirectUri: REDIRECT, ...DEMO_CREDENTIALS, apiKey: 'wrong'});
    await assert.rejects(wrongKey.register('hpa', matti.hetu), (e) => e.kind === 'client-error' && e.status === 403);
    const skewed = new ValtuudetClient({baseUrl: sim.url, redirectUri: REDIRECT, ...DEMO_CREDENTIALS, now: () => new Date(Date.now() - 10 * 60 * 1000)});
    await assert.rejects(skewed.register('hpa', matti.hetu), (e) => e.status === 403);
    const wrongPassword = new ValtuudetClient({baseUrl: sim.url, redirectUri: REDIRECT, ...DEMO_CREDENTIALS, oauthPassword: 'nope'});
    const {code} = await session('hpa', 'anni');
    await assert.rejects(wrongPassword.exchangeCode(code), (e) => e.kind === 'client-error' || e.kind === 'invalid-grant');
  });

  it('reports a service that is down as a network error', async () => {
    const down = new ValtuudetClient({baseUrl: 'http://127.0.0.1:9', redirectUri: REDIRECT, ...DEMO_CREDENTIALS});
    await assert.rejects(down.register('hpa', matti.hetu), (e) => e.kind === 'network');
  });

  it('never puts an identity code, session id or token in an error message', async () => {
    const {sessionId, code} = await session('hpa', 'anni', 'server-error');
    const {accessToken} = await client.exchangeCode(code);
    const error = await client.delegates(sessionId, accessToken).catch((e) => e);
    for (const secret of [matti.hetu, anni.hetu, sessionId, accessToken, DEMO_CREDENTIALS.apiKey]) assert.ok(!String(error.message).includes(secret));
  });

  it('cancelling on the selection page returns error=access_denied', async () => {
    const {userId} = await client.register('hpa', matti.hetu);
    const back = await choose(client.authorizeUrl({userId, state: 'x'}), {action: 'cancel'});
    assert.equal(new URL(back.location).searchParams.get('error'), 'access_denied');
  });

  it('never redirects to an unregistered return address', async () => {
    const {userId} = await client.register('hpa', matti.hetu);
    const url = new URL(client.authorizeUrl({userId, state: 'x'}));
    url.searchParams.set('redirect_uri', 'https://evil.example/cb');
    const res = await fetch(url, {redirect: 'manual'});
    assert.equal(res.status, 400);
  });

  it('shows names, never identity codes, on the selection page', async () => {
    const {userId} = await client.register('hpa', matti.hetu);
    const page = await (await fetch(client.authorizeUrl({userId, state: 'x', lang: 'sv'}))).text();
    assert.match(page, /Anni Emilia Kumpulainen/);
    assert.match(page, /lang="sv"/);
    for (const p of [...fixtures.principals, ...fixtures.users]) assert.ok(!page.includes(p.hetu));
  });
});
