/**
 * The server half of acting on someone's behalf: a framework-neutral handler (Fetch API Request → Response)
 * for GET {base}/start, GET {base}/callback, GET {base}/session and POST {base}/stop.
 *
 * What stays on the server: the client secret, the Valtuudet session id, the access token and every identity
 * code. The browser holds only an opaque, HttpOnly cookie; the OAuth `state` is bound to that cookie, so a
 * callback URL replayed in another browser does nothing. Log lines carry the route and the outcome, never
 * personal data, ids or tokens.
 */
import {createHash, randomBytes} from 'node:crypto';
import {parseSessionKey, sameKey, Sealer} from './at-rest.js';
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
   * Whom citizens may act for here: `person`, `company` (any organisation Valtuudet knows), or both (default).
   * Each kind needs its own check below; /start refuses a kind that is not listed.
   */
  principals?: Array<'person' | 'company' | 'organisation'>;
  /**
   * Required for person principals: the mandate theme URIs the e-service needs. The adapter asks Valtuudet
   * `authorization` with them and refuses (acting-for=denied) unless the answer is ALLOWED. A function gets the
   * page the citizen came from (the return path) for services whose pages need different themes; an empty
   * answer refuses the flow. There is no "accept any mandate": an empty list stops the adapter at start-up.
   */
  themes?: string[] | ((returnPath: string) => string[]);
  /**
   * Required for organisation principals: the role codes (e.g. `NIMKO`) or theme URIs that let the user act
   * for the organisation in this service. A user whose roles include none of them is refused (denied; no-role
   * when they have no role at all).
   */
  companyRoles?: string[];
  store?: SessionStore;
  /**
   * Keys that seal what the store keeps (AES-256-GCM, HMAC user keys), newest first: 32 bytes each, as bytes
   * or base64 / hex text. Required with any store other than the in-memory one, whose key lives and dies with
   * the process.
   */
  sessionKeys?: Array<string | Uint8Array>;
  /** On-behalf acting ends after this long without a request, default 20 min. */
  idleTimeoutMs?: number;
  /** …and after this long in any case, default 4 h. */
  absoluteTimeoutMs?: number;
  /** Time to pick the principal in Suomi.fi before the flow expires, default 10 min. */
  flowTimeoutMs?: number;
  /** The session cookie's name, default puolesta_sid; over https it always carries the `__Host-` prefix. */
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

/** One browser's state, sealed in the store under the hash of its cookie. */
interface StoredState {
  userKey: string;
  created: number;
  lastSeen: number;
  /** hash of the OAuth state of the flow this browser has under way */
  pending?: string;
  acting?: ActingForRecord & {mode: Mode; valtuudetSession: string};
}

/** One flow to Suomi.fi and back, under `flow:` + hash of its OAuth state; taken (read and deleted) once. */
interface StoredFlow {
  /** hash of the cookie it was started with: the callback must come with the same cookie */
  sid: string;
  userKey: string;
  mode: Mode;
  valtuudetSession: string;
  returnPath: string;
  started: number;
}

/** How a flow ended, under `done:` + hash of its state for a short while: what a reloaded callback answers. */
interface StoredOutcome {
  sid: string;
  result: FlowResult;
  returnPath: string;
  /** the cookie issued when the flow succeeded (sealed like everything else), and its hash */
  newSid?: string;
  newSidHash?: string;
}

const MODE_OF: Record<PrincipalType, Mode> = {person: 'hpa', organisation: 'ypa'};
const SID = /^[A-Za-z0-9_-]{43}$/;
/** How long a reloaded callback waits for the first one to finish (it makes at most four Valtuudet calls). */
const CALLBACK_WAIT_MS = 15_000;
const OUTCOME_TTL_MS = 2 * 60_000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');
const randomToken = () => randomBytes(32).toString('base64url');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** DVV returns "Surname Given Names"; people read "Given Names Surname". Control characters and codes go. */
export function displayName(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = raw.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
  if (HETU_PATTERN.test(clean)) return '';
  const [surname, ...given] = clean.split(' ');
  return given.length ? `${given.join(' ')} ${surname}` : clean;
}

/**
 * A record this adapter sealed, if it opens and has the string fields named; anything else (forged, altered, from
 * an older release) is none. Also gives the user key function of the key that sealed it.
 */
