/**
 * The banner rendered by the server into the page, so that it is there at first paint and nothing on the page
 * moves when it appears (docs/elements.md, `<acting-for-banner>`). The markup is the element's own render, cut at
 * build time into one frame per language × principal type × Switch link (src/elements/acting-for-banner/
 * prerender-banner.mjs → dist/cdn/puolesta-banner.json); the element takes the root over at its first session
 * answer. Only what the session endpoint already gives the page goes in: the principal's type and name (as text).
 */
import {readFileSync} from 'node:fs';
import {endpointUrl, parseSession} from '../core/acting-for.js';

export interface BannerPack {
  /** The stylesheet's file name (next to the script-tag files) and its SRI value. */
  stylesheet: {file: string; integrity: string};
  /** `locale|person|1` (type `person` or `organisation`, 1 with the Switch link) → shadow root HTML. */
  frames: Record<string, string>;
}

export interface BannerOptions {
  /** The page's language: `fi`, `sv` or `en`. */
  locale: string;
  /** Whom the citizen acts for: what `adapter.current(request)` answers (only `type` and `name` are read), or null. */
  actingFor: {type: string; name: string} | null | undefined;
  /** The page's absolute URL: `switchUrl` resolves against it as the element resolves its `switch-url`. */
  pageUrl: string;
  /** The `switch-url` attribute the page gives the element, if any. */
  switchUrl?: string | null;
  /** Where the Puolesta files are served, absolute or root-relative, ending in `/` (e.g. `/puolesta/0.1.0/`). */
  folder: string;
  /** The pack; default the one built next to this module (dist/cdn/puolesta-banner.json). */
  pack?: BannerPack;
}

let builtPack: BannerPack | undefined;
/** The pack `npm run build` wrote into dist/cdn/, read once. */
export function bannerPack(): BannerPack {
  return (builtPack ??= JSON.parse(readFileSync(new URL('../cdn/puolesta-banner.json', import.meta.url), 'utf8')) as BannerPack);
}

const escapeText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The banner as a `<template shadowrootmode="open">` to put inside `<acting-for-banner>`, or `''` when nobody is
 * acted for (or the name is one the element would refuse, e.g. containing an identity code): the plain element
 * then reads the session itself. The script must run after the parser has passed the banner (`defer`, a module,
 * or a plain script placed after `</acting-for-banner>`): a script that runs earlier gives the element a root of
 * its own, and the browser drops the template.
 */
export function prerenderBanner(options: BannerOptions): string {
  const pack = options.pack ?? bannerPack();
  // The element's own check of a session answer: the same name, cleaned the same way, or nothing.
  const who = options.actingFor ? parseSession({actingFor: {type: options.actingFor.type, name: options.actingFor.name}}) : null;
  if (!who) return '';
  const switchHref = options.switchUrl ? endpointUrl(options.switchUrl, options.pageUrl)?.href : undefined;
  const frame = pack.frames[`${options.locale}|${who.type}|${switchHref ? 1 : 0}`];
  if (frame === undefined) return '';
  const html = frame.replace('{{name}}', () => escapeText(who.name)).replace('{{href}}', () => escapeAttribute(switchHref ?? ''));
  // The comment first: lit renders before the first node of the root, and the element keeps that one node when it
  // takes the root over (the stylesheet link and the banner go, so nothing of this page's markup stays behind).
  return `<template shadowrootmode="open"><!---->${bannerStylesheet(options.folder, pack)}${html}</template>`;
}

/**
 * The banner's stylesheet as a `<link>`: first inside the shadow root, and the same in `<head>` so that it loads
 * before the first paint in every engine (its rules are all under `:host`, so in `<head>` they style nothing).
 */
export function bannerStylesheet(folder: string, pack: BannerPack = bannerPack()): string {
  return `<link rel="stylesheet" href="${escapeAttribute(folder + pack.stylesheet.file)}" integrity="${escapeAttribute(pack.stylesheet.integrity)}" crossorigin="anonymous">`;
}
