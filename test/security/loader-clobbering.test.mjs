// Attacker class: DOM clobbering of the script-tag loader. Markup that a CMS lets through, such as
// <img name="currentScript" src="https://other.example/x/…">, shadows document.currentScript. A script that ran
// after that markup (defer, end of body, a CMS footer) and trusted it would load puolesta-lookups.js from the
// attacker's folder, and without integrity when that folder is on another origin. Real Chromium, two origins.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {launch, serve, shadowText} from '../e2e/support.mjs';

const EVIL = 'window.__pwned = (window.__pwned || 0) + 1;';
// A theme outside the bundled subset: the guide must load the lookups file to name it.
const GUIDE = '<mandate-guide id="ask" theme="sotalapsitietojen_selvittaminen" principal="person" situation="on-behalf"><p>Fallback</p></mandate-guide>';

describe('the lookups loader cannot be pointed elsewhere', () => {
  let site;
  let other;
  let browser;
  const otherRequests = [];
  before(async () => {
    other = await serve({
      headers: {'Access-Control-Allow-Origin': '*'},
      files: {
        '/x/puolesta-lookups.js': {body: EVIL, type: 'text/javascript'},
        '/x/mandate-themes.json': {body: '[]', type: 'application/json'},
        '/x/pixel.png': {body: '', type: 'image/png'},
      },
    });
    const clobber = `<img name="currentScript" src="${other.url}/x/pixel.png" alt="">`;
    site = await serve({
      pages: {
        '/deferred.html': `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>t</title>
          <script src="/dist/cdn/puolesta.js" defer></script></head><body>${clobber}${GUIDE}</body></html>`,
        '/footer.html': `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>t</title></head><body>
          ${GUIDE}<footer>${clobber}</footer><script src="/dist/cdn/puolesta.fi.js"></script></body></html>`,
      },
    });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await other?.close();
  });

  for (const page of ['deferred.html', 'footer.html']) {
    it(`${page}: with clobbering markup before the script runs, the lookups come from the script's own folder, with integrity`, async () => {
      const tab = await browser.newPage();
      tab.on('request', (request) => {
        if (request.url().startsWith(other.url) && !request.url().endsWith('pixel.png')) otherRequests.push(request.url());
      });
      await tab.goto(`${site.url}/${page}`);
      assert.equal(await tab.evaluate(() => document.currentScript?.tagName), 'IMG', 'the markup does clobber document.currentScript');
      await tab.waitForFunction(() => document.querySelector('#ask')?.shadowRoot?.textContent.includes('Sotalapsitietojen tilaaminen'), null, {timeout: 15_000});
      assert.deepEqual(otherRequests, [], 'nothing was requested from the other origin');
      assert.equal(await tab.evaluate(() => window.__pwned), undefined);
      const loader = await tab.$eval('script[data-puolesta-lookups]', (s) => ({src: s.src, integrity: s.integrity, cors: s.crossOrigin}));
      assert.equal(new URL(loader.src).origin, site.url);
      assert.match(loader.integrity, /^sha384-/);
      assert.equal(loader.cors, 'anonymous');
      assert.ok((await shadowText(tab, '#ask')).includes('Tarvitset valtuuden'));
      await tab.close();
    });
  }
});

describe('the loader always checks what it loads, also from another origin', () => {
  let cdn;
  let site;
  let browser;
  before(async () => {
    cdn = await serve({headers: {'Access-Control-Allow-Origin': '*'}});
    // The script from another origin without a crossorigin attribute (pasted without it, or by an old snippet).
    site = await serve({pages: {'/page.html': `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>t</title>
      <script src="${cdn.url}/dist/cdn/puolesta.js" defer></script></head><body>${GUIDE}</body></html>`}});
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await cdn?.close();
  });

  it('puolesta-lookups.js gets integrity and crossorigin even when the page script has no crossorigin', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${site.url}/page.html`);
    await tab.waitForFunction(() => document.querySelector('#ask')?.shadowRoot?.textContent.includes('Sotalapsitietojen tilaaminen'), null, {timeout: 15_000});
    const loader = await tab.$eval('script[data-puolesta-lookups]', (s) => ({src: s.src, integrity: s.integrity, cors: s.crossOrigin}));
    assert.equal(new URL(loader.src).origin, cdn.url);
    assert.match(loader.integrity, /^sha384-/);
    assert.equal(loader.cors, 'anonymous');
    await tab.close();
  });
});
