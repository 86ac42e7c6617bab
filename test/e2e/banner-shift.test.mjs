// Issue 19, point 5: <acting-for-banner> moves nothing when it appears, in Chromium, Firefox and WebKit, measured
// as bench/engines-shift.mjs measures the guide: a probe first in <head> records, in every animation frame, the
// top of the text after the banner, and Chromium's layout-shift entries (CLS; Firefox and WebKit have none).
// Two pages, as an integrator builds them, under a strict CSP with the script-tag file loaded with `defer`:
//   rendered: the server knows the session and renders the banner into the page (puolesta/server
//             prerenderBanner); the element takes it over when its own session read answers (400 ms late here);
//   plain:    the server does not know; the banner appears 400 ms late as a bar over the foot of the window, and
//             the page keeps clear of it with the two documented lines of CSS.
// Then the banner is used as a citizen would: Tab to Stop, Enter, focus on the confirmation, in fi, sv and en,
// with axe clean before the takeover, after it, and as a bar.
//   npm run build --silent && node --test --test-reporter=spec --test-concurrency=1 test/e2e/banner-shift.test.mjs
//   PUOLESTA_ENGINES=firefox narrows the run.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import {readFile} from 'node:fs/promises';
import {extname, join, normalize, sep} from 'node:path';
import {ENGINES, launchEngine, waitFor} from '../engines/driver.mjs';
import {createRequire} from 'node:module';
import {AXE_TAGS} from './axe.mjs';
import {root, STRICT_CSP} from './support.mjs';
import {prerenderBanner, bannerStylesheet} from '../../dist/server/index.js';

const engines = (process.env.PUOLESTA_ENGINES ?? ENGINES.join(',')).split(',').map((e) => e.trim()).filter(Boolean);
const NAME = 'Anni Kumpulainen';
const SENTENCE = {fi: `Asioit nyt henkilön ${NAME} puolesta`, sv: `Du uträttar nu ärenden för ${NAME}`, en: `You are acting on behalf of ${NAME}`};
const LATE_MS = 400;
const CDN = join(root, 'dist', 'cdn');

// The probe: plain script, first in <head>, no imports.
const PROBE = `(() => {
  const samples = [];
  const shifts = [];
  const struct = (node) => {
    let out = '';
    for (const child of node.childNodes) {
      if (child.nodeType === 3) out += child.data.replace(/\\s+/g, ' ');
      if (child.nodeType !== 1 || child.localName === 'link') continue;
      const attrs = [...child.attributes].map((a) => a.name + '=' + a.value).sort().join(' ');
      out += '<' + child.localName + ' ' + attrs + '>' + (child.getAttribute('role') === 'status' ? '' : struct(child)) + '</>';
    }
    return out.replace(/\\s+/g, ' ').replace(/> </g, '><').trim();
  };
  const snap = () => {
    const host = document.querySelector('acting-for-banner');
    const root = host && host.shadowRoot;
    const bar = root && root.querySelector('[part=banner]');
    const box = bar && bar.getBoundingClientRect();
    const afterEl = document.getElementById('after');
    samples.push({
      t: performance.now(),
      top: afterEl ? afterEl.getBoundingClientRect().top + scrollY : null,
      bannerHeight: box ? Math.round(box.height * 10) / 10 : 0,
      bannerText: bar ? bar.textContent.replace(/\\s+/g, ' ').trim() : '',
      position: bar ? getComputedStyle(bar).position : null,
      declarative: !!(root && root.querySelector('link') && root.querySelector('link').nextSibling),
      struct: root ? struct(root) : '',
    });
  };
  let settled = 0;
  const frame = () => {
    snap();
    const s = samples[samples.length - 1];
    if (window.__answered && s.bannerHeight > 0 && !s.declarative) settled++;
    if (settled < 3 && samples.length < 3000) requestAnimationFrame(frame);
    else window.__shiftDone = true;
  };
  requestAnimationFrame(frame);
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) shifts.push(e.value); }).observe({type: 'layout-shift', buffered: true});
  } catch (e) { /* Firefox, WebKit: no layout-shift entries */ }
  window.__shift = () => ({samples, shifts, layoutShiftSupported: PerformanceObserver.supportedEntryTypes.includes('layout-shift')});
})();`;

// The page's own CSS: a column like a municipal page, and the two documented lines that keep it clear of the bar.
const PAGE_CSS = `body { margin: 0; font: 18px/1.5 Arial, sans-serif; }
main { max-width: 48rem; margin: 0 auto; padding: 0 20px; }
html { scroll-padding-bottom: var(--puolesta-banner-height, 0px); }
body { padding-bottom: var(--puolesta-banner-height, 0px); }`;

