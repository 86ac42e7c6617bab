// Attacker class (and everyday accident): the callback loaded twice at once — a double click, a reload while
// the first answer is on its way. One flow is used once: the second request must not delete or overwrite what
// the first stored, and both must tell the citizen the same truth.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {choose} from '../server/sim-helpers.mjs';
import {Browser, result, startHost} from '../server/host-helpers.mjs';

describe('a double-loaded callback', () => {
  let site;
  before(async () => {
    site = await startHost();
  });
  after(() => site.close());

  for (const copies of [2, 3]) {
    it(`${copies} simultaneous callbacks: one code exchange, every answer "ok", and the choice stays`, async () => {
      const browser = new Browser(site);
      const start = await browser.request('/valtuudet/start?mode=person&return=/hakemus');
      const picked = await choose(start.location, {choice: 'anni'});
      const tokens = (await site.simState()).stats.token;
      const answers = await Promise.all(Array.from({length: copies}, () => browser.request(picked.location)));
      assert.deepEqual(answers.map((a) => result(new URL(a.location, site.origin))), Array(copies).fill('ok'));
      assert.deepEqual(answers.map((a) => new URL(a.location, site.origin).pathname), Array(copies).fill('/hakemus'));
      assert.equal((await site.simState()).stats.token - tokens, 1, 'the code was exchanged once');
      // Whichever answer the browser kept, its cookie leads to the chosen principal.
      for (const answer of answers) {
        const cookie = answer.headers.getSetCookie().find((c) => c.startsWith('puolesta_sid='));
        assert.ok(cookie, 'every answer carries the new session cookie');
        const kept = new Browser(site);
        kept.cookies.set('puolesta_sid', cookie.split(';')[0].split('=')[1]);
        assert.equal((await kept.session())?.name, 'Anni Emilia Kumpulainen');
      }
    });
  }

  it('a reload after a cancel repeats "cancelled" and leaves the earlier principal alone', async () => {
    const browser = new Browser(site);
    assert.equal(result(await browser.flow({choice: 'anni'})), 'ok');
    const start = await browser.request('/valtuudet/start?mode=person&return=/');
    const cancelled = await choose(start.location, {action: 'cancel'});
    const [first, second] = await Promise.all([browser.request(cancelled.location), browser.request(cancelled.location)]);
    assert.equal(result(new URL(first.location, site.origin)), 'cancelled');
    assert.equal(result(new URL(second.location, site.origin)), 'cancelled');
    assert.equal((await browser.session())?.name, 'Anni Emilia Kumpulainen');
  });
});
