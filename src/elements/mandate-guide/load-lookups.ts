/**
 * Loads lookups.ts on first use. npm builds: the bundler's lazy chunk. The script-tag builds replace this module
 * with src/cdn-load-lookups.ts, which loads dist/cdn/puolesta-lookups.js next to the script (an IIFE cannot split).
 */
export type Lookups = typeof import('./lookups.js');

export const loadLookups = (): Promise<Lookups> => import('./lookups.js');
