// The adapter mounted on a real node:http server, talking to the simulator over HTTP, driven like a browser
// (cookies kept, redirects followed by hand). Run after the build (`npm test` does both).
import {after, afterEach, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {MemorySessionStore, configFromEnv, displayName} from '../../dist/server/index.js';
import {fixtures} from '../../demo/simulator/main.mjs';
import {HOSTILE_RETURNS, identityCodes} from '../fixtures/session-cases.mjs';
import {choose} from './sim-helpers.mjs';
import {Browser, SECRETS, THEME, result, startHost} from './host-helpers.mjs';


describe('Valtuudet adapter (node:http mount, simulator over HTTP)', () => {
  let host;
  before(async () => {
    host = await startHost();
  });
  afterEach(() => fetch(`${host.sim.url}/__sim/reset`, {method: 'POST'}));
  after(() => host.close());

  it('person: start sends the browser to Suomi.fi with every authorize parameter and an HttpOnly cookie', async () => {
    const browser = new Browser(host);
    const start = await browser.request(`/valtuudet/start?mode=person&return=%2Fhakemus&lang=sv`);
    assert.equal(start.status, 302);
    const url = new URL(start.location);
    assert.equal(url.origin, host.sim.url);
    assert.equal(url.pathname, '/oauth/authorize');
    for (const key of ['client_id', 'response_type', 'redirect_uri', 'user', 'lang', 'state']) assert.ok(url.searchParams.get(key), key);
    assert.equal(url.searchParams.get('lang'), 'sv');
    assert.equal(url.searchParams.get('redirect_uri'), `${host.origin}/valtuudet/callback`);
    assert.ok(url.searchParams.get('state').length >= 40, 'state is long and random');
    const cookie = browser.setCookies.find((c) => c.startsWith('puolesta_sid='));
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Lax/);
    assert.doesNotMatch(cookie, /Secure/, 'no Secure flag on plain http (it would break localhost)');
  });

  it('person: the whole flow ends acting for the chosen person, by name only', async () => {
    const browser = new Browser(host);
    const back = await browser.flow();
    assert.equal(back.pathname, '/hakemus');
    assert.equal(back.searchParams.get('vaihe'), '2', 'the return path keeps its own parameters');
    assert.equal(result(back), 'ok');
    assert.deepEqual(await browser.session(), {type: 'person', name: 'Anni Emilia Kumpulainen', themes: [THEME]});
    const record = await host.adapter.current(new Request(`${host.origin}/x`, {headers: {cookie: [...browser.cookies].map((c) => c.join('=')).join('; ')}}));
    assert.equal(record.id, fixtures.principals.find((p) => p.id === 'anni').hetu, 'the host server still gets the identity code');
  });

  it('organisation: the whole flow ends acting for the chosen association, never called a company', async () => {
    const browser = new Browser(host);
    const back = await browser.flow({mode: 'company', choice: 'yhdistys'});
    assert.equal(result(back), 'ok');
    const acting = await browser.session();
    assert.equal(acting.type, 'organisation');
    assert.equal(acting.name, fixtures.organizations.find((o) => o.id === 'yhdistys').name);
  });

  it('organisation where the user has no role: no-role (not "no mandate"), acting as themselves', async () => {
    const browser = new Browser(host);
    assert.equal(result(await browser.flow({mode: 'company', choice: 'rakennus'})), 'no-role');
    assert.equal(await browser.session(), null);
  });

  it('person whose mandate does not cover the theme (DISALLOWED): denied, and the Valtuudet session is ended', async () => {
    const browser = new Browser(host);
    const before = (await host.simState()).stats.unregister;
    assert.equal(result(await browser.flow({choice: 'toivo'})), 'denied');
    assert.equal(await browser.session(), null);
    assert.equal((await host.simState()).stats.unregister, before + 1);
  });

  it('cancel in Suomi.fi: cancelled', async () => {
    const browser = new Browser(host);
    assert.equal(result(await browser.flow({action: 'cancel'})), 'cancelled');
    assert.equal(await browser.session(), null);
  });

  it('expired Valtuudet session (401): expired', async () => {
    const browser = new Browser(host);
    assert.equal(result(await browser.flow({simulate: 'expired'})), 'expired');
    assert.equal(await browser.session(), null);
  });

  it('Valtuudet 5xx, slow (timeout) and malformed answers: error, never acting for anyone', async () => {
    for (const simulate of ['server-error', 'slow', 'malformed']) {
      const browser = new Browser(host);
      assert.equal(result(await browser.flow({simulate})), 'error', simulate);
      assert.equal(await browser.session(), null, simulate);
    }
  });

  it('Valtuudet down at start: back to the page with error', async () => {
    await host.simMode('server-error', {count: 1});
    const browser = new Browser(host);
    const back = await browser.flow();
    assert.equal(back.origin, host.origin);
    assert.equal(result(back), 'error');
  });

  it('not logged in: start refuses without calling Valtuudet', async () => {
    const browser = new Browser(host, null);
    const before = (await host.simState()).stats.register;
    const back = await browser.flow();
    assert.equal(result(back), 'error');
    assert.equal((await host.simState()).stats.register, before);
  });

  it('a callback replayed in another browser does nothing (state bound to the cookie)', async () => {
    const victim = new Browser(host);
    const start = await victim.request('/valtuudet/start?mode=person&return=/');
    const picked = await choose(start.location, {choice: 'anni'});
    const attacker = new Browser(host, 'maija');
    const stolen = await attacker.request(picked.location);
    assert.equal(result(new URL(stolen.location, host.origin)), 'expired');
    assert.equal(await attacker.session(), null);
    // A forged state in the victim's own browser matches no flow, and the real flow still works after it.
    const forged = new URL(picked.location);
    forged.searchParams.set('state', 'x'.repeat(43));
    assert.equal(result(new URL((await victim.request(forged.href)).location, host.origin)), 'expired');
    assert.equal(result(new URL((await victim.request(picked.location)).location, host.origin)), 'ok');
  });

  it('a flow is used once: a reloaded callback repeats the first answer without exchanging the code again', async () => {
    const browser = new Browser(host);
    const start = await browser.request('/valtuudet/start?mode=person&return=/');
    const picked = await choose(start.location, {choice: 'anni'});
    const tokensBefore = (await host.simState()).stats.token ?? 0;
    assert.equal(result(new URL((await browser.request(picked.location)).location, host.origin)), 'ok');
    assert.equal(result(new URL((await browser.request(picked.location)).location, host.origin)), 'ok');
    assert.equal(((await host.simState()).stats.token ?? 0) - tokensBefore, 1, 'the code went to /oauth/token once');
    assert.equal((await browser.session())?.name, 'Anni Emilia Kumpulainen', 'the reload did not undo the choice');
  });

  it('hostile return values never leave the origin', async () => {
    for (const hostile of HOSTILE_RETURNS) {
      const browser = new Browser(host);
      const start = await browser.request(`/valtuudet/start?mode=person&return=${encodeURIComponent(hostile)}`);
      const picked = await choose(start.location, {choice: 'anni'});
      const back = await browser.request(picked.location);
      assert.match(back.location, /^\/(?![/\\])/, `${JSON.stringify(hostile)} → ${back.location}`);
      assert.equal(new URL(back.location, host.origin).origin, host.origin);
      assert.equal(new URL(back.location, host.origin).pathname, '/', JSON.stringify(hostile));
    }
  });

  it('stop needs the same origin and the X-Puolesta header; then ends the Valtuudet session', async () => {
    const browser = new Browser(host);
    await browser.flow();
    assert.equal((await browser.stop({Origin: host.origin})).status, 403, 'no custom header');
    assert.equal((await browser.stop({'X-Puolesta': '1', Origin: 'https://evil.example'})).status, 403, 'other origin');
    assert.equal((await browser.stop({'X-Puolesta': '1'})).status, 403, 'neither Origin nor Sec-Fetch-Site');
    assert.equal((await browser.request('/valtuudet/stop')).status, 405, 'GET is not allowed');
    assert.ok(await browser.session(), 'still acting after refused stops');
    const before = (await host.simState()).stats.unregister;
    assert.equal((await browser.stop()).status, 204);
    assert.equal(await browser.session(), null);
    assert.equal((await host.simState()).stats.unregister, before + 1);
  });

  it('logging out (or another user) ends acting for the principal', async () => {
    const browser = new Browser(host);
    await browser.flow();
    browser.cookies.set('who', 'maija');
    assert.equal(await browser.session(), null);
    browser.cookies.set('who', 'matti');
    assert.equal(await browser.session(), null, 'gone for good, not just hidden');
  });

  it('session answers are never cached and unknown routes 404', async () => {
    const browser = new Browser(host);
    const session = await browser.request('/valtuudet/session');
    assert.equal(session.headers.get('cache-control'), 'no-store');
    assert.equal((await browser.request('/valtuudet/other')).status, 404);
  });

  it('no identity code, session id, token or secret in any response or log line', async () => {
    const browser = new Browser(host);
    await browser.flow();
    await browser.flow({mode: 'company', choice: 'yhdistys'});
    await browser.flow({choice: 'toivo'});
    await browser.session();
    await browser.stop();
    const everything = [...browser.seen, ...host.logs].join('\n');
    for (const code of identityCodes()) assert.ok(!everything.includes(code), `identity code leaked`);
    for (const secret of SECRETS) assert.ok(!everything.includes(secret), 'secret leaked');
    assert.ok(!/access_token|Bearer /i.test(everything), 'token leaked');
    assert.ok(host.logs.length > 5, 'the adapter did log its outcomes');
  });

  it('calls the host hook after a completed transaction, with the principal', async () => {
    const notices = [];
    const other = await startHost({onTransaction: (n) => notices.push(n)});
    try {
      const browser = new Browser(other);
      const request = () => new Request(`${other.origin}/form`, {headers: {cookie: [...browser.cookies].map((c) => c.join('=')).join('; ')}});
      assert.equal(await other.adapter.transactionCompleted(request(), {service: 'x'}), false, 'nothing when acting as oneself');
      await browser.flow();
      assert.equal(await other.adapter.transactionCompleted(request(), {service: 'x'}), true);
      assert.equal(notices.length, 1);
      assert.equal(notices[0].principal.name, 'Anni Emilia Kumpulainen');
      assert.equal(notices[0].details.service, 'x');
    } finally {
      await other.close();
    }
  });
});

