// The builder's snippet in the two rich-text editors municipal sites use: CKEditor 5 (Drupal 10/11's editor) and
// TinyMCE, both real, from npm, in Debian's Chromium. For each editor configuration the snippet goes in the way an
// editor puts it in (Ctrl+V as a paste event with text/html, CKEditor's Source button, CKEditor's "Insert HTML"
// box) and the way a CMS loads saved content (setData/setContent); the editor's data is read back and checked for
// what survives (the element, its attributes, the no-JS fallback paragraph and where it ended up, the <script>),
// and for what the editor shows while editing. Where the element survives, the editor's output is put into a page
// served under the strict CSP with the Puolesta script, and the guide must render.
//
// docs/rich-text-editors.md has one table row per ROWS entry below: change one, change the other.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {launch, serve, shadowText, STRICT_CSP, watch} from '../e2e/support.mjs';
import {builderSnippet, buildEditorPages, keeps} from './rte/harness.mjs';

const EARLY = 'varhaiskasvatuksen_aloituksesta_tai_paattymisesta_ilmoittaminen';
const EARLY_NAME = 'Varhaiskasvatuksen aloituksesta tai päättymisestä ilmoittaminen';
// The builder's choices: a bundled theme, both questions preset, heading level 3, a Finnish page.
const QUERY = `lang=fi&theme=${EARLY}&principal=person&situation=on-behalf&heading=3&page=fi`;
const INTRO = 'Jos hoidat asiaa toisen henkilön tai organisaation puolesta';
const ATTRIBUTES = {'heading-level': '3', principal: 'person', situation: 'on-behalf', theme: EARLY};
const HOME = 'https://www.suomi.fi/valtuudet';

/** What the editor's data keeps, as `keeps()` in rte/harness.mjs reports it. */
const fallback = {fallbackBold: true, fallbackLink: HOME};
const DROPPED = {guides: 0, attributes: null, fallback: 'outside', ...fallback, scripts: [], embed: false};
const KEPT = {guides: 1, attributes: ATTRIBUTES, fallback: 'inside', ...fallback, scripts: [], embed: false};
// The element kept, but the fallback paragraph no longer inside it (so it shows beside the rendered guide).
const SPLIT = {...KEPT, fallback: 'outside'};
const script = (where) => [{in: where, src: '', integrity: '', crossorigin: 'anonymous'}];

// Ctrl+V in CKEditor: the element (after the script, when kept) inside a paragraph, its own paragraph inside it.
const CK_WRAPPED = /^<p>(<script[^>]*><\/script>&nbsp;)?<mandate-guide [^>]*><p>/;
// TinyMCE's inline form with valid_children: an empty element inside a paragraph, the fallback paragraph next.
const TINY_EMPTY = /^<p><mandate-guide [^>]*><\/mandate-guide><\/p>\n<p>Jos hoidat/;

/** What the editor shows while editing. */
const SHOWN_AS_TEXT = {fallbackShown: true, element: 'none', elementVisible: false, sourceShown: false};
const HIDDEN = {fallbackShown: false, element: 'empty placeholder', elementVisible: false, sourceShown: false};
const AS_SOURCE = {fallbackShown: false, element: 'none', elementVisible: false, sourceShown: true};
const SHOWN_IN_ELEMENT = {fallbackShown: true, element: 'element', elementVisible: true, sourceShown: false};
const SHOWN_BESIDE_EMPTY = {fallbackShown: true, element: 'empty element', elementVisible: false, sourceShown: false};

/**
 * Every editor × configuration × way in. `keeps` is the editor's data, `view` what the editor shows, `renders`
 * (when the element survives) whether the fallback paragraph is still visible once the guide has rendered.
 */
