// `npm run bench`: size and speed figures, each next to a baseline measured in the same run, with a verdict
// against the budgets in the design. Only place where speed is measured; talks to 127.0.0.1 only.
//   node bench/run.mjs [--no-build] [--strict] [--loads N] [--engine-loads N] [--size-only] [--only page-cost]
import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {createServer} from 'node:http';
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';
import {chromium} from 'playwright-core';
import {build} from 'vite';
import {chromiumArgs, chromiumPath} from '../test/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, '.bench');
const args = process.argv.slice(2);
const LOADS = Number(args[args.indexOf('--loads') + 1]) || 15;
const rows = [];
const results = {};

const row = (figure, value, baseline, ratio, budget, ok) => rows.push({figure, value, baseline, ratio, budget, ok});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const gzip = (buf) => gzipSync(buf, {level: 9}).length;
const brotli = (buf) => brotliCompressSync(buf, {params: {[constants.BROTLI_PARAM_QUALITY]: 11}}).length;

/** Builds `source` (a module importing lit) into a minified classic script, as the cdn bundle is built. */
async function buildLitIife(name, source) {
  await mkdir(work, {recursive: true});
  await writeFile(join(work, `${name}.js`), source);
  await build({
    configFile: false, logLevel: 'silent', root,
    build: {outDir: join(work, name), emptyOutDir: true, target: 'es2022', minify: true,
      lib: {entry: join(work, `${name}.js`), name: 'Baseline', formats: ['iife'], fileName: () => `${name}.js`},
      rolldownOptions: {output: {codeSplitting: false}}},
  });
  return readFile(join(work, name, `${name}.js`));
}

async function sizeSection() {
  if (!args.includes('--no-build')) {
    const run = spawnSync('npm', ['run', 'build', '--silent'], {cwd: root, stdio: 'inherit'});
    if (run.status !== 0) throw new Error('build failed');
  }
  // A lit-only baseline: one trivial LitElement, built the same way in this run.
  const base = await buildLitIife('baseline', `import {LitElement, html, css} from 'lit';
class Baseline extends LitElement { static styles = css\`:host{display:block}\`; render() { return html\`<p>Hei</p>\`; } }
if (!customElements.get('x-baseline')) customElements.define('x-baseline', Baseline);\n`);
  const bundle = await readFile(join(root, 'dist/cdn/puolesta.js'));
  const size = {raw: bundle.length, gzip: gzip(bundle), brotli: brotli(bundle)};
  const lit = {raw: base.length, gzip: gzip(base), brotli: brotli(base)};
  results.size = {bundle: size, litBaseline: lit};
  row('dist/cdn/puolesta.js gzip', `${size.gzip} B`, `lit only ${lit.gzip} B`, (size.gzip / lit.gzip).toFixed(2), '≤ 26 KB (26 624 B)', size.gzip <= 26624);
  row('dist/cdn/puolesta.js brotli', `${size.brotli} B`, `lit only ${lit.brotli} B`, (size.brotli / lit.brotli).toFixed(2), '–', null);
  row('dist/cdn/puolesta.js raw', `${size.raw} B`, `lit only ${lit.raw} B`, (size.raw / lit.raw).toFixed(2), '–', null);
  // One file per language (all elements, one language), for pages in one language.
  results.size.perLanguage = {};
  for (const lang of ['fi', 'sv', 'en']) {
    const file = await readFile(join(root, `dist/cdn/puolesta.${lang}.js`));
    results.size.perLanguage[lang] = gzip(file);
    row(`dist/cdn/puolesta.${lang}.js gzip`, `${gzip(file)} B`, `lit only ${lit.gzip} B`, (gzip(file) / lit.gzip).toFixed(2), '≤ 20 KB (20 480 B)', gzip(file) <= 20480);
  }
  // Floor: what lit plus the UI text alone (English source, Finnish and Swedish targets, no markup, no element
  // code, no themes) weigh together. Whatever is left of the budget is all the element code, CSS and themes get.
  const texts = [];
  for (const locale of ['fi', 'sv']) {
    const xliff = await readFile(join(root, `locales/${locale}.xlf`), 'utf8');
    for (const [, source, target] of xliff.matchAll(/<source>([\s\S]*?)<\/source>\s*<target>([\s\S]*?)<\/target>/g)) {
      if (locale === 'fi') texts.push(source);
      texts.push(target);
    }
  }
  const textOnly = Buffer.from(texts.map((t) => t.replace(/<x id="(\d+)"[^>]*\/>/g, '${$1}')).join('\n'));
  const textGzip = gzip(textOnly);
  const floor = gzip(Buffer.concat([base, textOnly]));
  results.size.textOnly = {gzip: textGzip};
  results.size.floor = {gzip: floor};
  row('UI text alone (en + fi + sv), gzip', `${textGzip} B`, `${texts.length} strings`, '–', '–', null);
  row('floor: lit + UI text, no element code, gzip', `${floor} B`, `lit only ${lit.gzip} B`, (floor / lit.gzip).toFixed(2), '–', null);
  // The code part: the same bundle with every message emptied (fi/sv tables empty, English source text removed),
  // minus lit alone — what the elements' code, CSS, rules and theme subset weigh.
  const emptied = await buildEmptied(texts);
  const code = gzip(emptied) - lit.gzip;
  results.size.codePart = {gzip: code, emptiedGzip: gzip(emptied)};
  // Reported, not a gate (issue 17, point 6): the 10 KB code-part budget measured a proxy and was retired; the
  // bundle and per-language budgets above are the gates.
  row('code part: bundle with every message emptied, minus lit alone, gzip (reported only; the 10 KB budget was retired)', `${code} B`, `emptied ${gzip(emptied)} B − lit ${lit.gzip} B`, '–', '– (was ≤ 10 KB)', null);
}

