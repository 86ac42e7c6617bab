/**
 * Script-tag entry (`dist/cdn/puolesta.js`): defines every element once. Loading the file twice, or next to
 * the npm build, is harmless because each define is guarded.
 */
import {ActingForBanner} from './elements/acting-for-banner/acting-for-banner.js';
import {ActingForSelector} from './elements/acting-for-selector/acting-for-selector.js';
import {setDefaultCatalogueUrl} from './elements/mandate-guide/catalogue-loader.js';
import {MandateGuide} from './elements/mandate-guide/mandate-guide.js';
import {own} from './cdn-load-lookups.js';

// The full catalogue sits next to this script; found from our own URL, so editors configure nothing. The lookups
// file (itself loaded with integrity) reads it with the integrity of the catalogue built with it.
if (own?.src) setDefaultCatalogueUrl(new URL('mandate-themes.json', own.src).href);

const elements: Array<[string, CustomElementConstructor]> = [
  ['mandate-guide', MandateGuide],
  ['acting-for-selector', ActingForSelector],
  ['acting-for-banner', ActingForBanner],
];
for (const [name, constructor] of elements) {
  if (!customElements.get(name)) customElements.define(name, constructor);
}
