/**
 * The builder's choices and their URL form, so an editor can send the link to a colleague. The query string is
 * hostile input like any other: every value is parsed to a known shape or dropped, never echoed as markup.
 */
import {LOCALES, toLocale, type Locale} from '../core/locale.js';
import {parseThemeList} from '../core/themes.js';
import {parsePrincipal, parseSituation, type Principal, type Situation} from '../core/triage.js';
import {isSecureUrl} from '../core/acting-for.js';

export const PAGE_LANGS = [...LOCALES, 'multi'] as const;
/** One language (a per-language file), or a page that switches language (the all-language file). */
export type PageLang = (typeof PAGE_LANGS)[number];
export const WIDTHS = [320, 768, 1280] as const;
export type Width = (typeof WIDTHS)[number];
export const HEADING_LEVELS = [2, 3, 4, 5, 6] as const;

export interface BuilderState {
  /** the builder's own language */
  ui: Locale;
  /** where the themes come from: chosen from the catalogue, or a PTV service channel */
  source: 'catalogue' | 'ptv';
  themes: string[];
  channel: string;
  principal?: Principal;
  situation?: Situation;
  heading: number;
  page: PageLang;
  /** the folder the pinned files are served from, ending in `/`; empty means "where this builder is" */
  files: string;
  /** the page cannot carry the ready-made guide (its editor removes `<template>`): the plain element and a head script */
  plain: boolean;
  width: Width;
}

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const parseChannel = (raw: unknown) => {
  const value = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  return GUID.test(value) ? value : undefined;
};

/**
 * A folder for the script files: an https address (http only on this machine, for trying things out), no
 * user name, query or fragment. Normalised to end in `/`; anything else is refused.
 */
export function parseFilesFolder(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || !raw.trim() || raw.length > 500) return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (!isSecureUrl(url) || url.username || url.password || url.search || url.hash) return undefined;
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

export const defaultState = (ui: Locale = 'fi'): BuilderState => ({
  ui, source: 'catalogue', themes: [], channel: '', heading: 2, page: ui, files: '', plain: false, width: 768,
});

/** URL query → state; `known` tells which slugs the catalogue has (others are dropped). */
export function stateFromQuery(query: string | URLSearchParams, known: (slug: string) => boolean): BuilderState {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const ui = toLocale(params.get('lang')) ?? 'fi';
  const state = defaultState(ui);
  state.themes = parseThemeList(params.get('theme') ?? '').slugs.filter(known);
  const channel = parseChannel(params.get('channel'));
  if (channel) state.channel = channel;
  state.source = params.get('source') === 'ptv' ? 'ptv' : 'catalogue';
  state.principal = parsePrincipal(params.get('principal'));
  state.situation = parseSituation(params.get('situation'));
  const heading = Number(params.get('heading'));
  if ((HEADING_LEVELS as readonly number[]).includes(heading)) state.heading = heading;
  const page = params.get('page');
  if ((PAGE_LANGS as readonly (string | null)[]).includes(page)) state.page = page as PageLang;
  state.files = parseFilesFolder(params.get('files')) ?? '';
  state.plain = params.get('plain') === '1';
  const width = Number(params.get('width'));
  if ((WIDTHS as readonly number[]).includes(width)) state.width = width as Width;
  return state;
}

/** State → URL query with only what differs from the defaults, in a stable order. */
export function queryFromState(state: BuilderState): string {
  const base = defaultState(state.ui);
  const params = new URLSearchParams();
  params.set('lang', state.ui);
  if (state.source === 'ptv') params.set('source', 'ptv');
  if (state.themes.length) params.set('theme', state.themes.join(' '));
  if (state.channel) params.set('channel', state.channel);
  if (state.principal) params.set('principal', state.principal);
  if (state.situation) params.set('situation', state.situation);
  if (state.heading !== base.heading) params.set('heading', String(state.heading));
  // Always written: switching the builder's own language must not change the page's.
  params.set('page', state.page);
  if (state.files) params.set('files', state.files);
  if (state.plain) params.set('plain', '1');
  if (state.width !== base.width) params.set('width', String(state.width));
  return params.toString();
}
