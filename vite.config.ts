import {readFileSync} from 'node:fs';
import {defineConfig, type Plugin, type UserConfig} from 'vite';
import {dropSourceText, minifyTemplatesPlugin} from './scripts/minify-templates.mjs';

/**
 * In a per-language script-tag build, the other languages' tables are left out, ONLY_LOCALE names the one kept,
 * and (fi, sv) the English source text goes too.
 */
function oneLanguage(locale: string): Plugin {
  return {
    name: 'puolesta-one-language',
    enforce: 'pre',
    load(id) {
      if (/src[\\/]only-locale\.ts$/.test(id)) return `export const ONLY_LOCALE = ${JSON.stringify(locale)};`;
      const table = /generated[\\/]locales[\\/](fi|sv)\.ts$/.exec(id);
      if (table && table[1] !== locale) return 'export const templates = undefined;';
      return null;
    },
    // A Finnish or Swedish file never shows the English source text: only the table's texts.
    transform(code, id) {
      if (locale === 'en' || !/[\\/]src[\\/].*\.ts$/.test(id) || !code.includes('msg(')) return null;
      return {code: dropSourceText(code), map: null};
    },
  };
}

// Builds: `vite build` → dist/lib (ESM for bundlers, lit external, catalogue as a lazy chunk);
// `vite build --mode cdn` → dist/cdn/puolesta.js (one classic script with everything, plus the catalogue JSON);
// `--mode cdn-fi|cdn-sv|cdn-en` → dist/cdn/puolesta.<lang>.js (everything, one language).
// `--mode builder` → dist/builder/: the editor's snippet builder as a static folder (after the cdn builds: it
// carries the pinned release's integrity values, and scripts/builder-files.mjs copies the pinned files in).
function builderConfig(): UserConfig {
  const {version} = JSON.parse(readFileSync('package.json', 'utf8'));
  const release = JSON.parse(readFileSync(`dist/cdn/${version}/integrity.json`, 'utf8'));
  return {
    root: 'src/builder',
    base: './',
    publicDir: false,
    define: {__PUOLESTA_RELEASE__: JSON.stringify(release)},
    build: {
      outDir: '../../dist/builder',
      emptyOutDir: true,
      target: 'es2022',
      // No inline module-preload helper: the folder runs under script-src 'self'.
      modulePreload: false,
      rolldownOptions: {input: {index: 'src/builder/index.html', preview: 'src/builder/preview.html'}},
    },
  };
}

export default defineConfig(({mode}) => {
  if (mode === 'builder') return builderConfig();
  const single = /^cdn-(fi|sv|en)$/.exec(mode)?.[1];
  return mode === 'cdn' || single
    ? {
        plugins: [minifyTemplatesPlugin(), ...(single ? [oneLanguage(single)] : [])],
        // The generated locale modules only need `str`; the package index would add hashing and runtime setup.
        resolve: {alias: [{find: /^@lit\/localize$/, replacement: '@lit/localize/internal/str-tag.js'}]},
        publicDir: single ? false : 'src/generated/public',
        build: {
          outDir: 'dist/cdn',
          emptyOutDir: !single,
          target: 'es2022',
          minify: true,
          sourcemap: false,
          lib: {entry: 'src/cdn.ts', name: 'Puolesta', formats: ['iife'], fileName: () => (single ? `puolesta.${single}.js` : 'puolesta.js')},
          rolldownOptions: {output: {codeSplitting: false}},
        },
      }
    : {
        plugins: [minifyTemplatesPlugin()],
        publicDir: false,
        build: {
          outDir: 'dist/lib',
          emptyOutDir: true,
          target: 'es2022',
          minify: false,
          lib: {
            entry: {
              index: 'src/index.ts',
              core: 'src/core/index.ts',
              localization: 'src/localization.ts',
              'mandate-guide': 'src/elements/mandate-guide/define.ts',
              'mandate-guide-element': 'src/elements/mandate-guide/mandate-guide.ts',
              'acting-for-selector': 'src/elements/acting-for-selector/define.ts',
              'acting-for-selector-element': 'src/elements/acting-for-selector/acting-for-selector.ts',
              'acting-for-banner': 'src/elements/acting-for-banner/define.ts',
              'acting-for-banner-element': 'src/elements/acting-for-banner/acting-for-banner.ts',
            },
            formats: ['es'],
          },
          rolldownOptions: {external: [/^lit($|\/)/, /^@lit\//]},
        },
      };
});
