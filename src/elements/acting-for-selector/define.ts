import {ActingForSelector} from './acting-for-selector.js';
// The selector offers mandate guidance when a mandate does not cover the service.
import '../mandate-guide/define.js';

export {ActingForSelector};
if (!customElements.get('acting-for-selector')) customElements.define('acting-for-selector', ActingForSelector);
