// A simulator of the Suomi.fi-valtuudet Web API and its principal-selection page, so the on-behalf flow runs
// and is tested without DVV credentials. Same endpoints and response shapes as the real service
// (shared/reference/valtuudet.md §1): checksum header verified (±5 min), Basic auth on /oauth/token, single-use
// codes, bearer tokens, sessions that expire. Error modes on demand, per session (chosen on the selection page)
// or globally through the /__sim/ control API. Never logs identity codes.
import {createHmac, randomBytes, randomUUID, timingSafeEqual} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {escapeHtml} from '../escape-html.mjs';
import {TEXTS} from './texts.mjs';

const CSS = readFileSync(new URL('./simulator.css', import.meta.url));
export const ERROR_MODES = ['none', 'expired', 'server-error', 'slow', 'malformed'];
const MAX_SKEW_MS = 5 * 60 * 1000;
const SESSION_IDLE_MS = 10 * 60 * 1000;
const TOKEN_SECONDS = 599;

/** DVV returns "Surname Given names"; people read "Given names Surname". */
const displayName = (name) => name.split(' ').slice(1).concat(name.split(' ')[0]).join(' ');
const token = () => randomBytes(24).toString('base64url');

/**
 * @param {{clientId: string, apiKey: string, oauthPassword: string, redirectUris: string[], fixtures: object,
 *   now?: () => Date, slowMs?: number}} options
 */
