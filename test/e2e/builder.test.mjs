// The editor's snippet builder (/builder/ in the demo, dist/builder/ as a static folder), used as an editor uses
// it: search, keyboard, preview, copy; then the copied snippet pasted into a blank page on another origin under
// the strict CSP plus exactly the CSP sources the builder printed.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {createDemoServer} from '../../demo/server.mjs';
import {axeViolations} from './axe.mjs';
import {launch, root, serve, shadowText, STRICT_CSP, watch} from './support.mjs';
import {recordWalk} from '../a11y/walks.mjs';

const {version} = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const EARLY = 'varhaiskasvatuksen_aloituksesta_tai_paattymisesta_ilmoittaminen';
const SCHOOL = 'koulu_tai_tutkintotodistuksen_tilaaminen';
// In the catalogue but not in the bundled municipal subset: the guide fetches its name from the file folder.
const VEHICLE = 'ajoneuvotietojen_selvittaminen';
const CHANNEL = '7f3c9a2e-4b1d-4e8a-9c6f-2d5b8e1a3c70';

describe('snippet builder', () => {
  let demo;
  let browser;
  let context;
  before(async () => {
    demo = await createDemoServer({port: 0, log: () => {}});
    browser = await launch();
    context = await browser.newContext({viewport: {width: 1280, height: 900}});
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: demo.url});
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await demo?.close();
  });

  /** A builder tab with its problems (page errors, console errors, CSP violations) collected. */
  const open = async (query = 'lang=fi', base = `${demo.url}/builder/`) => {
    const tab = await context.newPage();
    const problems = await watch(tab);
    tab.on('console', (m) => m.type() === 'error' && problems.errors.push(m.text()));
    await tab.goto(`${base}?${query}`);
    await tab.waitForSelector('#search, #channel');
    return {tab, problems};
  };
  const options = (tab) => tab.$$eval('[role=option]', (els) => els.map((el) => el.textContent.replace(/\s+/g, ' ').trim()));
  const search = async (tab, text) => {
    await tab.fill('#search', text);
    return options(tab);
  };
  const code = (tab, which) => tab.textContent(`#code-${which}`);
  /** The guide in the preview frame once it shows `expected` (a theme name). */
  const guideInPreview = async (tab, expected) => {
    const handle = await tab.waitForFunction((name) => {
      const doc = document.querySelector('iframe')?.contentDocument;
      const text = doc?.querySelector('mandate-guide')?.shadowRoot?.textContent?.replace(/\s+/g, ' ');
      return text?.includes(name) ? {text, lang: doc.documentElement.lang} : false;
    }, expected, {timeout: 10000});
    return handle.jsonValue();
  };

  it('finds themes by Finnish, Swedish and English names, by slug, by a word inside a compound and with a typo', async () => {
    const {tab, problems} = await open();
    const cases = [
      ['varhais', 'Varhaiskasvatuksen aloituksesta tai päättymisestä ilmoittaminen'],
      ['kasvatus', EARLY],
      ['varhaiskasvtus', EARLY], // one letter missing
      ['varhaiskasvatuksne', EARLY], // two letters swapped
      ['fordonsuppgifter', 'Ajoneuvotietojen tilaaminen'],
      ['school certificate', 'Koulu- tai tutkintotodistuksen tilaaminen'],
      [SCHOOL, SCHOOL],
      ['pysakointi', 'Pysäköintiluvan hakeminen'],
      // Everyday words (data/search-keywords.json) where the catalogue has no Swedish or English name.
      ['early childhood education', EARLY],
      ['småbarnspedagogik', EARLY],
    ];
    for (const [query, expected] of cases) {
      const found = await search(tab, query);
      assert.ok(found.length > 0 && found.slice(0, 3).some((o) => o.includes(expected)), `"${query}" → ${JSON.stringify(found.slice(0, 3))}`);
    }
    assert.match(await tab.textContent('[role=status]'), /Löytyneitä valtuusasioita: \d+/);
    assert.deepEqual(await search(tab, 'qqqzzz'), []);
    assert.match(await tab.textContent('[role=status]'), /Valtuusasiaa ei löytynyt/);
    assert.equal(await tab.getAttribute('#search', 'aria-expanded'), 'true');
    // In Swedish, a theme known only in Finnish is shown in Finnish and marked as Finnish.
    const sv = await open('lang=sv');
    await search(sv.tab, 'varhais');
    assert.equal(await sv.tab.getAttribute('[role=option] .name', 'lang'), 'fi');
    await search(sv.tab, 'betyg');
    assert.equal(await sv.tab.getAttribute('[role=option] .name', 'lang'), null, 'a Swedish name carries no other-language mark');
    assert.deepEqual(problems, {errors: [], csp: []});
    assert.deepEqual(sv.problems, {errors: [], csp: []});
    await tab.close();
    await sv.tab.close();
  });

  it('goes from search to a copied snippet with the keyboard alone, and says it copied', async () => {
    const {tab, problems} = await open();
    await tab.keyboard.press('Tab'); // language links first
    for (let i = 0; i < 10 && (await tab.evaluate(() => document.activeElement?.id)) !== 'search'; i++) await tab.keyboard.press('Tab');
    assert.equal(await tab.evaluate(() => document.activeElement?.id), 'search');
    await tab.keyboard.type('varhais');
    await tab.keyboard.press('ArrowDown');
    const active = await tab.getAttribute('#search', 'aria-activedescendant');
    assert.equal(await tab.getAttribute(`#${active}`, 'aria-selected'), 'true');
    await tab.keyboard.press('Enter');
    assert.match(await tab.textContent('.chosen'), /Varhaiskasvatuksen aloituksesta/);
    assert.match(await tab.textContent('[role=status]'), /Lisätty: Varhaiskasvatuksen/);
    assert.equal(await tab.evaluate(() => document.activeElement?.id), 'search', 'focus stays in the search field for the next theme');
    // Principal: Tab past the Remove button to the select, then choose "Lapsi" with the arrow keys.
    while ((await tab.evaluate(() => document.activeElement?.id)) !== 'principal') await tab.keyboard.press('Tab');
    await tab.keyboard.press('ArrowDown');
    await tab.keyboard.press('ArrowDown');
    assert.equal(await tab.$eval('#principal', (el) => el.value), 'minor');
    // The 320 px preview button, pressed with Space.
    while (!(await tab.evaluate(() => document.activeElement?.closest('.widths')))) await tab.keyboard.press('Tab');
    await tab.keyboard.press('Space');
    assert.equal(await tab.getAttribute('.widths button:first-child', 'aria-pressed'), 'true');
    assert.equal(await tab.$eval('.frame', (el) => el.getBoundingClientRect().width), 320);
    // On to the first Copy button, pressed with Enter.
    while (!(await tab.evaluate(() => document.activeElement?.classList.contains('copy')))) await tab.keyboard.press('Tab');
    await tab.keyboard.press('Enter');
    await tab.waitForFunction(() => document.querySelector('[aria-live=assertive]')?.textContent.includes('Koodi on kopioitu'));
    assert.equal((await tab.evaluate(() => document.activeElement?.textContent)).trim(), 'Kopioitu');
    const copied = await tab.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, await code(tab, 'head'));
    assert.match(copied, new RegExp(`src="${demo.url}/builder/cdn/${version}/puolesta\\.fi\\.js"`));
    assert.match(copied, /integrity="sha384-[A-Za-z0-9+/]{64}" *\n? *crossorigin="anonymous" defer/);
    assert.match(copied, new RegExp(`<link rel="stylesheet" href="${demo.url}/builder/cdn/${version}/puolesta-guide\\.css" integrity="sha384-[A-Za-z0-9+/]{64}" crossorigin="anonymous">`));
    assert.match(await code(tab, 'body'), new RegExp(`<mandate-guide lang="fi" theme="${EARLY}" principal="minor">\n  <template shadowrootmode="open">`));
    assert.deepEqual(problems, {errors: [], csp: []});
    await tab.close();
    recordWalk({walk: {
      fi: 'Koodityökalu: haku, valinta nuolinäppäimillä ja Enterillä, esiasetus valintalistasta, 320 px esikatselu välilyönnillä, kopiointi Enterillä (ilmoitetaan)',
      sv: 'Kodverktyget: sökning, val med piltangenterna och Enter, förinställning i en lista, förhandsvisning 320 px med mellanslag, kopiering med Enter (meddelas)',
      en: 'Snippet builder: search, choose with arrow keys and Enter, preset with a select, 320 px preview with Space, copy with Enter (announced)'}, engine: 'chromium',
      steps: ['Tab → search field', 'type "varhais"', 'ArrowDown → first theme (aria-activedescendant)', 'Enter → theme added, announced', 'Tab → principal select, ArrowDown ×2', 'Tab → 320 px, Space', 'Tab → Copy code, Enter → "Koodi on kopioitu."']});
  });

  it('has no axe violations in any state, in fi, sv and en', async () => {
    for (const lang of ['fi', 'sv', 'en']) {
      const states = {
        empty: `lang=${lang}`,
        chosen: `lang=${lang}&theme=${EARLY}+${VEHICLE}&principal=company&situation=joint&heading=3&page=sv`,
        ptv: `lang=${lang}&source=ptv&channel=${CHANNEL}&page=multi`,
      };
      for (const [name, query] of Object.entries(states)) {
        const {tab, problems} = await open(query);
        if (name !== 'empty') await guideInPreview(tab, 'Varhaiskasvatuksen aloituksesta');
        assert.deepEqual(await axeViolations(tab), [], `${lang} ${name}`);
        if (name === 'empty') {
          await search(tab, 'tilaaminen');
          await tab.keyboard.press('ArrowDown');
          assert.deepEqual(await axeViolations(tab), [], `${lang} results open`);
          await tab.check('input[value=ptv]');
          await tab.fill('#channel', 'not-an-id');
          assert.equal(await tab.getAttribute('#channel', 'aria-invalid'), 'true');
          assert.ok(await tab.isVisible('#channel-error'));
          assert.deepEqual(await axeViolations(tab), [], `${lang} PTV id error`);
        }
        if (name === 'chosen') {
          await tab.click('.copy');
          await tab.waitForSelector('.copy:has-text("' + {fi: 'Kopioitu', sv: 'Kopierad', en: 'Copied'}[lang] + '")');
          assert.deepEqual(await axeViolations(tab), [], `${lang} copied`);
          await tab.fill('#files', 'ftp://example');
          assert.deepEqual(await axeViolations(tab), [], `${lang} files folder error`);
        }
        assert.deepEqual(problems, {errors: [], csp: []}, `${lang} ${name}`);
        await tab.close();
      }
    }
  });

  it('previews the real element in the page language at 320, 768 and 1 280 px', async () => {
    const {tab, problems} = await open(`lang=fi&theme=${SCHOOL}&principal=person&situation=on-behalf&page=sv`);
    const guide = await guideInPreview(tab, 'Beställning av skol- eller examensbetyg');
    assert.equal(guide.lang, 'sv');
    assert.ok(guide.text.includes('Beställning av skol- eller examensbetyg'), guide.text.slice(0, 200));
    assert.ok(guide.text.includes('Du behöver en fullmakt'), guide.text.slice(0, 200));
    assert.equal(await tab.frameLocator('iframe').locator('script[src]').last().getAttribute('src'), `cdn/${version}/puolesta.sv.js`);
    for (const [index, width] of [[0, 320], [1, 768], [2, 1280]]) {
      await tab.click(`.widths button >> nth=${index}`);
      assert.equal(await tab.$eval('.frame', (el) => el.getBoundingClientRect().width), width);
      // The frame grows to fit the guide (no inner scroll bar).
      await tab.waitForFunction(() => {
        const frame = document.querySelector('iframe');
        return frame.contentDocument?.body && Math.abs(frame.getBoundingClientRect().height - frame.contentDocument.body.getBoundingClientRect().height) <= 2;
      });
    }
    assert.deepEqual(problems, {errors: [], csp: []});
    await tab.close();
  });

  it('reads PTV for a service channel and asks for PTV in connect-src', async () => {
    const {tab, problems} = await open('lang=en');
    await tab.check('input[value=ptv]');
    await tab.fill('#channel', CHANNEL.toUpperCase());
    const guide = await guideInPreview(tab, 'Varhaiskasvatuksen aloituksesta');
    assert.equal(guide.lang, 'en');
    assert.match(await code(tab, 'body'), new RegExp(`service-channel="${CHANNEL}"`));
    assert.match(await code(tab, 'csp'), /connect-src .*https:\/\/api\.palvelutietovaranto\.suomi\.fi/);
    assert.match(tab.url(), new RegExp(`source=ptv&channel=${CHANNEL}`));
    assert.deepEqual(problems, {errors: [], csp: []});
    await tab.close();
  });

  it('restores every choice from a shared link', async () => {
    const {tab} = await open('lang=sv');
    await search(tab, 'varhais');
    await tab.click('[role=option]');
    await search(tab, 'fordon');
    await tab.click('[role=option]');
    await tab.selectOption('#principal', 'association');
    await tab.selectOption('#situation', 'alone');
    await tab.selectOption('#heading', '4');
    await tab.selectOption('#page', 'en');
    await tab.click('.widths button >> nth=2');
    await tab.fill('#files', 'https://www.kunta.fi/puolesta');
    await tab.waitForURL(/files=/);
    const shared = tab.url();
    const before = {head: await code(tab, 'head'), body: await code(tab, 'body'), csp: await code(tab, 'csp')};
    await tab.close();
    const colleague = await context.newPage();
    await colleague.goto(shared);
    // The folder is on another site than the builder: named, and no code until the colleague accepts it.
    await colleague.waitForSelector('.warning');
    assert.equal(await colleague.$('#code-body'), null);
    assert.match(await colleague.textContent('.warning'), /https:\/\/www\.kunta\.fi/);
    await colleague.click('.warning button >> nth=0');
    await colleague.waitForSelector('#code-body');
    assert.deepEqual({head: await code(colleague, 'head'), body: await code(colleague, 'body'), csp: await code(colleague, 'csp')}, before);
    assert.match(before.head, /src="https:\/\/www\.kunta\.fi\/puolesta\/puolesta\.en\.js"/);
    assert.match(before.body, new RegExp(`lang="en" theme="${EARLY} ${VEHICLE}" principal="association" situation="alone" heading-level="4"`));
    assert.match(before.head, /href="https:\/\/www\.kunta\.fi\/puolesta\/puolesta-guide\.css"/);
    assert.equal(before.csp, 'script-src https://www.kunta.fi\nstyle-src https://www.kunta.fi\nconnect-src https://www.kunta.fi');
    assert.deepEqual(await colleague.$$eval('select', (els) => els.map((el) => el.value)), ['association', 'alone', '4', 'en']);
    assert.equal(await colleague.getAttribute('.widths button >> nth=2', 'aria-pressed'), 'true');
    assert.equal(await colleague.$eval('#files', (el) => el.value), 'https://www.kunta.fi/puolesta/');
    assert.equal(await colleague.getAttribute('html', 'lang'), 'sv');
    await colleague.close();
  });

  it('drops hostile URL values without running or showing them', async () => {
    const hostile = new URLSearchParams({
      lang: 'sv"><img src=x onerror=alert(1)>',
      theme: `<script>alert(1)</script> ${EARLY} javascript:alert(1)`,
      files: 'javascript:alert(1)//',
      principal: '<b>x</b>',
      page: 'xx',
      heading: '9',
      width: '99999',
      channel: "'); alert(1); ('",
    });
    const {tab, problems} = await open(hostile.toString());
    let dialog = false;
    tab.on('dialog', (d) => { dialog = true; d.dismiss(); });
    await tab.waitForSelector('#code-body');
    assert.equal(await tab.getAttribute('html', 'lang'), 'fi');
    assert.equal(await code(tab, 'body').then((b) => b.split('\n')[0]), `<mandate-guide lang="fi" theme="${EARLY}">`);
    assert.match(await code(tab, 'head'), new RegExp(`${demo.url}/builder/cdn/${version}/puolesta\\.fi\\.js`));
    assert.equal(await tab.$$eval('img, script:not([src])', (els) => els.length), 0);
    assert.equal(new URL(tab.url()).searchParams.get('files'), null, 'the refused folder is not written back');
    assert.equal(dialog, false);
    assert.deepEqual(problems, {errors: [], csp: []});
    await tab.close();
  });

  it('the copied snippet works on a blank page of another origin under the strict CSP and the printed sources', async () => {
    const {tab} = await open(`lang=en&theme=${VEHICLE}&principal=person&situation=on-behalf&page=fi`);
    const snippet = {};
    for (const which of ['head', 'body', 'csp']) {
      await tab.click(`#code-${which} >> xpath=../.. >> .copy`);
      snippet[which] = await tab.evaluate(() => navigator.clipboard.readText());
    }
    await tab.close();
    // The integrity value is the sha384 of the served file, byte for byte.
    const script = /<script [^>]*>/.exec(snippet.head)[0];
    const src = /src="([^"]+)"/.exec(script)[1];
    const bytes = Buffer.from(await (await fetch(src)).arrayBuffer());
    assert.ok(bytes.equals(await readFile(join(root, 'dist/cdn', version, 'puolesta.fi.js'))));
    assert.equal(/integrity="([^"]+)"/.exec(script)[1], `sha384-${createHash('sha384').update(bytes).digest('base64')}`);
    // And the stylesheet's, of the served stylesheet.
    const link = /<link [^>]*>/.exec(snippet.head)[0];
    const css = Buffer.from(await (await fetch(/href="([^"]+)"/.exec(link)[1])).arrayBuffer());
    assert.equal(/integrity="([^"]+)"/.exec(link)[1], `sha384-${createHash('sha384').update(css).digest('base64')}`);
    // A theme outside the bundled subset: the page needs the printed connect-src to name it; the ready-made
    // guide's stylesheet needs style-src.
    assert.match(snippet.csp, /^script-src http:\/\/(localhost|127\.0\.0\.1):\d+\nstyle-src http:\/\/(localhost|127\.0\.0\.1):\d+\nconnect-src http:\/\/(localhost|127\.0\.0\.1):\d+$/);
    assert.match(snippet.head, /<link rel="stylesheet"[^>]*>\n<script [^>]*defer><\/script>$/, 'the stylesheet, then the deferred script');
    assert.match(snippet.body, /^<mandate-guide lang="fi"[^>]*>\n  <template shadowrootmode="open">/);
    const sources = Object.fromEntries(snippet.csp.split('\n').map((line) => [line.split(' ')[0], line.slice(line.indexOf(' ') + 1)]));
    const csp = `${STRICT_CSP.replace("script-src 'self'", `script-src 'self' ${sources['script-src']}`).replace("style-src 'self'", `style-src 'self' ${sources['style-src']}`)}; connect-src 'self' ${sources['connect-src']}`;
    const blank = await serve({headers: {'Content-Security-Policy': csp}, pages: {
      '/page.html': `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Sivu</title>\n${snippet.head}\n</head><body><main>\n${snippet.body}\n</main></body></html>`,
    }});
    // With JavaScript off, the ready-made guide already reads in full, styled.
    const noScript = await browser.newContext({javaScriptEnabled: false});
    const still = await noScript.newPage();
    await still.goto(`${blank.url}/page.html`);
    assert.ok((await shadowText(still, 'mandate-guide')).includes('Tarvitset valtuuden henkilöltä'));
    const themeName = await still.evaluate(() => {
      const heading = document.querySelector('mandate-guide').shadowRoot.querySelector('[part=theme-name]');
      return {text: heading.textContent.trim(), shown: heading.getBoundingClientRect().height > 0, weight: getComputedStyle(heading).fontWeight};
    });
    assert.deepEqual(themeName, {text: 'Ajoneuvotietojen tilaaminen', shown: true, weight: '600'}, 'the theme name is shown, styled');
    await noScript.close();
    const page = await context.newPage();
    const problems = await watch(page);
    await page.goto(`${blank.url}/page.html`);
    await page.waitForFunction(() => {
      const root = document.querySelector('mandate-guide')?.shadowRoot;
      return customElements.get('mandate-guide') && root && !root.querySelector('link') && root.textContent.includes('Ajoneuvotietojen tilaaminen');
    }, null, {timeout: 10000});
    assert.ok((await shadowText(page, 'mandate-guide')).includes('Tarvitset valtuuden henkilöltä'));
    assert.deepEqual(problems, {errors: [], csp: []});
    await page.close();
    await blank.close();
  });

  it('gives the short code where the guide cannot be made ready in advance, and says why', async () => {
    for (const [query, why] of [['page=fi&plain=1', null], [`page=fi&source=ptv&channel=${'1'.repeat(8)}-1111-1111-1111-${'1'.repeat(12)}`, /PTV/], ['page=multi', /kieli vaihtuu/]]) {
      const {tab} = await open(`lang=fi&theme=${EARLY}&${query}`);
      await tab.waitForSelector('#code-body');
      const head = await code(tab, 'head');
      assert.doesNotMatch(head, /defer|<link/, `${query}: a head script the page waits for`);
      assert.doesNotMatch(await code(tab, 'body'), /<template/, query);
      assert.equal(await tab.$eval('#plain', (el) => el.checked), query.endsWith('plain=1'));
      if (why) assert.match(await tab.textContent('#h-code ~ .hint, section[aria-labelledby=h-code] > p.hint'), why);
      await tab.close();
    }
  });

  it('runs as the static dist/builder folder under the strict CSP', async () => {
    const files = await serve({headers: {'Content-Security-Policy': STRICT_CSP}});
    const {tab, problems} = await open(`lang=fi&theme=${SCHOOL}&page=fi`, `${files.url}/dist/builder/index.html`);
    await guideInPreview(tab, 'Koulu- tai tutkintotodistuksen tilaaminen');
    assert.match(await code(tab, 'head'), new RegExp(`src="${files.url}/dist/builder/cdn/${version}/puolesta\\.fi\\.js"`));
    assert.deepEqual(problems, {errors: [], csp: []});
    await tab.close();
    await files.close();
  });
});

