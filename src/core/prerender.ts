/**
 * Pre-rendered `<mandate-guide>`: the guide's first render as declarative shadow DOM, put together from a pack that
 * the build renders with the element itself (scripts/prerender-pack.mjs). The builder, the WordPress plugin and the
 * Drupal module put the same pieces together (the PHP twin is integrations/shared/Prerender.php), so a page shows
 * the guidance before, and without, the script; the element then renders into the same root (docs/host-page.md).
 *
 * The pack holds, per language, one frame per preset (principal × situation × number of themes) and one card per
 * theme. Frames and cards carry placeholders only for what the build cannot know: heading levels, where the cards
 * go, a card's index and the first theme's page on Suomi.fi. Everything in the pack is already escaped HTML.
 */
import type {Locale} from './locale.js';
import {parseThemeList} from './themes.js';

export interface PrerenderPack {
  version: string;
  /** The stylesheet's file name in the release folder, and its SRI value. */
  stylesheet: {file: string; integrity: string};
  /** `locale|principal|situation|count` (count 0, 1, or 2 for "two or more") → frame HTML. */
  frames: Record<string, string>;
  /** locale → slug → [card among the themes, card in the "choose" box, theme page href, its hreflang]. */
  cards: Record<string, Record<string, [string, string, string, string]>>;
}

export interface PrerenderOptions {
  locale: Locale;
  /** Theme ids as the `theme` attribute takes them (slugs or URIs); read the way the element reads them. */
  themes: readonly string[];
  principal?: string;
  situation?: string;
  /** The guide's heading level, 1–6 (default 2). */
  headingLevel?: number;
  /** The release folder the stylesheet is served from, absolute or root-relative, ending in `/`. */
  folder: string;
}

/** Where the cards go in a frame; `{{copy-cards}}` when they sit in the "choose" box with copy buttons. */
const CARDS = '{{cards}}';
const COPY_CARDS = '{{copy-cards}}';
/** Only the first card carries the editor's theme-note slot (the element renders it there). */
const NOTE_SLOT = '<slot name="theme-note"></slot>';

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The frame key; `count` is 0, 1 or 2 ("two or more" share a heading). */
export const frameKey = (locale: string, principal: string, situation: string, count: number) =>
  `${locale}|${principal}|${situation}|${Math.min(count, 2)}`;

/**
 * The pre-rendered shadow root for a guide, as a `<template shadowrootmode="open">` to put first inside the
 * `<mandate-guide>` element, or `null` when this guide cannot be pre-rendered (a theme the pack does not have, a
 * preset it does not know): the page then carries the plain element, which works as before.
 */
export function prerenderGuide(pack: PrerenderPack, options: PrerenderOptions): string | null {
  const {locale} = options;
  // Read as the element reads its attribute: duplicates once, at most its limit, any unreadable id → not pre-rendered.
  const {slugs: themes, invalid} = parseThemeList(options.themes.join(' '));
  const frame = pack.frames[frameKey(locale, options.principal ?? '', options.situation ?? '', themes.length)];
  const cards = pack.cards[locale];
  if (invalid.length || frame === undefined || !cards || themes.some((slug) => !Object.hasOwn(cards, slug))) return null;
  const level = Number.isInteger(options.headingLevel) && options.headingLevel! >= 1 && options.headingLevel! <= 6 ? options.headingLevel! : 2;
  const copy = frame.includes(COPY_CARDS);
  const cardHtml = themes
    .map((slug, index) => {
      const card = cards[slug][copy ? 1 : 0].replaceAll('{{i}}', String(index));
      return index === 0 ? card : card.replace(NOTE_SLOT, '');
    })
    .join(' ');
  const first = themes.length ? cards[themes[0]] : undefined;
  let html = frame.replace(copy ? COPY_CARDS : CARDS, () => cardHtml);
  if (first) html = html.replace('{{href}}', () => first[2]).replace('{{hreflang}}', () => first[3]);
  html = html.replace(/\{\{l([0-2])\}\}/g, (_, step: string) => String(Math.min(level + Number(step), 6)));
  const href = escapeAttribute(options.folder + pack.stylesheet.file);
  const integrity = escapeAttribute(pack.stylesheet.integrity);
  return `<template shadowrootmode="open"><link rel="stylesheet" href="${href}" integrity="${integrity}" crossorigin="anonymous">${html}</template>`;
}

/** The `<link>` for `<head>` that makes every engine style pre-rendered guidance at first paint (docs/host-page.md). */
export function prerenderHeadLink(pack: PrerenderPack, folder: string): string {
  return `<link rel="stylesheet" href="${escapeAttribute(folder + pack.stylesheet.file)}" integrity="${escapeAttribute(pack.stylesheet.integrity)}" crossorigin="anonymous">`;
}
