/**
 * Script-tag builds: loads `puolesta-lookups.js` from the folder this script came from, always with the integrity
 * value of the file built with it (so CORS: this script's own crossorigin mode, else anonymous) and its CSP
 * nonce. A failed load rejects (the guide then reports the lookup as a network failure) and the next lookup
 * tries again.
 */
import type {Lookups} from './elements/mandate-guide/load-lookups.js';
import {ownScript} from './own-script.js';

declare const __PUOLESTA_LOOKUPS_INTEGRITY__: string;
const integrity = __PUOLESTA_LOOKUPS_INTEGRITY__;
const key = `puolesta-lookups ${integrity}`;
// Read while this file runs: later, the current script is some other script or null. (cdn.ts uses it too.)
export const own = ownScript();
let pending: Promise<Lookups> | undefined;

const loaded = () => (globalThis as Record<symbol, unknown>)[Symbol.for(key)] as Lookups | undefined;

export function loadLookups(): Promise<Lookups> {
  pending ??= new Promise<Lookups>((resolve, reject) => {
    const ready = () => {
      const lookups = loaded();
      if (lookups) resolve(lookups);
      else reject(new Error('puolesta-lookups.js'));
    };
    if (loaded() || !own?.src) return ready();
    const script = document.createElement('script');
    script.src = new URL('puolesta-lookups.js', own.src).href;
    script.dataset.puolestaLookups = key;
    // Never without integrity: a folder that cannot answer CORS does not get to run code here unchecked.
    script.crossOrigin = own.crossOrigin ?? 'anonymous';
    script.integrity = integrity;
    script.nonce = own.nonce; // empty when the page uses no nonce, which is the same as none
    script.onload = script.onerror = ready;
    document.head.append(script);
  });
  pending.catch(() => (pending = undefined));
  return pending;
}