const ROWS = [
  // CKEditor 5 without General HTML Support: the element and the script go, the paragraph stays as text.
  ...['paste', 'setData', 'source'].map((way) => ({editor: 'ckeditor', config: 'basic', way, keeps: DROPPED, view: SHOWN_AS_TEXT})),
  // GHS allowing the element by name, or by a regular expression for the name: dropped all the same (#13343).
  ...['paste', 'setData', 'source'].map((way) => ({editor: 'ckeditor', config: 'ghs-name', way, keeps: DROPPED, view: SHOWN_AS_TEXT})),
  ...['paste', 'setData', 'source'].map((way) => ({editor: 'ckeditor', config: 'ghs-regexp', way, keeps: DROPPED, view: SHOWN_AS_TEXT})),
  // GHS with `$customElement` plus the element's attribute rule: kept, but invisible while editing; Ctrl+V puts
  // it inside a <p>, and the fallback paragraph falls out of it.
  {editor: 'ckeditor', config: 'ghs-custom-element', way: 'paste', keeps: SPLIT, view: HIDDEN, renders: {fallbackVisible: true}, data: CK_WRAPPED},
  ...['setData', 'source'].map((way) => ({editor: 'ckeditor', config: 'ghs-custom-element', way, keeps: KEPT, view: HIDDEN, renders: {fallbackVisible: false}})),
  // Drupal's arbitrary HTML (GHS allowing every name): kept and hidden as above, and the <script> is kept too.
  {editor: 'ckeditor', config: 'ghs-all', way: 'paste', keeps: {...SPLIT, scripts: script('p')}, view: HIDDEN, renders: {fallbackVisible: true}, data: CK_WRAPPED},
  ...['setData', 'source'].map((way) => ({editor: 'ckeditor', config: 'ghs-all', way, keeps: {...KEPT, scripts: script('body')}, view: HIDDEN, renders: {fallbackVisible: false}})),
  // The HTML embed box: the snippet is stored verbatim (script included) and shown as source code.
  {editor: 'ckeditor', config: 'html-embed', way: 'embed', keeps: {...KEPT, scripts: script('div'), embed: true}, view: AS_SOURCE, renders: {fallbackVisible: false}, data: 'verbatim'},
  {editor: 'ckeditor', config: 'html-embed', way: 'paste', keeps: DROPPED, view: SHOWN_AS_TEXT},
  // A whole document (FullPage) with the working GHS rule: the script stays in the <head>.
  {editor: 'ckeditor', config: 'full-page', way: 'document', keeps: {...KEPT, scripts: script('head')}, view: HIDDEN, renders: {fallbackVisible: false}},
  // TinyMCE: without configuration the element goes; as a block custom element (string or object form) it stays
  // with its paragraph and is visible; as an inline one (~) it goes, or with valid_children loses its paragraph.
  ...['paste', 'setData'].flatMap((way) => [
    {editor: 'tinymce', config: 'defaults', way, keeps: DROPPED, view: SHOWN_AS_TEXT},
    {editor: 'tinymce', config: 'block', way, keeps: KEPT, view: SHOWN_IN_ELEMENT, renders: {fallbackVisible: false}},
    {editor: 'tinymce', config: 'object-form', way, keeps: KEPT, view: SHOWN_IN_ELEMENT, renders: {fallbackVisible: false}},
    {editor: 'tinymce', config: 'inline', way, keeps: DROPPED, view: SHOWN_AS_TEXT},
    // After Ctrl+V the paragraph still looks inside the element; what is saved, and shown when reopened, is not.
    {editor: 'tinymce', config: 'inline-children', way, keeps: SPLIT, view: way === 'paste' ? SHOWN_IN_ELEMENT : SHOWN_BESIDE_EMPTY, renders: {fallbackVisible: true}, data: TINY_EMPTY},
  ]),
];

