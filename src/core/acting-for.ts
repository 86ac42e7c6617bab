/**
 * Rules shared by the selector, the banner and the server adapter: the `acting-for` result parameter, the
 * session JSON and the URLs the elements build (return paths live in return-path.ts). Pure: no DOM, no Node.
 */
import {safeReturnPath} from './return-path.js';

/** Identity codes (henkilötunnus) must never be shown: a name that contains one is refused. */
export const HETU_PATTERN = /\b\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]\b/i;

export const ACTING_FOR_PARAM = 'acting-for';
/** `no-role`: an organisation where the citizen has no role that lets them act (not the same as no mandate). */
export const ACTING_FOR_RESULTS = ['ok', 'cancelled', 'denied', 'no-role', 'expired', 'error'] as const;
export type ActingForResult = (typeof ACTING_FOR_RESULTS)[number];

/** Reads `acting-for` from a query string; unknown values count as `error` so nothing passes silently. */
export function readActingForResult(search: string): ActingForResult | undefined {
  const value = new URLSearchParams(search).get(ACTING_FOR_PARAM);
  if (value === null) return undefined;
  return (ACTING_FOR_RESULTS as readonly string[]).includes(value) ? (value as ActingForResult) : 'error';
}

/** The same URL without the `acting-for` parameter (path, other parameters and hash kept). */
export function withoutActingForResult(href: string): string {
  const url = new URL(href);
  url.searchParams.delete(ACTING_FOR_PARAM);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `organisation` covers companies, associations, housing companies and the rest: Valtuudet does not say which. */
export type PrincipalType = 'person' | 'organisation';
export interface ActingFor {
  type: PrincipalType;
  name: string;
  themes: string[];
}

/**
 * Validates the adapter's `/session` JSON. Returns the principal, `null` when acting as oneself, or
 * `undefined` when the body is malformed — which callers treat as "not acting for anyone".
 */
export function parseSession(json: unknown): ActingFor | null | undefined {
  if (!json || typeof json !== 'object' || !('actingFor' in json)) return undefined;
  const value = (json as {actingFor: unknown}).actingFor;
  if (value === null) return null;
  if (!value || typeof value !== 'object') return undefined;
  const {type, name, themes} = value as Record<string, unknown>;
  // `company` is what adapters of the first release answer for every organisation.
  const kind: PrincipalType | undefined = type === 'person' ? 'person' : type === 'organisation' || type === 'company' ? 'organisation' : undefined;
  if (!kind) return undefined;
  if (typeof name !== 'string') return undefined;
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean || clean.length > 200 || HETU_PATTERN.test(clean)) return undefined;
  const themeList = Array.isArray(themes) ? themes.filter((t): t is string => typeof t === 'string').slice(0, 20) : [];
  return {type: kind, name: clean, themes: themeList};
}

/** The Suomi.fi selection to run: a person (HPA) or an organisation (YPA; `company` in the URL, as designed). */
export const MODES = ['person', 'company'] as const;
export type Mode = (typeof MODES)[number];

/** `modes` attribute → the modes offered, in our order; empty or junk → both. `organisation` means `company`. */
export function parseModes(attr: unknown): Mode[] {
  const tokens = typeof attr === 'string' ? attr.toLowerCase().split(/\s+/).map((t) => (/^organi[sz]ation$/.test(t) ? 'company' : t)) : [];
  const modes = MODES.filter((m) => tokens.includes(m));
  return modes.length ? modes : [...MODES];
}

/** `start-url?mode=…&return=…`, kept on the page's origin. Undefined when start-url points elsewhere. */
export function buildStartUrl(startUrl: string, pageHref: string, mode: Mode, returnPath: string, lang?: string): string | undefined {
  let url: URL;
  try {
    url = new URL(startUrl, pageHref);
  } catch {
    return undefined;
  }
  if (url.origin !== new URL(pageHref).origin) return undefined;
  url.searchParams.set('mode', mode);
  url.searchParams.set('return', safeReturnPath(returnPath));
  if (lang) url.searchParams.set('lang', lang);
  return url.href;
}

/** Host names that stay on this machine: the one place plain http is accepted (local development). */
export const isLoopbackHost = (hostname: string) => hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';

/** https, or plain http to this machine only. */
export const isSecureUrl = (url: URL) => url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));

/**
 * Where the banner may read the session, stop, or send the citizen to switch: this page's origin, or another
 * origin over https (the municipality's e-service, e.g. from www.kunta.fi to asiointi.kunta.fi). Plain http to
 * another origin only between loopback hosts (local development). Anything else — other schemes, credentials
 * in the URL, junk — is refused (undefined). `crossOrigin` tells the caller to send credentials explicitly.
 */
export function endpointUrl(raw: unknown, pageHref: string): {href: string; crossOrigin: boolean} | undefined {
  if (typeof raw !== 'string' || !raw.trim()) return undefined;
  let url: URL;
  let page: URL;
  try {
    page = new URL(pageHref);
    url = new URL(raw.trim(), page);
  } catch {
    return undefined;
  }
  if (url.username || url.password || !/^https?:$/.test(url.protocol)) return undefined;
  if (url.origin === page.origin) return {href: url.href, crossOrigin: false};
  const devLoopback = url.protocol === 'http:' && isLoopbackHost(url.hostname) && isLoopbackHost(page.hostname);
  return url.protocol === 'https:' || devLoopback ? {href: url.href, crossOrigin: true} : undefined;
}

/** Same-origin URL check for fetch targets and links built from attributes. */
export function sameOriginUrl(raw: unknown, pageHref: string): string | undefined {
  if (typeof raw !== 'string' || !raw.trim()) return undefined;
  try {
    const url = new URL(raw, pageHref);
    return url.origin === new URL(pageHref).origin && /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
