import {createHash} from 'node:crypto';
import {readFileSync, readdirSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {defineConfig, type Plugin, type UserConfig} from 'vite';
import {minifyTemplates, minifyTemplatesPlugin} from './scripts/minify-templates.mjs';
import {inlineMessages, messagesModule, readTable, tableMessages, type Message} from './scripts/inline-messages.mjs';
import {shortStateNamesPlugin} from './scripts/short-state-names.mjs';

/**
 * In a per-language script-tag build, ONLY_LOCALE names the one language kept, and every `msg()` call is replaced
 * at build time by its text in that language (the Finnish or Swedish table from `lit-localize build`, or the
 * English source): no message table, ids or lookup in the file.
 */
function oneLanguage(locale: string): Plugin {
  const table = locale === 'en' ? undefined : readTable(readFileSync(source(`generated/locales/${locale}.ts`), 'utf8'));
  return {
    name: 'puolesta-one-language',
    enforce: 'pre',
    load(id) {
      if (/src[\\/]only-locale\.ts$/.test(id)) return `export const ONLY_LOCALE = ${JSON.stringify(locale)};`;
      if (/generated[\\/]locales[\\/](fi|sv)\.ts$/.test(id)) return 'export const templates = undefined;';
      return null;
    },
    transform(code, id) {
      // The bundled themes keep names and descriptions in this language and in Finnish, the fallback that
      // describeTheme shows (marked as Finnish) when a theme has no name in the page language: nothing else is read.
      if (/generated[\\/]themes-municipal\.ts$/.test(id)) return {code: keepThemeTexts(code, ['fi', locale]), map: null};
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || !/\bmsg\(/.test(code)) return null;
      return {code: inlineMessages(code, table, id), map: null};
    },
  };
}

/**
 * The all-language script-tag file: every `msg()` call becomes `__m(index)` (or `__m(index)(expressions…)`), and one
 * module holds each message's English, Finnish and Swedish text in one table per language; `__m` picks the render
 * locale's table with `inline()` (src/localization.ts). No ids or lookup by id. The element sources are read once
 * up front, so the tables are complete before any module asks for them.
 */
function allLanguages(): Plugin {
  const tables = [undefined, readTable(readFileSync(source('generated/locales/fi.ts'), 'utf8')), readTable(readFileSync(source('generated/locales/sv.ts'), 'utf8'))];
  const localization = JSON.stringify(source('localization.ts'));
  const messages = new Map<string, Message>();
  const elements = source('elements');
  for (const dir of readdirSync(elements).sort()) {
    for (const name of readdirSync(`${elements}/${dir}`).sort()) {
      if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
      const file = `${elements}/${dir}/${name}`;
      tableMessages(minifyTemplates(readFileSync(file, 'utf8')), tables, messages, file);
    }
  }
  const module = '\0puolesta-messages';
  return {
    name: 'puolesta-all-languages',
    enforce: 'pre',
    resolveId(id) {
      return id === module ? id : null;
    },
    load(id) {
      if (id === module) return messagesModule(messages, localization, tables);
      return /generated[\\/]locales[\\/](fi|sv)\.ts$/.test(id) ? 'export const templates = undefined;' : null;
    },
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || /[\\/]src[\\/]localization\.ts$/.test(id) || !/\bmsg\(/.test(code)) return null;
      const size = messages.size;
      const out = tableMessages(code, tables, messages, id);
      if (messages.size !== size) throw new Error(`${id}: a message outside src/elements (read up front) is not supported`);
      return {code: `import {__m} from ${JSON.stringify(module)};\n${out}`, map: null};
    },
  };
}

const source = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

