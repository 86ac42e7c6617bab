// The pre-rendered guide (issue 19) in Chromium, Firefox and WebKit, with the built files under the strict CSP:
// - what the pack puts together is what the shipped element renders, in each engine (after the script takes the
//   declarative root over there is one guide, with the same elements, attributes and text as before);
// - no flash and no shift: a screenshot of the page before the script ran equals one after the element rendered;
// - markup pre-rendered by another release is replaced whole; while the full catalogue loads the pre-rendered
//   cards stay (no "loading" in between);
// - after the takeover the questions, copy button and details work;
// - with JavaScript off the pre-rendered guidance reads in full (heading, theme, verdict or the page's no-JS text).
//   npm run build --silent && node --test --test-concurrency=1 test/e2e/prerendered.test.mjs
//   PUOLESTA_ENGINES=firefox narrows the run.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {mkdir, readFile} from 'node:fs/promises';
import {PNG} from 'pngjs';
import {join} from 'node:path';
import {ENGINES, launchEngine, waitFor} from '../engines/driver.mjs';
import {root, serve, STRICT_CSP} from './support.mjs';
import {AXE_TAGS} from './axe.mjs';
import {createRequire} from 'node:module';

const engines = (process.env.PUOLESTA_ENGINES ?? ENGINES.join(',')).split(',').map((e) => e.trim()).filter(Boolean);
const core = await import(join(root, 'dist/lib/core.js'));
const {prerenderGuide, prerenderHeadLink} = core;
const {version} = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const FOLDER = `/dist/cdn/${version}/`;
const pack = JSON.parse(await readFile(join(root, FOLDER, 'prerender.json'), 'utf8'));
const integrity = JSON.parse(await readFile(join(root, FOLDER, 'integrity.json'), 'utf8')).files;
const municipal = JSON.parse(await readFile(join(root, 'data/municipal-themes.json'), 'utf8')).themes;
const catalogue = JSON.parse(await readFile(join(root, 'src/generated/public/mandate-themes.json'), 'utf8')).themes;
/** A theme the script-tag files do not carry: the element loads the full catalogue for it. */
const unbundled = catalogue.map((t) => t.s).find((slug) => !municipal.includes(slug));
const results = join(root, 'test-results');
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const CASES = [
  {name: 'questions, one theme (fi)', lang: 'fi', themes: [municipal[0]]},
  {name: 'a person, on behalf, one theme (fi)', lang: 'fi', themes: [municipal[2]], principal: 'person', situation: 'on-behalf'},
  {name: 'a child, asked how, two themes (sv)', lang: 'sv', themes: municipal.slice(0, 2), principal: 'minor'},
  {name: 'a company, jointly, no theme (en)', lang: 'en', themes: [], principal: 'company', situation: 'joint'},
  {name: 'alone, three themes, heading level 4 (sv)', lang: 'sv', themes: municipal.slice(3, 6), situation: 'alone', level: 4},
  {name: 'a theme outside the bundled subset, on behalf (fi)', lang: 'fi', themes: [unbundled, municipal[1]], principal: 'person', situation: 'on-behalf'},
];
const FALLBACK = {fi: 'Voit tarvita Suomi.fi-valtuuden.', sv: 'Du kan behöva en Suomi.fi-fullmakt.', en: 'You may need a Suomi.fi mandate.'};

