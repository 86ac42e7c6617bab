// The snippet builder's own no-JS fallback paragraph (src/builder/snippet.ts, bundled on the fly with esbuild), for
// comparing what WordPress and Drupal write with what the builder hands an editor. Theme names come from the
// release's catalogue with the element's own rule (pickText in src/core/themes.ts).
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bundled = await build({
  stdin: {
    contents: "export {elementModel, elementHtml} from './src/builder/snippet.ts'; export {pickText} from './src/core/themes.ts';",
    resolveDir: root, loader: 'ts',
  },
  bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'silent',
});
const {elementModel, elementHtml, pickText} = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);
const catalogue = new Map(JSON.parse(readFileSync(`${root}/dist/cdn/mandate-themes.json`, 'utf8')).themes.map((t) => [t.s, t]));

/** The builder's fallback paragraph (inner HTML, whitespace collapsed) for a page in `lang`. */
export function builderFallback({themes = [], channel = '', lang}) {
  const state = {ui: lang, source: channel ? 'ptv' : 'catalogue', themes, channel, heading: 2, page: lang, files: '', width: 'full'};
  const model = elementModel(state, (slug, locale) => pickText(catalogue.get(slug)?.n, locale) ?? {text: slug, lang: 'fi'});
  return normalise(/<p>([\s\S]*)<\/p>/.exec(elementHtml(model))[1]);
}

/** Whitespace collapsed and the apostrophe written one way (PHP writes &#039;, the builder &#39;). */
export const normalise = (html) => html.replace(/\s+/g, ' ').replace(/&#0?39;/g, "'").trim();
