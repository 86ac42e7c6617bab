/**
 * The server half of acting on someone's behalf: a framework-neutral handler (Fetch API Request → Response)
 * for GET {base}/start, GET {base}/callback, GET {base}/session and POST {base}/stop.
 *
 * What stays on the server: the client secret, the Valtuudet session id, the access token and every identity
 * code. The browser holds only an opaque, HttpOnly cookie; the OAuth `state` is bound to that cookie, so a
 * callback URL replayed in another browser does nothing. Log lines carry the route and the outcome, never
 * personal data, ids or tokens.
 */
import {createHash, randomBytes, timingSafeEqual} from 'node:crypto';
import {HETU_PATTERN} from '../core/acting-for.js';
import {safeReturnPath} from '../core/return-path.js';
import {pickLang, readCookie, redirect, text} from './http.js';
import {OriginPolicy, returnLocation, type OriginList} from './origin-policy.js';
import {MemorySessionStore, type SessionStore} from './session-store.js';
import {ValtuudetClient, ValtuudetError, type Mode} from './valtuudet-client.js';

/** `organisation`: whatever YPA returns (company, association, housing company…); Valtuudet does not say which. */
export type PrincipalType = 'person' | 'organisation';
/** `no-role`: an organisation where the user has no role that lets them act — not a missing mandate. */
export type FlowResult = 'ok' | 'cancelled' | 'denied' | 'no-role' | 'expired' | 'error';

/** The logged-in user, as the host's own login knows them. */
export interface HostUser {
  hetu: string;
}

/** Whom the user acts for: what the host's own server code may use (never sent to the browser as is). */
export interface ActingForRecord {
  type: PrincipalType;
  /** Display name, given names first ("Anni Emilia Kumpulainen"). */
  name: string;
  /** Identity code (person) or business id (organisation): for the host's server side only. */
  id: string;
  /** Theme URIs the adapter checked, or the user's roles in the organisation. */
  themes: string[];
  roles: string[];
  since: number;
}

export interface TransactionNotice {
  principal: ActingForRecord;
  user: HostUser;
  /** Whatever the host passed to transactionCompleted(), e.g. the service name and a case number. */
  details: Record<string, unknown>;
}

/**
 * What the adapter and getUser() read of a request: a Fetch API Request fits, and so does the node:http
 * mount's light wrapper (no Request object per call on the hot /session path).
 */
export interface HostRequest {
  url: string;
  method: string;
  headers: {get(name: string): string | null};
}

/** A framework-neutral answer; handle() turns it into a Fetch API Response, the node mount writes it directly. */
export interface Reply {
  status: number;
  headers: Array<[string, string]>;
  body: string | null;
}

export type LogEvent = {route: string; outcome: string; mode?: PrincipalType; reason?: string};

export interface AdapterOptions {
  valtuudet: ValtuudetClient;
  /** The host's logged-in user for this request, or null when nobody is logged in. */
  getUser: (request: HostRequest) => HostUser | null | undefined | Promise<HostUser | null | undefined>;
  /** URL path prefix of the routes, default /valtuudet */
  basePath?: string;
  /**
   * Mandate theme URIs the e-service needs. For a person the adapter asks Valtuudet `authorization` with them
   * and refuses (acting-for=denied) when the answer is DISALLOWED. Empty: any chosen principal is accepted.
   */
  themes?: string[];
  /**
   * Company roles or theme URIs that let the user act for the company in this service. Empty (default): any
   * role the user has in the company; a company where the user has no role at all is always refused.
   */
  companyRoles?: string[];
  store?: SessionStore;
  /** On-behalf acting ends after this long without a request, default 20 min. */
  idleTimeoutMs?: number;
  /** …and after this long in any case, default 4 h. */
  absoluteTimeoutMs?: number;
  /** Time to pick the principal in Suomi.fi before the flow expires, default 10 min. */
  flowTimeoutMs?: number;
  cookieName?: string;
  /**
   * The site's public origin (https://www.example.fi). Needed behind a proxy so the CSRF check compares
   * against the right origin and cookies get `Secure`; default: the origin of the incoming request.
   */
  publicOrigin?: string;
  /**
   * Other origins of the same site (e.g. the information site https://www.example.fi) whose pages may show the
   * banner: /session and /stop answer credentialed CORS for exactly these. Default: none.
   */
  allowedOrigins?: OriginList;
  /** Called by transactionCompleted(), e.g. to send the principal a Suomi.fi Messages notice. */
  onTransaction?: (notice: TransactionNotice) => void | Promise<void>;
  /** One line per request outcome. Default: console.info without any personal data. */
  log?: (event: LogEvent) => void;
  now?: () => number;
}

