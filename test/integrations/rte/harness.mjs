// Shared by test/integrations/rich-text-editors.test.mjs: the builder's own snippet code, the editor test pages
// bundled by esbuild, and what an editor's output keeps, read with the browser's HTML parser.
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {build} from 'esbuild';
import {root} from '../../e2e/support.mjs';

/** Built pages go under node_modules/.cache (ignored by git, served by support.mjs's serve like any repo file). */
export const OUT = join(root, 'node_modules/.cache/puolesta-rte');

/**
 * The builder's snippet for `query` (the builder's own URL query), with the pinned files of this version served
 * by `origin` (its `dist/cdn/<version>/` folder, as the demo serves them): the same
 * modules the builder page runs (snippet.ts, state.ts, search.ts) with the same catalogue and release file.
 * Returns {head, body, version}.
 */
export async function builderSnippet(query, origin) {
  const {version} = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const release = JSON.parse(await readFile(join(root, 'dist/cdn', version, 'integrity.json'), 'utf8'));
  const folder = `${origin}/dist/cdn/${version}/`;
  await mkdir(OUT, {recursive: true});
  const file = join(OUT, 'snippet.mjs');
  await build({
    stdin: {
      contents: `
        export {elementHtml, elementModel, scriptHtml, scriptModel} from './src/builder/snippet.ts';
        export {stateFromQuery} from './src/builder/state.ts';
        export {ThemeFinder} from './src/builder/search.ts';
        export {default as catalogue} from './data/mandate-themes.json';
        export {default as keywords} from './data/search-keywords.json';`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: file,
    logLevel: 'error',
  });
  const m = await import(`${pathToFileURL(file).href}?${Date.now()}`);
  // As builder-app.ts does it.
  const finder = new m.ThemeFinder(m.catalogue.themes, m.catalogue.categories, m.keywords.keywords);
  const state = m.stateFromQuery(query, (slug) => finder.has(slug));
  const element = m.elementModel(state, (slug, lang) => finder.describe(slug, lang)?.name ?? {text: slug, lang: 'fi'});
  return {head: m.scriptHtml(m.scriptModel(state, release, folder)), body: m.elementHtml(element), version};
}

/** The two editor test pages (test/integrations/rte/*.js) bundled into OUT. */
export async function buildEditorPages() {
  await mkdir(OUT, {recursive: true});
  await build({
    entryPoints: {ckeditor: join(root, 'test/integrations/rte/ckeditor.js'), tinymce: join(root, 'test/integrations/rte/tinymce.js')},
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: OUT,
    logLevel: 'error',
  });
  const base = '/node_modules/.cache/puolesta-rte';
  const page = (title, head) =>
    `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>${title}</title>${head}</head>` +
    `<body><main><div id="editor"></div></main></body></html>`;
  return {
    '/ckeditor.html': page('CKEditor 5', `<link rel="stylesheet" href="${base}/ckeditor.css"><script type="module" src="${base}/ckeditor.js"></script>`),
    '/tinymce.html': page('TinyMCE', `<script src="/node_modules/tinymce/tinymce.min.js"></script><script type="module" src="${base}/tinymce.js"></script>`),
  };
}

/**
 * What an editor's output keeps, parsed by the browser (run in a page with `page.evaluate(keeps, [html, intro])`):
 * the guide elements and their attributes, where the no-JS fallback paragraph is (inside the guide, outside it,
 * or gone) with its bold name and link, and any <script> with its attributes.
 */
export function keeps([html, intro]) {
  const doc = new DOMParser().parseFromString(/^\s*<(!doctype|html)/i.test(html) ? html : `<!doctype html><body>${html}`, 'text/html');
  const attrs = (el) => Object.fromEntries(el.getAttributeNames().sort().map((n) => [n, el.getAttribute(n)]));
  const guides = [...doc.querySelectorAll('mandate-guide')];
  const paragraph = [...doc.querySelectorAll('p')].find((p) => p.textContent.includes(intro));
  const text = doc.body.textContent.includes(intro);
  return {
    guides: guides.length,
    attributes: guides[0] ? attrs(guides[0]) : null,
    fallback: paragraph ? (guides[0]?.contains(paragraph) ? 'inside' : 'outside') : text ? 'text only' : 'gone',
    fallbackBold: !!paragraph?.querySelector('strong'),
    fallbackLink: paragraph?.querySelector('a')?.getAttribute('href') ?? null,
    scripts: [...doc.querySelectorAll('script')].map((s) => ({in: s.parentElement.localName, ...attrs(s)})),
    embed: !!doc.querySelector('.raw-html-embed'),
  };
}
