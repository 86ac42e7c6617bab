// Attacker class: session fixation. An id planted in the citizen's browser (by a subdomain, a shared computer,
// or the attacker's own session) must never become theirs; ids change at /start and after every successful
// callback, so an id seen before a choice is worth nothing after it (OWASP Session Management Cheat Sheet).
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {choose} from '../server/sim-helpers.mjs';
import {Browser, result, startHost} from '../server/host-helpers.mjs';

const sidOf = (browser) => browser.cookies.get('puolesta_sid');

describe('session fixation and rotation', () => {
  let site;
  before(async () => {
    site = await startHost();
  });
  after(() => site.close());

  it('a planted id is not adopted: /start issues a new one', async () => {
    const browser = new Browser(site);
    const planted = 'A'.repeat(43);
    browser.cookies.set('puolesta_sid', planted);
    const start = await browser.request('/valtuudet/start?mode=person&return=/');
    assert.equal(start.status, 302);
    assert.notEqual(sidOf(browser), planted);
    assert.match(sidOf(browser), /^[A-Za-z0-9_-]{43}$/);
  });

  it('the attacker\'s own session id planted in the victim\'s browser gives the victim nothing and is replaced', async () => {
    const attacker = new Browser(site, 'maija');
    assert.equal(result(await attacker.flow({choice: 'anni'})), 'ok');
    const attackersId = sidOf(attacker);
    const victim = new Browser(site, 'matti');
    victim.cookies.set('puolesta_sid', attackersId);
    assert.equal(await victim.session(), null, 'the victim does not act for the attacker\'s principal');
    await victim.request('/valtuudet/start?mode=person&return=/');
    assert.notEqual(sidOf(victim), attackersId);
  });

  it('the id changes at /start and again after a successful callback; the earlier ids are dead', async () => {
    const browser = new Browser(site);
    await browser.request('/valtuudet/session');
    const start = await browser.request('/valtuudet/start?mode=person&return=/');
    const atStart = sidOf(browser);
    const picked = await choose(start.location, {choice: 'anni'});
    const back = await browser.request(picked.location);
    assert.equal(result(new URL(back.location, site.origin)), 'ok');
    const afterChoice = sidOf(browser);
    assert.notEqual(afterChoice, atStart);
    assert.equal((await browser.session()).name, 'Anni Emilia Kumpulainen');
    // Someone who saw the id at /start (in a log, over a shoulder) has nothing now.
    const thief = new Browser(site, 'matti');
    thief.cookies.set('puolesta_sid', atStart);
    assert.equal(await thief.session(), null);
  });

  it('a change of principal (person → organisation) issues another new id', async () => {
    const browser = new Browser(site);
    assert.equal(result(await browser.flow({choice: 'anni'})), 'ok');
    const asPerson = sidOf(browser);
    assert.equal(result(await browser.flow({mode: 'company', choice: 'yhdistys'})), 'ok');
    assert.notEqual(sidOf(browser), asPerson);
    assert.equal((await browser.session()).name, 'Esimerkkiyhdistys ry');
  });
});

describe('the cookie over https', () => {
  let site;
  before(async () => {
    site = await startHost({publicOrigin: 'https://asiointi.example.fi'});
  });
  after(() => site.close());

  it('is __Host- prefixed, Secure, HttpOnly, Path=/ and has no Domain', async () => {
    const browser = new Browser(site);
    await browser.request('/valtuudet/start?mode=person&return=/');
    const cookie = browser.setCookies.find((c) => c.startsWith('__Host-puolesta_sid='));
    assert.ok(cookie, browser.setCookies.join('\n'));
    assert.match(cookie, /; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
    assert.doesNotMatch(cookie, /Domain=/i);
  });
});
