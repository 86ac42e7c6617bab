// Build step (after `vite build` wrote dist/lib; run by `npm run build`): renders <acting-for-banner> itself, in
// happy-dom, the way it takes over a server-rendered banner, for every language × principal type × with and
// without the Switch link, and writes what a server needs to render the banner into its pages
// (src/server/banner.ts reads it):
//   dist/cdn/puolesta-banner.css   the banner's own styles with every selector under :host, for the <link> in
//                                  the declarative shadow root and in <head> (styles nothing of the page there)
//   dist/cdn/puolesta-banner.json  {stylesheet: {file, integrity}, frames: {"fi|person|1": html, …}}
// The frames carry two placeholders, {{name}} and {{href}} (the Switch link); everything else is the element's
// own render. Tests compare the server's banner with the live element's (test/e2e/banner-shift.test.mjs).
import {createHash} from 'node:crypto';
import {mkdirSync, writeFileSync} from 'node:fs';
import {GlobalRegistrator} from '@happy-dom/global-registrator';
import {attr, serialize as serializeHtml, underHost} from '../../../scripts/prerender-html.mjs';

const LOCALES = ['fi', 'sv', 'en'];
const TYPES = ['person', 'organisation'];
const NAME = '{{name}}';
const SWITCH = 'https://switch.invalid/';

GlobalRegistrator.register({url: 'https://prerender.invalid/', width: 1280, height: 900});
const {ActingForBanner} = await import('../../../dist/lib/acting-for-banner-element.js');

/** HTML of a node's children (scripts/prerender-html.mjs), trimmed. */
const serialize = (node) => serializeHtml(node).trim();

// The session endpoint answers with the placeholder name; the element renders it as text.
let answer;
globalThis.fetch = async () => new Response(JSON.stringify({actingFor: answer}), {headers: {'Content-Type': 'application/json'}});

// The host gets its shadow root before the element is defined, as a declarative root would be: the element
// then renders the banner that takes over a server-rendered one (in the page's flow, not a bar over the window).
const hosts = [];
const frames = {};
for (const locale of LOCALES) {
  for (const type of TYPES) {
    for (const withSwitch of [0, 1]) {
      const host = document.createElement('acting-for-banner');
      host.setAttribute('lang', locale);
      host.attachShadow({mode: 'open'});
      document.body.append(host);
      hosts.push({host, key: `${locale}|${type}|${withSwitch}`, type});
    }
  }
}
customElements.define('acting-for-banner', ActingForBanner);
for (const {host, key, type} of hosts) {
  // Set after the upgrade: happy-dom does not pass attributes present at upgrade to attributeChangedCallback.
  if (key.endsWith('|1')) host.setAttribute('switch-url', SWITCH);
  answer = {type, name: NAME, themes: []};
  await host.refresh();
  await host.updateComplete;
  const root = host.shadowRoot;
  const banner = root.querySelector('[part=banner]');
  if (!banner || banner.classList.contains('over')) throw new Error(`the banner did not render as a server-rendered one: ${key}`);
  // The live region stays empty in the page: its text is for the moment the principal changes.
  root.querySelector('[role=status]').textContent = '';
  let html = serialize(root);
  if (!html.includes(NAME)) throw new Error(`no name in ${key}`);
  html = html.replaceAll(attr(SWITCH), '{{href}}');
  if (key.endsWith('|1') !== html.includes('{{href}}')) throw new Error(`switch link in ${key}`);
  frames[key] = html;
  host.remove();
}

// The element's styles under :host (scripts/prerender-html.mjs): inert when linked in <head>.
const css = `${underHost(ActingForBanner.elementStyles)}\n`;
const file = 'puolesta-banner.css';
const integrity = `sha384-${createHash('sha384').update(css).digest('base64')}`;
mkdirSync('dist/cdn', {recursive: true});
writeFileSync(`dist/cdn/${file}`, css);
writeFileSync('dist/cdn/puolesta-banner.json', JSON.stringify({stylesheet: {file, integrity}, frames}));
console.log(`banner prerender: ${Object.keys(frames).length} frames; stylesheet ${css.length} bytes`);
await GlobalRegistrator.unregister();