export function createSimulator({clientId, apiKey, oauthPassword, redirectUris, fixtures, now = () => new Date(), slowMs = 12_000}) {
  const sessions = new Map(); // sessionId → {mode, user, userId, lastUsed, chosen: [], errorMode}
  const byUserId = new Map(); // userId → sessionId
  const codes = new Map(); // code → sessionId
  const tokens = new Map(); // access token → {sessionId, expiresAt}
  let globalMode = {mode: 'none', remaining: 0, delayMs: slowMs};
  const stats = {register: 0, unregister: 0, authorization: 0, token: 0, checksumFailures: 0};
  // form-action also governs where the form's redirect may go: the registered return addresses only.
  const returnOrigins = [...new Set(redirectUris.map((u) => new URL(u).origin))].join(' ');
  // img-src data: for the empty favicon below (otherwise Firefox asks for /favicon.ico and the policy blocks it).
  const CSP = `default-src 'none'; style-src 'self'; img-src data:; form-action 'self' ${returnOrigins}; base-uri 'none'; frame-ancestors 'none'`;

  const users = new Map(fixtures.users.map((u) => [u.hetu, u]));
  const principals = new Map(fixtures.principals.map((p) => [p.id, p]));
  const organizations = new Map(fixtures.organizations.map((o) => [o.id, o]));

  function verifyChecksum(req, pathAndQuery) {
    const header = req.headers['x-asiointivaltuudetauthorization'];
    const parts = typeof header === 'string' ? header.split(' ') : [];
    if (parts.length !== 3 || parts[0] !== clientId) return false;
    const time = Date.parse(parts[1]);
    if (Number.isNaN(time) || Math.abs(now().getTime() - time) > MAX_SKEW_MS) return false;
    const want = Buffer.from(createHmac('sha256', apiKey).update(`${pathAndQuery} ${parts[1]}`).digest('base64'));
    const got = Buffer.from(parts[2]);
    return want.length === got.length && timingSafeEqual(want, got);
  }

  function liveSession(sessionId) {
    const session = sessions.get(sessionId);
    if (!session) return undefined;
    if (now().getTime() - session.lastUsed > SESSION_IDLE_MS) {
      sessions.delete(sessionId);
      byUserId.delete(session.userId);
      return undefined;
    }
    session.lastUsed = now().getTime();
    return session;
  }

  /** The error mode for this call: the session's own (from the selection page), else the global one. */
  function errorModeFor(session) {
    if (session?.errorMode && session.errorMode !== 'none') return {mode: session.errorMode, delayMs: slowMs};
    if (globalMode.mode !== 'none' && globalMode.remaining !== 0) {
      if (globalMode.remaining > 0) globalMode.remaining--;
      return globalMode;
    }
    return {mode: 'none'};
  }

  const json = (res, status, body) => {
    res.writeHead(status, {'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store'});
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const html = (res, status, body) => {
    res.writeHead(status, {'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store'});
    res.end(body);
  };
  const redirect = (res, location) => {
    res.writeHead(302, {Location: location, 'Cache-Control': 'no-store'});
    res.end();
  };
  const readBody = (req) =>
    new Promise((resolve, reject) => {
      let data = '';
      req.setEncoding('utf8');
      req.on('data', (chunk) => {
        data += chunk;
        if (data.length > 10_000) reject(new Error('body too large'));
      });
      req.on('end', () => resolve(data));
      req.on('error', reject);
    });

  /** /service/... API calls: checksum first, then the error mode, then the answer. */
  async function service(req, res, url) {
    const pathAndQuery = url.pathname + url.search;
    if (!verifyChecksum(req, pathAndQuery)) {
      stats.checksumFailures++;
      return json(res, 403, {error: 'invalid checksum'});
    }
    if (!url.searchParams.get('requestId') && !/\/unregister\//.test(url.pathname)) return json(res, 400, {error: 'requestId missing'});
    const parts = url.pathname.split('/').map(decodeURIComponent); // ['', 'service', mode, ...]
    const mode = parts[2];
    if (mode !== 'hpa' && mode !== 'ypa') return json(res, 404, {error: 'not found'});

    if (parts[3] === 'user' && parts[4] === 'register') {
      if (parts[5] !== clientId) return json(res, 403, {error: 'client'});
      const user = users.get(parts[6]);
      const fault = errorModeFor();
      if (fault.mode === 'server-error') return json(res, 500, {error: 'simulated'});
      if (fault.mode === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs));
      if (!user) return json(res, 403, {error: 'user not allowed'});
      const sessionId = randomUUID();
      const userId = randomUUID();
      sessions.set(sessionId, {mode, user, userId, lastUsed: now().getTime(), chosen: [], errorMode: 'none'});
      byUserId.set(userId, sessionId);
      stats.register++;
      return json(res, 200, {sessionId, userId});
    }
    if (parts[3] === 'user' && parts[4] === 'unregister') {
      const known = sessions.get(parts[5]);
      if (known) {
        sessions.delete(parts[5]);
        byUserId.delete(known.userId);
        stats.unregister++;
      }
      return json(res, 200, 'true');
    }
    if (parts[3] !== 'api') return json(res, 404, {error: 'not found'});

    const sessionId = parts[5];
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const grant = bearer ? tokens.get(bearer) : undefined;
    const session = liveSession(sessionId);
    if (!session || !grant || grant.sessionId !== sessionId || grant.expiresAt < now().getTime()) return json(res, 401, {error: 'unauthorized'});
    const fault = errorModeFor(session);
    if (fault.mode === 'expired') return json(res, 401, {error: 'session expired'});
    if (fault.mode === 'server-error') return json(res, 500, {error: 'simulated'});
    if (fault.mode === 'malformed') return json(res, 200, '{"result": [ ');
    if (fault.mode === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs));

    if (mode === 'hpa' && parts[4] === 'delegate') {
      return json(res, 200, session.chosen.map((id) => ({personId: principals.get(id).hetu, name: principals.get(id).name})));
    }
    if (mode === 'hpa' && parts[4] === 'authorization') {
      stats.authorization++;
      const principal = [...principals.values()].find((p) => p.hetu === parts[6] && session.chosen.includes(p.id));
      if (!principal) return json(res, 200, {result: 'DISALLOWED', reasons: [{reasonRule: 'PRINCIPAL_NOT_SELECTED', reasonValue: null, valueType: null}]});
      const issues = url.searchParams.getAll('issues');
      const allowed = principal.allowedThemes === '*' || issues.every((i) => principal.allowedThemes.includes(i));
      return json(res, 200, allowed ? {result: 'ALLOWED', reasons: []} : {result: 'DISALLOWED', reasons: [{reasonRule: 'NO_MANDATE', reasonValue: null, valueType: null}]});
    }
    if (mode === 'ypa' && parts[4] === 'organizationRoles') {
      return json(res, 200, session.chosen.map((id) => {
        const org = organizations.get(id);
        return {name: org.name, identifier: org.businessId, complete: true, roles: org.roles[session.user.id] ?? []};
      }));
    }
    return json(res, 404, {error: 'not found'});
  }

  function selectionPage(res, {lang, session, params, problem}) {
    const t = TEXTS[lang] ?? TEXTS.fi;
    const options = session.mode === 'hpa'
      ? session.user.principals.map((id) => ({id, label: displayName(principals.get(id).name), hint: ''}))
      : session.user.organizations.map((id) => ({id, label: organizations.get(id).name, hint: `${t.businessId} ${organizations.get(id).businessId}`}));
    const hidden = ['client_id', 'redirect_uri', 'user', 'state', 'lang'].map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(params.get(k) ?? '')}">`).join('');
    const radios = options.map((o, i) => `<label class="option"><input type="radio" name="choice" value="${escapeHtml(o.id)}"${i === 0 ? '' : ''}> <span>${escapeHtml(o.label)}</span>${o.hint ? `<span class="hint">${escapeHtml(o.hint)}</span>` : ''}</label>`).join('');
    const modes = ERROR_MODES.map((m) => `<label class="option small"><input type="radio" name="simulate" value="${m}"${m === 'none' ? ' checked' : ''}> <span>${escapeHtml(t.modes[m])}</span></label>`).join('');
    html(res, problem ? 400 : 200, `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)} – ${escapeHtml(t.sim)}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/assets/simulator.css"></head>
<body><header><p class="brand">Suomi.fi <span class="sim">${escapeHtml(t.sim)}</span></p></header>
<main><h1>${escapeHtml(session.mode === 'hpa' ? t.titlePerson : t.titleCompany)}</h1>
<p>${escapeHtml(t.intro)}</p>
${problem ? `<p class="error" role="alert" id="problem">${escapeHtml(problem)}</p>` : ''}
<form method="post" action="/oauth/authorize">${hidden}
<fieldset${problem ? ' aria-describedby="problem"' : ''}><legend>${escapeHtml(session.mode === 'hpa' ? t.legendPerson : t.legendCompany)}</legend>${radios || `<p>${escapeHtml(t.none)}</p>`}</fieldset>
<details><summary>${escapeHtml(t.simulate)}</summary><fieldset><legend>${escapeHtml(t.simulateLegend)}</legend>${modes}</fieldset></details>
<div class="actions"><button type="submit" name="action" value="continue">${escapeHtml(t.continue)}</button>
<button type="submit" name="action" value="cancel" class="secondary">${escapeHtml(t.cancel)}</button></div>
</form></main></body></html>`);
  }

  /** Checks an authorize request; answers an error page (never a redirect) when the client or URI is wrong. */
  function authorizeContext(res, params) {
    const lang = ['fi', 'sv', 'en'].includes(params.get('lang')) ? params.get('lang') : 'fi';
    const t = TEXTS[lang];
    const redirectUri = params.get('redirect_uri');
    if (params.get('client_id') !== clientId || !redirectUris.includes(redirectUri)) {
      html(res, 400, `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(t.badRequest)}</title><link rel="stylesheet" href="/assets/simulator.css"></head><body><main><h1>${escapeHtml(t.badRequest)}</h1><p>${escapeHtml(t.badClient)}</p>
<p lang="en">For developers: this simulator accepts client id <code>${escapeHtml(clientId)}</code> and the return address${redirectUris.length > 1 ? 'es' : ''} <code>${escapeHtml(redirectUris.join(', '))}</code>; this request asked for <code>${escapeHtml(String(redirectUri))}</code>. Start it with <code>VALTUUDET_REDIRECT_URI=&lt;your callback&gt;</code> (comma-separated for several).</p></main></body></html>`);
      return undefined;
    }
    const sessionId = byUserId.get(params.get('user') ?? '');
    const session = sessionId ? liveSession(sessionId) : undefined;
    if (!session) {
      redirect(res, `${redirectUri}?${new URLSearchParams({error: 'access_denied', error_description: 'session', state: params.get('state') ?? ''})}`);
      return undefined;
    }
    return {lang, t, redirectUri, session, sessionId};
  }

  async function authorize(req, res, url) {
    if (req.method === 'GET') {
      if (url.searchParams.get('response_type') !== 'code') return json(res, 400, {error: 'unsupported_response_type'});
      const ctx = authorizeContext(res, url.searchParams);
      if (ctx) selectionPage(res, {lang: ctx.lang, session: ctx.session, params: url.searchParams});
      return;
    }
    const form = new URLSearchParams(await readBody(req));
    const ctx = authorizeContext(res, form);
    if (!ctx) return;
    const back = (params) => redirect(res, `${ctx.redirectUri}?${new URLSearchParams({...params, state: form.get('state') ?? ''})}`);
    if (form.get('action') === 'cancel') return back({error: 'access_denied'});
    const choice = form.get('choice');
    const allowed = ctx.session.mode === 'hpa' ? ctx.session.user.principals : ctx.session.user.organizations;
    if (!choice || !allowed.includes(choice)) {
      return selectionPage(res, {lang: ctx.lang, session: ctx.session, params: form, problem: ctx.t.choose});
    }
    ctx.session.chosen = [choice];
    ctx.session.errorMode = ERROR_MODES.includes(form.get('simulate')) ? form.get('simulate') : 'none';
    const code = token();
    codes.set(code, ctx.sessionId);
    back({code});
  }

  function tokenEndpoint(req, res, url) {
    if (req.method !== 'POST') return json(res, 405, {error: 'method'});
    stats.token++;
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const expected = Buffer.from(`${clientId}:${oauthPassword}`).toString('base64');
    if (!basic || basic.length !== expected.length || !timingSafeEqual(Buffer.from(basic), Buffer.from(expected))) {
      return json(res, 401, {error: 'invalid_client'});
    }
    const code = url.searchParams.get('code');
    const sessionId = code ? codes.get(code) : undefined;
    if (code) codes.delete(code);
    if (url.searchParams.get('grant_type') !== 'authorization_code' || !sessionId || !redirectUris.includes(url.searchParams.get('redirect_uri'))) {
      return json(res, 400, {error: 'invalid_grant', error_description: 'Invalid authorization code'});
    }
    const accessToken = token();
    tokens.set(accessToken, {sessionId, expiresAt: now().getTime() + TOKEN_SECONDS * 1000});
    json(res, 200, {access_token: accessToken, token_type: 'bearer', refresh_token: token(), expires_in: TOKEN_SECONDS, scope: 'read write trust'});
  }

  /** Control API for tests and manual trials. */
  async function control(req, res, url) {
    if (url.pathname === '/__sim/state') return json(res, 200, {globalMode, sessions: sessions.size, stats});
    if (req.method !== 'POST') return json(res, 405, {error: 'method'});
    if (url.pathname === '/__sim/reset') {
      globalMode = {mode: 'none', remaining: 0, delayMs: slowMs};
      return json(res, 200, {ok: true});
    }
    if (url.pathname === '/__sim/mode') {
      const body = JSON.parse((await readBody(req)) || '{}');
      if (!ERROR_MODES.includes(body.mode)) return json(res, 400, {error: 'mode'});
      globalMode = {mode: body.mode, remaining: Number.isInteger(body.count) ? body.count : -1, delayMs: Number(body.delayMs) || slowMs};
      return json(res, 200, {ok: true, globalMode});
    }
    json(res, 404, {error: 'not found'});
  }

  /** What a developer who opens the simulator's address sees: what it is, its test people, modes and endpoints. */
  const homePage = () => {
    const rows = (list, cells) => list.map((item) => `<tr>${cells(item).map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('');
    const name = (id, list) => list.find((x) => x.id === id)?.name ?? id;
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Valtuudet simulator</title><link rel="stylesheet" href="/assets/simulator.css"></head><body><main>
<h1>Valtuudet simulator</h1>
<p>A stand-in for the Suomi.fi-valtuudet Web API (DVV) on this machine, for the demo and for testing your own adapter
without a DVV contract. It checks the checksum header and the OAuth credentials as DVV does. All people and
organisations here are made up; nothing is sent anywhere.</p>
<h2>Test users (who logs in to the e-service)</h2>
<table><thead><tr><th>id</th><th>name</th><th>may act for</th></tr></thead><tbody>
${rows(fixtures.users, (u) => [u.id, u.name, [...u.principals.map((p) => name(p, fixtures.principals)), ...u.organizations.map((o) => name(o, fixtures.organizations))].join(', ')])}
</tbody></table>
<p>Their identity codes (from the range reserved for testing) are in <code>test/fixtures/valtuudet-people.json</code>:
your <code>getUser</code> returns one of them as <code>{hetu}</code>. An identity code not listed there is refused at
<code>register</code> (HTTP 403). To add a person, add them to that file and restart.</p>
<h2>Principals</h2>
<table><thead><tr><th>id</th><th>name</th><th>what the mandate covers</th></tr></thead><tbody>
${rows(fixtures.principals, (p) => [p.id, p.name, p.allowedThemes === '*' ? 'every theme' : p.allowedThemes.length ? p.allowedThemes.join(', ') : 'no theme: authorization answers DISALLOWED'])}
${rows(fixtures.organizations, (o) => [o.id, o.name, Object.keys(o.roles).length ? Object.entries(o.roles).map(([u, r]) => `${u}: ${r.join(', ')}`).join('; ') : 'nobody has a role'])}
</tbody></table>
<h2>Error modes</h2>
<p>Choose one on the selection page (“Testaa virhetilanteita”), or for every session with
<code>POST /__sim/mode</code> and a JSON body such as <code>{"mode": "server-error", "count": 1}</code>; <code>POST /__sim/reset</code> clears it.
Modes: ${ERROR_MODES.map((m) => `<code>${escapeHtml(m)}</code>`).join(', ')}. <code>GET /__sim/state</code> shows call counts.</p>
<h2>Endpoints</h2>
<p><code>/service/hpa|ypa/user/register/…</code>, <code>/oauth/authorize</code>, <code>/oauth/token</code>,
<code>/service/hpa/api/delegate/…</code>, <code>/service/hpa/api/authorization/…</code>,
<code>/service/ypa/api/organizationRoles/…</code>, <code>/service/hpa|ypa/user/unregister/…</code>.
Client id <code>${escapeHtml(clientId)}</code>; the demo credentials are in <code>demo/simulator/main.mjs</code>.</p>
</main></body></html>`;
  };

  const listener = async (req, res) => {
    try {
      const url = new URL(req.url, 'http://simulator');
      if (url.pathname.startsWith('/service/')) return await service(req, res, url);
      if (url.pathname === '/oauth/authorize') return await authorize(req, res, url);
      if (url.pathname === '/oauth/token') return tokenEndpoint(req, res, url);
      if (url.pathname.startsWith('/__sim/')) return await control(req, res, url);
      if (url.pathname === '/' && (req.method === 'GET' || req.method === 'HEAD')) return html(res, 200, homePage());
      if (url.pathname === '/assets/simulator.css') {
        res.writeHead(200, {'Content-Type': 'text/css; charset=utf-8'});
        return res.end(CSS);
      }
      json(res, 404, {error: 'not found'});
    } catch {
      if (!res.headersSent) json(res, 500, {error: 'simulator error'});
      else res.end();
    }
  };
  listener.stats = stats;
  return listener;
}
