// The script-tag bundle as a web editor uses it: pasted into a page served under a strict CSP.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {createDemoServer} from '../../demo/server.mjs';
import {launch, root, serve, shadowText, STRICT_CSP, watch, LIT_IMPORT_MAP} from './support.mjs';

const page = (lang, extra = '') => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>t</title>
<script src="/dist/cdn/puolesta.js" defer></script>${extra}</head><body><main>
<mandate-guide theme="koulu_tai_tutkintotodistuksen_tilaaminen p4771" principal="person" situation="on-behalf"><p>Fallback</p></mandate-guide>
<mandate-guide id="ask" theme="sotalapsitietojen_selvittaminen"></mandate-guide>
</main></body></html>`;

const bundledOnly = (src) => `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>t</title>
<script src="${src}" defer></script></head><body><main>
<mandate-guide theme="p4771" principal="person" situation="on-behalf"><p>Fallback</p></mandate-guide></main></body></html>`;

describe('dist/cdn/puolesta.js under a strict CSP', () => {
  let server;
  let browser;
  before(async () => {
    server = await serve({
      headers: {'Content-Security-Policy': STRICT_CSP},
      pages: {
        '/fi.html': page('fi'),
        '/sv.html': page('sv'),
        '/twice.html': page('fi', '<script src="/dist/cdn/puolesta.js" defer></script>'),
        '/bundled.html': bundledOnly('/dist/cdn/puolesta.js'),
        // The same release from another folder whose lookups file was altered after the build.
        '/tampered/fi.html': page('fi').replace('/dist/cdn/puolesta.js', '/tampered/puolesta.js'),
      },
      files: {
        '/tampered/puolesta.js': {body: readFileSync(join(root, 'dist/cdn/puolesta.js')), type: 'text/javascript'},
        '/tampered/puolesta-lookups.js': {body: `${readFileSync(join(root, 'dist/cdn/puolesta-lookups.js'), 'utf8')};window.tampered=1`, type: 'text/javascript'},
        '/tampered/mandate-themes.json': {body: readFileSync(join(root, 'dist/cdn/mandate-themes.json')), type: 'application/json'},
      },
    });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [lang, expected] of [
    ['fi', ['Koulu- tai tutkintotodistuksen tilaaminen', 'Toimeentulotuki', 'Tarvitset valtuuden', 'Siirry Suomi.fi-valtuuksiin']],
    ['sv', ['Beställning av skol- eller examensbetyg', 'Toimeentulotuki', 'Du behöver en fullmakt', 'Gå till Suomi.fi-fullmakter']],
  ]) {
    it(`renders ${lang} guidance with 0 CSP violations and no errors`, async () => {
      const tab = await browser.newPage();
      const problems = await watch(tab);
      const lookups = [];
      tab.on('requestfinished', async (request) => {
        if (request.url().endsWith('/puolesta-lookups.js')) lookups.push((await request.response())?.status());
      });
      await tab.goto(`${server.url}/${lang}.html`);
      await tab.waitForFunction(() => document.querySelector('mandate-guide')?.shadowRoot?.querySelector('[part=choose]'));
      const text = await shadowText(tab, 'mandate-guide');
      for (const phrase of expected) assert.ok(text.includes(phrase), `${lang}: "${phrase}" in ${text.slice(0, 300)}`);
      assert.equal(await tab.$eval('mandate-guide', (el) => el.shadowRoot.querySelector('section').lang), lang);
      // The unbundled theme comes from mandate-themes.json next to the script.
      await tab.waitForFunction(() => document.querySelector('#ask').shadowRoot?.textContent.includes('Sotalapsitietojen tilaaminen') ||
        document.querySelector('#ask').shadowRoot?.textContent.includes('Beställning av uppgifter om krigsbarn'));
      // ... read by the lookups file, loaded once, next to the script, with its integrity checked under the CSP.
      assert.deepEqual(lookups, [200]);
      assert.equal(await tab.$eval('script[src$="puolesta-lookups.js"]', (s) => s.integrity.startsWith('sha384-') && s.crossOrigin), 'anonymous');
      assert.deepEqual(problems, {errors: [], csp: []});
      await tab.close();
    });
  }

  it('a page with bundled themes only does not load the lookups file', async () => {
    const tab = await browser.newPage();
    const requested = [];
    tab.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await tab.goto(`${server.url}/bundled.html`);
    await tab.waitForFunction(() => document.querySelector('mandate-guide')?.shadowRoot?.querySelector('[part=choose]'));
    await tab.waitForLoadState('networkidle');
    assert.deepEqual(requested, ['/bundled.html', '/dist/cdn/puolesta.js']);
    await tab.close();
  });

  it('an altered lookups file is not run: the guide says it cannot show the theme and keeps the fallback', async () => {
    const tab = await browser.newPage();
    const problems = await watch(tab);
    const errors = [];
    await tab.exposeFunction('__guideError', (code) => errors.push(code));
    await tab.addInitScript(() => addEventListener('puolesta-error', (e) => window.__guideError(e.detail.code)));
    await tab.goto(`${server.url}/tampered/fi.html`);
    await tab.waitForFunction(() => document.querySelector('#ask').shadowRoot?.textContent.includes('Emme voi näyttää tämän sivun valtuusasiaa.'));
    assert.equal(await tab.evaluate(() => window.tampered), undefined);
    assert.ok(await tab.$eval('#ask', (el) => el.shadowRoot.querySelector('[part=fallback] slot') !== null));
    assert.deepEqual(errors, ['catalogue-unavailable']);
    // The first guide uses bundled themes and is untouched.
    assert.ok((await shadowText(tab, 'mandate-guide')).includes('Siirry Suomi.fi-valtuuksiin'));
    assert.deepEqual(problems, {errors: [], csp: []});
    await tab.close();
  });

  it('can be loaded twice without throwing', async () => {
    const tab = await browser.newPage();
    const problems = await watch(tab);
    await tab.goto(`${server.url}/twice.html`);
    await tab.waitForFunction(() => document.querySelector('mandate-guide')?.shadowRoot?.querySelector('[part=choose]'));
    assert.deepEqual(problems, {errors: [], csp: []});
    await tab.close();
  });
});

describe('PTV through the lookups file', () => {
  it('the demo page with a service channel gets its theme from PTV via puolesta-lookups.js', async () => {
    const demo = await createDemoServer({port: 0});
    const browser = await launch();
    try {
      const tab = await browser.newPage();
      const problems = await watch(tab);
      const order = [];
      tab.on('requestfinished', async (request) => {
        const path = new URL(request.url()).pathname;
        if (/puolesta-lookups\.js$|\/ptv\//.test(path)) order.push(`${path.replace(/.*\//, '')} ${(await request.response())?.status()}`);
      });
      const channels = [];
      await tab.exposeFunction('__ptvDone', (code) => channels.push(code));
      await tab.addInitScript(() => addEventListener('puolesta-error', (e) => window.__ptvDone(e.detail.code)));
      await tab.goto(`${demo.url}/palvelukuvaus.html`);
      await tab.waitForFunction(() => document.querySelector('mandate-guide')?.shadowRoot?.querySelector('input'));
      await tab.waitForLoadState('networkidle');
      assert.equal(order[0], 'puolesta-lookups.js 200');
      assert.match(order[1] ?? '', /^[0-9a-f-]{36} 200$/);
      assert.deepEqual(channels, []);
      assert.ok((await shadowText(tab, 'mandate-guide')).includes('Varhaiskasvatuksen aloituksesta tai päättymisestä ilmoittaminen'));
      assert.deepEqual(problems, {errors: [], csp: []});
    } finally {
      await browser.close();
      await demo.close();
    }
  });
});

describe('next to the npm build', () => {
  it('the ESM define module and the script-tag bundle coexist on one page', async () => {
    const server = await serve({pages: {'/mixed.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
<script type="importmap">${LIT_IMPORT_MAP}</script>
<script type="module" src="/dist/lib/mandate-guide.js"></script>
<script src="/dist/cdn/puolesta.js" defer></script></head><body>
<mandate-guide theme="lainhuudatusasiakirjojen_tilaaminen" principal="person" situation="on-behalf"></mandate-guide></body></html>`}});
    const browser = await launch();
    try {
      const tab = await browser.newPage();
      const problems = await watch(tab);
      await tab.goto(`${server.url}/mixed.html`);
      await tab.waitForFunction(() => document.querySelector('mandate-guide')?.shadowRoot?.textContent.includes('Ordering property title registration documents'));
      assert.deepEqual(problems.errors, []);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