const sessions = new Map(); // key → acting (boolean)
const answered = `(() => { const f = window.fetch; window.fetch = (...a) => f(...a).then((r) => { if (String(a[0]).includes('/session')) setTimeout(() => { window.__answered = true; }, 0); return r; }); })();`;

function page({variant, lang, key, origin, delay}) {
  const session = `/s/${key}/session?delay=${delay}`;
  const attrs = `session-url="${session}" stop-url="/s/${key}/stop" switch-url="/valitse.html#kenen-puolesta"`;
  const rendered = variant === 'rendered'
    ? prerenderBanner({locale: lang, actingFor: {type: 'person', name: NAME}, pageUrl: `${origin}/${variant}.html`, switchUrl: '/valitse.html#kenen-puolesta', folder: '/dist/cdn/'})
    : '';
  const paragraphs = Array.from({length: 40}, (_, i) => `<p>Kappale ${i + 1}: kunnan sivun tekstiä, jota banneri ei saa siirtää.</p>`).join('\n');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Banneri</title>
<script src="/probe.js"></script>
<script src="/answered.js"></script>
<link rel="stylesheet" href="/page.css">
${rendered ? bannerStylesheet('/dist/cdn/') : ''}
<script src="/dist/cdn/puolesta.js" defer></script>
</head><body>
<acting-for-banner ${attrs}>${rendered}</acting-for-banner>
<main><h1>Kunnan sivu</h1>
<p id="after">Teksti bannerin jälkeen.</p>
${paragraphs}
<p><button id="last" type="button">Viimeinen painike</button></p>
</main></body></html>`;
}

async function startServer() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const send = (status, type, body, headers = {}) => {
      res.writeHead(status, {'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Security-Policy': STRICT_CSP, ...headers});
      res.end(body);
    };
    const match = url.pathname.match(/^\/s\/([\w-]+)\/(session|stop)$/);
    if (match) {
      const [, key, what] = match;
      if (what === 'stop') {
        if (req.method !== 'POST' || req.headers['x-puolesta'] !== '1') return send(403, 'text/plain', 'no');
        sessions.set(key, false);
        return send(200, 'application/json', '{"ok":true}');
      }
      const delay = Number(url.searchParams.get('delay') ?? LATE_MS);
      const body = JSON.stringify({actingFor: sessions.get(key) ? {type: 'person', name: NAME, themes: []} : null});
      return setTimeout(() => send(200, 'application/json', body), delay);
    }
    if (url.pathname === '/probe.js') return send(200, 'text/javascript', PROBE);
    if (url.pathname === '/answered.js') return send(200, 'text/javascript', answered);
    if (url.pathname === '/page.css') return send(200, 'text/css', PAGE_CSS);
    if (url.pathname === '/rendered.html' || url.pathname === '/plain.html') {
      const key = url.searchParams.get('key');
      if (!sessions.has(key)) sessions.set(key, true);
      const delay = Number(url.searchParams.get('delay') ?? LATE_MS);
      return send(200, 'text/html; charset=utf-8', page({variant: url.pathname.slice(1, -5), lang: url.searchParams.get('lang'), key, delay, origin: `http://${req.headers.host}`}));
    }
    if (url.pathname.startsWith('/dist/cdn/')) {
      const file = normalize(join(CDN, url.pathname.slice('/dist/cdn/'.length)));
      if (!file.startsWith(CDN + sep)) return send(404, 'text/plain', 'no');
      try {
        return send(200, {'.js': 'text/javascript', '.css': 'text/css'}[extname(file)] ?? 'application/octet-stream', await readFile(file));
      } catch {
        return send(404, 'text/plain', 'no');
      }
    }
    send(404, 'text/plain', 'no');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {server, url: `http://127.0.0.1:${server.address().port}`};
}

/** The page's figures once the banner has been shown for three frames after its session answer. */
async function measure(page, url) {
  await page.goto(url);
  await waitFor(page, 'the banner to settle', () => window.__shiftDone === true, [], {timeout: 15_000}).catch(async (e) => {
    console.log(await page.evaluate(() => JSON.stringify({answered: window.__answered, last: window.__shift().samples.at(-1), n: window.__shift().samples.length, root: document.querySelector("acting-for-banner").shadowRoot?.innerHTML.slice(0, 300), light: document.querySelector("acting-for-banner").innerHTML.slice(0, 200)})), page.protocolProblems());
    throw e;
  });
  const all = await page.evaluate(() => window.__shift());
  // Frames before the parser reached the text after the banner show nothing of the page yet.
  const samples = all.samples.filter((s) => s.top !== null);
  const tops = samples.map((s) => s.top);
  return {...all, samples, moved: Math.max(...tops) - Math.min(...tops)};
}

