/**
 * Script-tag entry (`dist/cdn/puolesta.js`): defines every element once. Loading the file twice, or next to
 * the npm build, is harmless because each define is guarded.
 */
import {ActingForBanner} from './elements/acting-for-banner/acting-for-banner.js';
import {ActingForSelector} from './elements/acting-for-selector/acting-for-selector.js';
import {setDefaultCatalogueUrl} from './elements/mandate-guide/catalogue-loader.js';
import {MandateGuide} from './elements/mandate-guide/mandate-guide.js';
import {ownScript} from './own-script.js';

declare const __PUOLESTA_CATALOGUE_INTEGRITY__: string;

// The full catalogue sits next to this script; found from our own URL, so editors configure nothing. It is read
// with the integrity value of the catalogue built with this file, so the folder cannot change a theme's name.
const script = ownScript();
if (script?.src) setDefaultCatalogueUrl(new URL('mandate-themes.json', script.src).href, __PUOLESTA_CATALOGUE_INTEGRITY__);

const elements: Array<[string, CustomElementConstructor]> = [
  ['mandate-guide', MandateGuide],
  ['acting-for-selector', ActingForSelector],
  ['acting-for-banner', ActingForBanner],
];
for (const [name, constructor] of elements) {
  if (!customElements.get(name)) customElements.define(name, constructor);
}
