/** Class-only entry: importing it defines no elements. Use `puolesta/<element>.js` to define. */
export {MandateGuide, type SituationChangeDetail} from './elements/mandate-guide/mandate-guide.js';
export {ActingForSelector} from './elements/acting-for-selector/acting-for-selector.js';
export {ActingForBanner} from './elements/acting-for-banner/acting-for-banner.js';
export {registerCatalogueLoader, setDefaultCatalogueUrl} from './elements/mandate-guide/catalogue-loader.js';
export * from './core/index.js';
/** Attribute and event types of the elements (types only): see also `puolesta/react` and `puolesta/vue`. */
export type * from './frameworks/attributes.js';
