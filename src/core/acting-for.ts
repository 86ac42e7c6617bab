/**
 * Rules shared by the selector, the banner and the server adapter: return paths, the `acting-for` result
 * parameter and the session JSON. Pure: no DOM, no Node.
 */

/** Identity codes (henkilötunnus) must never be shown: a name that contains one is refused. */
export const HETU_PATTERN = /\b\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]\b/i;

/**
 * A same-origin relative path, or `/`. Accepts one leading `/` followed by a non-slash (so no scheme and
 * no other host can follow), no backslash, no control characters — checked on the raw and the percent-decoded value, so `/%2F%2Fevil` and
 * `/%5Cevil` are refused like `//evil` and `/\evil`.
 */
export function safeReturnPath(raw: unknown, maxLength = 2048): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > maxLength) return '/';
  let decoded = raw;
  for (let i = 0; i < 3; i++) {
    try {
      const next = decodeURIComponent(decoded);
      if (next === decoded) break;
      decoded = next;
    } catch {
      return '/';
    }
  }
  for (const value of [raw, decoded]) {
    if (!value.startsWith('/') || value.startsWith('//')) return '/';
    if (value.includes('\\')) return '/';
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(value)) return '/';
  }
  return raw;
}

export const ACTING_FOR_PARAM = 'acting-for';
export const ACTING_FOR_RESULTS = ['ok', 'cancelled', 'denied', 'expired', 'error'] as const;
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

export type PrincipalType = 'person' | 'company';
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
  if (type !== 'person' && type !== 'company') return undefined;
  if (typeof name !== 'string') return undefined;
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean || clean.length > 200 || HETU_PATTERN.test(clean)) return undefined;
  const themeList = Array.isArray(themes) ? themes.filter((t): t is string => typeof t === 'string').slice(0, 20) : [];
  return {type, name: clean, themes: themeList};
}

export const MODES = ['person', 'company'] as const;
export type Mode = (typeof MODES)[number];

/** `modes` attribute → the modes offered, in our order; empty or junk → both. */
export function parseModes(attr: unknown): Mode[] {
  const tokens = typeof attr === 'string' ? attr.toLowerCase().split(/\s+/) : [];
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
