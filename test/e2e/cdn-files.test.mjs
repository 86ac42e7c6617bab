// The files a page pins: per-language scripts (all elements, one language) and the versioned folder with its
// sha384 integrity manifest, served under the strict CSP and loaded as an editor pastes them.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {launch, root, serve, shadowText, STRICT_CSP, watch, LIT_IMPORT_MAP} from './support.mjs';

const {version} = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const manifest = JSON.parse(await readFile(join(root, 'dist/cdn', version, 'integrity.json'), 'utf8'));
const GUIDE = '<mandate-guide theme="koulu_tai_tutkintotodistuksen_tilaaminen" principal="person" situation="on-behalf"><p>Fallback</p></mandate-guide>';
const page = (pageLang, scripts) => `<!doctype html><html lang="${pageLang}"><head><meta charset="utf-8"><title>t</title>${scripts}</head><body><main>${GUIDE}</main></body></html>`;
const script = (src, attrs = '') => `<script src="${src}"${attrs}></script>`;
// What each language's guide says first, and the theme's official name in it.
const EXPECTED = {
  fi: ['Tarvitset valtuuden henkilöltä', 'Koulu- tai tutkintotodistuksen tilaaminen'],
  sv: ['Du behöver en fullmakt av den person', 'Beställning av skol- eller examensbetyg'],
  en: ['You need a mandate from the person', 'Ordering a school certificate or diploma'],
};
const OTHER = {fi: 'sv', sv: 'en', en: 'fi'};
// Every answer (principal × situation), the questions, and the notices that carry a value from the page.
const SAME_GUIDES = [
  ...['person', 'minor', 'company', 'housing-company', 'association', 'foundation', 'estate', 'organisation'].flatMap((p) => ['on-behalf', 'joint', 'alone'].map((s) =>
    `<mandate-guide theme="koulu_tai_tutkintotodistuksen_tilaaminen veroasioiden_hoito" principal="${p}" situation="${s}"></mandate-guide>`)),
  '<mandate-guide theme="p55992 not!an!id" principal="nobody" situation="sometimes"></mandate-guide>',
  '<mandate-guide theme="lainhuudatusasiakirjojen_tilaaminen" principal="minor"></mandate-guide>',
];
const sri = (file) => manifest.files[file].integrity;
const UNBUNDLED = '<mandate-guide id="unbundled" theme="sotalapsitietojen_selvittaminen"></mandate-guide>';
const UNBUNDLED_NAME = {fi: 'Sotalapsitietojen tilaaminen', sv: 'Beställning av uppgifter om krigsbarn', en: 'Ordering information on wartime child evacuees'};

