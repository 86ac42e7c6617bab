// Demo municipal site for `npm start`: pages from demo/pages.mjs, the built elements from dist/cdn, the PTV
// sample API, all under a strict Content-Security-Policy (no inline script or style anywhere).
//   PORT=8080 HOST=127.0.0.1 node demo/server.mjs
import {createServer} from 'node:http';
import {readFile} from 'node:fs/promises';
import {extname, join, normalize, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {ptvNodeHandler} from '../test/ptv-middleware.mjs';
import {GUIDE_STATES, LANGS, PAGES, pagePath, SITE, VALTUUDET} from './pages.mjs';
import {createEservice, SERVICES} from './eservice.mjs';
import {bannerStylesheet, prerenderBanner, toRequest} from '../dist/server/index.js';
import {escapeHtml} from './escape-html.mjs';
import {startSimulator} from './simulator/main.mjs';
import {busyPortLine, START_PORTS} from './ports.mjs';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]+$/, '');
/** The strict policy every demo page is served with; `connect` adds the e-service origin on the information site. */
export const cspFor = (connect = '') =>
  `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'${connect ? ` ${connect}` : ''}; ` +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";
export const CSP = cspFor();
const securityHeaders = (csp = CSP) => ({
  'Content-Security-Policy': csp,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
});
export const SECURITY_HEADERS = securityHeaders();
const TYPES = {'.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.html': 'text/html; charset=utf-8'};
/** URL prefix → folder; nothing outside these folders is ever served. */
const STATIC = [['/dist/cdn/', join(root, 'dist', 'cdn')], ['/assets/', join(root, 'demo', 'assets')], ['/builder/', join(root, 'dist', 'builder')]];
/** The builder frames its own preview, so its pages may be framed by the same origin (and only by it). */
export const BUILDER_CSP = CSP.replace("frame-ancestors 'none'", "frame-ancestors 'self'");
/** The demo has a PTV stand-in, so the builder's preview reads PTV from there instead of the real API. */
const DEMO_PTV_BASE = '/ptv/api/v11/';

// Text and attribute values into HTML: everything from data passes through escapeHtml (also for scripts/).
export {escapeHtml};
const attrs = (record) => Object.entries(record).map(([k, v]) => ` ${escapeHtml(k)}="${escapeHtml(v)}"`).join('');

/**
 * The page frame: skip link, header with language switcher, the on-behalf banner (shown by the element only
 * while acting for someone), main, footer. `body` and `header` are trusted markup. `eservice` is the
 * e-service's origin when the page is on the information site (another origin): the banner then reads the
 * session from there, and links to e-service pages go there. `actingFor` (what the adapter's current() answers)
 * and `pageUrl` come from a server that knows the session: the banner is then rendered into the page, so nothing
 * moves when it appears (docs/elements.md). The script comes right after the banner: the parser has attached the
 * banner's declarative root when it runs, and the guides further down still render as they are parsed.
 */