/** The cdn bundle built again with empty fi/sv tables, then with every English source text taken out. */
async function buildEmptied(texts) {
  const outDir = join(work, 'emptied');
  await build({
    root, mode: 'cdn', logLevel: 'silent', configFile: join(root, 'vite.config.ts'),
    plugins: [{name: 'empty-locale-tables', enforce: 'pre', load: (id) => (/generated\/locales\/(fi|sv)\.ts$/.test(id) ? 'export const templates = {};' : null)}],
    build: {outDir, emptyOutDir: true, copyPublicDir: false},
  });
  let code = await readFile(join(outDir, 'puolesta.js'), 'utf8');
  const parts = new Set();
  for (const text of texts) {
    for (const part of text.split(/<x id="\d+"[^>]*\/>/)) {
      const plain = part.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim();
      if (plain.length >= 3) parts.add(plain);
    }
  }
  for (const part of [...parts].sort((a, b) => b.length - a.length)) {
    for (const form of [part, JSON.stringify(part).slice(1, -1)]) code = code.split(form).join('');
  }
  return Buffer.from(code);
}

const GUIDE = '<mandate-guide theme="varhaiskasvatuksen_aloituksesta_tai_paattymisesta_ilmoittaminen" principal="person" situation="on-behalf" lang="fi"><p>Voit hoitaa asian toisen puolesta Suomi.fi-valtuuksilla.</p></mandate-guide>';
const page = (body, head = '') => `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>bench</title>${head}
<style>body{font:18px/1.5 Arial,sans-serif;max-width:48rem;margin:2rem auto}</style></head><body><main><h1>Varhaiskasvatus</h1>${body}<p id="after">Sivun loppu.</p></main></body></html>`;

