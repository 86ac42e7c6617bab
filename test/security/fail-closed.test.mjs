// Attacker class: a service that forgot a setting. Nothing may start in a state that accepts a principal whose
// mandate was never checked (issue: "the adapter accepts any principal unless PUOLESTA_THEMES is set").
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {ValtuudetAdapter, ValtuudetClient, RedisSessionStore, adapterFromEnv} from '../../dist/server/index.js';
import {DEMO_CREDENTIALS} from '../../demo/simulator/main.mjs';
import {Browser, THEME, result, startHost} from '../server/host-helpers.mjs';

const CONTRACT = {VALTUUDET_BASE_URL: 'https://asiointivaltuustarkastus.test.suomi.fi', VALTUUDET_CLIENT_ID: 'ab12cd34',
  VALTUUDET_API_KEY: 'key-secret-value', VALTUUDET_OAUTH_PASSWORD: 'oauth-secret-value', VALTUUDET_REDIRECT_URI: 'https://e.example.fi/valtuudet/callback'};
const host = {getUser: () => null, log: () => {}};
const client = (redirectUri = 'https://e.example.fi/valtuudet/callback') =>
  new ValtuudetClient({...DEMO_CREDENTIALS, baseUrl: 'https://asiointivaltuustarkastus.test.suomi.fi', redirectUri});

describe('fail closed: the adapter refuses to start without the checks it must make', () => {
  it('the five contract variables alone are not enough: it names PUOLESTA_THEMES and PUOLESTA_COMPANY_ROLES', () => {
    assert.throws(() => adapterFromEnv(host, CONTRACT), (e) =>
      /PUOLESTA_THEMES/.test(e.message) && /PUOLESTA_COMPANY_ROLES/.test(e.message) && !/secret-value/.test(e.message));
  });

  it('an empty or blank theme list never means "accept everything"', () => {
    for (const blank of ['', ' ', ' , ,']) {
      assert.throws(() => adapterFromEnv(host, {...CONTRACT, PUOLESTA_THEMES: blank, PUOLESTA_COMPANY_ROLES: 'NIMKO'}), /PUOLESTA_THEMES/);
    }
    assert.throws(() => new ValtuudetAdapter({...host, valtuudet: client(), themes: [], companyRoles: ['NIMKO']}), /`themes`/);
    assert.throws(() => new ValtuudetAdapter({...host, valtuudet: client(), themes: [THEME]}), /`companyRoles`/);
  });

  it('a service for one kind of principal says so, and needs only that kind\'s check', () => {
    assert.doesNotThrow(() => adapterFromEnv(host, {...CONTRACT, PUOLESTA_PRINCIPALS: 'person', PUOLESTA_THEMES: 'avustushakemuksen_tekeminen'}));
    assert.doesNotThrow(() => adapterFromEnv(host, {...CONTRACT, PUOLESTA_PRINCIPALS: 'company', PUOLESTA_COMPANY_ROLES: 'NIMKO'}));
    assert.throws(() => adapterFromEnv(host, {...CONTRACT, PUOLESTA_PRINCIPALS: 'anyone', PUOLESTA_THEMES: 'x'}), /PUOLESTA_PRINCIPALS/);
  });

  it('the redirect URI and the Valtuudet address must be https (http only on this machine)', () => {
    const themes = {PUOLESTA_THEMES: 'x', PUOLESTA_COMPANY_ROLES: 'NIMKO'};
    assert.throws(() => adapterFromEnv(host, {...CONTRACT, ...themes, VALTUUDET_REDIRECT_URI: 'http://e.example.fi/valtuudet/callback'}), /VALTUUDET_REDIRECT_URI/);
    assert.throws(() => client('http://e.example.fi/valtuudet/callback'), /redirectUri \(VALTUUDET_REDIRECT_URI\) must be an https/);
    assert.doesNotThrow(() => client('http://127.0.0.1:8080/valtuudet/callback'));
  });

  it('a shared store needs PUOLESTA_SESSION_KEYS, and a malformed key is refused without being shown', () => {
    const themes = {PUOLESTA_THEMES: 'x', PUOLESTA_COMPANY_ROLES: 'NIMKO'};
    assert.throws(() => adapterFromEnv(host, {...CONTRACT, ...themes, PUOLESTA_REDIS_URL: 'redis://127.0.0.1:1'}), /PUOLESTA_SESSION_KEYS/);
    assert.throws(() => new ValtuudetAdapter({...host, valtuudet: client(), themes: ['x'], companyRoles: ['NIMKO'], store: new RedisSessionStore({url: 'redis://127.0.0.1:1'})}), /sessionKeys/);
    assert.throws(() => adapterFromEnv(host, {...CONTRACT, ...themes, PUOLESTA_SESSION_KEYS: 'too-short-key-value'}),
      (e) => /PUOLESTA_SESSION_KEYS/.test(e.message) && !e.message.includes('too-short-key-value'));
  });
});

describe('fail closed, end to end against the simulator', () => {
  let site;
  before(async () => {
    site = await startHost({principals: ['person'], themes: (path) => (path.startsWith('/hakemus') ? [THEME] : [])});
  });
  after(() => site.close());

  it('a person whose mandate covers nothing the service needs is refused', async () => {
    const browser = new Browser(site);
    assert.equal(result(await browser.flow({choice: 'toivo'})), 'denied');
    assert.equal(await browser.session(), null);
  });

  it('a page for which the service lists no theme accepts nobody', async () => {
    const browser = new Browser(site);
    assert.equal(result(await browser.flow({choice: 'anni', returnPath: '/muu-sivu'})), 'error');
    assert.equal(await browser.session(), null);
    assert.equal(result(await browser.flow({choice: 'anni', returnPath: '/hakemus'})), 'ok');
  });

  it('a kind of principal the service does not take is refused before Suomi.fi', async () => {
    const browser = new Browser(site);
    const before = (await site.simState()).stats.register;
    assert.equal(result(await browser.flow({mode: 'company', choice: 'yhdistys'})), 'error');
    assert.equal((await site.simState()).stats.register, before, 'no Valtuudet session was registered');
  });
});

describe('fail closed: company roles', () => {
  let site;
  before(async () => {
    site = await startHost({companyRoles: ['NIMKO']});
  });
  after(() => site.close());

  it('a role outside the listed ones is denied, not accepted as "any role"', async () => {
    // matti is chair (PJ) of the association: a role, but not one this service takes.
    const browser = new Browser(site);
    assert.equal(result(await browser.flow({mode: 'company', choice: 'yhdistys'})), 'denied');
    assert.equal(await browser.session(), null);
  });
});