describe('adapter time limits', () => {
  let host;
  let clock = Date.now();
  before(async () => {
    host = await startHost({now: () => clock, idleTimeoutMs: 60_000, absoluteTimeoutMs: 300_000, flowTimeoutMs: 30_000,
      store: new MemorySessionStore({now: () => clock})});
  });
  after(() => host.close());

  it('ends acting after the idle limit and unregisters the Valtuudet session', async () => {
    const browser = new Browser(host);
    await browser.flow();
    clock += 50_000;
    assert.ok(await browser.session(), 'within the idle limit');
    clock += 50_000;
    assert.ok(await browser.session(), 'the limit slides with use');
    const before = (await host.simState()).stats.unregister;
    clock += 61_000;
    assert.equal(await browser.session(), null);
    assert.equal((await host.simState()).stats.unregister, before + 1, 'the Valtuudet session was ended');
  });

  it('ends acting after the absolute limit even when in use', async () => {
    const browser = new Browser(host);
    await browser.flow();
    for (let i = 0; i < 6; i++) {
      clock += 55_000;
      await browser.session();
    }
    assert.equal(await browser.session(), null);
  });

  it('a choice that took longer than the flow limit comes back as expired', async () => {
    const browser = new Browser(host);
    const start = await browser.request('/valtuudet/start?mode=person&return=/');
    const picked = await choose(start.location, {choice: 'anni'});
    clock += 31_000;
    assert.equal(result(new URL((await browser.request(picked.location)).location, host.origin)), 'expired');
  });
});