/** A local server for the pages and the script files. */
async function startServer(staticBody) {
  const files = {'/puolesta.js': await readFile(join(root, 'dist/cdn/puolesta.js')), '/puolesta.fi.js': await readFile(join(root, 'dist/cdn/puolesta.fi.js'))};
  const integrity = `sha384-${createHash('sha384').update(files['/puolesta.fi.js']).digest('base64')}`;
  const pages = {
    '/element.html': page(GUIDE, '<script src="/puolesta.js" defer></script>'),
    // The README snippet, as the builder writes it for a Finnish page: the Finnish file pinned with its integrity
    // value, in <head>, no defer (no engine paints the fallback first).
    '/snippet.html': page(GUIDE, `<script src="/puolesta.fi.js" integrity="${integrity}" crossorigin="anonymous"></script>`),
    // The same placement with the all-language file (a page in several languages).
    '/snippet-all.html': page(GUIDE, '<script src="/puolesta.js"></script>'),
    '/element-render.html': page(GUIDE, '<script src="/puolesta.js" defer blocking="render"></script>'),
    '/static.html': page(staticBody),
  };
  const scripts = {'/empty.js': '', '/lit-text.js': ''};
  const server = createServer((req, res) => {
    if (req.url in files || req.url in scripts) {
      res.writeHead(200, {'Content-Type': 'text/javascript', 'Cache-Control': 'no-store'});
      return res.end(scripts[req.url] ?? files[req.url]);
    }
    const html = pages[req.url];
    res.writeHead(html ? 200 : 404, {'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store'});
    res.end(html ?? 'not found');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const setStatic = (body, litScript) => {
    pages['/static.html'] = page(body);
    // Floors measured in the same run: the static page plus one empty script in <head> (the cost of any extra
    // script request), and a lit-only element that renders the same paragraphs (the cost of lit itself).
    pages['/floor.html'] = page(body, '<script src="/empty.js"></script>');
    pages['/lit.html'] = page('<baseline-text></baseline-text>', '<script src="/lit-text.js"></script>');
    scripts['/lit-text.js'] = litScript;
  };
  return {server, url: `http://127.0.0.1:${server.address().port}`, setStatic};
}

// Records when a sentence of the guidance is laid out (present with a non-zero box), in the page or the
// element's shadow root, and sums layout shifts.
const PROBE = (sentence) => `(() => {
  window.__cls = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
    .observe({type: 'layout-shift', buffered: true});
  const find = (root) => { const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) if (n.data.includes(${JSON.stringify(sentence)})) return n.parentElement; };
  const check = () => {
    const shadow = document.querySelector('mandate-guide, baseline-text')?.shadowRoot;
    const el = find(document.body ?? document.documentElement) ?? (shadow && find(shadow));
    if (el && el.getBoundingClientRect().height > 0) { window.__shown = performance.now(); return; }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()`;

/** A lit-only element that renders the given paragraphs, built the same way as the bundle, in this run. */
const buildLitText = (paragraphs) => buildLitIife('lit-text', `import {LitElement, html, css} from 'lit';
const paragraphs = ${JSON.stringify(paragraphs)};
class BaselineText extends LitElement { static styles = css\`:host{display:block}\`; render() { return paragraphs.map((p) => html\`<p>\${p}</p>\`); } }
customElements.define('baseline-text', BaselineText);\n`);

async function timeLoad(browser, url, sentence, throttle) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.setCacheDisabled', {cacheDisabled: true});
  if (throttle) await cdp.send('Emulation.setCPUThrottlingRate', {rate: throttle});
  await tab.addInitScript(PROBE(sentence));
  await tab.goto(url, {waitUntil: 'load'});
  await tab.waitForFunction(() => window.__shown !== undefined, null, {timeout: 15000});
  await tab.waitForTimeout(300);
  const [shown, cls] = await tab.evaluate(() => [window.__shown, window.__cls]);
  await context.close();
  return {shown, cls};
}

async function loadSection() {
  const browser = await chromium.launch({executablePath: chromiumPath, args: chromiumArgs});
  const srv = await startServer('');
  try {
    // The static page shows the same text the element renders.
    const tab = await browser.newPage();
    await tab.goto(`${srv.url}/element.html`);
    await tab.waitForFunction(() => document.querySelector('mandate-guide')?.shadowRoot?.querySelector('[part=steps]'));
    const paragraphs = await tab.evaluate(() => document.querySelector('mandate-guide').shadowRoot.querySelector('section').innerText.split('\n').filter(Boolean));
    await tab.close();
    const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    srv.setStatic(paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n'), await buildLitText(paragraphs));
    const sentence = paragraphs.find((p) => p.length > 40) ?? paragraphs[0];
    results.load = {};
    // The README snippet (the page language's file pinned with integrity, in <head>) and, for comparison, the
    // all-language file in <head>, `defer` (the design's first snippet) and `defer blocking="render"`.
    const kinds = {static: 'static', floor: 'static + empty script in head', lit: 'lit-only element, same text, script in head', snippet: 'README snippet: puolesta.fi.js with integrity, in head', 'snippet-all': 'puolesta.js (all languages) in head', element: 'puolesta.js, defer', 'element-render': 'puolesta.js, defer blocking="render"'};
    for (const throttle of [0, 4]) {
      const times = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]));
      const cls = {snippet: [], 'snippet-all': [], element: [], 'element-render': []};
      for (let i = 0; i < LOADS; i++) {
        for (const kind of Object.keys(kinds)) {
          const r = await timeLoad(browser, `${srv.url}/${kind}.html`, sentence, throttle);
          times[kind].push(r.shown);
          cls[kind]?.push(r.cls);
        }
      }
      const baseline = median(times.static);
      const label = throttle ? ', 4× CPU throttling' : '';
      // Reported only: the old budget (README snippet ≤ 1.5×, throttled ≤ 1.7× the static page) measured the
      // guide's own layout against a static copy of its text; the host-page budget (page-cost.mjs) replaced it.
      for (const kind of ['floor', 'lit']) {
        const value = median(times[kind]);
        results.load[`${kind}${throttle ? '-throttled' : ''}`] = {ms: value, staticMs: baseline, ratio: value / baseline};
        row(`floor: ${kinds[kind]}${label}, median of ${LOADS}`, `${value.toFixed(1)} ms`, `static ${baseline.toFixed(1)} ms`, (value / baseline).toFixed(2), '–', null);
      }
      for (const kind of ['snippet', 'snippet-all', 'element', 'element-render']) {
        const value = median(times[kind]);
        const ratio = value / baseline;
        const worst = Math.max(...cls[kind]);
        const budgeted = false;
        results.load[`${kind}${throttle ? '-throttled' : ''}`] = {elementMs: value, staticMs: baseline, ratio, maxCls: worst};
        row(`guidance laid out (${kinds[kind]}${label}), median of ${LOADS}`, `${value.toFixed(1)} ms`, `static ${baseline.toFixed(1)} ms`, ratio.toFixed(2), kind === 'snippet' ? `– (was ≤ ${throttle ? 1.7 : 1.5}×)` : '–', null);
        row(`CLS on upgrade (${kinds[kind]}${label}), worst of ${LOADS}`, worst.toFixed(4), '–', '–', budgeted && !throttle ? '0' : '–', budgeted && !throttle ? worst === 0 : null);
      }
    }
  } finally {
    await browser.close();
    srv.server.close();
  }
}

