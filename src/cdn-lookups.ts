/**
 * Script-tag entry of `dist/cdn/puolesta-lookups.js`: the PTV and catalogue lookups, handed to the main script
 * (src/cdn-load-lookups.ts) under a key made from this file's own integrity value, so a page with two releases
 * never mixes them.
 */
import * as lookups from './elements/mandate-guide/lookups.js';

declare const __PUOLESTA_LOOKUPS_KEY__: string;
(globalThis as Record<symbol, unknown>)[Symbol.for(__PUOLESTA_LOOKUPS_KEY__)] = lookups;
