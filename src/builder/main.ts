// The builder page: its own language from ?lang=fi|sv|en (default fi), then the app.
import {configureLocalization, msg} from '@lit/localize';
import {toLocale} from '../core/locale.js';
import * as fi from '../generated/builder-locales/fi.js';
import * as sv from '../generated/builder-locales/sv.js';
import {sourceLocale, targetLocales} from '../generated/builder-locale-codes.js';

const tables = {fi, sv};
const {setLocale} = configureLocalization({sourceLocale, targetLocales, loadLocale: async (locale) => tables[locale as 'fi' | 'sv']});
const ui = toLocale(new URLSearchParams(location.search).get('lang')) ?? 'fi';
await setLocale(ui);
document.documentElement.lang = ui;
document.title = `${msg('The mandate guide on your own page', {id: 'b.title'})} – Puolesta`;
await import('./builder-app.js');