describe('adapter configuration', () => {
  const env = {VALTUUDET_BASE_URL: 'https://asiointivaltuustarkastus.test.suomi.fi', VALTUUDET_CLIENT_ID: 'ab12cd34',
    VALTUUDET_API_KEY: 'key-secret-value', VALTUUDET_OAUTH_PASSWORD: 'oauth-secret-value', VALTUUDET_REDIRECT_URI: 'https://e.example.fi/valtuudet/callback'};

  it('reads the contract variables and theme slugs', () => {
    const config = configFromEnv({...env, PUOLESTA_THEMES: 'avustushakemuksen_tekeminen, http://valtuusrekisteri.suomi.fi/x'});
    assert.equal(config.valtuudet.clientId, 'ab12cd34');
    assert.deepEqual(config.themes, ['http://valtuusrekisteri.suomi.fi/avustushakemuksen_tekeminen', 'http://valtuusrekisteri.suomi.fi/x']);
  });

  it('names what is missing or wrong, never the secret values', () => {
    assert.throws(() => configFromEnv({...env, VALTUUDET_API_KEY: '', VALTUUDET_OAUTH_PASSWORD: undefined}),
      (e) => /VALTUUDET_API_KEY, VALTUUDET_OAUTH_PASSWORD/.test(e.message));
    assert.throws(() => configFromEnv({...env, VALTUUDET_BASE_URL: 'http://valtuudet.example.fi'}),
      (e) => /VALTUUDET_BASE_URL must be https/.test(e.message) && !e.message.includes('secret'));
  });

  it('sets Secure cookies when the public origin is https', async () => {
    const host = await startHost({publicOrigin: 'https://asiointi.example.fi'});
    try {
      const browser = new Browser(host);
      await browser.request('/valtuudet/start?mode=person&return=/');
      // __Host-: only this exact host over https can set or read it, so no subdomain can plant an id.
      assert.match(browser.setCookies.find((c) => c.startsWith('__Host-puolesta_sid=')), /; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
    } finally {
      await host.close();
    }
  });

  it('turns DVV names (surname first) into display names and drops identity codes', () => {
    assert.equal(displayName('Kumpulainen Anni Emilia'), 'Anni Emilia Kumpulainen');
    assert.equal(displayName('Virtanen\u0000 Toivo'), 'Toivo Virtanen');
    assert.equal(displayName('Hacker 120508A950F'), '');
  });
});
