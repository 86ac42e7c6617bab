import {registerCatalogueLoader} from './catalogue-loader.js';
import {MandateGuide} from './mandate-guide.js';

export {MandateGuide};
// npm users get the full catalogue as a lazy chunk instead of a network fetch.
registerCatalogueLoader(() => import('../../generated/themes-all.js').then((m) => m.themes));
if (!customElements.get('mandate-guide')) customElements.define('mandate-guide', MandateGuide);
