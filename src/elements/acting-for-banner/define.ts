import {ActingForBanner} from './acting-for-banner.js';

export {ActingForBanner};
if (!customElements.get('acting-for-banner')) customElements.define('acting-for-banner', ActingForBanner);
