/**
 * Where the full theme catalogue comes from when a theme is not in the bundled municipal subset.
 * npm builds register a lazy chunk; the script-tag build fetches dist/cdn/mandate-themes.json next to itself.
 */
import {endpointUrl} from '../../core/acting-for.js';
import type {ThemeRecord} from '../../core/themes.js';
import {loadLookups} from './load-lookups.js';

type Loader = () => Promise<readonly ThemeRecord[]>;
let registered: Loader | undefined;
let defaultUrl: string | undefined;
const cache = new Map<string, Promise<readonly ThemeRecord[]>>();

export function registerCatalogueLoader(loader: Loader): void {
  registered = loader;
}
export function setDefaultCatalogueUrl(url: string | undefined): void {
  defaultUrl = url;
}

/**
 * Only same-origin or https catalogue URLs (http between loopback hosts in development), the banner's rule;
 * the JSON is validated record by record.
 */
const safeUrl = (raw: string) => endpointUrl(raw, document.baseURI)?.href;

/** Resolves to the full catalogue, or rejects; the attribute wins over the registered loader. */
export function loadFullCatalogue(attributeUrl: string | null): Promise<readonly ThemeRecord[]> {
  const fromAttribute = attributeUrl ? safeUrl(attributeUrl) : undefined;
  // A refused catalogue-url never falls back to another source; the guide reports either case the same way.
  const key = attributeUrl ? fromAttribute : registered ? 'registered' : defaultUrl ? safeUrl(defaultUrl) : undefined;
  if (!key) return Promise.reject(new Error('no catalogue'));
  let pending = cache.get(key);
  if (!pending) {
    // The catalogue next to the script is the one built with it (pinned); an attribute's is the page's own choice.
    pending = fromAttribute || !registered ? loadLookups().then((lookups) => lookups.fetchCatalogue(key, !fromAttribute)) : registered();
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}
