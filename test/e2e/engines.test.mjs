// What matters to a citizen, in each of the three engines citizens use — Chromium, Firefox and WebKit (Safari's
// engine) — through one small driver layer (test/engines/driver.mjs), so the same test body runs in all three:
// every demo page in Finnish and Swedish renders its guidance with the right theme name under the strict CSP
// with no violation and no script error; without JavaScript (and without the bundle) the fallback text and its
// Suomi.fi link show; the on-behalf flow works from login to Stop; the guide can be answered with the keyboard
// alone with focus always visible. Screenshots land in test-results/ for a human look.
//   npm run build --silent && node --test --test-reporter=spec --test-concurrency=1 test/e2e/engines.test.mjs
//   PUOLESTA_ENGINES=firefox,webkit narrows the run.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {mkdir, readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {PAGES, pagePath, SITE, VALTUUDET} from '../../demo/pages.mjs';
import {click, ENGINES, launchEngine, waitFor, waitForUrl} from '../engines/driver.mjs';
import {CONTROL_PATH, startInstrumentedDemo} from '../engines/demo.mjs';
import {root} from './support.mjs';
import {recordWalk} from '../a11y/walks.mjs';

const engines = (process.env.PUOLESTA_ENGINES ?? ENGINES.join(',')).split(',').map((e) => e.trim()).filter(Boolean);
const LANGS = ['fi', 'sv'];
const results = join(root, 'test-results');
const catalogue = JSON.parse(await readFile(join(root, 'data/mandate-themes.json'), 'utf8')).themes;
/**
 * The name the guide must show for a theme: the page language's official name, else the Finnish one, else (no
 * official name known: names are never invented) the theme's id.
 */
const themeName = (slug, lang) => {
  const labels = catalogue.find((t) => t.slug === slug)?.labels;
  assert.ok(labels, `theme ${slug} is in the catalogue`);
  // A theme without any known name gets the guide's generic heading, never its raw id.
  return labels[lang] ?? labels.fi ?? {fi: 'Tämän palvelun valtuusasia', sv: 'Den här tjänstens fullmaktsärende'}[lang];
};
const BANNER_TEXT = 'Asioit nyt henkilön Anni Emilia Kumpulainen puolesta';
const MYSELF_TEXT = 'Asioit nyt omissa nimissäsi.';

// In-page helpers (each runs in the browser, so each is self-contained).
const guidesReady = () => {
  const guides = [...document.querySelectorAll('mandate-guide')];
  return guides.every((el) => el.shadowRoot?.querySelector('section') && !el.shadowRoot.querySelector('.loading')) &&
    guides.map((el) => ({
      lang: el.shadowRoot.querySelector('section').lang,
      text: el.shadowRoot.textContent.replace(/\s+/g, ' ').trim(),
      themeNames: [...el.shadowRoot.querySelectorAll('[part~=theme-name]')].map((n) => n.textContent.replace(/\s+/g, ' ').trim()),
    }));
};
const pageState = () => ({
  lang: document.documentElement.lang,
  recorder: window.__testRecorder === true,
  problems: window.__testProblems ? window.__testProblems() : ['the test recorder did not run'],
  defined: ['mandate-guide', 'acting-for-selector', 'acting-for-banner'].filter((n) => customElements.get(n)),
});
const shadowOf = (selector) => document.querySelector(selector)?.shadowRoot;
const bannerShown = () => !!document.querySelector('acting-for-banner')?.shadowRoot?.querySelector('[part=banner]');
/** The focused element, through shadow roots, and whether a sighted keyboard user can see where focus is. */
const focusInfo = () => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body || el === document.documentElement) return {none: true};
  const host = el.getRootNode()?.host;
  const style = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  return {
    what: `${host ? `${host.localName} > ` : ''}${el.localName}${el.type ? `[type=${el.type}]` : ''}${el.name ? `[name=${el.name}]` : ''}${el.value && el.type === 'radio' ? `[value=${el.value}]` : ''}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}`,
    inGuide: host?.localName === 'mandate-guide',
    type: el.type ?? null,
    name: el.name ?? null,
    checked: el.checked ?? null,
    focusVisible: el.matches(':focus-visible'),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 ? `${style.outlineWidth} ${style.outlineStyle}` : null,
    boxShadow: style.boxShadow !== 'none' ? style.boxShadow : null,
    inView: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
  };
};
const fallbackState = () => {
  const p = document.querySelector('mandate-guide > p');
  const a = p?.querySelector('a');
  const shown = (el) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    const css = r.width > 0 && r.height > 0 && s.visibility === 'visible' && s.display !== 'none' && parseFloat(s.opacity) > 0;
    return css && (typeof el.checkVisibility !== 'function' || el.checkVisibility({opacityProperty: true, visibilityProperty: true}));
  };
  return {text: p?.textContent.replace(/\s+/g, ' ').trim() ?? null, href: a?.getAttribute('href') ?? null, textShown: shown(p), linkShown: shown(a),
    upgraded: !!customElements.get?.('mandate-guide')};
};

