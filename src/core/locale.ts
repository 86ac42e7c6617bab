/** Languages the elements speak. English is the source language of the strings. */
export const LOCALES = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fi';

/** Maps a BCP 47 tag such as `sv-FI` or `EN` to one of our locales; anything else gives undefined. */
export function toLocale(tag: string | null | undefined): Locale | undefined {
  if (typeof tag !== 'string') return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(primary) ? (primary as Locale) : undefined;
}

/** The citizen entry page of Suomi.fi-valtuudet in each language. */
export const VALTUUDET_HOME: Readonly<Record<Locale, string>> = {
  fi: 'https://www.suomi.fi/valtuudet',
  sv: 'https://www.suomi.fi/fullmakter',
  en: 'https://www.suomi.fi/e-authorizations',
};

/**
 * The public list of mandate themes. Only the Finnish and English addresses are confirmed; Swedish readers
 * get the Finnish list, which has a language switch (see README, "Known gaps").
 */
export const THEME_LIST: Readonly<Record<Locale, {href: string; hreflang: Locale}>> = {
  fi: {href: 'https://www.suomi.fi/valtuudet/valtuusasiat', hreflang: 'fi'},
  sv: {href: 'https://www.suomi.fi/valtuudet/valtuusasiat', hreflang: 'fi'},
  en: {href: 'https://www.suomi.fi/e-authorizations/mandate-themes', hreflang: 'en'},
};
