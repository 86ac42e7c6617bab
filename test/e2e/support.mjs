// Shared by the end-to-end tests: a real static HTTP server on 127.0.0.1 and Debian Chromium via Playwright.
import {createServer} from 'node:http';
import {readFile} from 'node:fs/promises';
import {extname, join, normalize, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';
import {chromiumArgs, chromiumPath} from '../chromium.mjs';

export const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/[\/]+$/, '');
/** An import map that lets a test page load the npm build (dist/lib) straight from node_modules, no bundler. */
export const LIT_IMPORT_MAP = JSON.stringify({imports: {
  'lit': '/node_modules/lit/index.js', 'lit/': '/node_modules/lit/',
  'lit-html': '/node_modules/lit-html/lit-html.js', 'lit-html/': '/node_modules/lit-html/',
  'lit-element/': '/node_modules/lit-element/', '@lit/reactive-element': '/node_modules/@lit/reactive-element/reactive-element.js',
  '@lit/reactive-element/': '/node_modules/@lit/reactive-element/', '@lit/localize': '/node_modules/@lit/localize/lit-localize.js',
  '@lit/localize/': '/node_modules/@lit/localize/'}});
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
const TYPES = {'.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.html': 'text/html; charset=utf-8', '.css': 'text/css'};

/**
 * Serves `pages` (path → html), `files` (path → {body, type}: e.g. a tampered copy of a built file) and files under
 * the repository root, every response with `headers`. Returns {url, close}.
 */
export async function serve({pages = {}, files = {}, headers = {}} = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const send = (status, body, type) => {
      res.writeHead(status, {'Content-Type': type, ...headers});
      res.end(body);
    };
    if (pages[path] !== undefined) return send(200, pages[path], TYPES['.html']);
    if (files[path] !== undefined) return send(200, files[path].body, files[path].type);
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep) && file !== root) return send(404, 'not found', 'text/plain');
    try {
      send(200, await readFile(file), TYPES[extname(file)] ?? 'application/octet-stream');
    } catch {
      send(404, 'not found', 'text/plain');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => {
    server.closeAllConnections(); // a kept-alive browser connection must not hold the test process open
    server.close(r);
  })};
}

export function launch() {
  return chromium.launch({executablePath: chromiumPath, args: chromiumArgs});
}

/** Collects page errors, console errors and CSP violations of a page. */
export async function watch(page) {
  const problems = {errors: [], csp: []};
  page.on('pageerror', (e) => problems.errors.push(String(e)));
  await page.exposeFunction('__reportCsp', (v) => problems.csp.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__reportCsp(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return problems;
}

/** Text of a custom element's shadow root, whitespace folded. */
export const shadowText = (page, selector) =>
  page.$eval(selector, (el) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '));

/**
 * On the demo's e-service: logs in as the first demo user and picks the first principal (Anni) in the simulator,
 * as a citizen would. Resolves once the browser is back on the demo.
 */
export async function actForAnni(page, demo, path = '/asiointi.html') {
  await page.goto(`${demo.url}${path}`);
  await page.locator('main a.button').click();
  await page.locator('form.eservice button[type=submit]').click();
  const selector = page.locator('acting-for-selector');
  await selector.getByRole('radio').nth(1).check();
  await selector.getByRole('button').first().click();
  await page.waitForURL(`${demo.simulatorUrl}/**`);
  await page.locator('input[name=choice]').first().check();
  await page.locator('button[value=continue]').click();
  await page.waitForURL(`${demo.url}/**`);
}
