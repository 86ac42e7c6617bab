// The script-tag bundle as a web editor uses it: pasted into a page served under a strict CSP.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {launch, serve, shadowText, STRICT_CSP, watch, LIT_IMPORT_MAP} from './support.mjs';

const page = (lang, extra = '') => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>t</title>
<script src="/dist/cdn/puolesta.js" defer></script>${extra}</head><body><main>
<mandate-guide theme="koulu_tai_tutkintotodistuksen_tilaaminen p4771" principal="person" situation="on-behalf"><p>Fallback</p></mandate-guide>
<mandate-guide id="ask" theme="sotalapsitietojen_selvittaminen"></mandate-guide>
</main></body></html>`;

describe('dist/cdn/puolesta.js under a strict CSP', () => {
  let server;
  let browser;
  before(async () => {
    server = await serve({
      headers: {'Content-Security-Policy': STRICT_CSP},
      pages: {'/fi.html': page('fi'), '/sv.html': page('sv'), '/twice.html': page('fi', '<script src="/dist/cdn/puolesta.js" defer></script>')},
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
      await tab.goto(`${server.url}/${lang}.html`);
      await tab.waitForFunction(() => document.querySelector('mandate-guide')?.shadowRoot?.querySelector('[part=choose]'));
      const text = await shadowText(tab, 'mandate-guide');
      for (const phrase of expected) assert.ok(text.includes(phrase), `${lang}: "${phrase}" in ${text.slice(0, 300)}`);
      assert.equal(await tab.$eval('mandate-guide', (el) => el.shadowRoot.querySelector('section').lang), lang);
      // The unbundled theme comes from mandate-themes.json next to the script.
      await tab.waitForFunction(() => document.querySelector('#ask').shadowRoot?.textContent.includes('Sotalapsitietojen tilaaminen') ||
        document.querySelector('#ask').shadowRoot?.textContent.includes('Beställning av uppgifter om krigsbarn'));
      assert.deepEqual(problems, {errors: [], csp: []});
      await tab.close();
    });
  }

  it('can be loaded twice without throwing', async () => {
    const tab = await browser.newPage();
    const problems = await watch(tab);
    await tab.goto(`${server.url}/twice.html`);
    await tab.waitForFunction(() => document.querySelector('mandate-guide')?.shadowRoot?.querySelector('[part=choose]'));
    assert.deepEqual(problems, {errors: [], csp: []});
    await tab.close();
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
