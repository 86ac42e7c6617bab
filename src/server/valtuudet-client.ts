/**
 * Client of the Suomi.fi-valtuudet Web API (HPA: person for a person, YPA: person for an organisation).
 * Every /service call is a GET signed with the checksum header and carries a fresh requestId. Responses are
 * validated; errors are typed and their messages never contain identity codes, session ids or tokens.
 * The client logs nothing: the adapter decides what to log.
 */
import {randomUUID} from 'node:crypto';
import {isSecureUrl} from '../core/acting-for.js';
import {authorizationHeader, CHECKSUM_HEADER} from './checksum.js';

export interface ValtuudetClientConfig {
  /** e.g. https://asiointivaltuustarkastus.test.suomi.fi (no trailing path) */
  baseUrl: string;
  clientId: string;
  apiKey: string;
  oauthPassword: string;
  redirectUri: string;
  /** per request, default 10 000 ms */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  now?: () => Date;
}

export type Mode = 'hpa' | 'ypa';
export type ValtuudetErrorKind = 'session-expired' | 'invalid-grant' | 'client-error' | 'server-error' | 'timeout' | 'malformed' | 'network';

export class ValtuudetError extends Error {
  readonly kind: ValtuudetErrorKind;
  readonly status?: number;
  constructor(kind: ValtuudetErrorKind, operation: string, status?: number) {
    super(`Valtuudet ${operation}: ${kind}${status ? ` (HTTP ${status})` : ''}`);
    this.name = 'ValtuudetError';
    this.kind = kind;
    this.status = status;
  }
}

export interface Principal {
  personId: string;
  name: string;
}
export interface Organization {
  name: string;
  identifier: string;
  complete: boolean;
  roles: string[];
}
export interface AuthorizationResult {
  result: 'ALLOWED' | 'DISALLOWED';
  reasons: unknown[];
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length < 1000;
const seg = encodeURIComponent;

export class ValtuudetClient {
  private readonly base: URL;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => Date;
  private readonly timeoutMs: number;

  constructor(private readonly config: ValtuudetClientConfig) {
    this.base = new URL(config.baseUrl);
    // The code and the checksum-signed calls must not travel in the clear: https, or http on this machine only.
    for (const [name, value] of [['baseUrl (VALTUUDET_BASE_URL)', config.baseUrl], ['redirectUri (VALTUUDET_REDIRECT_URI)', config.redirectUri]]) {
      let url: URL | undefined;
      try {
        url = new URL(value);
      } catch {
        url = undefined;
      }
      if (!url || !isSecureUrl(url)) {
        throw new Error(`Valtuudet client: ${name} must be an https:// address (http:// only on localhost)`);
      }
    }
    this.fetchImpl = config.fetchImpl ?? fetch;
    this.now = config.now ?? (() => new Date());
    this.timeoutMs = config.timeoutMs ?? 10_000;
  }

  /** Starts a Web API session for the logged-in user (identity code goes only to DVV). */
  async register(mode: Mode, userHetu: string): Promise<{sessionId: string; userId: string}> {
    const body = await this.service('register', `/service/${mode}/user/register/${seg(this.config.clientId)}/${seg(userHetu)}`);
    const {sessionId, userId} = (body ?? {}) as Record<string, unknown>;
    if (!isString(sessionId) || !isString(userId)) throw new ValtuudetError('malformed', 'register');
    return {sessionId, userId};
  }

  /** Where to send the browser to choose the principal. */
  authorizeUrl({userId, state, lang}: {userId: string; state: string; lang?: 'fi' | 'sv' | 'en'}): string {
    const url = new URL('/oauth/authorize', this.base);
    url.searchParams.set('client_id', this.config.clientId);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('redirect_uri', this.config.redirectUri);
    url.searchParams.set('user', userId);
    if (lang) url.searchParams.set('lang', lang);
    url.searchParams.set('state', state);
    return url.href;
  }

