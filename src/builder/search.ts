/**
 * The builder's theme finder: MiniSearch over the whole catalogue (names and descriptions in every language a
 * source gives, the slug, the category). DOM-free, so node tests and the page use the same index.
 *
 * Finnish writes long compounds and inflects them, so a plain word index misses what editors type:
 * "kasvatus" is inside "varhaiskasvatuksen", and "varhaiskasvtus" (one typo) is a typo in a prefix. Besides
 * the words themselves, each word's leading and trailing parts (5+ letters) go into a low-weight `parts`
 * field: a prefix search there finds a compound's tail, and fuzzy matching there forgives a typo in a prefix.
 */
import MiniSearch, {type SearchResult} from 'minisearch';
import type {Locale} from '../core/locale.js';
import {pickText, type LangText} from '../core/themes.js';

type MaybeTexts = Partial<Record<Locale, string | null>>;
/** One theme as the catalogue JSON (data/mandate-themes.json) has it; only the fields the builder uses. */
export interface CatalogueTheme {
  slug: string;
  labels: MaybeTexts;
  descriptions?: MaybeTexts;
  category?: string | null;
  principal?: string | null;
}
export interface CatalogueCategory {
  id: string;
  labels: MaybeTexts;
}

/** A name or description and the language it is really in (a Swedish editor may get the Finnish name). */
export type Named = LangText;
export interface ThemeHit {
  slug: string;
  name: Named;
  description?: Named;
  category?: Named;
  /** who can give the mandate, when the catalogue says: `any` (persons and organisations) or `company` */
  principal?: 'any' | 'company';
}

/** Lowercase, and ä/ö/å folded so "paattymisesta" (as in slugs) and "päättymisestä" meet. */
export const fold = (term: string) => term.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');

const MIN_PART = 5;
/** A word's leading and trailing parts of MIN_PART+ letters, without the word itself. */
export function wordParts(word: string): string[] {
  const parts = new Set<string>();
  for (let end = MIN_PART; end < word.length; end++) parts.add(word.slice(0, end));
  for (let start = 1; start <= word.length - MIN_PART; start++) parts.add(word.slice(start));
  return [...parts];
}

const WORDS = /[\p{L}\p{N}]+/gu;
const words = (text: string) => (text.match(WORDS) ?? []).map(fold);

/** Everyday search words per theme and language (data/search-keywords.json): found by, never shown. */
export type Keywords = Record<string, Partial<Record<Locale, string[]>>>;

interface Doc {
  id: string;
  names: string;
  keywords: string;
  descriptions: string;
  slug: string;
  category: string;
  parts: string;
}

export class ThemeFinder {
  private readonly bySlug = new Map<string, CatalogueTheme>();
  private readonly categories = new Map<string, MaybeTexts>();
  private readonly keywords: Keywords;
  /** Built on the first search, not when the page starts: it is most of the finder's cost. */
  private built?: MiniSearch<Doc>;

  constructor(themes: readonly CatalogueTheme[], categories: readonly CatalogueCategory[] = [], keywords: Keywords = {}) {
    for (const category of categories) this.categories.set(category.id, category.labels);
    for (const theme of themes) if (theme?.slug && !this.bySlug.has(theme.slug)) this.bySlug.set(theme.slug, theme);
    this.keywords = keywords;
  }

  private get index(): MiniSearch<Doc> {
    if (this.built) return this.built;
    this.built = new MiniSearch<Doc>({
      fields: ['names', 'keywords', 'descriptions', 'slug', 'category', 'parts'],
      tokenize: (text) => text.split(/\s+/).filter(Boolean),
      processTerm: (term) => term,
      searchOptions: {
        boost: {names: 4, keywords: 2, slug: 2, category: 1.5, descriptions: 1, parts: 0.6},
        prefix: true,
        // One typo in a word of 5+ letters, two in a long one; short words must match as typed.
        fuzzy: (term) => (term.length >= 9 ? 2 : term.length >= 5 ? 1 : 0),
        maxFuzzy: 2,
        combineWith: 'AND',
        tokenize: (text) => words(text),
        processTerm: (term) => term,
      },
    });
    const texts = (record: MaybeTexts | undefined) => Object.values(record ?? {}).filter((t): t is string => typeof t === 'string');
    this.built.addAll([...this.bySlug.values()].map((theme) => {
      const names = texts(theme.labels);
      const descriptions = texts(theme.descriptions);
      const categoryNames = texts(this.categories.get(theme.category ?? ''));
      const extra = Object.hasOwn(this.keywords, theme.slug) ? Object.values(this.keywords[theme.slug]).flat().filter((t): t is string => typeof t === 'string') : [];
      const all = [...names, ...extra, ...descriptions, ...categoryNames].flatMap(words);
      const slugWords = theme.slug.split('_');
      return {
        id: theme.slug,
        names: names.flatMap(words).join(' '),
        keywords: extra.flatMap(words).join(' '),
        descriptions: descriptions.flatMap(words).join(' '),
        slug: [theme.slug, ...slugWords].join(' '),
        category: categoryNames.flatMap(words).join(' '),
        parts: [...new Set([...all, ...slugWords].flatMap(wordParts))].join(' '),
      };
    }));
    return this.built;
  }

  get size(): number {
    return this.bySlug.size;
  }

  has(slug: string): boolean {
    return this.bySlug.has(slug);
  }

  /** The best matches first; an empty or wordless query gives nothing. */
  search(query: string, locale: Locale, limit = 12): ThemeHit[] {
    if (!words(query).length) return [];
    // The slug typed or pasted whole is an exact answer.
    const exact = this.bySlug.has(query.trim()) ? [query.trim()] : [];
    // Each word as typed, or its stem: Finnish inflects the end ("kasvatus" → "kasvatuksen"), so a word of
    // 6+ letters also matches by its first letters minus the last two.
    const queries = words(query).map((word) => ({
      combineWith: 'OR' as const,
      queries: word.length >= 6 ? [word, word.slice(0, -2)] : [word],
    }));
    const found = this.index.search({combineWith: 'AND', queries}).map((r: SearchResult) => r.id as string);
    return [...new Set([...exact, ...found])].slice(0, limit).map((slug) => this.describe(slug, locale)!);
  }

  describe(slug: string, locale: Locale): ThemeHit | undefined {
    const theme = this.bySlug.get(slug);
    if (!theme) return undefined;
    const principal = theme.principal === 'any' || theme.principal === 'company' ? theme.principal : undefined;
    return {
      slug,
      name: pickText(theme.labels, locale) ?? {text: slug, lang: 'fi'},
      description: pickText(theme.descriptions, locale),
      category: pickText(this.categories.get(theme.category ?? ''), locale),
      principal,
    };
  }
}
