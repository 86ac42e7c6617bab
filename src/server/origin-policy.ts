/**
 * Which other origins may read whom the citizen acts for, and where the adapter may send a browser back to.
 * Kept apart from the adapter's flow so the whole policy can be read (and reviewed) in one place.
 *
 * - Cross-origin reads: only the exact origins listed in PUOLESTA_ALLOWED_ORIGINS (https; plain http only for
 *   loopback development hosts). No wildcards, no patterns, no reflection of whatever Origin arrives. For any
 *   other origin the answer carries no CORS header at all, so the browser keeps the body from the page.
 * - Return paths: the core rule (safeReturnPath) on the value, then the result parameter added, then the rule
 *   again on what will be sent — the check is made on the `Location` itself.
 */
import {isSecureUrl} from '../core/acting-for.js';
import {safeReturnPath} from '../core/return-path.js';

/** Origins as given in configuration: a list or a comma / space separated string. */
export type OriginList = string | readonly string[] | undefined;

/**
 * The exact origins, validated. Throws with every problem named (no value is echoed beyond the origin text):
 * wildcards, paths, queries, credentials, non-https schemes (except loopback http for development).
 */
export function parseAllowedOrigins(value: OriginList): string[] {
  const items = typeof value === 'string' ? value.split(/[\s,]+/) : [...(value ?? [])];
  const origins: string[] = [];
  const problems: string[] = [];
  for (const item of items.map((v) => v.trim()).filter(Boolean)) {
    const problem = originProblem(item);
    if (problem) problems.push(`"${item.slice(0, 100)}" ${problem}`);
    else if (!origins.includes(item)) origins.push(item);
  }
  if (problems.length) throw new Error(`PUOLESTA_ALLOWED_ORIGINS: ${problems.join('; ')}`);
  return origins;
}

function originProblem(item: string): string | undefined {
  if (item.includes('*')) return 'has a wildcard: list each origin exactly';
  let url: URL;
  try {
    url = new URL(item);
  } catch {
    return 'is not an origin like https://www.example.fi';
  }
  if (!isSecureUrl(url)) return 'must use https';
  if (url.username || url.password) return 'must not carry a user name or password';
  if (url.origin !== item) return `must be only the origin (${url.origin}), without a path, query or trailing slash`;
  return undefined;
}

export class OriginPolicy {
  private readonly allowed: ReadonlySet<string>;

  /** Whether any other origin is listed (the municipality's other sites). */
  get hasAny(): boolean {
    return this.allowed.size > 0;
  }

  constructor(allowedOrigins: OriginList = []) {
    this.allowed = new Set(parseAllowedOrigins(allowedOrigins));
  }

  /** Whether cross-origin reads are configured at all (then every answer varies by Origin). */
  get crossOrigin(): boolean {
    return this.allowed.size > 0;
  }

  isAllowed(origin: string | null): origin is string {
    return origin !== null && this.allowed.has(origin);
  }

  /**
   * Headers for an answer to `origin`: credentialed CORS for a listed origin, nothing for any other.
   * `Vary: Origin` whenever the list is in use, so a shared cache never hands one origin's answer to another.
   */
  corsHeaders(origin: string | null): Array<[string, string]> {
    const headers: Array<[string, string]> = this.crossOrigin ? [['Vary', 'Origin']] : [];
    if (this.isAllowed(origin)) {
      headers.push(['Access-Control-Allow-Origin', origin], ['Access-Control-Allow-Credentials', 'true']);
    }
    return headers;
  }

  /**
   * The answer to a CORS preflight (`OPTIONS`) for `methods`: only a listed origin asking for one of them with
   * no header but X-Puolesta gets the Allow-* headers; anyone else gets none (and the browser stops there).
   */
  preflight(origin: string | null, requestMethod: string | null, requestHeaders: string | null, methods: string[]): Array<[string, string]> {
    const headers = this.corsHeaders(origin);
    if (!this.isAllowed(origin) || !requestMethod || !methods.includes(requestMethod.toUpperCase())) return headers;
    const asked = (requestHeaders ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
    if (asked.some((h) => h !== 'x-puolesta')) return headers;
    headers.push(
      ['Access-Control-Allow-Methods', methods.join(', ')],
      ['Access-Control-Allow-Headers', 'X-Puolesta'],
      ['Access-Control-Max-Age', '600'],
    );
    return headers;
  }

  /**
   * A state-changing request (POST /stop) is ours when it carries X-Puolesta (which no plain form can send and
   * which needs a preflight cross-origin) and comes from our own origin or a listed one.
   */
  isTrustedWrite(headers: {get(name: string): string | null}, ownOrigin: string): boolean {
    if (headers.get('x-puolesta') !== '1') return false;
    const origin = headers.get('origin');
    if (origin) return origin === ownOrigin || this.isAllowed(origin);
    return headers.get('sec-fetch-site') === 'same-origin';
  }
}

/**
 * The `Location` that sends the browser back after the flow: the saved path (checked again) with
 * `acting-for=<result>` added, and the outcome checked once more, so no later change can open a redirect.
 */
export function returnLocation(returnPath: string, result: string): string {
  const path = safeReturnPath(returnPath);
  const hash = path.indexOf('#');
  const [beforeHash, fragment] = hash < 0 ? [path, ''] : [path.slice(0, hash), path.slice(hash)];
  const query = beforeHash.indexOf('?');
  const [pathname, search] = query < 0 ? [beforeHash, ''] : [beforeHash.slice(0, query), beforeHash.slice(query + 1)];
  const params = new URLSearchParams(search);
  params.set('acting-for', result);
  const location = `${pathname}?${params}${fragment}`;
  return safeReturnPath(location) === location ? location : `/?${new URLSearchParams({'acting-for': result})}`;
}