describe('the builder snippet in real CKEditor 5 and TinyMCE', () => {
  let editors; // the editor test pages, no CSP (both editors set inline styles)
  let site; // the municipal page: strict CSP, Puolesta files from the same origin
  const sitePages = {};
  let snippet;
  let browser;
  before(async () => {
    editors = await serve({pages: await buildEditorPages()});
    site = await serve({pages: sitePages, headers: {'Content-Security-Policy': STRICT_CSP}});
    snippet = await builderSnippet(QUERY, site.url);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await editors?.close();
    await site?.close();
  });

  const pasted = () => `${snippet.head}\n${snippet.body}`;
  const wholeDocument = () =>
    `<!doctype html><html lang="fi"><head><title>Sivu</title>${snippet.head}</head><body>${snippet.body}</body></html>`;

  /** An editor page in `config`, with page errors collected. */
  async function open(editor, config) {
    const page = await browser.newPage({viewport: {width: 1200, height: 900}});
    const problems = await watch(page);
    await page.goto(`${editors.url}/${editor}.html?config=${config}`);
    assert.equal(await page.evaluate(() => window.rteReady), config);
    return {page, problems};
  }

  /** Puts the snippet in `way` and returns the editor's data once it holds the fallback text. */
  async function put(page, way) {
    if (way === 'paste') await page.evaluate((html) => window.rte.paste(html), pasted());
    else if (way === 'setData') await page.evaluate((html) => window.rte.setData(html), pasted());
    else if (way === 'document') await page.evaluate((html) => window.rte.setData(html), wholeDocument());
    else if (way === 'source') {
      // Drupal's way to paste code: the Source button, the code into its text area, the Source button again.
      await page.evaluate(() => window.rte.setData(''));
      await page.getByRole('button', {name: 'Source', exact: true}).click();
      await page.fill('.ck-source-editing-area textarea', pasted());
      await page.getByRole('button', {name: 'Source', exact: true}).click();
    } else if (way === 'embed') {
      // The "Insert HTML" button, the code into the box, "Save".
      await page.evaluate(() => window.rte.setData(''));
      await page.getByRole('button', {name: 'Insert HTML', exact: true}).click();
      await page.fill('.raw-html-embed textarea', pasted());
      await page.getByRole('button', {name: 'Save changes', exact: true}).click();
    } else throw new Error(way);
    // (TinyMCE writes ö as &ouml;: wait for the words before it.)
    await page.waitForFunction(() => window.rte.getData().includes('Jos hoidat asiaa toisen'), null, {timeout: 10000});
    return page.evaluate(() => window.rte.getData());
  }

  /** The editor's output on a page under the strict CSP: the guide's text, heading, and the fallback's visibility. */
  async function render(output, name) {
    const path = `/${name}.html`;
    const withScript = /<script\b/.test(output);
    sitePages[path] = /^\s*<!doctype/i.test(output)
      ? output
      : `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Sivu</title>\n` +
        // The site template adds the loader when the editor has not kept it.
        `${withScript ? '' : snippet.head}\n</head><body><main>\n${output}\n</main></body></html>`;
    const page = await browser.newPage();
    const problems = await watch(page);
    await page.goto(`${site.url}${path}`);
    await page.waitForFunction((name) => document.querySelector('mandate-guide')?.shadowRoot?.textContent.includes(name), EARLY_NAME, {timeout: 10000});
    const text = await shadowText(page, 'mandate-guide');
    const heading = await page.$eval('mandate-guide', (el) => el.shadowRoot.querySelector('[role=heading]')?.getAttribute('aria-level'));
    const fallbackVisible = await page.evaluate(
      (intro) => [...document.querySelectorAll('p')].some((p) => p.textContent.includes(intro) && p.checkVisibility()),
      INTRO,
    );
    await page.close();
    return {text, heading, fallbackVisible, problems};
  }

  for (const row of ROWS) {
    const name = `${row.editor} ${row.config}, ${row.way}: ${row.keeps.guides ? `kept${row.keeps.fallback === 'inside' ? '' : ', fallback moved out'}` : 'dropped'}`;
    it(name, async () => {
      const {page, problems} = await open(row.editor, row.config);
      const output = await put(page, row.way);
      const expected = {...row.keeps, scripts: row.keeps.scripts.map((s) => ({...s, src: snippet.head.match(/src="([^"]+)"/)[1], integrity: snippet.head.match(/integrity="([^"]+)"/)[1]}))};
      assert.deepEqual(await page.evaluate(keeps, [output, INTRO]), expected, output);
      // The fallback's wording survives in every configuration.
      assert.ok(output.replace(/&ouml;/g, 'ö').includes(INTRO), output);
      // The HTML embed keeps the code as written; only the line breaks between the script's attributes go.
      if (row.data === 'verbatim') assert.equal(output, `<div class="raw-html-embed">${pasted().replace(/\n\s+(?=integrity=|crossorigin=)/g, ' ')}</div>`);
      else if (row.data) assert.match(output, row.data);
      assert.deepEqual(await page.evaluate((intro) => window.rte.view(intro), INTRO), row.view);
      assert.deepEqual(problems, {errors: [], csp: []});
      await page.close();
      if (row.renders) {
        const shown = await render(output, `${row.editor}-${row.config}-${row.way}`);
        assert.ok(shown.text.includes('Tarvitset valtuuden henkilöltä'), shown.text);
        assert.equal(shown.heading, '3', 'heading-level="3" kept');
        assert.equal(shown.fallbackVisible, row.renders.fallbackVisible);
        assert.deepEqual(shown.problems, {errors: [], csp: []});
      }
    });
  }

  it('ckeditor ghs-custom-element: `$customElement` lets every custom element through, attributes only for the named one', async () => {
    const {page} = await open('ckeditor', 'ghs-custom-element');
    await page.evaluate(() => window.rte.setData('<p>a</p><other-widget data-x="1">b</other-widget><mandate-guide theme="x" data-x="1" onclick="alert(1)"></mandate-guide>'));
    assert.equal(await page.evaluate(() => window.rte.getData()), '<p>a</p><other-widget>b</other-widget><mandate-guide theme="x"></mandate-guide>');
    await page.close();
  });

  it('ckeditor ghs-custom-element: the hidden element goes with the text around it when the editor retypes the page', async () => {
    const {page} = await open('ckeditor', 'ghs-custom-element');
    await page.evaluate((html) => window.rte.setData(`<p>Ennen</p>${html}<p>Jälkeen</p>`), snippet.body);
    assert.match(await page.evaluate(() => window.rte.getData()), /<mandate-guide /);
    await page.click('.ck-editor__editable p');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Uusi teksti');
    assert.equal(await page.evaluate(() => window.rte.getData()), '<p>Uusi teksti</p>');
    await page.close();
  });
});
