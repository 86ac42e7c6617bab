/**
 * The guide's network lookups: a service channel's themes from PTV, and the full theme catalogue for a theme
 * outside the bundled subset. Both wait for a network answer anyway, so this code is loaded only when a page
 * needs one (load-lookups.ts): pages with bundled themes never pay for it.
 */
import {parseCatalogueJson, type ThemeRecord} from '../../core/themes.js';

export {fetchChannelThemes} from '../../core/ptv.js';

/**
 * The catalogue JSON at `url` (already checked by the caller), validated record by record; with `integrity`,
 * the browser refuses any other bytes.
 */
export async function fetchCatalogue(url: string, integrity?: string): Promise<readonly ThemeRecord[]> {
  const response = await fetch(url, {credentials: 'omit', signal: AbortSignal.timeout(5000), ...(integrity ? {integrity} : {})});
  if (!response.ok) throw new Error(`catalogue ${response.status}`);
  return parseCatalogueJson(await response.json());
}
