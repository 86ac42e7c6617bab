import type {Locale} from './core/locale.js';

/**
 * The one language of a per-language script-tag file (`puolesta.fi.js`, …): its build replaces this module, and
 * every element then speaks that language whatever the page's `lang`. Undefined in every other build.
 */
export const ONLY_LOCALE: Locale | undefined = undefined;
