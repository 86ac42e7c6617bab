/**
 * The guide's network lookups: a service channel's themes from PTV, and the full theme catalogue for a theme
 * outside the bundled subset. Both wait for a network answer anyway, so this code is loaded only when a page
 * needs one (load-lookups.ts): pages with bundled themes never pay for it.
 */
import {parseCatalogueJson, type ThemeRecord} from '../../core/themes.js';

export {fetchChannelThemes} from '../../core/ptv.js';

/** sha384 of the catalogue built with the script-tag files (defined by their lookups build only). */
declare const __PUOLESTA_CATALOGUE_INTEGRITY__: string | undefined;

/**
 * The catalogue JSON at `url` (already checked by the caller), validated record by record. `pinned`: the
 * catalogue next to the script-tag file, read with the integrity of the one built with it, so the folder that
 * serves it cannot change a theme's name.
 */
export async function fetchCatalogue(url: string, pinned = false): Promise<readonly ThemeRecord[]> {
  const integrity = pinned && typeof __PUOLESTA_CATALOGUE_INTEGRITY__ === 'string' ? __PUOLESTA_CATALOGUE_INTEGRITY__ : undefined;
  const response = await fetch(url, {credentials: 'omit', signal: AbortSignal.timeout(5000), ...(integrity ? {integrity} : {})});
  if (!response.ok) throw new Error(`catalogue ${response.status}`);
  return parseCatalogueJson(await response.json());
}