function unseal<T>(sealer: Sealer, sealed: string | undefined, ...fields: Array<keyof T & string>) {
  const opened = sealer.open(sealed);
  const value = opened?.value as Record<string, unknown> | null | undefined;
  if (!opened || !value || typeof value !== 'object' || fields.some((f) => typeof value[f] !== 'string')) return undefined;
  return {record: value as T, userKey: opened.userKey};
}

/**
 * What the adapter refuses to start without, named with the option and its environment variable: a service
 * that forgot one setting must not accept every principal.
 */
function checkedOptions(options: AdapterOptions) {
  const problems: string[] = [];
  const principals = new Set<PrincipalType>((options.principals ?? ['person', 'company']).map((p) => (p === 'person' ? 'person' : 'organisation')));
  if (!principals.size) problems.push('`principals` is empty (PUOLESTA_PRINCIPALS): list person, company or both');
  const themes = options.themes;
  if (principals.has('person') && (Array.isArray(themes) || themes === undefined) && !(themes ?? []).some((t) => t.trim())) {
    problems.push('set `themes` (PUOLESTA_THEMES) to the mandate theme(s) a person must have given for this service, e.g. ' +
      'PUOLESTA_THEMES=avustushakemuksen_tekeminen; or PUOLESTA_PRINCIPALS=company if the service takes no person principals');
  }
  if (principals.has('organisation') && !(options.companyRoles ?? []).some((r) => r.trim())) {
    problems.push('set `companyRoles` (PUOLESTA_COMPANY_ROLES) to the roles or themes that let a user act for an organisation ' +
      'in this service, e.g. PUOLESTA_COMPANY_ROLES=NIMKO,TJ; or PUOLESTA_PRINCIPALS=person if the service takes no organisations');
  }
  let sealer: Sealer | undefined;
  if (options.sessionKeys?.length) {
    const keys = options.sessionKeys.map(parseSessionKey);
    if (keys.some((k) => !k)) problems.push('every key in `sessionKeys` (PUOLESTA_SESSION_KEYS) must be 32 bytes in base64 or hex, e.g. from `openssl rand -base64 32`');
    else sealer = new Sealer(keys as Buffer[]);
  } else if (options.store && !(options.store instanceof MemorySessionStore)) {
    problems.push('a shared session store needs `sessionKeys` (PUOLESTA_SESSION_KEYS): one or more 32-byte keys, newest first, ' +
      'e.g. from `openssl rand -base64 32`, the same on every instance');
  }
  if (problems.length) throw new Error(`Valtuudet adapter: ${problems.join('; ')}`);
  return {principals, sealer: sealer ?? Sealer.ephemeral()};
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
  private readonly principals: Set<PrincipalType>;
  private readonly sealer: Sealer;

  constructor(options: AdapterOptions) {
    const {principals, sealer} = checkedOptions(options);
    if (options.store && typeof options.store.take !== 'function') {
      throw new Error('Valtuudet adapter: the session store needs take(key), an atomic read-and-delete (Redis GETDEL)');
    }
    this.options = options;
    this.principals = principals;
    this.sealer = sealer;
    this.basePath = (options.basePath ?? '/valtuudet').replace(/\/+$/, '');
    this.store = options.store ?? new MemorySessionStore();
    this.cookieName = (options.cookieName ?? 'puolesta_sid').replace(/^__Host-/, '');
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

  /**
   * Starts a flow. Whoever the user acts for now stays in force until a new choice succeeds, so a page on
   * another site that sends the citizen here changes nothing; such a navigation is refused anyway.
   */
  private async start(request: HostRequest, url: URL): Promise<Reply> {
    const returnPath = safeReturnPath(url.searchParams.get('return') ?? '/');
    const modeParam = url.searchParams.get('mode');
    // `company` is the contract's name for the organisation selection; `organisation` is accepted too.
    const type: PrincipalType | undefined = modeParam === 'person' ? 'person' : modeParam === 'company' || modeParam === 'organisation' ? 'organisation' : undefined;
    if (!type || !this.principals.has(type)) {
      this.log({route: 'start', outcome: 'refused', reason: type ? 'principal kind not offered here' : 'unknown mode'});
      return this.backTo(returnPath, 'error');
    }
    const site = request.headers.get('sec-fetch-site');
    if (site === 'cross-site' || (site === 'same-site' && !this.origins.hasAny)) {
      this.log({route: 'start', outcome: 'refused', mode: type, reason: `${site} request`});
      return this.backTo(returnPath, 'error');
    }
    const user = await this.options.getUser(request);
    if (!user?.hetu) {
      this.log({route: 'start', outcome: 'refused', mode: type, reason: 'not logged in'});
      return this.backTo(returnPath, 'error');
    }
    const {key: oldKey, state: previous} = await this.load(request, user);
    // A flow left unfinished in this browser is replaced by this one.
    if (previous?.pending) await this.abandonFlow(previous.pending);

    const mode = MODE_OF[type];
    let registered;
    try {
      registered = await this.options.valtuudet.register(mode, user.hetu);
    } catch (error) {
      this.log({route: 'start', outcome: 'register failed', mode: type, reason: reasonOf(error)});
      if (previous?.pending) await this.saveOrDelete(oldKey, {...previous, pending: undefined});
      return this.backTo(returnPath, 'error');
    }
    const now = this.now();
    const oauthState = randomToken();
    // Never go on with an id this server did not issue (or issued before this flow): a fresh one now.
    const sid = randomToken();
    const key = sha256(sid);
    const userKey = this.sealer.userKey(user.hetu);
    const flow: StoredFlow = {sid: key, userKey, mode, valtuudetSession: registered.sessionId, returnPath, started: now};
    await this.store.set(`flow:${sha256(oauthState)}`, this.sealer.seal(flow), this.flowMs + this.idleMs);
    const state: StoredState = previous?.acting
      ? {...previous, userKey, lastSeen: now, pending: sha256(oauthState)}
      : {userKey, created: now, lastSeen: now, pending: sha256(oauthState)};
    await this.save(key, state);
    if (oldKey) await this.store.delete(oldKey);
    this.log({route: 'start', outcome: 'to Suomi.fi', mode: type});
    const location = this.options.valtuudet.authorizeUrl({userId: registered.userId, state: oauthState, lang: pickLang(request, url)});
    return redirect(location, [this.cookie(sid, request)]);
  }

  private async callback(request: HostRequest, url: URL): Promise<Reply> {
    const givenState = url.searchParams.get('state') ?? '';
    const sid = this.sid(request);
    const user = sid && givenState ? await this.options.getUser(request) : undefined;
    if (!sid || !givenState || givenState.length > 200 || !user?.hetu) {
      this.log({route: 'callback', outcome: 'no flow in progress'});
      return this.backTo('/', 'expired');
    }
    const stateKey = sha256(givenState);
    const flowKey = `flow:${stateKey}`;
    const cookieKey = sha256(sid);
    const seen = this.openFlow(await this.store.get(flowKey), user);
    if (!seen) {
      // Taken already: by a request that is still finishing it if this browser's state still names it.
      const {state} = await this.load(request, user);
      return this.answerFinished(request, stateKey, cookieKey, state?.pending === stateKey);
    }
    if (seen.sid !== cookieKey) {
      // Not this browser's flow (a callback URL replayed elsewhere, or forged): leave the flow as it is.
      this.log({route: 'callback', outcome: 'refused', reason: 'state of another browser'});
      return this.backTo(seen.returnPath, 'error');
    }
    // One flow, one use: whoever takes it finishes it; a reload of the callback waits for that answer.
    const flow = this.openFlow(await this.store.take(flowKey), user);
    if (!flow) return this.answerFinished(request, stateKey, cookieKey, true, seen.returnPath);

    const type: PrincipalType = flow.mode === 'hpa' ? 'person' : 'organisation';
    const finish = (result: FlowResult, reason?: string, acting?: StoredState['acting']) =>
      this.finishFlow(request, {sid, stateKey, flow, user, type, result, reason, acting});
    if (this.now() - flow.started > this.flowMs) return finish('expired', 'flow took too long');

    const error = url.searchParams.get('error');
    if (error) return finish(error === 'access_denied' ? 'cancelled' : 'error', error === 'access_denied' ? undefined : 'selection error');
    const code = url.searchParams.get('code');
    if (!code) return finish('error', 'no code');

    try {
      const {accessToken} = await this.options.valtuudet.exchangeCode(code);
      const session = flow.valtuudetSession;
      if (type === 'person') {
        const [principal] = await this.options.valtuudet.delegates(session, accessToken);
        if (!principal) return finish('cancelled', 'nobody chosen');
        const themes = this.themesFor(flow.returnPath);
        if (!themes.length) return finish('error', 'no themes for this page');
        const answer = await this.options.valtuudet.authorization(session, accessToken, principal.personId, themes);
        if (answer.result !== 'ALLOWED') return finish('denied');
        return finish('ok', undefined, {type, name: displayName(principal.name), id: principal.personId, themes, roles: [], since: this.now(), mode: flow.mode, valtuudetSession: session});
      }
      const [organization] = await this.options.valtuudet.organizationRoles(session, accessToken);
      if (!organization) return finish('cancelled', 'nothing chosen');
      const wanted = this.options.companyRoles ?? [];
      if (!organization.roles.some((r) => wanted.includes(r))) return finish(organization.roles.length ? 'denied' : 'no-role', 'no suitable role');
      const name = organization.name.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 200); // eslint-disable-line no-control-regex
      return finish('ok', undefined, {type, name, id: organization.identifier, themes: [], roles: organization.roles, since: this.now(), mode: flow.mode, valtuudetSession: session});
    } catch (error) {
      const kind = error instanceof ValtuudetError ? error.kind : 'error';
      return finish(kind === 'session-expired' || kind === 'invalid-grant' ? 'expired' : 'error', reasonOf(error));
    }
  }

  /**
   * Ends a flow this request took. Success: the new principal replaces the old one (whose Valtuudet session
   * ends) under a fresh cookie. Anything else: the Valtuudet session of this flow ends and whoever the user
   * acted for before stays. The outcome is kept briefly for a reloaded callback.
   */
  private async finishFlow(request: HostRequest, flowEnd: {
    sid: string; stateKey: string; flow: StoredFlow; user: HostUser; type: PrincipalType; result: FlowResult; reason?: string;
    acting?: StoredState['acting'];
  }): Promise<Reply> {
    const {sid, stateKey, flow, user, type, result, reason, acting} = flowEnd;
    const oldKey = sha256(sid);
    const {state} = await this.load(request, user);
    const pending = state?.pending === stateKey ? undefined : state?.pending;
    const outcome: StoredOutcome = {sid: oldKey, result, returnPath: flow.returnPath};
    const ok = result === 'ok' && acting;
    if (ok) {
      if (state?.acting) await this.unregister(state.acting.mode, state.acting.valtuudetSession);
      outcome.newSid = randomToken();
      outcome.newSidHash = sha256(outcome.newSid);
      const now = this.now();
      await this.save(outcome.newSidHash, {userKey: this.sealer.userKey(user.hetu), created: now, lastSeen: now, pending, acting});
    } else {
      await this.unregister(flow.mode, flow.valtuudetSession);
    }
    // The outcome before the old state changes: a reload that finds the flow gone from the state finds its answer.
    await this.store.set(`done:${stateKey}`, this.sealer.seal(outcome), OUTCOME_TTL_MS);
    if (ok) await this.store.delete(oldKey);
    else if (state) await this.saveOrDelete(oldKey, {...state, pending});
    const cookies = outcome.newSid ? [this.cookie(outcome.newSid, request)] : [];
    this.log({route: 'callback', outcome: result, mode: type, reason});
    return redirect(returnLocation(flow.returnPath, result), cookies);
  }

  /**
   * A callback for a flow that another request already took (a reload, a double click): the same answer as
   * that request, once it has one, and the cookie it issued. Nothing is deleted or overwritten here.
   */
  private async answerFinished(request: HostRequest, stateKey: string, cookieKey: string, inProgress: boolean, returnPath = '/'): Promise<Reply> {
    const deadline = Date.now() + (inProgress ? CALLBACK_WAIT_MS : 0);
    for (;;) {
      const outcome = unseal<StoredOutcome>(this.sealer, await this.store.get(`done:${stateKey}`), 'sid', 'result', 'returnPath')?.record;
      if (outcome && (outcome.sid === cookieKey || outcome.newSidHash === cookieKey)) {
        this.log({route: 'callback', outcome: `repeated: ${outcome.result}`});
        const issue = outcome.newSid && outcome.newSidHash !== cookieKey ? [this.cookie(outcome.newSid, request)] : [];
        return redirect(returnLocation(outcome.returnPath, outcome.result), issue);
      }
      if (outcome || Date.now() >= deadline) break;
      await sleep(50);
    }
    this.log({route: 'callback', outcome: 'no flow in progress'});
    // Still unfinished after the wait: back to the page, which reads the state as it is.
    return inProgress ? redirect(safeReturnPath(returnPath), []) : this.backTo('/', 'expired');
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
      await this.saveOrDelete(key, {...state, acting: undefined});
      this.log({route: 'stop', outcome: 'stopped', mode: state.acting.type});
    }
    return {status: 204, headers: [['Cache-Control', 'no-store'], ...cors], body: null};
  }

  // ── helpers ────────────────────────────────────────────────────────────────────────────────────────────

  /** This request's session cookie, if it has the shape of one this adapter issues. */
  private sid(request: HostRequest): string | undefined {
    const header = request.headers.get('cookie');
    const sid = readCookie(header, `__Host-${this.cookieName}`) ?? readCookie(header, this.cookieName);
    return sid && SID.test(sid) ? sid : undefined;
  }

  /**
   * The stored state of this browser, checked against the logged-in user and the time limits. Expired or
   * foreign state is removed (and its Valtuudet sessions unregistered) before anything else happens. An id
   * the store does not know gives no state: ids are only ever issued by start and callback.
   */
  private async load(request: HostRequest, knownUser?: HostUser) {
    const sid = this.sid(request);
    if (!sid) return {key: '', state: undefined, user: knownUser};
    const key = sha256(sid);
    const user = knownUser ?? (await this.options.getUser(request)) ?? undefined;
    const opened = unseal<StoredState>(this.sealer, await this.store.get(key), 'userKey');
    let state = opened?.record;
    if (opened && state) {
      const now = this.now();
      const reason = !user?.hetu || !sameKey(state.userKey, opened.userKey(user.hetu)) ? 'user changed'
        : now - state.lastSeen > this.idleMs ? 'idle'
        : now - state.created > this.absoluteMs ? 'too old'
        : undefined;
      if (reason) {
        if (state.acting) await this.unregister(state.acting.mode, state.acting.valtuudetSession);
        if (state.pending) await this.abandonFlow(state.pending);
        await this.store.delete(key);
        if (state.acting) this.log({route: 'session', outcome: 'ended', mode: state.acting.type, reason});
        state = undefined;
      } else if (state.acting && now - state.lastSeen > 10_000) {
        // Sliding idle limit; written at most every 10 s so a busy page costs no store write per request.
        state.lastSeen = now;
        await this.save(key, state);
      }
    }
    return {key, state, user};
  }

  /** A flow record read back: only when sealed by us for this user. */
  private openFlow(sealed: string | undefined, user: HostUser): StoredFlow | undefined {
    const opened = unseal<StoredFlow>(this.sealer, sealed, 'sid', 'userKey');
    return opened && sameKey(opened.record.userKey, opened.userKey(user.hetu)) ? opened.record : undefined;
  }

  /** Takes an unfinished flow out of the store and ends its Valtuudet session. */
  private async abandonFlow(stateKey: string): Promise<void> {
    const flow = unseal<StoredFlow>(this.sealer, await this.store.take(`flow:${stateKey}`), 'valtuudetSession')?.record;
    if (flow) await this.unregister(flow.mode, flow.valtuudetSession);
  }

  private themesFor(returnPath: string): string[] {
    const themes = this.options.themes;
    const list = typeof themes === 'function' ? themes(returnPath) : themes ?? [];
    return Array.isArray(list) ? list.filter((t) => typeof t === 'string' && t.trim()) : [];
  }

  /**
   * The store keeps an entry one idle period longer than the limits allow, so a browser that comes back
   * late finds it, and the adapter can unregister the Valtuudet session before forgetting it.
   */
  private async save(key: string, state: StoredState): Promise<void> {
    const limit = Math.min(Math.max(state.pending ? this.flowMs : 0, this.idleMs), this.absoluteMs - (this.now() - state.created));
    await this.store.set(key, this.sealer.seal(state), Math.max(limit, 0) + this.idleMs);
  }

  /** Saves the state while it still holds a principal or a flow; otherwise forgets it. */
  private async saveOrDelete(key: string, state: StoredState): Promise<void> {
    if (!key) return;
    if (state.acting || state.pending) await this.save(key, state);
    else await this.store.delete(key);
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

  /** Over https the cookie is `__Host-` (Secure, Path=/, no Domain: no subdomain can plant or read it). */
  private cookie(sid: string, request: HostRequest): string {
    const secure = (this.options.publicOrigin ?? request.url).startsWith('https:');
    return `${secure ? '__Host-' : ''}${this.cookieName}=${sid}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
  }

  private backTo(returnPath: string, result: FlowResult): Reply {
    return redirect(returnLocation(returnPath, result), []);
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof ValtuudetError) return `${error.kind}${error.status ? ` ${error.status}` : ''}`;
  return error instanceof Error ? error.name : 'error';
}
