// The few browser operations the cross-engine end-to-end tests need, with one interface over puppeteer-core
// (Chromium over CDP, Firefox over WebDriver BiDi) and webdriverio (WebKit over classic WebDriver), so one
// test body runs in all three engines. Everything in the page goes through evaluate() with plain functions
// (shadow roots through el.shadowRoot, no engine-specific selectors); every wait is bounded.
import {writeFile} from 'node:fs/promises';
import puppeteer from 'puppeteer-core';
import {chromiumArgs, chromiumPath} from '../chromium.mjs';
import {firefoxLaunchOptions} from './firefox.mjs';
import {newWebKitSession, webkitCapabilities, withTimeout} from './webkit.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];
const STEP_TIMEOUT = 15_000;

/** `fn` applied to `args` as one expression, for both protocols (each serialises the result as JSON). */
const call = (fn, args) => `(${fn.toString()})(...${JSON.stringify(args)})`;

/**
 * Starts `engine`. Returns {engine, version, newPage({width, height, javaScript}), close()}; each page has its
 * own fresh profile (cookies, storage).
 */
export async function launchEngine(engine) {
  if (engine === 'webkit') return webkitEngine();
  const options = engine === 'firefox'
    ? firefoxLaunchOptions
    : {executablePath: chromiumPath, headless: true, args: chromiumArgs};
  const launch = (extra = {}) => withTimeout(puppeteer.launch({...options, ...extra, protocolTimeout: 30_000}), 60_000, `${engine} launch`);
  const browser = await launch();
  // Firefox's BiDi has no command to switch scripts off in a page: a second Firefox with javascript.enabled
  // false, started when first needed.
  let noScriptBrowser;
  return {
    engine,
    version: await browser.version(),
    async newPage({width = 1280, height = 900, javaScript = true} = {}) {
      let owner = browser;
      if (!javaScript && engine === 'firefox') {
        noScriptBrowser ??= launch({extraPrefsFirefox: {...options.extraPrefsFirefox, 'javascript.enabled': false}});
        owner = await noScriptBrowser;
      }
      const context = await owner.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({width, height});
      if (!javaScript && engine !== 'firefox') await page.setJavaScriptEnabled(false);
      const errors = [];
      page.on('pageerror', (e) => errors.push({url: page.url(), text: `pageerror: ${e?.message ?? e}`}));
      page.on('console', (m) => m.type() === 'error' && errors.push({url: page.url(), text: `console.error: ${m.text()}`}));
      return puppeteerPage(engine, page, errors, () => context.close().catch(() => {}));
    },
    async close() {
      for (const b of [browser, await noScriptBrowser?.catch(() => undefined)]) {
        if (b) await withTimeout(b.close(), 15_000, `${engine} close`).catch(() => b.process()?.kill('SIGKILL'));
      }
    },
  };
}

function puppeteerPage(engine, page, errors, close) {
  const evaluateExpression = (expression) => page.evaluate(expression);
  return {
    engine,
    evaluateExpression,
    evaluate: (fn, ...args) => evaluateExpression(call(fn, args)),
    /**
     * Problems the protocol itself reports (uncaught errors, console.error), each with the page's URL, on pages
     * whose URL starts with `prefix`; WebKit's WebDriver has none to give (the recorder in test/engines/demo.mjs
     * covers every engine).
     */
    protocolProblems: (prefix = '') => errors.filter((e) => e.url.startsWith(prefix)).map((e) => `${e.text} [${e.url}]`),
    url: () => page.url(),
    goto: (url) => page.goto(url, {waitUntil: 'load', timeout: STEP_TIMEOUT}),
    async clickAt({x, y}) {
      await page.mouse.click(x, y);
    },
    async press(key) {
      // Space is ' ' to puppeteer's BiDi keyboard; both protocols accept ' '.
      const keys = key.split('+').map((k) => (k === 'Space' ? ' ' : k));
      for (const k of keys.slice(0, -1)) await page.keyboard.down(k);
      await page.keyboard.press(keys.at(-1));
      for (const k of keys.slice(0, -1).reverse()) await page.keyboard.up(k);
    },
    type: (text) => page.keyboard.type(text),
    screenshot: async (path) => writeFile(path, await page.screenshot({fullPage: true})),
    close,
  };
}

