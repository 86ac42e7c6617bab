import {msg} from '../../localization.js';
export const probe = () => msg('Acting on behalf of someone else');
