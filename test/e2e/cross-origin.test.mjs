// The principal shown on the municipality's other site: the information site (its own origin, like
// www.<kunta>.fi) carries the banner fed by the e-service's adapter (asiointi.<kunta>.fi) over credentialed
// CORS. A listed origin sees the name and can stop; an origin that is not listed gets no CORS header at all
// and its banner stays hidden; no identity code crosses. Headless Chromium on npm start's demo.
import {after, afterEach, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {mkdir} from 'node:fs/promises';
import {join} from 'node:path';
import {createDemoServer, cspFor} from '../../demo/server.mjs';
import {pagePath} from '../../demo/pages.mjs';
import {identityCodes} from '../fixtures/session-cases.mjs';
import {axeViolations} from './axe.mjs';
import {launch, root, serve, watch, actForAnni as loginAndChooseAnni} from './support.mjs';

const bannerShown = () => !!document.querySelector('acting-for-banner')?.shadowRoot?.querySelector('[part=banner]');
const bannerText = (page) => page.locator('acting-for-banner').evaluate((el) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '));

describe('banner on another origin of the same site', () => {
  let demo;
  let browser;
  let context;
  let stranger; // an origin the adapter does not list
  const seen = [];

  before(async () => {
    demo = await createDemoServer({port: 0, simulatorPort: 0, infoPort: 0, log: () => {}});
    browser = await launch();
    await mkdir(join(root, 'test-results'), {recursive: true});
    const banner = `<acting-for-banner session-url="${demo.url}/valtuudet/session" stop-url="${demo.url}/valtuudet/stop"></acting-for-banner>`;
    stranger = await serve({
      pages: {'/': `<!doctype html><html lang="fi"><head><title>Muu sivusto</title><script src="/dist/cdn/puolesta.js" defer></script></head><body>${banner}<main><h1>Muu sivusto</h1></main></body></html>`},
      headers: {'Content-Security-Policy': cspFor(demo.url)},
    });
  });
  after(async () => {
    await browser?.close();
    await stranger?.close();
    await demo?.close();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  async function newPage(width = 1280) {
    context ??= await browser.newContext({viewport: {width, height: 900}});
    const page = await context.newPage();
    const problems = await watch(page);
    page.on('response', async (response) => {
      seen.push(response.url(), JSON.stringify(response.headers()));
      if (/html|json|text/.test(response.headers()['content-type'] ?? '')) seen.push(await response.text().catch(() => ''));
    });
    return {page, problems};
  }

  /** Logs in on the e-service and picks Anni in the simulator: the browser now acts for her. */
  async function actForAnni(page, lang = 'fi') {
    await loginAndChooseAnni(page, demo, pagePath(lang, 'asiointi'));
    await page.waitForFunction(bannerShown);
  }

  for (const lang of ['fi', 'sv']) {
    it(`${lang}: the information site shows whom the citizen acts for, and Stop there ends it on the e-service`, async () => {
      assert.notEqual(new URL(demo.infoUrl).origin, new URL(demo.url).origin, 'really another origin');
      const {page, problems} = await newPage(lang === 'fi' ? 1280 : 320);
      await actForAnni(page, lang);
      await page.goto(`${demo.infoUrl}${pagePath(lang, 'varhaiskasvatus')}`);
      await page.waitForFunction(bannerShown);
      assert.match(await bannerText(page), /Anni Emilia Kumpulainen/);
      assert.deepEqual(await axeViolations(page), [], 'axe on the information site while acting for someone');
      await page.screenshot({path: join(root, 'test-results', `cross-origin-${lang}.png`)});
      const switchHref = await page.locator('acting-for-banner').evaluate((el) => el.shadowRoot.querySelector('[part=switch]')?.href);
      assert.equal(new URL(switchHref).origin, demo.url, 'Switch leads to the e-service');

      await page.locator('acting-for-banner').getByRole('button').click();
      await page.waitForFunction(() => !document.querySelector('acting-for-banner')?.shadowRoot?.querySelector('[part=banner]'));
      const eservice = await context.newPage();
      await eservice.goto(`${demo.url}${pagePath(lang, 'asiointi')}`);
      assert.equal(await eservice.evaluate(() => fetch('/valtuudet/session').then((r) => r.json()).then((s) => s.actingFor)), null, 'stopped on the e-service too');
      assert.deepEqual(problems, {errors: [], csp: []});
    });
  }

  it('an origin the adapter does not list gets no CORS header, and its banner stays hidden', async () => {
    const {page} = await newPage();
    await actForAnni(page);
    const errors = [];
    await page.exposeFunction('__puolestaError', (code) => errors.push(code));
    await page.addInitScript(() => document.addEventListener('puolesta-error', (e) => window.__puolestaError(e.detail.code)));
    await page.goto(`${stranger.url}/`);
    await page.waitForFunction(() => customElements.get('acting-for-banner'));
    for (let i = 0; i < 60 && !errors.length; i++) await page.waitForTimeout(100);
    assert.equal(await page.evaluate(bannerShown), false, 'no banner on an origin that is not listed');
    assert.deepEqual(errors, ['session-network'], 'the banner reports that it could not read the session');

    // What the browser enforced, checked at the source: no CORS header for the stranger, also on preflight.
    const cookie = (await context.cookies(demo.url)).map((c) => `${c.name}=${c.value}`).join('; ');
    const read = await fetch(`${demo.url}/valtuudet/session`, {headers: {Origin: stranger.url, Cookie: cookie}});
    assert.equal(read.headers.get('access-control-allow-origin'), null);
    assert.equal(read.headers.get('access-control-allow-credentials'), null);
    assert.match(read.headers.get('vary') ?? '', /Origin/);
    const preflight = await fetch(`${demo.url}/valtuudet/stop`, {method: 'OPTIONS', headers: {Origin: stranger.url,
      'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'x-puolesta'}});
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    assert.equal(preflight.headers.get('access-control-allow-methods'), null);
    const forged = await fetch(`${demo.url}/valtuudet/stop`, {method: 'POST', headers: {Origin: stranger.url, Cookie: cookie, 'X-Puolesta': '1'}});
    assert.equal(forged.status, 403, 'a stop from a stranger origin is refused even with the header');
    assert.match(JSON.stringify(await read.json()), /Anni/, 'still acting for Anni on the e-service');
  });

  it('no identity code crossed to either origin', () => {
    assert.ok(seen.length > 20, 'the scan saw the run');
    const everything = seen.join('\n');
    for (const code of identityCodes()) assert.ok(!everything.includes(code), 'an identity code crossed');
  });
});
