/**
 * Per-element localisation on top of @lit/localize's runtime-mode output.
 *
 * lit-localize's own runtime keeps one global locale, but a municipal page may hold a Swedish block on a
 * Finnish page, and a host app may configure @lit/localize for itself (which may happen only once per page).
 * So we keep lit-localize's tooling (msg/str extraction, XLIFF, generated template modules, its runtime
 * lookup) and pick the template table per render: `inLocale(lang, () => this.renderBody())`.
 */
import type {msg as litMsg} from '@lit/localize';
import {runtimeMsg} from '@lit/localize/internal/runtime-msg.js';
import {templates as fi} from './generated/locales/fi.js';
import {templates as sv} from './generated/locales/sv.js';
import type {Locale} from './core/locale.js';

export {str} from '@lit/localize';

type Templates = Parameters<typeof runtimeMsg>[0];
const TABLES: Record<Locale, Templates> = {fi, sv, en: undefined};

let active: Templates = undefined;

/** Same signature and extraction marker as lit-localize's `msg`, resolved in the locale of the current render. */
export const msg = ((template: Parameters<typeof litMsg>[0], options?: Parameters<typeof litMsg>[1]) =>
  runtimeMsg(active, template as never, options)) as typeof litMsg;

/** Runs `fn` with `locale` active for every `msg` call it makes synchronously. */
export function inLocale<T>(locale: Locale, fn: () => T): T {
  const previous = active;
  active = TABLES[locale];
  try {
    return fn();
  } finally {
    active = previous;
  }
}