const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const ENGINE_LOADS = Number(args[args.indexOf('--engine-loads') + 1]) || 5;
if (only !== 'page-cost') await sizeSection();
if (only === 'page-cost') {
  await (await import('./page-cost.mjs')).pageCostSection(row, results, {loads: args.includes('--loads') ? LOADS : 9, engineLoads: ENGINE_LOADS});
} else if (!args.includes('--size-only')) {
  // What the guide costs the host page (design §4): FCP, guidance laid out, CLS; shift and unstyled paint in
  // Firefox and WebKit; the banner's shift.
  await (await import('./page-cost.mjs')).pageCostSection(row, results, {loads: args.includes('--loads') ? LOADS : 9, engineLoads: ENGINE_LOADS});
  await loadSection();
  // Layout shift by position in Chromium, Firefox and WebKit (no layout-shift entries outside Chromium).
  await (await import('./engines-shift.mjs')).enginesShiftSection(row, results, {loads: LOADS});
  for (const section of (await import('./sections.mjs').catch(() => ({sections: []}))).sections ?? []) await section(row, results);
}

const table = [
  '| figure | value | baseline (same run) | ratio | budget | ok |',
  '|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.figure} | ${r.value} | ${r.baseline} | ${r.ratio} | ${r.budget} | ${r.ok === null ? '–' : r.ok ? 'yes' : '**OVER BUDGET**'} |`),
].join('\n');
console.log(`\n${table}\n`);
await writeFile(join(root, only ? `bench/results-${only}.json` : 'bench/results.json'), JSON.stringify({date: new Date().toISOString(), results}, null, 2));
const over = rows.filter((r) => r.ok === false);
if (over.length) console.log(`OVER BUDGET: ${over.map((r) => r.figure).join('; ')}`);
process.exit(over.length && args.includes('--strict') ? 1 : 0);
