// The demo site (demo/server.mjs, unchanged) as the cross-engine tests see it: every HTML page it answers —
// content pages, login and e-service pages alike — gets one same-origin test-only script as the first thing in
// <head>, which records script errors, unhandled rejections, console errors/warnings, failed resource loads and
// CSP violations. WebKit's WebDriver has no console log and no preload scripts, and a same-origin script is
// allowed by the demo's strict CSP, so this works the same in every engine. The record survives same-origin
// navigations (sessionStorage), so a whole flow can be checked at the end.
//   ?__test-no-bundle on a page URL leaves the elements' <script> out of that page (the bundle "blocked").
import {createDemoServer, SECURITY_HEADERS} from '../../demo/server.mjs';

export const RECORDER_PATH = '/__test/recorder.js';
/** A negative control under the demo's CSP: an inline style, an inline script and a script that throws. */
export const CONTROL_PATH = '/__test/control.html';
const CONTROL = `<!doctype html>
<html lang="fi"><head><meta charset="utf-8"><title>control</title>
<script src="${RECORDER_PATH}"></script>
<style>p { color: red; }</style>
</head><body><p>control</p><script>document.title = 'inline ran';</script>
<script src="/__test/throws.js"></script></body></html>`;
const THROWS = "Promise.reject(new Error('control rejection'));\nthrow new Error('control error');\n";
const BUNDLE_TAG = /<script src="\/dist\/cdn\/puolesta\.js"[^>]*><\/script>\n?/;

// Runs in the page: plain ES2017, no imports.
const RECORDER = `(() => {
  const KEY = '__puolesta_test_problems';
  let problems = [];
  try { problems = JSON.parse(sessionStorage.getItem(KEY) || '[]'); } catch (e) { problems = []; }
  const add = (kind, text) => {
    problems.push(kind + ': ' + String(text).slice(0, 300) + ' [' + location.pathname + ']');
    try { sessionStorage.setItem(KEY, JSON.stringify(problems)); } catch (e) { /* storage full or off */ }
  };
  window.__testProblems = () => problems.slice();
  window.__testRecorder = true;
  addEventListener('error', (e) => {
    if (e.target && e.target !== window) add('resource failed', (e.target.tagName || '') + ' ' + (e.target.src || e.target.href || ''));
    else add('error', (e.message || String(e.error)) + (e.filename ? ' at ' + e.filename + ':' + e.lineno : ''));
  }, true);
  addEventListener('unhandledrejection', (e) => add('unhandled rejection', e.reason && (e.reason.stack || e.reason.message) || e.reason));
  document.addEventListener('securitypolicyviolation', (e) => add('csp', e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + (e.lineNumber || '')));
  for (const level of ['error', 'warn']) {
    const original = console[level];
    console[level] = function (...args) {
      add('console.' + level, args.map((a) => (a && a.message) || String(a)).join(' '));
      return original.apply(this, args);
    };
  }
})();
`;

/**
 * createDemoServer(options) with the recorder added to every HTML page it serves. Resolves what createDemoServer
 * does.
 */
export async function startInstrumentedDemo(options = {}) {
  const demo = await createDemoServer({port: 0, simulatorPort: 0, log: () => {}, ...options});
  const [handle, ...others] = demo.server.listeners('request');
  if (!handle || others.length) throw new Error('demo server: expected exactly one request listener');
  demo.server.removeAllListeners('request');
  demo.server.on('request', (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const own = {[RECORDER_PATH]: ['text/javascript', RECORDER], '/__test/throws.js': ['text/javascript', THROWS], [CONTROL_PATH]: ['text/html', CONTROL]}[url.pathname];
    if (own) {
      res.writeHead(200, {'Content-Type': `${own[0]}; charset=utf-8`, 'Cache-Control': 'no-store', ...SECURITY_HEADERS});
      return res.end(req.method === 'HEAD' ? '' : own[1]);
    }
    rewriteHtml(res, (html) => {
      let out = html.replace(/<head>\n?/, `<head>\n<script src="${RECORDER_PATH}"></script>\n`);
      if (url.searchParams.has('__test-no-bundle')) out = out.replace(BUNDLE_TAG, '');
      return out;
    });
    return handle(req, res);
  });
  return demo;
}

/** Lets `edit` change the body of an HTML response that is sent with writeHead(…) + end(body). */
function rewriteHtml(res, edit) {
  const writeHead = res.writeHead.bind(res);
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  let head;
  const flush = () => {
    if (head) writeHead(...head);
    head = undefined;
  };
  res.writeHead = (...args) => {
    head = args;
    return res;
  };
  res.write = (...args) => {
    flush();
    return write(...args);
  };
  res.end = (body, ...rest) => {
    const headers = head?.find((a) => a && typeof a === 'object') ?? {};
    const type = String(Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? res.getHeader('content-type') ?? '');
    if (/^text\/html/.test(type) && body && typeof body !== 'function' && !res.headersSent) {
      body = edit(Buffer.isBuffer(body) ? body.toString('utf8') : String(body));
      res.removeHeader('content-length');
      for (const key of Object.keys(headers)) if (key.toLowerCase() === 'content-length') delete headers[key];
    }
    flush();
    return end(body, ...rest);
  };
}