const scriptTag = (file) => `<script src="${FOLDER}${file}" integrity="${integrity[file].integrity}" crossorigin="anonymous" defer></script>`;
/** A municipal article with the guide in the middle: pre-rendered markup, head link, deferred script (or none). */
function page(c, {script = true, pre} = {}) {
  const attrs = [c.themes.length ? ` theme="${c.themes.join(' ')}"` : '', c.principal ? ` principal="${c.principal}"` : '',
    c.situation ? ` situation="${c.situation}"` : '', c.level ? ` heading-level="${c.level}"` : ''].join('');
  const template = pre ?? prerenderGuide(pack, {locale: c.lang, themes: c.themes, principal: c.principal, situation: c.situation, headingLevel: c.level, folder: FOLDER});
  assert.ok(template, `${c.name} can be pre-rendered`);
  return `<!doctype html><html lang="${c.lang}"><head><meta charset="utf-8"><title>${c.name}</title>
${prerenderHeadLink(pack, FOLDER)}
${script ? scriptTag(`puolesta.${c.lang}.js`) : ''}
</head><body><main><h1>Asiointi</h1><p>Ennen ohjetta on tekstiä, joka kertoo palvelusta.</p>
<mandate-guide lang="${c.lang}"${attrs}>${template}<p>${FALLBACK[c.lang]}</p></mandate-guide>
<p id="after">Ohjeen jälkeen sivu jatkuu.</p></main></body></html>`;
}

/**
 * One page per language with a guide for every frame in the pack (every principal × situation × theme count) and
 * every theme card (each theme alone, among the themes and in the "choose" box), at heading levels 2 to 6.
 */
