/**
 * Per-element localisation on top of lit-localize's tooling (msg/str extraction, XLIFF, generated runtime-mode
 * template modules).
 *
 * lit-localize's own runtime keeps one global locale and may be configured only once per page, but a municipal
 * page may hold a Swedish block on a Finnish page, and a host app may use @lit/localize itself. So each element
 * renders inside `inLocale(lang, …)` and `msg` looks its template up in that locale's table. Every message has
 * an explicit short id (checked by scripts/localize-build.mjs), which keeps hashing code and hash keys out of the
 * script-tag bundle.
 */
import type {msg as litMsg} from '@lit/localize';
import {joinStringsAndValues} from '@lit/localize/internal/str-tag.js';
import type {TemplateResult} from 'lit';
import {templates as fi} from './generated/locales/fi.js';
import {templates as sv} from './generated/locales/sv.js';
import type {Locale} from './core/locale.js';
import {ONLY_LOCALE} from './only-locale.js';

export {str} from '@lit/localize/internal/str-tag.js';

type StrResult = {strTag: true; strings: TemplateStringsArray; values: unknown[]};
type Localized = string | StrResult | TemplateResult;
type Table = Record<string, Localized>;
const TABLES: Record<Locale, Table | undefined> = {fi: fi as Table, sv: sv as Table, en: undefined};

let active: Table | undefined;
let activeLocale: Locale = 'en';

function lookup(template: Localized, id: string | undefined): unknown {
  const localized = id ? active?.[id] : undefined;
  if (localized === undefined || typeof localized === 'string') {
    if (localized !== undefined) return localized;
    // English source: a str`` result becomes a string; plain strings and html`` templates are used as they are.
    return typeof template === 'object' && 'strTag' in template
      ? joinStringsAndValues(template.strings, template.values)
      : template;
  }
  const values = (template as StrResult | TemplateResult).values;
  // Translations hold the index of each source expression, so a translator may reorder them.
  if ('strTag' in localized) return joinStringsAndValues(localized.strings, values, localized.values as number[]);
  return {...localized, values: (localized.values as number[]).map((i) => values[i])};
}

/** lit-localize's `msg` signature (so `lit-localize extract` finds every call), resolved per render locale. */
export const msg = ((template: Localized, options?: {id?: string}) => lookup(template, options?.id)) as unknown as typeof litMsg;

/** Runs `fn` with `locale` active for every `msg` call it makes synchronously. */
export function inLocale<T>(locale: Locale, fn: () => T): T {
  // A per-language file has its messages put in at build time: nothing to switch.
  if (ONLY_LOCALE) return fn();
  const previous = active;
  const previousLocale = activeLocale;
  active = TABLES[locale];
  activeLocale = locale;
  try {
    return fn();
  } finally {
    active = previous;
    activeLocale = previousLocale;
  }
}

/**
 * The all-language script-tag file's pick (scripts/inline-messages.mjs puts every message's three texts in tables
 * at build time, and its `__m(index)` calls this with the three tables): the one for the locale `inLocale` set,
 * English outside it, as `msg` answers.
 */
export const inline = <T>(en: T, fi: T, sv: T): T => (activeLocale === 'fi' ? fi : activeLocale === 'sv' ? sv : en);
