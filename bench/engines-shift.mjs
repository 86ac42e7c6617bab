// `npm run bench` section: does the page move when <mandate-guide> upgrades, in Chromium, Firefox and WebKit?
// Neither Firefox nor WebKit has `layout-shift` entries (so no CLS), so this measures the shift directly on the
// README snippet's page (the script in <head>, the guide with its no-JS fallback, a paragraph after it), and for
// comparison the same page with `defer blocking="render"` (which only Chromium and WebKit honour):
// a same-origin probe, first in <head> (WebKit has no preload scripts, so the same probe serves all three),
// records the top of the paragraph after the guide in every animation frame and at readyState "interactive",
// and the first contentful paint. The fallback counts as painted first when the first contentful paint came
// before the frame in which the element had rendered; the shift is then the paragraph's final top minus its top
// in the last frame before the upgrade. Two cases: the bundle served at once, and 300 ms late (a slow
// connection).
import {createServer} from 'node:http';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {launchEngine, waitFor} from '../test/engines/driver.mjs';
import {PAGES} from '../demo/pages.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const ENGINES = ['chromium', 'firefox', 'webkit'];
const NAMES = {chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit'};
const LATE_MS = 300;

// The README's embed snippet, as pasted, in a page with the demo's own intro text before it (with almost no
// text, WebKit holds its first paint anyway until the page is "visually non-empty").
const intro = PAGES.find((p) => p.slug === 'varhaiskasvatus').intro.fi.map((t) => `<p>${t}</p>`).join('\n');
const SCRIPTS = {snippet: '<script src="/puolesta.js"></script>', deferred: '<script src="/puolesta.js" defer blocking="render"></script>'};
const VARIANTS = {snippet: 'README snippet: script in head', deferred: 'defer blocking="render"'};
const page = (variant) => `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>bench</title>
<script src="/probe.js"></script>
${SCRIPTS[variant]}
<style>body{font:18px/1.5 Arial,sans-serif;max-width:48rem;margin:2rem auto}</style></head>
<body><main><h1>Varhaiskasvatushakemus</h1>
${intro}
<mandate-guide theme="varhaiskasvatuksen_aloituksesta_tai_paattymisesta_ilmoittaminen" principal="minor">
  <!-- Shown without JavaScript, and again if the theme cannot be found -->
  <p>Voit hoitaa asian toisen puolesta Suomi.fi-valtuuksilla: <a href="https://www.suomi.fi/valtuudet">suomi.fi/valtuudet</a>.</p>
</mandate-guide>
<p id="after">Sivun loppu.</p></main></body></html>`;

// Runs in the page before anything else (plain script, no imports).
const PROBE = `(() => {
  const samples = [];
  const paints = {};
  const snap = (when) => {
    const after = document.getElementById('after');
    const guide = document.querySelector('mandate-guide');
    const fallback = guide && guide.querySelector(':scope > p');
    const box = fallback && fallback.getBoundingClientRect();
    samples.push({when, t: performance.now(), top: after ? after.getBoundingClientRect().top + scrollY : null,
      upgraded: !!(guide && guide.shadowRoot && guide.shadowRoot.querySelector('section') && !guide.shadowRoot.querySelector('.loading')),
      fallbackShown: !!(box && box.height > 0)});
  };
  document.addEventListener('readystatechange', () => snap('readyState ' + document.readyState));
  let upgradedFrames = 0;
  const frame = () => {
    snap('frame');
    if (samples[samples.length - 1].upgraded) upgradedFrames++;
    if (upgradedFrames < 3 && samples.length < 2000) requestAnimationFrame(frame);
    else window.__shiftDone = true;
  };
  requestAnimationFrame(frame);
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) paints[e.name] = e.startTime; }).observe({type: 'paint', buffered: true});
  } catch (e) { /* no paint timing: frames only */ }
  window.__shift = () => ({samples, paints});
})();`;

async function startServer() {
  const bundle = await readFile(join(root, 'dist/cdn/puolesta.js'));
  const themes = await readFile(join(root, 'dist/cdn/mandate-themes.json'));
  let lateMs = 0;
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const send = (type, body) => {
      res.writeHead(200, {'Content-Type': type, 'Cache-Control': 'no-store'});
      res.end(body);
    };
    if (path === '/puolesta.js') return setTimeout(() => send('text/javascript', bundle), lateMs);
    if (path === '/mandate-themes.json') return send('application/json', themes);
    if (path === '/probe.js') return send('text/javascript', PROBE);
    if (path === '/snippet.html' || path === '/deferred.html') return send('text/html; charset=utf-8', page(path.slice(1, -5)));
    res.writeHead(404).end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {url: `http://127.0.0.1:${server.address().port}`, setLate: (ms) => (lateMs = ms), close: () => new Promise((r) => server.close(r))};
}

/** One load's figures from the probe's samples. */
export function analyse({samples, paints}) {
  const upgradedAt = samples.find((s) => s.upgraded);
  const fcp = paints['first-contentful-paint'] ?? paints['first-paint'];
  const interactive = samples.find((s) => s.when === 'readyState interactive');
  const final = samples.at(-1);
  // Without paint timing, the first animation frame with content stands in for the first paint.
  const firstPaint = fcp ?? samples.find((s) => s.when === 'frame' && s.top !== null)?.t;
  const paintedFirst = !!upgradedAt && firstPaint !== undefined && firstPaint < upgradedAt.t &&
    samples.some((s) => s.when === 'frame' && s.fallbackShown && s.t >= firstPaint - 1 && s.t < upgradedAt.t);
  const before = samples.filter((s) => s.when === 'frame' && s.top !== null && s.t < (upgradedAt?.t ?? Infinity)).at(-1);
  return {
    upgraded: !!upgradedAt,
    paintTiming: fcp !== undefined,
    paintedFirst,
    shiftPx: paintedFirst && before ? Math.round((final.top - before.top) * 10) / 10 : 0,
    interactiveTop: interactive?.top ?? null,
    finalTop: final?.top ?? null,
    fallbackAtInteractive: interactive?.fallbackShown ?? null,
  };
}

async function measure(engine, url, loads, variant) {
  const browser = await launchEngine(engine);
  const page = await browser.newPage({width: 1280, height: 900});
  const runs = [];
  try {
    for (let i = 0; i < loads; i++) {
      await page.goto(`${url}/${variant}.html?load=${i}`);
      await waitFor(page, 'the guide to render', () => window.__shiftDone === true, [], {timeout: 15_000});
      runs.push(analyse(await page.evaluate(() => window.__shift())));
    }
  } finally {
    await page.close();
    await browser.close();
  }
  return runs;
}

export async function enginesShiftSection(row, results, {loads = 15} = {}) {
  const server = await startServer();
  results.enginesShift = {};
  try {
    for (const [variant, late, label] of [['snippet', 0, 'bundle at once'], ['snippet', LATE_MS, `bundle ${LATE_MS} ms late`], ['deferred', LATE_MS, `bundle ${LATE_MS} ms late`]]) {
      server.setLate(late);
      const measured = {};
      for (const engine of ENGINES) {
        try {
          measured[engine] = await measure(engine, server.url, loads, variant);
        } catch (error) {
          measured[engine] = {error: error.message.split('\n')[0]};
        }
      }
      results.enginesShift[`${variant}-${late ? 'late' : 'atOnce'}`] = measured;
      const worst = (runs) => Math.max(...runs.map((r) => Math.abs(r.shiftPx)));
      const chromium = measured.chromium;
      const baseline = chromium.error ? 'Chromium failed' : `Chromium ${worst(chromium)} px, fallback painted first ${chromium.filter((r) => r.paintedFirst).length}/${loads}`;
      for (const engine of ['firefox', 'webkit']) {
        const runs = measured[engine];
        const figure = `shift of the text after the guide on upgrade (${VARIANTS[variant]}, ${label}, ${NAMES[engine]}), worst of ${loads}`;
        if (runs.error) {
          row(figure, `failed: ${runs.error}`, baseline, '–', '–', false);
          continue;
        }
        const px = worst(runs);
        const first = runs.filter((r) => r.paintedFirst).length;
        const notUpgraded = runs.filter((r) => !r.upgraded).length;
        const moved = runs.find((r) => r.interactiveTop !== null && r.finalTop !== null);
        const potential = moved ? `; text after the guide at ${Math.round(moved.interactiveTop)} px when interactive, ${Math.round(moved.finalTop)} px upgraded` : '';
        const value = `${px} px, fallback painted first ${first}/${loads}${notUpgraded ? `, ${notUpgraded} never upgraded` : ''}${potential}${runs.every((r) => r.paintTiming) ? '' : ' (no paint timing: frames)'}`;
        // The design budgets CLS 0 in Chromium only; here the shift is measured (a failed load is still a failure).
        row(figure, value, baseline, '–', '–', notUpgraded ? false : null);
      }
    }
  } finally {
    await server.close();
  }
}
