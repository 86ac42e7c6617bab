// After `vite build` (dist/lib): renders <mandate-guide> itself, in happy-dom, for every preset and theme, and
// writes what pre-rendered pages need (src/core/prerender.ts reads it):
//   dist/cdn/puolesta-guide.css  the guide's styles as a file, for the <link> in the declarative shadow root
//   dist/cdn/prerender.json      frames (one per language × principal × situation × theme count) and theme cards
// The element renders; this script only cuts the result into pieces and marks what varies (heading levels, where
// the cards go, card index, first theme's page). tests compare the pieces put together with the live element.
import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {GlobalRegistrator} from '@happy-dom/global-registrator';
import {attr, serialize as serializeHtml, underHost} from './prerender-html.mjs';

const LOCALES = ['fi', 'sv', 'en'];
const {version} = JSON.parse(readFileSync('package.json', 'utf8'));

GlobalRegistrator.register({url: 'https://prerender.invalid/', width: 1280, height: 900});
const {MandateGuide} = await import('../dist/lib/mandate-guide.js');
const {PRINCIPALS, SITUATIONS} = await import('../dist/lib/core.js');
const {themes: allThemes} = JSON.parse(readFileSync('src/generated/public/mandate-themes.json', 'utf8'));
const {themes: municipal} = JSON.parse(readFileSync('data/municipal-themes.json', 'utf8'));

/** A node's children as HTML (scripts/prerender-html.mjs), with this frame's placeholders. */
const serialize = (node, marker) => normalise(serializeHtml(node, marker));
/** What varies with the heading level and the instance becomes a placeholder (rendered at level 2). */
const normalise = (html) =>
  html
    .replace(/\bmg\d+-/g, 'pg-')
    .replace(/aria-level="([2-4])"/g, (_, n) => `aria-level="{{l${n - 2}}}"`)
    .replace(/class="heading h([2-4])"/g, (_, n) => `class="heading h{{l${n - 2}}}"`);

let host;
/** Renders a guide with these attributes and waits until it shows its guidance (not "loading"). */
async function render(locale, attributes) {
  host?.remove();
  host = document.createElement('mandate-guide');
  host.setAttribute('lang', locale);
  for (const [name, value] of Object.entries(attributes)) if (value) host.setAttribute(name, value);
  const fallback = document.createElement('p');
  fallback.textContent = 'fallback';
  host.append(fallback);
  document.body.append(host);
  for (let i = 0; i < 200; i++) {
    await host.updateComplete;
    if (!host.shadowRoot.querySelector('.loading')) return host.shadowRoot;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`the guide did not finish loading: ${JSON.stringify(attributes)}`);
}

const probe = municipal.slice(0, 2);
const frames = {};
for (const locale of LOCALES) {
  for (const principal of ['', ...PRINCIPALS]) {
    for (const situation of ['', ...SITUATIONS]) {
      for (const count of [0, 1, 2]) {
        const root = await render(locale, {principal, situation, theme: probe.slice(0, count).join(' ')});
        if (root.querySelector('.notice, .fallback')) throw new Error(`a notice in ${locale} ${principal} ${situation}`);
        const copy = !!root.querySelector('.choose article.theme');
        const pageLink = root.querySelector('.choose .actions a:not(.cta)');
        if (count && pageLink) {
          pageLink.setAttribute('href', '{{href}}');
          pageLink.setAttribute('hreflang', '{{hreflang}}');
        }
        let frame = serialize(root, count ? (copy ? '{{copy-cards}}' : '{{cards}}') : undefined);
        // Without JavaScript the questions cannot be answered: the page's own no-JS text shows instead (the
        // stylesheet shows .no-js only when scripting is off; the element never renders it).
        if (!(principal && situation) || root.querySelector('.questions')) {
          frame = frame.replace(/(<div role="heading"[^>]*>.*?<\/div>)/, '$1<div class="no-js"><slot></slot></div>');
        }
        frames[`${locale}|${principal}|${situation}|${count}`] = frame;
      }
    }
  }
}

const cards = {};
for (const locale of LOCALES) {
  cards[locale] = {};
  for (const {s: slug} of allThemes) {
    const plainRoot = await render(locale, {theme: slug});
    const plain = serialize(wrap(plainRoot.querySelector('article.theme')));
    const copyRoot = await render(locale, {theme: slug, principal: 'person', situation: 'on-behalf'});
    const copyCard = serialize(wrap(copyRoot.querySelector('.choose article.theme')));
    const link = copyRoot.querySelector('.choose .actions a:not(.cta)');
    const index = (html) => html.replace(/pg-theme-0/g, 'pg-theme-{{i}}');
    cards[locale][slug] = [index(plain), index(copyCard), attr(link.getAttribute('href')), attr(link.getAttribute('hreflang'))];
  }
}
/** A one-node stand-in parent, so serialize() writes the node itself. */
function wrap(node) {
  return {childNodes: [node]};
}

// The stylesheet: the element's own styles under :host (inert in <head>), then what only pre-rendered markup needs.
const css = `${underHost(MandateGuide.elementStyles)}
/* Pre-rendered markup only: the page's no-JS text shows when scripting is off, and controls that need a script hide. */
:host .no-js { display: none; }
@media (scripting: none) {
  :host .no-js { display: block; }
  :host .questions, :host .copy { display: none; }
}
`;
const integrity = `sha384-${createHash('sha384').update(css).digest('base64')}`;
mkdirSync('dist/cdn', {recursive: true});
writeFileSync('dist/cdn/puolesta-guide.css', css);
const pack = {version, stylesheet: {file: 'puolesta-guide.css', integrity}, frames, cards};
writeFileSync('dist/cdn/prerender.json', JSON.stringify(pack));
console.log(`prerender: ${Object.keys(frames).length} frames, ${allThemes.length} themes × ${LOCALES.length} languages, ${JSON.stringify(pack).length} bytes; stylesheet ${css.length} bytes`);
await GlobalRegistrator.unregister();
