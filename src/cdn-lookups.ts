/**
 * Script-tag entry of `dist/cdn/puolesta-lookups.js`: the PTV and catalogue lookups, handed to the script that
 * loaded this file (src/cdn-load-lookups.ts) under the key it wrote on the `<script>`: its release's integrity
 * value, so two releases on one page never mix.
 */
import * as lookups from './elements/mandate-guide/lookups.js';
import {ownScript} from './own-script.js';

const key = ownScript()?.dataset.puolestaLookups;
if (key) (globalThis as Record<symbol, unknown>)[Symbol.for(key)] = lookups;
