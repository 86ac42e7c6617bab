// Attacker class: cross-site request to /valtuudet/start. A page on another site that navigates the citizen to
// /start must change nothing: the request is refused (Fetch Metadata), and even a start that goes ahead leaves
// the current principal in force until a new choice succeeds, so a form open in another tab is still sent in
// the principal's name.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {choose} from '../server/sim-helpers.mjs';
import {Browser, result, startHost} from '../server/host-helpers.mjs';

const START = '/valtuudet/start?mode=person&return=/lomake';

describe('cross-site /valtuudet/start', () => {
  let site;
  before(async () => {
    site = await startHost();
  });
  after(() => site.close());

  it('a navigation from another site is refused and the citizen still acts for their principal', async () => {
    const browser = new Browser(site);
    assert.equal(result(await browser.flow({choice: 'anni'})), 'ok');
    const registered = (await site.simState()).stats.register;
    const attack = await browser.request(START, {headers: {'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate'}});
    assert.equal(attack.status, 302);
    assert.equal(new URL(attack.location, site.origin).origin, site.origin, 'back to this site, not to Suomi.fi');
    assert.equal(result(new URL(attack.location, site.origin)), 'error');
    assert.equal((await site.simState()).stats.register, registered, 'no Valtuudet session was registered');
    assert.equal((await browser.session())?.name, 'Anni Emilia Kumpulainen');
  });

  it('same-site (a sibling subdomain) is refused too unless the service lists its other origins', async () => {
    const browser = new Browser(site);
    const answer = await browser.request(START, {headers: {'Sec-Fetch-Site': 'same-site'}});
    assert.equal(result(new URL(answer.location, site.origin)), 'error');
  });

  it('the selector on the same origin, and browsers without Fetch Metadata, still go to Suomi.fi', async () => {
    for (const headers of [{'Sec-Fetch-Site': 'same-origin'}, {'Sec-Fetch-Site': 'none'}, {}]) {
      const browser = new Browser(site);
      const answer = await browser.request(START, {headers});
      assert.equal(new URL(answer.location).origin, site.sim.url, JSON.stringify(headers));
    }
  });

  it('a start that goes ahead keeps the current principal until the new choice succeeds', async () => {
    const browser = new Browser(site);
    assert.equal(result(await browser.flow({choice: 'anni'})), 'ok');
    const start = await browser.request(START);
    assert.equal((await browser.session())?.name, 'Anni Emilia Kumpulainen', 'still in force while choosing');
    const cancelled = await choose(start.location, {action: 'cancel'});
    const back = await browser.request(cancelled.location);
    assert.equal(result(new URL(back.location, site.origin)), 'cancelled');
    assert.equal((await browser.session())?.name, 'Anni Emilia Kumpulainen', 'still in force after a cancel');
    assert.equal(result(await browser.flow({choice: 'toivo'})), 'denied');
    assert.equal((await browser.session())?.name, 'Anni Emilia Kumpulainen', 'still in force after a refusal');
  });
});
