/**
 * The one rule for where a citizen may be sent back to after the Suomi.fi selection, a login or a logout:
 * a path on this site. Pure: no DOM, no Node. Used by the adapter (start and every callback outcome), the
 * selector and the demo's own redirects.
 *
 * The check is made on what a browser will actually do with the value, not on its spelling: the value is
 * resolved the way a `Location` header is resolved (WHATWG URL parsing, which also removes tabs and newlines,
 * turns `\` into `/` and collapses dot segments), and only a result that stays on the origin and serialises to
 * a path that cannot be read as a host (`//…`) is accepted. Anything doubtful is refused, never "repaired".
 */

/** The fallback for every refused value: the site's front page. */
export const FALLBACK_PATH = '/';

// Any origin works as the base: only "did the value leave it?" matters. `.invalid` can never resolve.
const PROBE_ORIGIN = 'https://return-path.invalid';

// \s covers ASCII and Unicode spaces and line breaks; the rest are control and invisible format characters.
// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE = /[\s\0-\x1f\x7f-\x9f\u200b-\u200f\u2060]/;
/** A `.` or `..` path segment, also percent-encoded (`%2e`), which URL parsing would collapse. */
const DOT_SEGMENT = /(^|\/)(\.|%2e){1,2}(\/|$|[?#])/i;
/** Encoded `/`, `\` and `%` themselves: a later decode could turn a harmless path into `//host` or `\host`. */
const ENCODED_SEPARATOR = /%(2f|5c|25)/i;

/**
 * A same-origin path (`/…`, with its query and hash), or `/`. Accepts only values that begin with exactly one
 * `/`, contain no backslash, whitespace or control character, no dot segment, no encoded separator or control character, and that
 * still resolve to this origin with a path that does not begin with `//`.
 */
export function safeReturnPath(raw: unknown, maxLength = 2048): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > maxLength) return FALLBACK_PATH;
  if (raw[0] !== '/' || raw[1] === '/' || raw.includes('\\')) return FALLBACK_PATH;
  if (CONTROL_OR_SPACE.test(raw)) return FALLBACK_PATH;
  const pathPart = raw.split(/[?#]/, 1)[0];
  if (DOT_SEGMENT.test(pathPart) || ENCODED_SEPARATOR.test(pathPart)) return FALLBACK_PATH;
  if (!isWellEncoded(raw)) return FALLBACK_PATH;
  const resolved = resolveOnOrigin(raw);
  if (resolved === undefined) return FALLBACK_PATH;
  // Idempotent: what we hand out must pass this same check when it comes back.
  return resolveOnOrigin(resolved) === resolved ? resolved : FALLBACK_PATH;
}

/**
 * What a browser on `origin` does with a `Location` value: the absolute URL it will open. Exported for tests
 * and for hosts that want to assert their own redirects.
 */
export function resolveLocation(location: string, origin: string): string | undefined {
  try {
    return new URL(location, origin).href;
  } catch {
    return undefined;
  }
}

/** The path + query + hash the value resolves to on a probe origin, or undefined if it leaves it. */
function resolveOnOrigin(value: string): string | undefined {
  const href = resolveLocation(value, `${PROBE_ORIGIN}/`);
  if (href === undefined) return undefined;
  const url = new URL(href);
  if (url.origin !== PROBE_ORIGIN || url.username || url.password) return undefined;
  if (!url.pathname.startsWith('/') || url.pathname.startsWith('//')) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Every `%` starts a valid escape, the value decodes as UTF-8, and no control character hides behind `%0d`. */
function isWellEncoded(value: string): boolean {
  try {
    return !CONTROL.test(decodeURIComponent(value));
  } catch {
    return false;
  }
}