export function layout({lang, title, slug, body, header = '', bodyClass = '', eservice = '', actingFor = null, pageUrl = ''}) {
  const site = SITE[lang];
  const banner = bannerAttrs(lang, slug, eservice);
  const bannerRoot = actingFor ? prerenderBanner({locale: lang, actingFor, pageUrl, switchUrl: banner['switch-url'], folder: '/dist/cdn/'}) : '';
  const switcher = LANGS.map((l) =>
    `<li><a href="${escapeHtml(pagePath(l, slug))}" lang="${l}" hreflang="${l}"${l === lang ? ' aria-current="true"' : ''}>${{fi: 'Suomi', sv: 'Svenska', en: 'English'}[l]}</a></li>`,
  ).join('');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – ${escapeHtml(site.name)}</title>
<link rel="stylesheet" href="/assets/demo.css">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
${bannerRoot ? bannerStylesheet('/dist/cdn/') : ''}
</head>
<body${bodyClass ? ` class="${escapeHtml(bodyClass)}"` : ''}>
<a class="skip" href="#main">${escapeHtml(site.skip)}</a>
${header}
<header class="site">
  <div class="wrap">
    <a class="brand" href="${escapeHtml(pagePath(lang, 'index'))}">${escapeHtml(site.name)}</a>
    <nav aria-label="${escapeHtml(site.langNav)}"><ul class="langs">${switcher}</ul></nav>
  </div>
</header>
<acting-for-banner${attrs(banner)}>${bannerRoot}</acting-for-banner>
<script src="/dist/cdn/puolesta.js"></script>
<main id="main" tabindex="-1"><div class="wrap">
<h1>${escapeHtml(title)}</h1>
${body}
</div></main>
<footer class="site"><div class="wrap">
<p>${escapeHtml(site.footer)}</p>
<p><a href="${escapeHtml(pagePath(lang, 'saavutettavuus'))}">${escapeHtml(site.a11y)}</a></p>
<p><a href="/builder/?lang=${lang}">${escapeHtml(site.editors)}</a> · <a href="${escapeHtml(pagePath(lang, 'kehittajille'))}">${escapeHtml(site.developers)}</a></p>
</div></footer>
</body>
</html>`;
}

/** The banner's endpoints: this origin's adapter, or the e-service's when the page is elsewhere. */
function bannerAttrs(lang, slug, eservice) {
  const switchUrl = `${eservice}${pagePath(lang, SERVICES[slug] ? slug : 'asiointi')}#kenen-puolesta`;
  return eservice
    ? {'session-url': `${eservice}/valtuudet/session`, 'stop-url': `${eservice}/valtuudet/stop`, 'switch-url': switchUrl}
    : {'switch-url': switchUrl};
}

function guideTag(lang, guideAttrs, themeNote, alternatives) {
  const site = SITE[lang];
  const note = (themeNote ? `<p slot="theme-note">${escapeHtml(themeNote[lang])}</p>` : '') +
    (alternatives ? `<p slot="alternatives">${escapeHtml(alternatives[lang])}</p>` : '');
  return `<mandate-guide${attrs(guideAttrs)}><p>${escapeHtml(site.fallbackText)} <a href="${VALTUUDET[lang]}">${escapeHtml(site.fallbackLink)}</a></p>${note}</mandate-guide>`;
}

function renderPage(lang, page, eservice = '', known = {}) {
  const paragraphs = page.intro[lang].map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  let body = paragraphs;
  if (page.links) {
    // Residents see only their own pages; the developers' pages have their own index.
    const items = PAGES.filter((p) => p.slug !== 'index' && p.slug !== 'saavutettavuus' && !p.developer && !p.developerIndex)
      .map((p) => `<li><a href="${escapeHtml(pagePath(lang, p.slug))}">${escapeHtml(p.title[lang])}</a></li>`).join('');
    const eservices = Object.entries(SERVICES)
      .map(([slug, s]) => `<li><a href="${escapeHtml(eservice + pagePath(lang, slug))}">${escapeHtml(s.title[lang])}</a></li>`).join('');
    body += `\n<ul class="cards">${eservices}${items}</ul>`;
  }
  if (page.developerIndex) {
    const pages = PAGES.filter((p) => p.developer)
      .map((p) => `<li><a href="${escapeHtml(pagePath(lang, p.slug))}">${escapeHtml(p.title[lang])}</a>: ${escapeHtml(p.summary[lang])}</li>`).join('');
    body += `\n<ul>${pages}<li><a href="/builder/?lang=${lang}">${escapeHtml(SITE[lang].editors)}</a></li></ul>`;
  }
  if (page.guide) {
    body += page.section ? `\n<h2>${escapeHtml(page.section[lang])}</h2>` : '';
    body += `\n<div class="panel">${guideTag(lang, page.guide, page.themeNote, page.alternatives)}</div>`;
  }
  if (page.gallery) {
    body += GUIDE_STATES.map((state) => {
      const {'catalogue-url': _ignored, ...rest} = state.attrs; // the script-tag build finds the catalogue itself
      const fallback = state.fallback ? `<p>${escapeHtml(state.fallback[lang])}</p>` : '';
      return `\n<h2>${escapeHtml(state.name[lang])}</h2>\n<div class="panel"><mandate-guide heading-level="3"${attrs(rest)}>${fallback}</mandate-guide></div>`;
    }).join('');
  }
  return layout({lang, title: page.title[lang], slug: page.slug, body, bodyClass: page.bodyClass, eservice, ...known});
}