  /** Authorization code → access token (Basic auth, parameters in the query string, no body). */
  async exchangeCode(code: string): Promise<{accessToken: string; expiresIn: number}> {
    const query = new URLSearchParams({code, grant_type: 'authorization_code', redirect_uri: this.config.redirectUri});
    const basic = Buffer.from(`${this.config.clientId}:${this.config.oauthPassword}`).toString('base64');
    const response = await this.send('token', `/oauth/token?${query}`, {method: 'POST', headers: {Authorization: `Basic ${basic}`}});
    if (response.status === 400 || response.status === 401) {
      const text = await response.text().catch(() => '');
      if (/invalid_grant/.test(text)) throw new ValtuudetError('invalid-grant', 'token', response.status);
    }
    const body = await this.json('token', response);
    const {access_token: accessToken, expires_in: expiresIn} = (body ?? {}) as Record<string, unknown>;
    if (!isString(accessToken)) throw new ValtuudetError('malformed', 'token');
    return {accessToken, expiresIn: typeof expiresIn === 'number' ? expiresIn : 0};
  }

  /** HPA: the person(s) the user chose. */
  async delegates(sessionId: string, accessToken: string): Promise<Principal[]> {
    const body = await this.service('delegate', `/service/hpa/api/delegate/${seg(sessionId)}`, accessToken);
    if (!Array.isArray(body)) throw new ValtuudetError('malformed', 'delegate');
    return body.map((p) => {
      if (!p || !isString(p.personId) || !isString(p.name)) throw new ValtuudetError('malformed', 'delegate');
      return {personId: p.personId, name: p.name};
    });
  }

  /** HPA: may the user act for this principal in these themes (`issues=` once per theme)? */
  async authorization(sessionId: string, accessToken: string, principalPersonId: string, themeUris: string[]): Promise<AuthorizationResult> {
    const query = themeUris.map((t) => `&issues=${seg(t)}`).join('');
    const body = await this.service('authorization', `/service/hpa/api/authorization/${seg(sessionId)}/${seg(principalPersonId)}`, accessToken, query);
    const {result, reasons} = (body ?? {}) as Record<string, unknown>;
    if (result !== 'ALLOWED' && result !== 'DISALLOWED') throw new ValtuudetError('malformed', 'authorization');
    return {result, reasons: Array.isArray(reasons) ? reasons : []};
  }

  /** YPA: the organisation(s) the user chose, with the user's roles in them. */
  async organizationRoles(sessionId: string, accessToken: string): Promise<Organization[]> {
    const body = await this.service('organizationRoles', `/service/ypa/api/organizationRoles/${seg(sessionId)}`, accessToken);
    if (!Array.isArray(body)) throw new ValtuudetError('malformed', 'organizationRoles');
    return body.map((o) => {
      if (!o || !isString(o.name) || !isString(o.identifier)) throw new ValtuudetError('malformed', 'organizationRoles');
      const roles = Array.isArray(o.roles) ? o.roles.filter(isString) : [];
      return {name: o.name, identifier: o.identifier, complete: o.complete === true, roles};
    });
  }

  /** Ends the Web API session. */
  async unregister(mode: Mode, sessionId: string): Promise<boolean> {
    const body = await this.service('unregister', `/service/${mode}/user/unregister/${seg(sessionId)}`);
    return body === true;
  }

  private async service(operation: string, path: string, accessToken?: string, extraQuery = ''): Promise<unknown> {
    const pathAndQuery = `${path}?requestId=${randomUUID()}${extraQuery}`;
    const headers: Record<string, string> = {
      [CHECKSUM_HEADER]: authorizationHeader(this.config.clientId, this.config.apiKey, pathAndQuery, this.now().toISOString()),
      Accept: 'application/json',
    };
    if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
    return this.json(operation, await this.send(operation, pathAndQuery, {method: 'GET', headers}));
  }

  private async send(operation: string, pathAndQuery: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await this.fetchImpl(new URL(pathAndQuery, this.base), {...init, redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs)});
    } catch (error) {
      throw new ValtuudetError((error as Error)?.name === 'TimeoutError' ? 'timeout' : 'network', operation);
    }
    if (response.status === 401 && operation !== 'token') throw new ValtuudetError('session-expired', operation, 401);
    if (response.status >= 500) throw new ValtuudetError('server-error', operation, response.status);
    if (response.status >= 400 && !(operation === 'token' && response.status <= 401)) {
      throw new ValtuudetError('client-error', operation, response.status);
    }
    return response;
  }

  private async json(operation: string, response: Response): Promise<unknown> {
    if (response.status >= 400) throw new ValtuudetError('client-error', operation, response.status);
    if (response.status >= 300) throw new ValtuudetError('client-error', operation, response.status);
    try {
      return JSON.parse(await response.text());
    } catch (error) {
      throw new ValtuudetError((error as Error)?.name === 'TimeoutError' ? 'timeout' : 'malformed', operation);
    }
  }
}