describe('snippet builder on a phone (320 px)', () => {
  let demo;
  let browser;
  before(async () => {
    demo = await createDemoServer({port: 0, log: () => {}});
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('the preview fits the screen instead of being cut off, and the page does not scroll sideways', async () => {
    const page = await browser.newPage({viewport: {width: 320, height: 800}});
    await page.goto(`${demo.url}/builder/?lang=sv&theme=${EARLY}&page=sv`);
    await page.waitForSelector('iframe');
    const sizes = await page.$eval('.frame', (frame) => ({frame: frame.getBoundingClientRect().width, stage: frame.parentElement.clientWidth, page: document.documentElement.scrollWidth}));
    assert.ok(sizes.frame <= sizes.stage, JSON.stringify(sizes));
    assert.equal(sizes.page, 320);
    assert.equal(await page.title(), 'Fullmaktsguiden på din egen sida – Puolesta');
    await page.close();
  });

  for (const [lang, title, cms] of [
    ['fi', 'Ohje verkkotoimittajalle: valtuusohje omalle sivulle – Puolesta', ['WordPress', 'Drupal', 'Liferay', 'Jos ohje ei näy']],
    ['sv', 'Hjälp för webbredaktörer: fullmaktsguiden på din sida – Puolesta', ['WordPress', 'Drupal', 'Liferay', 'Om guiden inte syns']],
    ['en', 'Help for web editors: the mandate guide on your page – Puolesta', ['WordPress', 'Drupal', 'Liferay', 'If the guide does not show']],
  ]) {
    it(`${lang}: the builder links to the editors' help in its own language, which reads well on a phone`, async () => {
      const page = await browser.newPage({viewport: {width: 320, height: 800}});
      const problems = await watch(page);
      await page.goto(`${demo.url}/builder/?lang=${lang}`);
      await page.locator('main p a').first().click();
      await page.waitForLoadState('load');
      assert.equal(await page.title(), title);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      const text = await page.textContent('main');
      for (const phrase of cms) assert.ok(text.includes(phrase), `${lang}: ${phrase}`);
      assert.doesNotMatch(text, /README/, 'editors are not sent to developer material');
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320);
      assert.deepEqual(await axeViolations(page), [], `${lang} help page`);
      assert.deepEqual(problems, {errors: [], csp: []});
      await page.close();
    });
  }
});
