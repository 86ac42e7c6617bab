/**
 * What the builder hands the editor: for the head, the ready-made guide's stylesheet and the deferred script (pinned
 * files, integrity, crossorigin); the element with the ready-made guide (declarative shadow DOM, docs/host-page.md)
 * and its no-JS fallback paragraph in the page language; and the CSP sources the page needs. Where a guide cannot
 * be made in advance, the plain element and a head script that is not deferred, as before. DOM-free: the snippet is a
 * small model that is written out as HTML text for copying and built as DOM nodes for the preview, so the two
 * cannot drift apart and nothing is ever parsed from a string.
 */
import fallbackTexts from '../../data/fallback-texts.json';
import type {Locale} from '../core/locale.js';
import {prerenderGuide, prerenderHeadLink, type PrerenderPack} from '../core/prerender.js';
import type {BuilderState, PageLang} from './state.js';
import type {Named} from './search.js';

export const PTV_API_ORIGIN = 'https://api.palvelutietovaranto.suomi.fi';

/** The pinned release the builder was built with: `dist/cdn/<version>/integrity.json`. */
export interface Release {
  version: string;
  algorithm: string;
  files: Record<string, {integrity: string; bytes: number}>;
}

/** A piece of the fallback paragraph: text, a name (maybe in another language), or a link. */
export type Inline = string | {name: Named} | {link: string; text: string};
export interface ElementModel {
  attributes: Array<[string, string]>;
  fallback: Inline[];
  /** the language the fallback is written in (the page's) */
  lang: Locale;
}

/** The file for the page: one language when the page has one, else the all-language file. */
export const fileFor = (page: PageLang) => (page === 'multi' ? 'puolesta.js' : `puolesta.${page}.js`);

// The one no-JS fallback text (data/fallback-texts.json), shared with the WordPress plugin and the Drupal module. A
// page without JavaScript must not claim more than is sure (a mandate *may* be needed).
const FALLBACK: Record<Locale, Record<'intro' | 'one' | 'many' | 'and' | 'ptv' | 'where' | 'service' | 'href', string>> =
  fallbackTexts;

/** A text with one placeholder as pieces: the text before it, the inserted pieces, the text after. */
const fill = (text: string, placeholder: string, inserted: Inline[]): Inline[] => {
  const [before, after = ''] = text.split(placeholder);
  return [before, ...inserted, after].filter((piece) => piece !== '');
};

/** The element: attributes from the (already validated) state, and the fallback paragraph's pieces. */
export function elementModel(state: BuilderState, nameOf: (slug: string, lang: Locale) => Named): ElementModel {
  const lang: Locale = state.page === 'multi' ? state.ui : state.page;
  const attributes: Array<[string, string]> = [];
  const words = FALLBACK[lang];
  const fallback: Inline[] = [`${words.intro} `];
  if (state.source === 'ptv' && state.channel) {
    attributes.push(['service-channel', state.channel]);
    fallback.push(`${words.ptv} `);
  } else if (state.themes.length) {
    attributes.push(['theme', state.themes.join(' ')]);
    // "a, b and c": commas, and the language's word before the last name.
    const names: Inline[] = [];
    state.themes.forEach((slug, i) => {
      if (i > 0) names.push(i === state.themes.length - 1 ? ` ${words.and} ` : ', ');
      names.push({name: nameOf(slug, lang)});
    });
    fallback.push(...fill(`${state.themes.length === 1 ? words.one : words.many} `, '{names}', names));
  }
  if (state.principal) attributes.push(['principal', state.principal]);
  if (state.situation) attributes.push(['situation', state.situation]);
  if (state.heading !== 2) attributes.push(['heading-level', String(state.heading)]);
  fallback.push(...fill(words.where, '{service}', [{link: words.href, text: words.service}]));
  return {attributes, fallback, lang};
}

export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]!);

/**
 * The ready-made guide for this page (declarative shadow DOM from the release's pack), or why there is none: the
 * editor asked for the plain element, the themes come from PTV (known only when the page runs), or the page
 * switches language (the guide follows it, so its text cannot be written in advance).
 */