function everyPiece(lang) {
  const guides = [];
  const {PRINCIPALS, SITUATIONS} = core;
  const levels = [2, 3, 4, 5, 6];
  for (const principal of ['', ...PRINCIPALS]) {
    for (const situation of ['', ...SITUATIONS]) {
      for (const count of [0, 1, 2]) guides.push({themes: municipal.slice(count, count * 2), principal, situation, level: levels[guides.length % 5]});
    }
  }
  for (const [i, {s: slug}] of catalogue.entries()) {
    guides.push({themes: [slug], level: levels[i % 5]}, {themes: [municipal[0], slug], principal: 'person', situation: 'on-behalf', level: levels[(i + 2) % 5]});
  }
  const markup = guides.map((c) => {
    const attrs = [c.themes.length ? ` theme="${c.themes.join(' ')}"` : '', c.principal ? ` principal="${c.principal}"` : '',
      c.situation ? ` situation="${c.situation}"` : '', ` heading-level="${c.level}"`].join('');
    const template = prerenderGuide(pack, {locale: lang, themes: c.themes, principal: c.principal, situation: c.situation, headingLevel: c.level, folder: FOLDER});
    assert.ok(template, JSON.stringify(c));
    return `<mandate-guide lang="${lang}"${attrs}>${template}</mandate-guide>`;
  });
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>all</title>${prerenderHeadLink(pack, FOLDER)}</head><body>${markup.join('\n')}</body></html>`;
}

// In-page helpers (self-contained: each runs in the browser).
/** The guide's shadow tree as elements, sorted attributes and text; ids and names without the instance prefix. */
const snapshot = (index = 0) => {
  const root = document.querySelectorAll('mandate-guide')[index].shadowRoot;
  const out = [];
  const walk = (node) => {
    for (const c of node.childNodes) {
      if (c.nodeType === 3) out.push(c.data);
      if (c.nodeType !== 1 || c.localName === 'link' || c.classList.contains('no-js')) continue;
      const attrs = [...c.attributes].filter((a) => a.name !== 'data-rules').map((a) => `${a.name}="${a.value.replace(/\b(mg\d+|pg)-/g, 'X-')}"`).sort();
      out.push(`<${[c.localName, ...attrs].join(' ')}>`);
      walk(c);
      out.push(`</${c.localName}>`);
    }
  };
  if (root) walk(root);
  return out.join('').replace(/\s+/g, ' ').trim();
};
/** Where every element of the guide, and the text after it, is laid out. */
const boxes = () => {
  const root = document.querySelector('mandate-guide').shadowRoot;
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return [el.localName, ...[r.x, r.y, r.width, r.height].map((n) => Math.round(n * 10) / 10)].join(' ');
  };
  return [...root.querySelectorAll('section *:not(link, .no-js, .no-js *)'), document.getElementById('after')].map(box);
};
/** Rendered by the element itself: its stylesheet link is gone, it has answered, nothing is loading. */
const takenOver = () => {
  const el = document.querySelector('mandate-guide');
  const root = el?.shadowRoot;
  return !!(customElements.get('mandate-guide') && root && !root.querySelector('link') && !root.querySelector('.loading') &&
    root.querySelectorAll('section.guide').length === 1) && el.updateComplete.then(() => true);
};
/** Counts animation frames in which the guide's root was empty or said "loading" (from now until the test ends). */
const watchFrames = () => {
  const root = document.querySelector('mandate-guide').shadowRoot;
  window.__frames = {empty: 0, loading: 0};
  const frame = () => {
    if (!root.querySelector('section')) window.__frames.empty++;
    if (root.querySelector('.loading')) window.__frames.loading++;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};
const addScript = (src, integrity) => {
  const s = document.createElement('script');
  s.src = src;
  s.integrity = integrity;
  s.crossOrigin = 'anonymous';
  document.head.append(s);
};
/** What a reader sees: the boxes of the guide's heading, theme names, verdict and the page's own no-JS text. */
const visible = () => {
  const el = document.querySelector('mandate-guide');
  const root = el.shadowRoot;
  const shown = (node) => !!node && node.getBoundingClientRect().height > 0;
  return {
    heading: root.querySelector('[role=heading]')?.textContent.trim(),
    headingShown: shown(root.querySelector('[role=heading]')),
    themes: [...root.querySelectorAll('[part~=theme-name]')].filter(shown).map((n) => n.textContent.trim()),
    verdict: shown(root.querySelector('.verdict')),
    questions: shown(root.querySelector('.questions')),
    noScriptText: shown(el.querySelector(':scope > p')),
    copyButtons: [...root.querySelectorAll('.copy')].filter(shown).length,
    styled: getComputedStyle(root.querySelector('[role=heading]')).fontWeight,
  };
};

/** axe's WCAG 2.2 A/AA violations on the page as it is now (started in the page, polled: works in every driver). */
async function axeViolations(tab) {
  await tab.evaluateExpression(`(() => { if (!window.axe) { ${axeSource}\n } window.__axe = null; window.axe.run(document, {runOnly: {type: 'tag', values: ${JSON.stringify(AXE_TAGS)}}}).then((r) => { window.__axe = r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')); }); return true; })()`);
  return waitFor(tab, 'axe to finish', () => window.__axe, [], {timeout: 30_000});
}

/** The share of pixels that differ between two screenshots (1 when their sizes differ). */
function pixelsDiffering(a, b) {
  const [x, y] = [PNG.sync.read(a), PNG.sync.read(b)];
  if (x.width !== y.width || x.height !== y.height) return 1;
  let differing = 0;
  for (let p = 0; p < x.data.length; p += 4) {
    if (x.data[p] !== y.data[p] || x.data[p + 1] !== y.data[p + 1] || x.data[p + 2] !== y.data[p + 2]) differing++;
  }
  return differing / (x.width * x.height);
}

for (const engine of engines) {
  describe(`pre-rendered guide in ${engine}`, () => {
    let browser;
    let server;
    const pages = {};
    before(async () => {
      CASES.forEach((c, i) => {
        pages[`/case${i}.html`] = page(c);
        pages[`/case${i}-plain.html`] = page(c, {script: false});
      });
      // Markup an older release pre-rendered: another structure, text and stylesheet.
      pages['/old.html'] = page(CASES[1], {pre: `<template shadowrootmode="open"><link rel="stylesheet" href="/dist/cdn/0.0.9/puolesta-guide.css"><section class="guide old"><h2>Vanha ohje</h2><p>Vanhan version teksti.</p></section></template>`});
      for (const lang of ['fi', 'sv', 'en']) pages[`/all-${lang}.html`] = everyPiece(lang);
      server = await serve({pages, headers: {'Content-Security-Policy': STRICT_CSP}});
      browser = await launchEngine(engine);
      await mkdir(results, {recursive: true});
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });
    const withPage = async (options, fn) => {
      const tab = await browser.newPage(options);
      try {
        await fn(tab);
      } finally {
        await tab.close();
      }
    };

    for (const [i, c] of CASES.entries()) {
      it(`${c.name}: the element renders what was pre-rendered, with no flash and no shift`, async () => {
        await withPage({width: 1024, height: 900}, async (tab) => {
          await tab.goto(`${server.url}/case${i}-plain.html`);
          const before = await tab.evaluate(snapshot);
          assert.match(before, /<section /, 'the declarative root is there before any script');
          const boxesBefore = await tab.evaluate(boxes);
          const shotBefore = join(results, `prerendered-${engine}-${i}-before.png`);
          await tab.screenshot(shotBefore);
          await tab.evaluate(watchFrames);
          await tab.evaluate(addScript, `${FOLDER}puolesta.${c.lang}.js`, integrity[`puolesta.${c.lang}.js`].integrity);
          await waitFor(tab, 'the element to take the root over', takenOver);
          assert.equal(await tab.evaluate(snapshot), before, 'the element renders exactly what was pre-rendered');
          assert.deepEqual(await tab.evaluate(() => window.__frames), {empty: 0, loading: 0}, 'no frame showed the guide empty or loading');
          const shotAfter = join(results, `prerendered-${engine}-${i}-after.png`);
          await tab.screenshot(shotAfter);
          assert.deepEqual(await tab.evaluate(boxes), boxesBefore, 'nothing moved');
          // WebKit re-rasterises the 512 px tiles it redraws, and text antialiasing then differs (up to about 1 % of
          // this text-heavy page, boxes unchanged); Chromium and Firefox give identical pixels. An unstyled guide
          // changes boxes (asserted above) and far more pixels than this.
          const differing = pixelsDiffering(await readFile(shotBefore), await readFile(shotAfter));
          assert.ok(differing <= (engine === 'webkit' ? 0.03 : 0.001), `the page looks the same before and after the script: ${(differing * 100).toFixed(3)} % of pixels differ (see ${shotBefore} and ${shotAfter})`);
        });
      });
    }

    it('every frame and theme card in the pack is what the element renders (fi, sv, en)', async () => {
      await withPage({}, async (tab) => {
        for (const lang of ['fi', 'sv', 'en']) {
          await tab.goto(`${server.url}/all-${lang}.html`);
          const count = await tab.evaluate(() => document.querySelectorAll('mandate-guide').length);
          const all = `Array.from({length: ${count}}, (_, i) => (${snapshot})(i))`;
          const before = await tab.evaluateExpression(all);
          await tab.evaluate(addScript, `${FOLDER}puolesta.${lang}.js`, integrity[`puolesta.${lang}.js`].integrity);
          await waitFor(tab, 'every guide to be rendered by the element', () => customElements.get('mandate-guide') &&
            [...document.querySelectorAll('mandate-guide')].every((el) => !el.shadowRoot.querySelector('link') && !el.shadowRoot.querySelector('.loading')));
          const after = await tab.evaluateExpression(all);
          const at = (a, b) => [...a].findIndex((ch, k) => ch !== b[k]);
          const differing = before.map((b, i) => {
            if (b === after[i]) return null;
            const k = Math.max(0, at(b, after[i]) - 150);
            return {i, pre: b.slice(k, k + 400), element: after[i].slice(k, k + 400)};
          }).filter(Boolean);
          assert.deepEqual(differing.slice(0, 2), [], `${differing.length} of ${count} guides differ (${lang})`);
        }
      });
    });

    it('with the deferred script in the page, the guide is taken over once, without errors', async () => {
      await withPage({}, async (tab) => {
        for (const i of CASES.keys()) {
          await tab.goto(`${server.url}/case${i}.html`);
          await waitFor(tab, 'the element to take the root over', takenOver);
          const titles = await tab.evaluate(() => document.querySelector('mandate-guide').shadowRoot.querySelectorAll('[part=heading][id$="-title"]').length);
          assert.equal(titles, 1, `${CASES[i].name}: one guide, not two`);
        }
        assert.deepEqual(tab.protocolProblems(server.url), []);
      });
    });

    it('markup pre-rendered by an older release is replaced whole', async () => {
      await withPage({}, async (tab) => {
        await tab.goto(`${server.url}/old.html`);
        await waitFor(tab, 'the element to take the root over', takenOver);
        const text = await tab.evaluate(() => document.querySelector('mandate-guide').shadowRoot.textContent);
        assert.doesNotMatch(text, /Vanha/, 'nothing of the old markup is left');
        await tab.goto(`${server.url}/case1-plain.html`);
        const fresh = await tab.evaluate(snapshot);
        await tab.goto(`${server.url}/old.html`);
        await waitFor(tab, 'the element to take the root over', takenOver);
        assert.equal(await tab.evaluate(snapshot), fresh, 'the guide is what this release renders');
      });
    });

    it('after the takeover the questions, the copy button and the details work', async () => {
      await withPage({}, async (tab) => {
        await tab.goto(`${server.url}/case0.html`);
        await waitFor(tab, 'the element to take the root over', takenOver);
        await tab.evaluate(() => {
          const root = document.querySelector('mandate-guide').shadowRoot;
          root.querySelector('input[value=person]').click();
          root.querySelector('input[value=on-behalf]').click();
          root.querySelector('[part=questions] button[type=submit]').click();
        });
        const answered = await waitFor(tab, 'the verdict', () => {
          const root = document.querySelector('mandate-guide').shadowRoot;
          return root.querySelector('.verdict') && {copy: root.querySelectorAll('.copy').length, details: root.querySelectorAll('details').length};
        });
        assert.ok(answered.copy >= 1, 'the "choose" box has a copy button');
        assert.ok(answered.details >= 1, 'the answer has details');
        const opened = await tab.evaluate(() => {
          const d = document.querySelector('mandate-guide').shadowRoot.querySelector('details');
          d.querySelector('summary').click();
          return d.open && d.querySelector('.details-body').getBoundingClientRect().height > 0;
        });
        assert.ok(opened, 'a details opens');
      });
    });

    it('the pre-rendered guide, before any script, has no axe violations (every case, fi, sv, en)', async () => {
      await withPage({}, async (tab) => {
        for (const i of CASES.keys()) {
          await tab.goto(`${server.url}/case${i}-plain.html`);
          assert.deepEqual(await axeViolations(tab), [], CASES[i].name);
        }
      });
    });

    it('with JavaScript off the pre-rendered guidance reads in full', async () => {
      await withPage({javaScript: false}, async (tab) => {
        await tab.goto(`${server.url}/case1.html`);
        const preset = await tab.evaluate(visible);
        assert.equal(preset.heading, 'Asiointi toisen puolesta');
        assert.ok(preset.headingShown && preset.verdict, 'heading and verdict are shown');
        assert.deepEqual(preset.themes, [catalogue.find((t) => t.s === municipal[2]).n.fi]);
        assert.equal(preset.copyButtons, 0, 'no copy button that cannot work');
        assert.equal(preset.styled, '600', 'the guidance is styled');
        await tab.goto(`${server.url}/case0.html`);
        const asking = await tab.evaluate(visible);
        assert.ok(asking.headingShown && asking.noScriptText, "the page's own no-JS text shows");
        assert.equal(asking.questions, false, 'no questions that cannot be answered');
        assert.deepEqual(asking.themes, [catalogue.find((t) => t.s === municipal[0]).n.fi]);
        assert.equal(await tab.evaluate(() => !!customElements.get('mandate-guide')), false, 'scripts really were off');
      });
    });
  });
}