const ROUTES = new Map(LANGS.flatMap((lang) => PAGES.map((page) => [pagePath(lang, page.slug), {lang, page}])));
ROUTES.set('/index.html', ROUTES.get('/'));

function send(res, status, body, type = 'text/plain; charset=utf-8', headers = {}) {
  res.writeHead(status, {'Content-Type': type, ...SECURITY_HEADERS, ...headers});
  res.end(body);
}

/** The request's decoded path, or undefined (after answering 400) when it cannot be decoded. */
function pathOf(req, res) {
  try {
    return decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    send(res, 400, 'Bad request');
    return undefined;
  }
}

/**
 * One of the content pages or a static file, with `csp`; false when the path is neither. `adapter`: this origin's
 * adapter, which knows whom the citizen acts for (the banner is then rendered into the page).
 */
async function servePage(req, res, path, eservice = '', csp = CSP, adapter = undefined, publicOrigin = '') {
  const route = ROUTES.get(path);
  if (route) {
    const actingFor = adapter ? await adapter.current(toRequest(req, {publicOrigin})) : null;
    // A page that names the principal is this citizen's only: never stored by a shared cache.
    res.writeHead(200, {'Content-Type': TYPES['.html'], ...securityHeaders(csp), ...(adapter ? {'Cache-Control': 'no-store'} : {})});
    res.end(req.method === 'HEAD' ? '' : renderPage(route.lang, route.page, eservice, {actingFor, pageUrl: publicOrigin + path}));
    return true;
  }
  return (await serveStatic(req, res, path)) !== false;
}

/**
 * The municipality's information site (www.<kunta>.fi) on its own origin: the same content pages with the
 * banner fed by the e-service's adapter over credentialed CORS. No adapter, no login here.
 */