export function prerendered(state: BuilderState, pack: PrerenderPack | undefined, folder: string):
  {template: string; lang: Locale} | {reason: 'plain' | 'ptv' | 'multi' | 'unavailable'} {
  if (state.plain) return {reason: 'plain'};
  if (state.source === 'ptv') return {reason: 'ptv'};
  if (state.page === 'multi') return {reason: 'multi'};
  const template = pack && prerenderGuide(pack, {locale: state.page, themes: state.themes, principal: state.principal,
    situation: state.situation, headingLevel: state.heading, folder});
  return template ? {template, lang: state.page} : {reason: 'unavailable'};
}

/**
 * The element as readable HTML, the fallback paragraph wrapped at sentence ends. With a ready-made guide, the
 * element says its language (the guide was written in it) and carries the guide's template first.
 */
export function elementHtml(model: ElementModel, ready?: {template: string; lang: Locale}): string {
  const attrs = [...(ready ? [['lang', ready.lang]] : []), ...model.attributes].map(([k, v]) => ` ${k}="${escapeHtml(v)}"`).join('');
  const text = model.fallback
    .map((piece) => {
      if (typeof piece === 'string') return escapeHtml(piece).replace(/\. $/, '.\n    ');
      if ('name' in piece) {
        const name = `<strong>${escapeHtml(piece.name.text)}</strong>`;
        return piece.name.lang === model.lang ? name : `<span lang="${piece.name.lang}">${name}</span>`;
      }
      return `<a href="${escapeHtml(piece.link)}">${escapeHtml(piece.text)}</a>`;
    })
    .join('');
  return `<mandate-guide${attrs}>\n${ready ? `  ${ready.template}\n` : ''}  <p>\n    ${text.trimEnd()}\n  </p>\n</mandate-guide>`;
}

export interface ScriptModel {
  src: string;
  integrity: string;
  file: string;
}
/** The pinned script for the page, from `folder` (absolute, ending in `/`). */
export function scriptModel(state: BuilderState, release: Release, folder: string): ScriptModel {
  const file = fileFor(state.page);
  const entry = release.files[file];
  if (!entry) throw new Error(`the release has no ${file}`);
  return {src: new URL(file, folder).href, integrity: entry.integrity, file};
}

/** The script tag; `defer` with a ready-made guide (the page is shown without waiting for it). */
export const scriptHtml = (script: ScriptModel, defer = false) =>
  `<script src="${escapeHtml(script.src)}"\n        integrity="${escapeHtml(script.integrity)}"\n        crossorigin="anonymous"${defer ? ' defer' : ''}></script>`;

/** The head's code: with a ready-made guide, its stylesheet first (so it is styled at first paint) and the deferred script. */
export const headHtml = (script: ScriptModel, pack: PrerenderPack | undefined, folder: string, ready: boolean) =>
  ready && pack ? `${prerenderHeadLink(pack, folder)}\n${scriptHtml(script, true)}` : scriptHtml(script);

/**
 * The CSP sources the page adds to its policy: the files' origin for the script; for fetches, the same origin
 * when a theme is not in the bundled subset (the full catalogue is read from the same folder) and the PTV API
 * when the themes come from PTV. Lit styles need no 'unsafe-inline'.
 */
export function cspLines(state: BuilderState, folder: string, bundled: (slug: string) => boolean, ready = false): string[] {
  const files = new URL(folder).origin;
  const connect = new Set<string>();
  if (state.source === 'ptv' && state.channel) {
    connect.add(PTV_API_ORIGIN);
    connect.add(files);
  } else if (state.themes.some((slug) => !bundled(slug))) {
    connect.add(files);
  }
  const lines = [`script-src ${files}`];
  if (ready) lines.push(`style-src ${files}`); // the ready-made guide's stylesheet
  if (connect.size) lines.push(`connect-src ${[...connect].join(' ')}`);
  return lines;
}
