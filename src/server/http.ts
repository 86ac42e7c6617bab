/**
 * Small HTTP pieces of the adapter: cookies, the Suomi.fi page language, redirects and plain-text answers.
 */
import type {HostRequest, Reply} from './adapter.js';

export type Lang = 'fi' | 'sv' | 'en';
const LANGS: Lang[] = ['fi', 'sv', 'en'];

/** One cookie's value from a Cookie header (also what a host's own login code can use). */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The language asked with `lang=`, else the browser's first of fi / sv / en, else Finnish. */
export function pickLang(request: HostRequest, url: URL): Lang {
  const asked = url.searchParams.get('lang');
  if (asked && (LANGS as string[]).includes(asked)) return asked as Lang;
  const header = request.headers.get('accept-language') ?? '';
  for (const part of header.split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if ((LANGS as string[]).includes(tag)) return tag as Lang;
  }
  return 'fi';
}

export function redirect(location: string, cookies: string[]): Reply {
  const headers: Array<[string, string]> = [['Location', location], ['Cache-Control', 'no-store'], ['Referrer-Policy', 'no-referrer']];
  for (const cookie of cookies) headers.push(['Set-Cookie', cookie]);
  return {status: 302, headers, body: null};
}

export function text(status: number, body: string, extra: Array<[string, string]> = []): Reply {
  return {status, headers: [['Content-Type', 'text/plain; charset=utf-8'], ['Cache-Control', 'no-store'], ...extra], body};
}
