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

describe('cross-site /valtuudet/start in a real browser', () => {
  let launch;
  let serve;
  let actForAnni;
  let demo;
  let attacker;
  let browser;
  before(async () => {
    const {createDemoServer} = await import('../../demo/server.mjs');
    ({launch, serve, actForAnni} = await import('../e2e/support.mjs'));
    demo = await createDemoServer({port: 0, log: () => {}});
    // Visited as http://localhost:…, another site than the demo's 127.0.0.1 (a site ignores the port).
    attacker = await serve({pages: {'/prize.html': `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Voitit!</title></head>
      <body><a id="go" href="${demo.url}/valtuudet/start?mode=person&amp;return=/">Lunasta palkinto</a></body></html>`}});
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await attacker?.close();
    await demo?.close();
  });

  it('a link on another site does not start a flow, and the citizen still acts for the principal', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Log in on the demo e-service and choose Anni, as a citizen would.
    await actForAnni(page, demo);
    const actingFor = () => page.evaluate(() => fetch('/valtuudet/session').then((r) => r.json())).then((s) => s.actingFor?.name);
    assert.equal(await actingFor(), 'Anni Emilia Kumpulainen');

    const visited = [];
    page.on('request', (request) => visited.push(request.url()));
    await page.goto(`${attacker.url.replace('127.0.0.1', 'localhost')}/prize.html`);
    await page.click('#go');
    await page.waitForURL(`${demo.url}/**`);
    assert.equal(new URL(page.url()).searchParams.get('acting-for'), 'error');
    assert.ok(!visited.some((u) => u.startsWith(demo.simulatorUrl)), 'the browser never went to Suomi.fi');
    assert.equal(await actingFor(), 'Anni Emilia Kumpulainen', 'the form in another tab is still sent in Anni\'s name');
    await context.close();
  });
});
