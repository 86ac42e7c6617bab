/**
 * Mandate themes of a service from the Finnish Service Catalogue (PTV v11 OUT API): a service channel's
 * `services[].digitalAuthorizations`. The response is treated as hostile and validated entry by entry.
 */
import type {Locale} from './locale.js';

export const PTV_DEFAULT_BASE = 'https://api.palvelutietovaranto.suomi.fi/api/v11/';
export const PTV_TIMEOUT_MS = 5000;

export interface PtvTheme {
  uri: string;
  slug: string;
  names: Partial<Record<Locale, string>>;
}
export type PtvFailure =
  | 'invalid-id'
  | 'invalid-base'
  | 'not-found'
  | 'server-error'
  | 'http-error'
  | 'malformed'
  | 'network'
  | 'timeout'
  | 'empty';
export type PtvResult = {ok: true; themes: PtvTheme[]} | {ok: false; reason: PtvFailure};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const THEME_URI = /^http:\/\/valtuusrekisteri\.suomi\.fi\/([A-Za-z0-9_]{1,120})$/;
const MAX_NAME = 300;

export const isGuid = (value: unknown): value is string => typeof value === 'string' && GUID.test(value.trim());

/** The API base: https anywhere, or the page's own origin (tests, demos, a municipal proxy). */
export function resolvePtvBase(base: string | null | undefined, pageUrl: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(base || PTV_DEFAULT_BASE, pageUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.origin !== new URL(pageUrl).origin) return undefined;
  if (url.username || url.password) return undefined;
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url;
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asObject = (value: unknown): Record<string, unknown> | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

function readNames(value: unknown): Partial<Record<Locale, string>> {
  const names: Partial<Record<Locale, string>> = {};
  for (const item of asArray(value)) {
    const entry = asObject(item);
    const language = entry?.language;
    const text = typeof entry?.value === 'string' ? entry.value.replace(/\s+/g, ' ').trim() : '';
    if ((language === 'fi' || language === 'sv' || language === 'en') && text && !names[language]) {
      names[language] = text.slice(0, MAX_NAME);
    }
  }
  return names;
}

/** Themes of a `ServiceChannel/{id}` response; only the connection to `serviceId` when given. */
export function parseChannelThemes(json: unknown, serviceId?: string | null): PtvResult {
  const channel = asObject(json);
  if (!channel || !Array.isArray(channel.services)) return {ok: false, reason: 'malformed'};
  const wanted = serviceId ? serviceId.trim().toLowerCase() : undefined;
  const themes = new Map<string, PtvTheme>();
  for (const item of channel.services) {
    const connection = asObject(item);
    if (!connection) continue;
    if (wanted) {
      const id = asObject(connection.service)?.id;
      if (typeof id !== 'string' || id.toLowerCase() !== wanted) continue;
    }
    for (const auth of asArray(connection.digitalAuthorizations)) {
      const entry = asObject(auth);
      const match = typeof entry?.uri === 'string' ? THEME_URI.exec(entry.uri.trim()) : null;
      if (!match || themes.has(match[0])) continue;
      themes.set(match[0], {uri: match[0], slug: match[1].toLowerCase(), names: readNames(entry!.name)});
    }
  }
  return themes.size ? {ok: true, themes: [...themes.values()]} : {ok: false, reason: 'empty'};
}

export interface FetchChannelOptions {
  base?: string | null;
  channelId: string;
  serviceId?: string | null;
  pageUrl: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  /** Aborting this (e.g. a newer request) rejects with the abort reason; every other failure is a result. */
  signal?: AbortSignal;
}

export async function fetchChannelThemes(options: FetchChannelOptions): Promise<PtvResult> {
  const {channelId, serviceId, pageUrl, signal, timeoutMs = PTV_TIMEOUT_MS, fetchImpl = fetch} = options;
  if (!isGuid(channelId) || (serviceId != null && serviceId !== '' && !isGuid(serviceId))) {
    return {ok: false, reason: 'invalid-id'};
  }
  const base = resolvePtvBase(options.base, pageUrl);
  if (!base) return {ok: false, reason: 'invalid-base'};
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    const response = await fetchImpl(new URL(`ServiceChannel/${channelId.trim()}`, base).href, {
      headers: {Accept: 'application/json'},
      credentials: 'omit',
      redirect: 'error',
      signal: combined,
    });
    if (response.status === 404) return {ok: false, reason: 'not-found'};
    if (response.status >= 500) return {ok: false, reason: 'server-error'};
    if (!response.ok) return {ok: false, reason: 'http-error'};
    let json: unknown;
    try {
      json = await response.json();
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      return {ok: false, reason: timeout.aborted ? 'timeout' : 'malformed'};
    }
    return parseChannelThemes(json, serviceId);
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    return {ok: false, reason: timeout.aborted ? 'timeout' : 'network'};
  }
}