describe('what a citizen sees, in every engine', () => {
  let demo;
  before(async () => {
    demo = await startInstrumentedDemo();
    await mkdir(results, {recursive: true});
  });
  after(async () => {
    await demo?.close();
  });

  for (const engine of engines) {
    describe(engine, () => {
      let browser;
      before(async () => {
        browser = await launchEngine(engine);
      });
      after(async () => {
        await browser?.close();
      });
      /** A fresh page (own cookies and storage) that is closed after `body`, whatever happens. */
      async function withPage(options, body) {
        const page = await browser.newPage(options);
        try {
          return await body(page);
        } finally {
          await page.close();
        }
      }

      it('negative control: the recorder catches a CSP violation and a script error', async () => {
        await withPage({}, async (page) => {
          await page.goto(`${demo.url}${CONTROL_PATH}`);
          const problems = await waitFor(page, 'the recorded problems', () => window.__testProblems?.().length >= 3 && window.__testProblems());
          const kinds = problems.map((p) => p.split(':')[0]);
          assert.ok(kinds.filter((k) => k === 'csp').length >= 2, `inline style and script reported: ${problems.join('; ')}`);
          assert.ok(kinds.includes('error'), `the thrown error reported: ${problems.join('; ')}`);
          assert.ok(kinds.includes('unhandled rejection'), `the rejection reported: ${problems.join('; ')}`);
          assert.notEqual(await page.evaluate(() => document.title), 'inline ran', 'the inline script was blocked');
        });
      });

      it('every demo page in fi and sv: guidance rendered with its theme name, 0 CSP violations, 0 script errors', async () => {
        await withPage({width: 1280}, async (page) => {
          const failures = [];
          let seen = 0;
          for (const lang of LANGS) {
            for (const spec of PAGES) {
              const path = pagePath(lang, spec.slug);
              await page.goto(`${demo.url}${path}`);
              const guides = await waitFor(page, `guidance on ${path}`, guidesReady);
              const state = await page.evaluate(pageState);
              if (!state.recorder) failures.push(`${path}: the error recorder did not run`);
              if (state.lang !== lang) failures.push(`${path}: <html lang=${state.lang}>`);
              if (state.defined.length !== 3) failures.push(`${path}: defined only ${state.defined}`);
              const expectGuides = spec.guide ? 1 : spec.gallery ? 2 : 0;
              if (guides.length < expectGuides) failures.push(`${path}: ${guides.length} guides`);
              for (const [i, guide] of guides.entries()) {
                if (guide.text.length < 40) failures.push(`${path}: guide ${i} has only "${guide.text}"`);
                if (guide.lang !== lang) failures.push(`${path}: guide ${i} in ${guide.lang}`);
              }
              if (spec.guide?.['service-channel']) {
                // The service channel is read from PTV by the lookups file, which the script loads next to itself.
                const loaded = await waitFor(page, `PTV answer on ${path}`, () => {
                  const names = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
                  const ptv = names.some((n) => n.includes('/ptv/api/v11/ServiceChannel/'));
                  return ptv && {lookups: names.filter((n) => n.endsWith('/puolesta-lookups.js')).length, notices: document.querySelector('mandate-guide').shadowRoot.querySelectorAll('[part=notice]').length};
                });
                if (loaded.lookups !== 1 || loaded.notices !== 0) failures.push(`${path}: PTV via the lookups file ${JSON.stringify(loaded)}`);
              }
              for (const slug of spec.guide?.theme?.split(' ') ?? []) {
                const name = themeName(slug, lang);
                if (!guides[0]?.themeNames.includes(name)) failures.push(`${path}: theme name "${name}" not among ${JSON.stringify(guides[0]?.themeNames)}`);
                if (guides[0]?.themeNames.includes(slug)) failures.push(`${path}: the raw id ${slug} shown as a theme name`);
              }
              let problems = state.problems.slice(seen);
              seen = state.problems.length;
              if (spec.gallery) {
                // The gallery shows the editor mistakes on purpose: each goes to the console for the editor, once.
                const mistakes = problems.filter((p) => p.startsWith('console.warn: <mandate-guide>:'));
                if (!mistakes.some((p) => p.includes('unknown-theme'))) failures.push(`${path}: the gallery's editor mistakes were not reported in the console`);
                problems = problems.filter((p) => !mistakes.includes(p));
              }
              if (problems.length) failures.push(`${path}: ${problems.join('; ')}`);
            }
          }
          failures.push(...page.protocolProblems());
          assert.deepEqual(failures, []);
        });
      });

      it('fi and sv guide page at 1280 and 320 px: screenshots, no sideways scrolling', async () => {
        const failures = [];
        for (const width of [1280, 320]) {
          await withPage({width, height: 900}, async (page) => {
            for (const lang of LANGS) {
              const path = pagePath(lang, 'varhaiskasvatus');
              await page.goto(`${demo.url}${path}`);
              await waitFor(page, `guidance on ${path}`, guidesReady);
              const [inner, overflow] = await page.evaluate(() => [innerWidth, document.scrollingElement.scrollWidth - innerWidth]);
              if (inner !== width) failures.push(`${path}: window is ${inner} px wide, not ${width}`);
              if (overflow > 0) failures.push(`${path}: scrolls sideways by ${overflow} px at ${width} px`);
              await page.screenshot(join(results, `engines-${engine}-${lang}-${width}.png`));
            }
          });
        }
        assert.deepEqual(failures, []);
      });

      for (const [how, options, query] of [['JavaScript off', {javaScript: false}, ''], ['the bundle not loaded', {}, '?__test-no-bundle']]) {
        it(`with ${how}: the fallback text and its Suomi.fi link are visible (fi, sv)`, async () => {
          await withPage(options, async (page) => {
            for (const lang of LANGS) {
              const path = pagePath(lang, 'varhaiskasvatus');
              await page.goto(`${demo.url}${path}${query}`);
              const state = await page.evaluate(fallbackState);
              assert.deepEqual(state, {text: `${SITE[lang].fallbackText} ${SITE[lang].fallbackLink}`, href: VALTUUDET[lang], textShown: true, linkShown: true, upgraded: false}, path);
              if (options.javaScript === false) {
                assert.equal(await page.evaluate(() => typeof window.__testRecorder), 'undefined', 'scripts really were off');
              } else {
                assert.deepEqual(await page.evaluate(pageState), {lang, recorder: true, problems: [], defined: []}, path);
              }
            }
          });
        });
      }

      it('person flow (fi): log in, choose a person, pick in Suomi.fi, banner with the name, Stop', async (t) => {
        await withPage({width: 1280}, async (page) => {
          await page.goto(`${demo.url}/asiointi.html`);
          await click(page, 'the log-in link', () => document.querySelector('main a.button'));
          await waitForUrl(page, 'the demo login page', (u) => u.pathname === '/kirjaudu.html');
          await click(page, 'Matti', () => document.querySelector('input[name=user][value=matti]'));
          await click(page, 'Kirjaudu sisään', () => document.querySelector('form.eservice button[type=submit]'));
          await waitForUrl(page, 'the e-service page', (u) => u.pathname === '/asiointi.html');
          await waitFor(page, 'the selector', () => !!document.querySelector('acting-for-selector')?.shadowRoot?.querySelector('button'));
          assert.equal(await page.evaluate(bannerShown), false, 'no banner before choosing');

          await click(page, 'Toisen henkilön puolesta', () => document.querySelector('acting-for-selector').shadowRoot.querySelectorAll('input[type=radio]')[1]);
          assert.equal(await page.evaluate(() => document.querySelector('acting-for-selector').shadowRoot.querySelectorAll('input[type=radio]')[1].checked), true);
          await click(page, 'Jatka', () => document.querySelector('acting-for-selector').shadowRoot.querySelector('button'));
          await waitForUrl(page, 'the Valtuudet simulator', (u) => u.origin === demo.simulatorUrl);
          await click(page, 'the first person', () => document.querySelector('input[name=choice]'));
          await click(page, 'Jatka palveluun', () => document.querySelector('button[value=continue]'));
          await waitForUrl(page, 'back on the e-service', (u) => u.origin === demo.url && u.pathname === '/asiointi.html');

          await waitFor(page, 'the banner', bannerShown);
          const banner = await page.evaluate(() => document.querySelector('acting-for-banner').shadowRoot.textContent.replace(/\s+/g, ' '));
          assert.ok(banner.includes(BANNER_TEXT), banner);
          assert.equal(new URL(await page.url()).searchParams.get('acting-for'), null, 'the result is removed from the address bar');
          await page.screenshot(join(results, `engines-${engine}-flow-acting.png`));

          await click(page, 'Lopeta', () => document.querySelector('acting-for-banner').shadowRoot.querySelector('[part=stop]'));
          await waitFor(page, 'the banner to go', () => !document.querySelector('acting-for-banner')?.shadowRoot?.querySelector('[part=banner]'));
          const after = await waitFor(page, 'the confirmation', (text) => {
            const root = document.querySelector('acting-for-banner').shadowRoot;
            const status = root.querySelector('[role=status]')?.textContent ?? '';
            return status.includes(text) && {status, focused: document.activeElement?.shadowRoot?.activeElement?.getAttribute('part') ?? document.activeElement?.localName};
          }, [MYSELF_TEXT]);
          assert.equal(after.focused, 'done', 'focus moves to the confirmation, not to the page top');
          const session = await page.evaluate(() => fetch('/valtuudet/session', {headers: {Accept: 'application/json'}}).then((r) => r.json()));
          assert.equal(session.actingFor, null);
          // The demo site's pages must be clean; the simulator stands in for Suomi.fi and is only reported.
          const state = await page.evaluate(pageState);
          const ours = page.protocolProblems(demo.url);
          for (const problem of page.protocolProblems()) if (!ours.includes(problem)) t.diagnostic(`outside the demo site: ${problem}`);
          assert.deepEqual([...state.problems, ...ours], []);
        });
      });

      it('keyboard only: Tab from the top reaches the guide, arrows and Space answer, Enter shows the verdict, focus always visible', async () => {
        await withPage({width: 1280}, async (page) => {
          await page.goto(`${demo.url}/rakennuslupa.html`);
          await waitFor(page, 'the guide', () => !!document.querySelector('mandate-guide')?.shadowRoot?.querySelector('input[type=radio]'));
          const invisible = [];
          const check = (info, step) => {
            if (info.none) invisible.push(`${step}: focus on the page itself`);
            // What counts is a ring the citizen can see; :focus-visible itself is recorded, not required (WebKit
            // stops matching it when arrow keys move through a radio group, so the guide also styles :focus).
            else if (!(info.outline || info.boxShadow) || !info.inView) invisible.push(`${step}: ${JSON.stringify(info)}`);
          };
          const stops = [];
          let info;
          for (let i = 0; i < 60; i++) {
            await page.press('Tab');
            info = await page.evaluate(focusInfo);
            stops.push(info.what);
            check(info, `Tab ${i + 1}`);
            if (info.inGuide && info.type === 'radio') break;
          }
          assert.ok(info?.inGuide && info.type === 'radio', `Tab never reached the guide's questions: ${stops.join(' → ')}`);
          const first = info.name;

          await page.press('ArrowDown');
          info = await page.evaluate(focusInfo);
          check(info, 'ArrowDown');
          assert.equal(info.name, first, 'arrow keys stay in the question');
          assert.equal(info.checked, true, `ArrowDown answers: ${JSON.stringify(info)}`);

          await page.press('Tab');
          info = await page.evaluate(focusInfo);
          check(info, 'Tab to the next question');
          assert.ok(info.inGuide && info.type === 'radio' && info.name !== first, `Tab moves to the next question: ${JSON.stringify(info)}`);
          await page.press('Space');
          info = await page.evaluate(focusInfo);
          check(info, 'Space');
          assert.equal(info.checked, true, `Space answers: ${JSON.stringify(info)}`);

          await page.press('Tab');
          info = await page.evaluate(focusInfo);
          check(info, 'Tab to "Show guidance"');
          await page.press('Enter');
          const verdict = await waitFor(page, 'the verdict', () => document.querySelector('mandate-guide').shadowRoot.querySelector('[part~=verdict]')?.textContent.replace(/\s+/g, ' ').trim());
          assert.ok(verdict.length > 10, verdict);
          // The questions gave way to the answer: focus is on the verdict, visibly.
          info = await page.evaluate(focusInfo);
          check(info, 'focus on the verdict');
          assert.match(info.what, /verdict/, `focus moves to the verdict: ${JSON.stringify(info)}`);
          assert.deepEqual(invisible, [], `focus not visible at: ${stops.join(' → ')}`);
          await page.screenshot(join(results, `engines-${engine}-keyboard.png`));
          const state = await page.evaluate(pageState);
          assert.deepEqual([...state.problems, ...page.protocolProblems()], []);
          recordWalk({walk: {
            fi: 'Esimerkkisivu: sarkaimella ohjeeseen, vastaukset nuolinäppäimillä ja välilyönnillä, Enter näyttää vastauksen, kohdistus näkyy joka vaiheessa',
            sv: 'Exempelsida: med tabb till guiden, svar med piltangenterna och mellanslag, Enter visar svaret, fokus syns i varje steg',
            en: 'Demo page: Tab to the guide, answer with arrow keys and Space, Enter shows the verdict, focus visible at every stop'}, engine,
            steps: [...stops.map((s) => `Tab → ${s}`), 'ArrowDown answers', 'Tab → next question', 'Space answers', 'Tab → Show guidance', 'Enter → focus on the verdict']});
        });
      });
    });
  }
});