/** The focused element's part, through shadow roots. */
const focusedPart = () => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el ? el.getAttribute('part') || el.className || el.id || el.localName : null;
};

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** axe-core's WCAG 2.2 AA violations (the tags of test/e2e/axe.mjs), through the driver, so in all three engines. */
async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluateExpression(`(function () {${await axeSource}\n;return true;})()`);
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, {runOnly: {type: 'tag', values: tags}});
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, AXE_TAGS);
}

let server;
let base;
let run = 0;
before(async () => {
  ({server, url: base} = await startServer());
});
after(async () => {
  server.closeAllConnections?.();
  await new Promise((r) => server.close(r));
});

describe('prerenderBanner: only what the session endpoint gives, as the element would show it', () => {
  const options = {locale: 'fi', pageUrl: 'https://asiointi.kunta.example/hakemus', folder: '/puolesta/'};
  it('puts a hostile name in as text', () => {
    const html = prerenderBanner({...options, actingFor: {type: 'person', name: '<img src=x onerror=alert(1)>'}});
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), html);
    assert.doesNotMatch(html, /<img/);
  });
  it('renders nothing for nobody, an unknown type, or a name with an identity code (the element refuses those too)', () => {
    for (const actingFor of [null, undefined, {type: 'robot', name: 'X'}, {type: 'person', name: 'Anni 010101-123N'}, {type: 'person', name: '  '}]) {
      assert.equal(prerenderBanner({...options, actingFor}), '', JSON.stringify(actingFor));
    }
  });
  it('names an organisation as one, and keeps the Switch link only where the element would', () => {
    const organisation = prerenderBanner({...options, actingFor: {type: 'company', name: 'Esimerkkiyhdistys ry'}, switchUrl: '/valitse#kenen-puolesta'});
    assert.match(organisation, /Asioit nyt organisaation <span class="name">Esimerkkiyhdistys ry<\/span> puolesta/);
    assert.match(organisation, /href="https:\/\/asiointi\.kunta\.example\/valitse#kenen-puolesta"/);
    for (const switchUrl of ['javascript:alert(1)', 'http://evil.example/', 'https://user:pw@evil.example/']) {
      assert.doesNotMatch(prerenderBanner({...options, actingFor: {type: 'person', name: 'Anni'}, switchUrl}), /part="switch"/, switchUrl);
    }
  });
});