async function webkitEngine() {
  const sessions = new Set();
  return {
    engine: 'webkit',
    version: undefined,
    async newPage({width = 1280, height = 900, javaScript = true} = {}) {
      // A session is MiniBrowser with a fresh ephemeral profile. JavaScript can only be switched off at launch.
      const capabilities = javaScript ? webkitCapabilities : {
        ...webkitCapabilities,
        'webkitgtk:browserOptions': {args: [...webkitCapabilities['webkitgtk:browserOptions'].args, '--enable-javascript=false']},
      };
      const browser = await newWebKitSession({capabilities});
      sessions.add(browser);
      this.version ??= browser.capabilities.browserVersion;
      await browser.setWindowSize(width, height);
      return webdriverPage(browser, async () => {
        sessions.delete(browser);
        await withTimeout(browser.deleteSession(), 10_000, 'WebKit session close').catch(() => {});
      });
    },
    async close() {
      for (const browser of sessions) await withTimeout(browser.deleteSession(), 10_000, 'WebKit session close').catch(() => {});
    },
  };
}

function webdriverPage(browser, close) {
  const evaluateExpression = (expression) => browser.execute(`return ${expression}`);
  const evaluate = (fn, ...args) => evaluateExpression(call(fn, args));
  return {
    engine: 'webkit',
    evaluateExpression,
    evaluate,
    protocolProblems: () => [],
    url: () => browser.getUrl(),
    goto: (url) => withTimeout(browser.url(url), STEP_TIMEOUT, `WebKit load of ${url}`),
    async clickAt({x, y}) {
      await browser.action('pointer', {parameters: {pointerType: 'mouse'}})
        .move({x: Math.round(x), y: Math.round(y), origin: 'viewport'}).down({button: 0}).up({button: 0}).perform();
    },
    async press(key) {
      const keys = key.split('+');
      const action = browser.action('key');
      for (const k of keys) action.down(KEYS[k] ?? k);
      for (const k of [...keys].reverse()) action.up(KEYS[k] ?? k);
      await action.perform();
    },
    type: (text) => browser.keys(text.split('')),
    async screenshot(path) {
      // Classic WebDriver shoots the viewport only: grow the window to the page, shoot, and shrink it back.
      const {width, height} = await browser.getWindowSize();
      const full = await evaluate(() => document.documentElement.scrollHeight);
      if (full > height) {
        await browser.setWindowSize(width, Math.min(full, 8000));
        // Two frames, so the grown window has been painted.
        await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
      }
      await browser.saveScreenshot(path);
      if (full > height) await browser.setWindowSize(width, height);
    },
    close,
  };
}

// WebDriver key codes for the names the tests use.
const KEYS = {Tab: '\uE004', Enter: '\uE007', Shift: '\uE008', Escape: '\uE00C', Space: '\uE00D', ArrowLeft: '\uE012',
  ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015'};

/**
 * Polls `fn(...args)` in the page until it returns something truthy, and returns that. Errors while the page
 * navigates count as "not yet". Throws after `timeout` ms with `what` and the last value or error.
 */
export async function waitFor(page, what, fn, args = [], {timeout = STEP_TIMEOUT, interval = 50} = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await withTimeout(page.evaluate(fn, ...args), Math.max(1000, deadline - Date.now()), what);
      if (value) return value;
      last = value;
    } catch (error) {
      last = error?.message?.split('\n')[0];
    }
    if (Date.now() > deadline) throw new Error(`${page.engine}: timed out after ${timeout} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Waits until the page's URL satisfies `test`. */
export async function waitForUrl(page, what, test, {timeout = STEP_TIMEOUT} = {}) {
  const deadline = Date.now() + timeout;
  let url;
  for (;;) {
    url = await Promise.resolve().then(() => page.url()).catch(() => url);
    if (url && test(new URL(url))) {
      // …and the new document has loaded.
      await waitFor(page, `${what} loaded`, () => document.readyState === 'complete', [], {timeout: Math.max(1000, deadline - Date.now())});
      return url;
    }
    if (Date.now() > deadline) throw new Error(`${page.engine}: timed out after ${timeout} ms waiting for ${what} (at ${url})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Clicks, with the real pointer, the element `find(...args)` returns in the page (it may live in a shadow root),
 * after scrolling it into view.
 */
export async function click(page, what, find, ...args) {
  // One expression built here, not eval in the page: the demo's CSP has no 'unsafe-eval'.
  const point = await page.evaluateExpression(`((el) => {
    if (!el) return null;
    el.scrollIntoView({block: 'center', inline: 'nearest'});
    const r = el.getBoundingClientRect();
    return {x: r.left + r.width / 2, y: r.top + r.height / 2};
  })(${call(find, args)})`);
  if (!point) throw new Error(`${page.engine}: nothing to click for ${what}`);
  await page.clickAt(point);
}