interface StoredState {
  userKey: string;
  created: number;
  lastSeen: number;
  pending?: {state: string; mode: Mode; valtuudetSession: string; returnPath: string; started: number};
  acting?: ActingForRecord & {mode: Mode; valtuudetSession: string};
}

const MODE_OF: Record<PrincipalType, Mode> = {person: 'hpa', organisation: 'ypa'};

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');
const randomToken = () => randomBytes(32).toString('base64url');

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** DVV returns "Surname Given Names"; people read "Given Names Surname". Control characters and codes go. */
export function displayName(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = raw.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
  if (HETU_PATTERN.test(clean)) return '';
  const [surname, ...given] = clean.split(' ');
  return given.length ? `${given.join(' ')} ${surname}` : clean;
}

function parseStored(json: string | undefined): StoredState | undefined {
  if (!json) return undefined;
  try {
    const value = JSON.parse(json);
    return value && typeof value === 'object' && typeof value.userKey === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

const defaultLog = (event: LogEvent) =>
  console.info(`puolesta valtuudet ${event.route}: ${event.outcome}${event.mode ? ` (${event.mode})` : ''}${event.reason ? ` – ${event.reason}` : ''}`);

export class ValtuudetAdapter {
  readonly basePath: string;
  private readonly options: AdapterOptions;
  private readonly store: SessionStore;
  private readonly cookieName: string;
  private readonly idleMs: number;
  private readonly absoluteMs: number;
  private readonly flowMs: number;
  private readonly now: () => number;
  private readonly log: (event: LogEvent) => void;
  private readonly origins: OriginPolicy;

  constructor(options: AdapterOptions) {
    this.options = options;
    this.basePath = (options.basePath ?? '/valtuudet').replace(/\/+$/, '');
    this.store = options.store ?? new MemorySessionStore();
    this.cookieName = options.cookieName ?? 'puolesta_sid';
    this.idleMs = options.idleTimeoutMs ?? 20 * 60_000;
    this.absoluteMs = options.absoluteTimeoutMs ?? 4 * 60 * 60_000;
    this.flowMs = options.flowTimeoutMs ?? 10 * 60_000;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? defaultLog;
    this.origins = new OriginPolicy(options.allowedOrigins);
  }

  /** Answers requests under basePath; resolves to null for any other path so the host can go on. */
  async handle(request: Request): Promise<Response | null> {
    const reply = await this.reply(request);
    if (!reply) return null;
    const headers = new Headers();
    for (const [name, value] of reply.headers) headers.append(name, value);
    return new Response(reply.body, {status: reply.status, headers});
  }

  /** handle() without Fetch API objects: what the node:http mount uses. */
  async reply(request: HostRequest): Promise<Reply | null> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(`${this.basePath}/`)) return null;
    const route = url.pathname.slice(this.basePath.length + 1);
    const method = request.method.toUpperCase();
    const allow = (methods: string) => text(405, 'Method not allowed', [['Allow', methods]]);
    try {
      switch (route) {
        case 'start':
          return method === 'GET' ? await this.start(request, url) : allow('GET');
        case 'callback':
          return method === 'GET' ? await this.callback(request, url) : allow('GET');
        case 'session':
          if (method === 'OPTIONS') return this.preflight(request, ['GET', 'HEAD']);
          return method === 'GET' || method === 'HEAD' ? await this.session(request) : allow('GET, HEAD');
        case 'stop':
          if (method === 'OPTIONS') return this.preflight(request, ['POST']);
          return method === 'POST' ? await this.stop(request, url) : allow('POST');
        default:
          return text(404, 'Not found');
      }
    } catch (error) {
      // Store or programming errors: answer without details and never leak them to the browser.
      this.log({route, outcome: 'failed', reason: error instanceof Error ? error.name : 'error'});
      return text(500, 'Internal error');
    }
  }

  /**
   * Whom this request's user acts for, for the host's own server code (e.g. to save a form in the
   * principal's name). Null when acting as themselves, after logout or user change, or after expiry.
   */
  async current(request: HostRequest): Promise<ActingForRecord | null> {
    const {state} = await this.load(request);
    if (!state?.acting) return null;
    const {mode: _mode, valtuudetSession: _session, ...record} = state.acting;
    return record;
  }

  /**
   * Tell the adapter the user completed a transaction (e.g. sent an application). If acting for someone, the
   * host's onTransaction hook gets the principal so the e-service can notify them. Returns whether it was
   * on someone's behalf.
   */
  async transactionCompleted(request: HostRequest, details: Record<string, unknown> = {}): Promise<boolean> {
    const {state, user} = await this.load(request);
    if (!state?.acting || !user) return false;
    const {mode: _mode, valtuudetSession: _session, ...principal} = state.acting;
    await this.options.onTransaction?.({principal, user, details});
    this.log({route: 'transaction', outcome: 'completed on behalf', mode: principal.type});
    return true;
  }

  // ── routes ─────────────────────────────────────────────────────────────────────────────────────────────

  private async start(request: HostRequest, url: URL): Promise<Reply> {
    const returnPath = safeReturnPath(url.searchParams.get('return') ?? '/');
    const modeParam = url.searchParams.get('mode');
    // `company` is the contract's name for the organisation selection; `organisation` is accepted too.
    const type: PrincipalType | undefined = modeParam === 'person' ? 'person' : modeParam === 'company' || modeParam === 'organisation' ? 'organisation' : undefined;
    if (!type) {
      this.log({route: 'start', outcome: 'refused', reason: 'unknown mode'});
      return this.backTo(returnPath, 'error');
    }
    const user = await this.options.getUser(request);
    if (!user?.hetu) {
      this.log({route: 'start', outcome: 'refused', mode: type, reason: 'not logged in'});
      return this.backTo(returnPath, 'error');
    }
    const {sid, key, state: previous, setCookie} = await this.load(request, user, true);
    if (previous?.acting) await this.unregister(previous.acting.mode, previous.acting.valtuudetSession);
    if (previous?.pending) await this.unregister(previous.pending.mode, previous.pending.valtuudetSession);

    const mode = MODE_OF[type];
    let registered;
    try {
      registered = await this.options.valtuudet.register(mode, user.hetu);
    } catch (error) {
      this.log({route: 'start', outcome: 'register failed', mode: type, reason: reasonOf(error)});
      await this.store.delete(key);
      return this.backTo(returnPath, 'error', setCookie);
    }
    const now = this.now();
    const oauthState = randomToken();
    const state: StoredState = {
      userKey: sha256(user.hetu),
      created: now,
      lastSeen: now,
      pending: {state: oauthState, mode, valtuudetSession: registered.sessionId, returnPath, started: now},
    };
    await this.save(key, state);
    this.log({route: 'start', outcome: 'to Suomi.fi', mode: type});
    const location = this.options.valtuudet.authorizeUrl({userId: registered.userId, state: oauthState, lang: pickLang(request, url)});
    return redirect(location, [this.cookie(sid, request)]);
  }

  private async callback(request: HostRequest, url: URL): Promise<Reply> {
    const {key, state, user} = await this.load(request);
    const pending = state?.pending;
    const givenState = url.searchParams.get('state') ?? '';
    if (!state || !pending || !user) {
      this.log({route: 'callback', outcome: 'no flow in progress'});
      return this.backTo('/', 'expired');
    }
    if (!givenState || !sameSecret(givenState, pending.state)) {
      // Not this browser's flow (or forged): leave the stored flow as it is.
      this.log({route: 'callback', outcome: 'refused', reason: 'state mismatch'});
      return this.backTo(pending.returnPath, 'error');
    }
    const type: PrincipalType = pending.mode === 'hpa' ? 'person' : 'organisation';
    const finish = async (result: FlowResult, reason?: string) => {
      if (result !== 'ok') await this.unregister(pending.mode, pending.valtuudetSession);
      const {pending: _done, ...rest} = state;
      if (result === 'ok') await this.save(key, rest);
      else if (rest.acting) await this.save(key, rest);
      else await this.store.delete(key);
      this.log({route: 'callback', outcome: result, mode: type, reason});
      return this.backTo(pending.returnPath, result);
    };
    if (this.now() - pending.started > this.flowMs) return finish('expired', 'flow took too long');

    const error = url.searchParams.get('error');
    if (error) return finish(error === 'access_denied' ? 'cancelled' : 'error', error === 'access_denied' ? undefined : 'selection error');
    const code = url.searchParams.get('code');
    if (!code) return finish('error', 'no code');

    try {
      const {accessToken} = await this.options.valtuudet.exchangeCode(code);
      const session = pending.valtuudetSession;
      if (type === 'person') {
        const [principal] = await this.options.valtuudet.delegates(session, accessToken);
        if (!principal) return finish('cancelled', 'nobody chosen');
        const themes = this.options.themes ?? [];
        if (themes.length) {
          const answer = await this.options.valtuudet.authorization(session, accessToken, principal.personId, themes);
          if (answer.result !== 'ALLOWED') return finish('denied');
        }
        state.acting = {type, name: displayName(principal.name), id: principal.personId, themes, roles: [], since: this.now(), mode: pending.mode, valtuudetSession: session};
      } else {
        const [organization] = await this.options.valtuudet.organizationRoles(session, accessToken);
        if (!organization) return finish('cancelled', 'nothing chosen');
        const wanted = this.options.companyRoles ?? [];
        const enough = wanted.length ? organization.roles.some((r) => wanted.includes(r)) : organization.roles.length > 0;
        if (!enough) return finish(organization.roles.length ? 'denied' : 'no-role', 'no suitable role');
        const name = organization.name.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 200); // eslint-disable-line no-control-regex
        state.acting = {type, name, id: organization.identifier, themes: [], roles: organization.roles, since: this.now(), mode: pending.mode, valtuudetSession: session};
      }
      return finish('ok');
    } catch (error) {
      const kind = error instanceof ValtuudetError ? error.kind : 'error';
      return finish(kind === 'session-expired' || kind === 'invalid-grant' ? 'expired' : 'error', reasonOf(error));
    }
  }

  private async session(request: HostRequest): Promise<Reply> {
    const {state} = await this.load(request);
    const acting = state?.acting;
    const body = acting ? {actingFor: {type: acting.type, name: acting.name, themes: acting.themes}} : {actingFor: null};
    return {
      status: 200,
      headers: [
        ['Content-Type', 'application/json; charset=utf-8'], ['Cache-Control', 'no-store'], ['X-Content-Type-Options', 'nosniff'],
        ...this.origins.corsHeaders(request.headers.get('origin')),
      ],
      body: request.method === 'HEAD' ? null : JSON.stringify(body),
    };
  }

  /** CORS preflight: Allow-* headers for a listed origin only; the route's own checks still apply after it. */
  private preflight(request: HostRequest, methods: string[]): Reply {
    const h = request.headers;
    const headers = this.origins.preflight(h.get('origin'), h.get('access-control-request-method'), h.get('access-control-request-headers'), methods);
    return {status: 204, headers: [['Cache-Control', 'no-store'], ['Allow', `${methods.join(', ')}, OPTIONS`], ...headers], body: null};
  }

  private async stop(request: HostRequest, url: URL): Promise<Reply> {
    const cors = this.origins.corsHeaders(request.headers.get('origin'));
    if (!this.origins.isTrustedWrite(request.headers, this.ownOrigin(url))) {
      this.log({route: 'stop', outcome: 'refused', reason: 'other origin or missing X-Puolesta header'});
      return text(403, 'Forbidden', cors);
    }
    const {key, state} = await this.load(request);
    if (state?.acting) {
      await this.unregister(state.acting.mode, state.acting.valtuudetSession);
      const {acting: _gone, ...rest} = state;
      if (rest.pending) await this.save(key, rest);
      else await this.store.delete(key);
      this.log({route: 'stop', outcome: 'stopped', mode: state.acting.type});
    }
    return {status: 204, headers: [['Cache-Control', 'no-store'], ...cors], body: null};
  }

  // ── helpers ────────────────────────────────────────────────────────────────────────────────────────────

  /**
   * The stored state of this browser, checked against the logged-in user and the time limits. Expired or
   * foreign state is removed (and its Valtuudet session unregistered) before anything else happens.
   */
  private async load(request: HostRequest, knownUser?: HostUser, create = false) {
    let sid = readCookie(request.headers.get('cookie'), this.cookieName);
    if (sid && !/^[A-Za-z0-9_-]{43}$/.test(sid)) sid = undefined;
    let setCookie: string | undefined;
    if (!sid && create) {
      sid = randomToken();
      setCookie = this.cookie(sid, request);
    }
    const key = sid ? sha256(sid) : '';
    if (!sid) return {sid: '', key, state: undefined, user: undefined, setCookie};
    const user = knownUser ?? (await this.options.getUser(request)) ?? undefined;
    let state = parseStored(await this.store.get(key));
    if (state) {
      const now = this.now();
      const reason = !user || state.userKey !== sha256(user.hetu) ? 'user changed'
        : now - state.lastSeen > this.idleMs ? 'idle'
        : now - state.created > this.absoluteMs ? 'too old'
        : undefined;
      if (reason) {
        if (state.acting) await this.unregister(state.acting.mode, state.acting.valtuudetSession);
        if (state.pending) await this.unregister(state.pending.mode, state.pending.valtuudetSession);
        await this.store.delete(key);
        if (state.acting) this.log({route: 'session', outcome: 'ended', mode: state.acting.type, reason});
        state = undefined;
      } else if (state.acting && now - state.lastSeen > 10_000) {
        // Sliding idle limit; written at most every 10 s so a busy page costs no store write per request.
        state.lastSeen = now;
        await this.save(key, state);
      }
    }
    return {sid, key, state, user, setCookie};
  }

  /**
   * The store keeps an entry one idle period longer than the limits allow, so a browser that comes back
   * late finds it, and the adapter can unregister the Valtuudet session before forgetting it.
   */
  private async save(key: string, state: StoredState): Promise<void> {
    const limit = Math.min(Math.max(state.pending ? this.flowMs : 0, this.idleMs), this.absoluteMs - (this.now() - state.created));
    await this.store.set(key, JSON.stringify(state), Math.max(limit, 0) + this.idleMs);
  }

  private async unregister(mode: Mode, valtuudetSession: string): Promise<void> {
    try {
      await this.options.valtuudet.unregister(mode, valtuudetSession);
    } catch {
      // The Valtuudet session ends on its own when idle; nothing more to do.
    }
  }

  /** This site's origin as browsers see it (publicOrigin behind a proxy). */
  private ownOrigin(url: URL): string {
    return this.options.publicOrigin ? new URL(this.options.publicOrigin).origin : url.origin;
  }

  private cookie(sid: string, request: HostRequest): string {
    const secure = (this.options.publicOrigin ?? request.url).startsWith('https:');
    return `${this.cookieName}=${sid}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
  }

  private backTo(returnPath: string, result: FlowResult, setCookie?: string): Reply {
    return redirect(returnLocation(returnPath, result), setCookie ? [setCookie] : []);
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof ValtuudetError) return `${error.kind}${error.status ? ` ${error.status}` : ''}`;
  return error instanceof Error ? error.name : 'error';
}
