/**
 * The preview frame: the real pinned file for the chosen page language, and the element exactly as the snippet
 * writes it (built from the same model as DOM nodes, never parsed from a string). Reports its height to the
 * builder so the frame fits the guide at each width.
 */
import {themes} from '../generated/themes-all.js';
import {Catalogue, describeTheme} from '../core/themes.js';
import {elementModel, fileFor} from './snippet.js';
import {stateFromQuery} from './state.js';

declare const __PUOLESTA_RELEASE__: {version: string};

const catalogue = new Catalogue(themes);
const state = stateFromQuery(location.search, (slug) => catalogue.has(slug));
const model = elementModel(state, (slug, lang) => {
  const view = describeTheme(slug, catalogue.get(slug), lang);
  return {text: view.name?.text ?? slug, lang: view.name?.lang ?? 'fi'};
});
document.documentElement.lang = model.lang;

const guide = document.createElement('mandate-guide');
for (const [name, value] of model.attributes) guide.setAttribute(name, value);
// Where the page serving the builder has a PTV stand-in (the demo), the preview reads PTV from it.
const ptvBase = document.querySelector<HTMLMetaElement>('meta[name="puolesta-ptv-base"]')?.content;
if (ptvBase && state.source === 'ptv') guide.setAttribute('ptv-base', ptvBase);
const paragraph = document.createElement('p');
for (const piece of model.fallback) {
  if (typeof piece === 'string') paragraph.append(piece);
  else if ('name' in piece) {
    const strong = document.createElement('strong');
    strong.textContent = piece.name.text;
    if (piece.name.lang !== model.lang) strong.lang = piece.name.lang;
    paragraph.append(strong);
  } else {
    const link = document.createElement('a');
    link.href = piece.link;
    link.textContent = piece.text;
    paragraph.append(link);
  }
}
guide.append(paragraph);
document.querySelector('main')!.append(guide);

const script = document.createElement('script');
script.src = `cdn/${__PUOLESTA_RELEASE__.version}/${fileFor(state.page)}`;
document.head.append(script);

// The builder sizes the frame to the body's own height (the document's scroll height never drops below the
// frame, so a frame could only grow); it is told when that changes. Same origin only.
if (parent !== window) {
  new ResizeObserver(() => parent.postMessage({type: 'puolesta-preview-resized'}, location.origin)).observe(document.body);
}