for (const engine of engines) {
  describe(`<acting-for-banner> moves nothing when it appears (${engine})`, () => {
    let browser;
    before(async () => {
      browser = await launchEngine(engine);
    });
    after(async () => {
      await browser?.close();
    });

    for (const lang of ['fi', 'sv', 'en']) {
      it(`${lang}: rendered by the server, there at first paint, taken over without a pixel of shift; Tab to Stop, Enter`, async () => {
        const page = await browser.newPage({width: 1280, height: 800});
        try {
          const key = `r${++run}`;
          const {samples, shifts, layoutShiftSupported, moved} = await measure(page, `${base}/rendered.html?lang=${lang}&key=${key}`);
          const first = samples[0];
          const last = samples.at(-1);
          assert.ok(first.bannerHeight > 0 && first.declarative, `the server's banner shows in the first frame: ${JSON.stringify(first)}`);
          assert.equal(first.bannerText.includes(SENTENCE[lang]), true, first.bannerText);
          assert.ok(samples.some((s) => s.declarative) && !last.declarative, 'the element took the declarative root over');
          assert.equal(moved, 0, 'the text after the banner never moved');
          assert.deepEqual([...new Set(samples.map((s) => s.bannerHeight))], [first.bannerHeight], 'the banner kept its height through the takeover');
          assert.equal(last.struct, first.struct, "the server's markup is the element's own render");
          assert.equal(last.position, 'static', 'in the flow of the page, where the server put it');
          if (layoutShiftSupported) assert.deepEqual(shifts, [], 'no layout-shift entries (CLS 0)');

          assert.deepEqual(await axeViolations(page), [], 'axe, after the takeover');
          // Keyboard: from the top of the page, Tab reaches Stop (and Switch, where the engine tabs to links).
          const parts = [];
          for (let i = 0; i < 3 && parts.at(-1) !== 'stop'; i++) {
            await page.press('Tab');
            parts.push(await page.evaluate(focusedPart));
          }
          assert.equal(parts.at(-1), 'stop', `Tab order: ${parts.join(', ')}`);
          if (engine !== 'webkit') assert.deepEqual(parts, ['switch', 'stop']);
          await page.press('Enter');
          await waitFor(page, 'the confirmation to take focus', () => {
            let el = document.activeElement;
            while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
            return el?.classList.contains('done') && el.textContent.trim();
          });
          assert.equal(await page.evaluate(() => !!document.querySelector('acting-for-banner').shadowRoot.querySelector('[part=banner]')), false);
          assert.deepEqual(await axeViolations(page), [], 'axe, after Stop');
        } finally {
          await page.close();
        }
      });
    }

    it('fi: the server-rendered banner is axe-clean before the element takes it over', async () => {
      const page = await browser.newPage({width: 1280, height: 800});
      try {
        // The session read answers after 4 s: axe runs on the server's markup.
        await page.goto(`${base}/rendered.html?lang=fi&key=slow${++run}&delay=4000`);
        await waitFor(page, 'the element', () => !!customElements.get('acting-for-banner'));
        const declarative = await page.evaluate(() => !!document.querySelector('acting-for-banner').shadowRoot.querySelector('link')?.nextSibling);
        if (declarative) assert.deepEqual(await axeViolations(page), [], 'axe, server-rendered banner');
        else assert.fail('the element took over before axe could run');
      } finally {
        await page.close();
      }
    });

    for (const [lang, width, height] of [['fi', 1280, 800], ['sv', 320, 640], ['en', 1280, 800]]) {
      it(`${lang} at ${width} px: a plain page's banner appears late as a bar over the foot of the window that covers nothing`, async () => {
        const page = await browser.newPage({width, height});
        try {
          const {samples, shifts, layoutShiftSupported, moved} = await measure(page, `${base}/plain.html?lang=${lang}&key=p${++run}`);
          assert.equal(samples[0].bannerHeight, 0, 'no banner at first');
          const last = samples.at(-1);
          assert.ok(last.bannerText.includes(SENTENCE[lang]), last.bannerText);
          assert.equal(last.position, 'fixed');
          assert.equal(moved, 0, 'the text after the banner never moved');
          if (layoutShiftSupported) assert.deepEqual(shifts, [], 'no layout-shift entries (CLS 0)');
          const clear = await page.evaluate(() => {
            const bar = document.querySelector('acting-for-banner').shadowRoot.querySelector('[part=banner]');
            const published = getComputedStyle(document.documentElement).getPropertyValue('--puolesta-banner-height').trim();
            scrollTo(0, document.documentElement.scrollHeight);
            const barBox = bar.getBoundingClientRect();
            const last = document.getElementById('last').getBoundingClientRect();
            return {published, height: bar.offsetHeight, barTop: barBox.top, barBottom: barBox.bottom, innerHeight, lastBottom: last.bottom + 16};
          });
          assert.equal(clear.published, `${clear.height}px`, 'the bar publishes its height');
          assert.ok(Math.abs(clear.barBottom - clear.innerHeight) < 1, `the bar sits at the foot of the window: ${JSON.stringify(clear)}`);
          assert.ok(clear.lastBottom <= clear.barTop + 0.5, `scrolled to the end, the page's last line is above the bar: ${JSON.stringify(clear)}`);
          // Focus Not Obscured: a control that Tab scrolls into view lands above the bar, not under it.
          await page.evaluate(() => scrollTo(0, 0));
          await page.evaluate(() => {
            const start = document.getElementById('after');
            start.tabIndex = -1;
            start.focus();
          });
          await page.press('Tab');
          assert.equal(await page.evaluate(() => document.activeElement?.id), 'last', 'Tab moved to the last button');
          const focused = await page.evaluate(() => {
            const bar = document.querySelector('acting-for-banner').shadowRoot.querySelector('[part=banner]').getBoundingClientRect();
            const button = document.getElementById('last').getBoundingClientRect();
            return {buttonBottom: button.bottom, barTop: bar.top};
          });
          assert.ok(focused.buttonBottom <= focused.barTop + 0.5, `the focused button is not under the bar: ${JSON.stringify(focused)}`);
          assert.deepEqual(await axeViolations(page), [], 'axe, the bar');
        } finally {
          await page.close();
        }
      });
    }
  });
}