async function startInfoSite({port, host, publicHost, eservice}) {
  const csp = cspFor(eservice);
  const server = createServer(async (req, res) => {
    try {
      const path = pathOf(req, res);
      if (path === undefined) return;
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', undefined, {Allow: 'GET, HEAD'});
      if (await servePage(req, res, path, eservice, csp)) return;
      send(res, 404, 'Not found');
    } catch (error) {
      console.error('demo info site: request failed:', error?.name ?? 'Error');
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.end();
    }
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  return {server, url: `http://${publicHost === '0.0.0.0' ? '127.0.0.1' : publicHost}:${server.address().port}`};
}

async function serveStatic(req, res, path) {
  for (const [prefix, dir] of STATIC) {
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length) || (prefix === '/builder/' ? 'index.html' : '');
    const file = normalize(join(dir, rest));
    if (!file.startsWith(dir + sep)) return send(res, 404, 'Not found');
    try {
      let body = await readFile(file);
      const headers = {'Cache-Control': 'no-cache'};
      // The release's files are public: a page on any origin may load them with crossorigin + integrity.
      if (/\.(js|json|css)$/.test(file) && /^\/(dist\/cdn|builder\/cdn)\//.test(path)) headers['Access-Control-Allow-Origin'] = '*';
      if (prefix === '/builder/' && extname(file) === '.html') {
        if (rest === 'preview.html') body = Buffer.from(body.toString('utf8').replace('name="puolesta-ptv-base" content=""', `name="puolesta-ptv-base" content="${DEMO_PTV_BASE}"`));
        Object.assign(headers, securityHeaders(BUILDER_CSP));
      }
      return send(res, 200, req.method === 'HEAD' ? '' : body, TYPES[extname(file)] ?? 'application/octet-stream', headers);
    } catch {
      return send(res, 404, 'Not found');
    }
  }
  return false;
}

/**
 * The demo site with its on-behalf part: the Valtuudet simulator, the adapter, a demo login and the e-service.
 * @param {{port?: number, host?: string, simulatorPort?: number, publicHost?: string, log?: (line: string) => void,
 *   extraHandlers?: Array<(req, res, ctx) => boolean | Promise<boolean>>}} options
 * publicHost: the host name people browse with (default: host); the adapter's redirect URI and cookies use it,
 * so requests that arrive under another name are redirected to it first.
 * extraHandlers run first; each returns true when it answered. ctx gives them the layout, escaping and headers.
 */
export async function createDemoServer({port = 8080, host = '127.0.0.1', simulatorPort = 0, infoPort = 0, publicHost = host, log = (line) => console.info(line), extraHandlers = []} = {}) {
  const ctx = {layout, escapeHtml, send, SECURITY_HEADERS};
  const server = createServer(async (req, res) => {
    try {
      const path = pathOf(req, res);
      if (path === undefined) return;
      if (publicOrigin && req.headers.host !== new URL(publicOrigin).host) {
        // Only the path moves to the public host: `//other.example/x` as a request target is a path here, never
        // a host (new URL(target, base) would read it as one and redirect off-site).
        res.writeHead(308, {Location: `${publicOrigin}/${(req.url ?? '/').replace(/^[/\\]+/, '')}`});
        return res.end();
      }
      for (const handler of extraHandlers) if (await handler(req, res, ctx)) return;
      if (await ptvNodeHandler(req, res)) return;
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', undefined, {Allow: 'GET, HEAD'});
      if (path === '/builder') {
        res.writeHead(301, {Location: `/builder/${new URL(req.url, 'http://localhost').search}`});
        return res.end();
      }
      if (await servePage(req, res, path, '', CSP, adapter, publicOrigin)) return;
      send(res, 404, layout({lang: 'fi', title: 'Sivua ei löytynyt', slug: 'index', body: '<p>Tarkista osoite. <a href="/">Etusivulle</a></p>'}), TYPES['.html']);
    } catch (error) {
      console.error('demo: request failed:', error?.name ?? 'Error');
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.end();
    }
  });
  let publicOrigin;
  let adapter;
  await new Promise((resolve) => server.listen(port, host, resolve));
  const url = `http://${publicHost === '0.0.0.0' ? '127.0.0.1' : publicHost}:${server.address().port}`;
  const simulator = await startSimulator({port: simulatorPort, host, redirectUris: [`${url}/valtuudet/callback`], log});
  const simulatorUrl = simulator.url.replace(host, publicHost === '0.0.0.0' ? '127.0.0.1' : publicHost);
  const info = await startInfoSite({port: infoPort, host, publicHost, eservice: url});
  const eservice = createEservice({simulatorUrl, publicOrigin: url, allowedOrigins: [info.url], log});
  extraHandlers.unshift(eservice.handler);
  publicOrigin = url;
  adapter = eservice.adapter;
  return {
    server, url, simulatorUrl, infoUrl: info.url, adapter: eservice.adapter,
    close: async () => {
      await simulator.close();
      info.server.closeAllConnections?.();
      await new Promise((r) => info.server.close(r));
      server.closeAllConnections?.();
      await new Promise((r) => server.close(r));
    },
  };
}

/** Starts the demo as `npm start` does and prints where everything is; a failure is one line, not a stack. */
export async function runDemo(env = process.env) {
  const port = (name, fallback) => Number(env[name] ?? fallback);
  try {
    const demo = await createDemoServer({
      port: port('PORT', 8080),
      host: env.HOST ?? '127.0.0.1',
      publicHost: 'localhost',
      simulatorPort: port('SIMULATOR_PORT', 8081),
      infoPort: port('INFO_PORT', 8082),
    });
    console.log(`Puolesta demo: ${demo.url}/  (sv: ${demo.url}/sv/, en: ${demo.url}/en/)`);
    console.log(`  e-service with demo login: ${demo.url}/asiointi.html`);
    console.log(`  Valtuudet simulator: ${demo.simulatorUrl}/`);
    console.log(`  information site on another origin, banner fed by the e-service: ${demo.infoUrl}/`);
    console.log(`  snippet builder for web editors: ${demo.url}/builder/`);
    console.log('Stop with Ctrl+C.');
    return demo;
  } catch (error) {
    if (error?.code === 'EADDRINUSE') {
      const [name] = START_PORTS.find(([n, d]) => port(n, d) === error.port) ?? ['PORT'];
      console.error(busyPortLine(error.port, name));
    } else {
      console.error(`The demo could not start: ${error?.message ?? error}`);
    }
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) await runDemo();