describe('per-language files and the versioned folder', () => {
  let server;
  let browser;
  before(async () => {
    const pages = {};
    for (const lang of ['fi', 'sv', 'en']) {
      // On a page in another language: a one-language file speaks its own language.
      pages[`/${lang}.html`] = page(OTHER[lang], script(`/dist/cdn/puolesta.${lang}.js`));
      pages[`/${lang}-pinned.html`] = page(lang, script(`/dist/cdn/${version}/puolesta.${lang}.js`, ` integrity="${sri(`puolesta.${lang}.js`)}" crossorigin="anonymous"`))
        .replace('</main>', `${UNBUNDLED}</main>`);
    }
    pages['/tampered.html'] = page('fi', script(`/dist/cdn/${version}/puolesta.fi.js`, ` integrity="${sri('puolesta.sv.js')}" crossorigin="anonymous"`));
    pages['/both.html'] = page('fi', script('/dist/cdn/puolesta.js') + script('/dist/cdn/puolesta.fi.js'));
    server = await serve({headers: {'Content-Security-Policy': STRICT_CSP}, pages});
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (path) => {
    const tab = await browser.newPage();
    const problems = await watch(tab);
    await tab.goto(`${server.url}${path}`);
    return {tab, problems};
  };
  const rendered = (tab) => tab.waitForFunction(() => document.querySelector('mandate-guide')?.shadowRoot?.querySelector('[part=verdict]'), null, {timeout: 5000});

  for (const lang of ['fi', 'sv', 'en']) {
    it(`puolesta.${lang}.js renders every element in ${lang}, even on a page in ${OTHER[lang]}, under the strict CSP`, async () => {
      const {tab, problems} = await open(`/${lang}.html`);
      await rendered(tab);
      assert.equal(await tab.$eval('mandate-guide', (el) => el.shadowRoot.querySelector('section').lang), lang);
      const text = await shadowText(tab, 'mandate-guide');
      for (const phrase of EXPECTED[lang]) assert.ok(text.includes(phrase), `${lang}: "${phrase}" in ${text.slice(0, 200)}`);
      assert.deepEqual(await tab.evaluate(() => ['mandate-guide', 'acting-for-selector', 'acting-for-banner'].map((n) => !!customElements.get(n))), [true, true, true]);
      assert.deepEqual(problems, {errors: [], csp: []});
      await tab.close();
    });

    it(`the pinned ${version}/puolesta.${lang}.js loads with its integrity value, and the lookups file from the same folder`, async () => {
      const {tab, problems} = await open(`/${lang}-pinned.html`);
      await rendered(tab);
      // A theme outside the bundled subset: its name comes from the versioned folder's catalogue, read by the
      // versioned lookups file, which is loaded with the integrity value integrity.json gives it.
      await tab.waitForFunction((name) => document.querySelector('#unbundled').shadowRoot?.textContent.includes(name), UNBUNDLED_NAME[lang], {timeout: 5000});
      assert.deepEqual(await tab.$eval('script[src*="puolesta-lookups"]', (el) => [new URL(el.src).pathname, el.integrity]),
        [`/dist/cdn/${version}/puolesta-lookups.js`, sri('puolesta-lookups.js')]);
      assert.deepEqual(problems, {errors: [], csp: []});
      await tab.close();
    });
  }

  it('integrity.json holds the sha384 of every versioned file, byte for byte the same as the unversioned one', async () => {
    assert.deepEqual(Object.keys(manifest.files).sort(), ['mandate-themes.json', 'prerender.json', 'puolesta-banner.css', 'puolesta-banner.json', 'puolesta-guide.css', 'puolesta-lookups.js', 'puolesta.en.js', 'puolesta.fi.js', 'puolesta.js', 'puolesta.sv.js']);
    for (const [file, {integrity, bytes}] of Object.entries(manifest.files)) {
      const pinned = await readFile(join(root, 'dist/cdn', version, file));
      const current = await readFile(join(root, 'dist/cdn', file));
      assert.equal(`sha384-${createHash('sha384').update(pinned).digest('base64')}`, integrity, file);
      assert.equal(pinned.length, bytes, file);
      assert.ok(pinned.equals(current), `${file}: the pinned copy is the built file`);
    }
  });

  it('a wrong integrity value stops the browser from running the file (the fallback stays)', async () => {
    const {tab} = await open('/tampered.html');
    await tab.waitForLoadState('load');
    assert.equal(await tab.evaluate(() => !!customElements.get('mandate-guide')), false);
    assert.match(await tab.$eval('mandate-guide > p', (p) => p.textContent), /Fallback/);
    await tab.close();
  });

  it('a per-language file next to the all-language file throws nothing (the first define wins)', async () => {
    const {tab, problems} = await open('/both.html');
    await rendered(tab);
    assert.deepEqual(problems, {errors: [], csp: []});
    await tab.close();
  });
});

// The script-tag files have every message put in at build time (three languages in puolesta.js, one in each
// per-language file); the npm build looks each one up by id when it renders. All must say exactly the same, in
// every answer the guide gives, the questions, and the notices that carry a value from the page.
describe('build-time messages', () => {
  const LOADERS = {
    npm: `<script type="importmap">${LIT_IMPORT_MAP}</script><script type="module" src="/dist/lib/index.js"></script><script type="module">
      import {MandateGuide, ActingForSelector} from '/dist/lib/index.js';
      customElements.define('mandate-guide', MandateGuide);
      customElements.define('acting-for-selector', ActingForSelector);</script>`,
    all: script('/dist/cdn/puolesta.js'),
  };
  let server;
  let browser;
  before(async () => {
    const pages = {};
    for (const lang of ['fi', 'sv', 'en']) {
      for (const [name, head] of Object.entries({...LOADERS, one: script(`/dist/cdn/puolesta.${lang}.js`)})) {
        pages[`/${name}-${lang}.html`] = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>t</title>${head}</head><body><main>${SAME_GUIDES.join('')}<acting-for-selector></acting-for-selector></main></body></html>`;
      }
    }
    server = await serve({pages});
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const lang of ['fi', 'sv', 'en']) {
    it(`puolesta.js and puolesta.${lang}.js say exactly what the npm build says in ${lang}`, async () => {
      const texts = {};
      for (const name of ['npm', 'all', 'one']) {
        const tab = await browser.newPage();
        const problems = await watch(tab);
        await tab.goto(`${server.url}/${name}-${lang}.html`, {waitUntil: 'networkidle'});
        await tab.waitForFunction((n) => [...document.querySelectorAll('mandate-guide')].filter((g) => g.shadowRoot?.querySelector('[part=verdict], form')).length === n, SAME_GUIDES.length, {timeout: 5000});
        await tab.waitForTimeout(200);
        texts[name] = await tab.evaluate(() => [...document.querySelectorAll('mandate-guide, acting-for-selector')].map((el) => el.shadowRoot.textContent.replace(/\s+/g, ' ')));
        assert.deepEqual(problems.errors, [], name);
        await tab.close();
      }
      assert.equal(texts.npm.length, SAME_GUIDES.length + 1);
      assert.ok(texts.npm.every((t) => t.trim().length > 20));
      assert.deepEqual(texts.all, texts.npm, 'puolesta.js');
      assert.deepEqual(texts.one, texts.npm, `puolesta.${lang}.js`);
    });
  }
});