/** The generated theme subset with only the `keep` languages' names (`n`) and descriptions (`d`). */
function keepThemeTexts(code: string, keep: string[]): string {
  const start = code.indexOf('[{');
  const end = code.indexOf('}]', start) + 2;
  const records = JSON.parse(code.slice(start, end)) as Array<Record<string, unknown>>;
  for (const record of records) {
    for (const field of ['n', 'd']) {
      const texts = record[field] as Record<string, string> | undefined;
      if (!texts) continue;
      const kept = Object.fromEntries(Object.entries(texts).filter(([lang]) => keep.includes(lang)));
      if (Object.keys(kept).length) record[field] = kept;
      else delete record[field];
    }
  }
  return `${code.slice(0, start)}${JSON.stringify(records)}${code.slice(end)}`;
}

// Builds: `vite build` → dist/lib (ESM for bundlers, lit external, catalogue as a lazy chunk);
// `vite build --mode cdn-lookups` first (see lookupsConfig), then
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
      rolldownOptions: {input: {index: 'src/builder/index.html', preview: 'src/builder/preview.html',
        // The editors' help, one static page per language.
        ohje: 'src/builder/ohje.html', hjalp: 'src/builder/hjalp.html', help: 'src/builder/help.html'}},
    },
  };
}

/**
 * `--mode cdn-lookups` → dist/cdn/puolesta-lookups.js, built first (it empties dist/cdn): the guide's PTV and
 * catalogue lookups, which the script-tag files load next to themselves only when a page needs one, with the
 * sha384 of this build (lookupsIntegrity).
 */
function lookupsConfig(): UserConfig {
  return {
    publicDir: false,
    define: {__PUOLESTA_CATALOGUE_INTEGRITY__: JSON.stringify(catalogueIntegrity())},
    build: {
      outDir: 'dist/cdn',
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      lib: {entry: 'src/cdn-lookups.ts', name: 'PuolestaLookups', formats: ['iife'], fileName: () => 'puolesta-lookups.js'},
    },
  };
}

/**
 * Script-tag builds only: the rule ids ('R12', 'R20 R21') that every text carries in code (docs/rules.md) are
 * for the rules tests and the review page, which use the source and the npm build. The size-budgeted files leave
 * them out, and the data-rules attributes with them; the texts and the logic are the same.
 */
function stripRuleIds(): Plugin {
  return {
    name: 'puolesta-strip-rule-ids',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/(core|elements)\/.*\.ts$/.test(id) || /\.test\.ts$/.test(id)) return null;
      const out = code
        .replace(/'R\d{1,2}(?: R\d{1,2})*'/g, "''")
        // and the attributes that would carry them in the markup
        .replace(/ data-rules=(?:\$\{[^}]*\}|"[^"]*")/g, '');
      return out === code ? null : {code: out, map: null};
    },
  };
}

/** The catalogue the script-tag files find next to themselves, byte for byte as publicDir copies it. */
const catalogueIntegrity = () => `sha384-${createHash('sha384').update(readFileSync('src/generated/public/mandate-themes.json')).digest('base64')}`;
const lookupsIntegrity = () => `sha384-${createHash('sha384').update(readFileSync('dist/cdn/puolesta-lookups.js')).digest('base64')}`;

export default defineConfig(({mode}) => {
  if (mode === 'builder') return builderConfig();
  if (mode === 'cdn-lookups') return lookupsConfig();
  const single = /^cdn-(fi|sv|en)$/.exec(mode)?.[1];
  return mode === 'cdn' || single
    ? {
        plugins: [minifyTemplatesPlugin(), shortStateNamesPlugin(), stripRuleIds(), single ? oneLanguage(single) : allLanguages()],
        resolve: {
          alias: [
            // The generated locale modules only need `str`; the package index would add hashing and runtime setup.
            {find: /^@lit\/localize$/, replacement: '@lit/localize/internal/str-tag.js'},
            // An IIFE cannot split: the lookups come from puolesta-lookups.js instead of a lazy chunk.
            {find: /^\.\/load-lookups\.js$/, replacement: source('cdn-load-lookups.ts')},
          ],
        },
        define: {__PUOLESTA_LOOKUPS_INTEGRITY__: JSON.stringify(lookupsIntegrity())},
        publicDir: single ? false : 'src/generated/public',
        build: {
          outDir: 'dist/cdn',
          emptyOutDir: false,
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
