import {DEFAULT_LOCALE, toLocale, type Locale} from '../../core/locale.js';
import {inLocale} from '../../localization.js';
import {ONLY_LOCALE} from '../../only-locale.js';

/**
 * The element's language: its own or the nearest ancestor's supported `lang` (crossing shadow roots),
 * else <html lang>, else Finnish. A per-language file always speaks its own language.
 */
export function resolveLocale(element: Element): Locale {
  if (ONLY_LOCALE) return ONLY_LOCALE;
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      const locale = toLocale(node.getAttribute('lang'));
      if (locale) return locale;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return DEFAULT_LOCALE;
}

/** Runs `fn` (a render, or the text of an announcement) in the element's language (see resolveLocale). */
export function localised<T>(element: Element, fn: (locale: Locale) => T): T {
  const locale = resolveLocale(element);
  return inLocale(locale, () => fn(locale));
}

interface LangAware extends Element {
  requestUpdate(): void;
}
const watchers = new Set<LangAware>();
let observer: MutationObserver | undefined;

/**
 * One observer for the whole page re-renders every element when any `lang` attribute changes. A per-language
 * file speaks one language whatever `lang` says, so there it watches nothing.
 */
export function watchLang(element: LangAware): () => void {
  if (ONLY_LOCALE) return () => undefined;
  watchers.add(element);
  if (!observer) {
    observer = new MutationObserver(() => watchers.forEach((w) => w.requestUpdate()));
    observer.observe(document.documentElement, {attributes: true, attributeFilter: ['lang'], subtree: true});
  }
  return () => {
    watchers.delete(element);
    if (watchers.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}
