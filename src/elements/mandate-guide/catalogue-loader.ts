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
let defaultIntegrity: string | undefined;
const cache = new Map<string, Promise<readonly ThemeRecord[]>>();

export function registerCatalogueLoader(loader: Loader): void {
  registered = loader;
}
/** `integrity`: the sha384 of the catalogue built with this script; the fetch fails on any other bytes. */
export function setDefaultCatalogueUrl(url: string | undefined, integrity?: string): void {
  defaultUrl = url;
  defaultIntegrity = integrity;
}

/**
 * Only same-origin or https catalogue URLs (http between loopback hosts in development), the banner's rule;
 * the JSON is validated record by record.
 */
const safeUrl = (raw: string) => endpointUrl(raw, document.baseURI)?.href;

/** Resolves to the full catalogue, or rejects; the attribute wins over the registered loader. */
export function loadFullCatalogue(attributeUrl: string | null): Promise<readonly ThemeRecord[]> {
  const fromAttribute = attributeUrl ? safeUrl(attributeUrl) : undefined;
  if (attributeUrl && !fromAttribute) return Promise.reject(new Error('catalogue-url refused'));
  const key = fromAttribute ?? (registered ? 'registered' : defaultUrl ? safeUrl(defaultUrl) : undefined);
  if (!key) return Promise.reject(new Error('no catalogue source'));
  let pending = cache.get(key);
  if (!pending) {
    const integrity = fromAttribute ? undefined : defaultIntegrity;
    pending = fromAttribute || !registered ? loadLookups().then((lookups) => lookups.fetchCatalogue(key, integrity)) : registered();
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}
