// After the build: files that CMS integrations and editors take from the release and the manifest.
//   dist/editor/vscode.html-custom-data.json  VS Code custom HTML data 1.1 (custom-element-vs-code-integration)
//   dist/editor/web-types.json                JetBrains web-types (custom-element-jet-brains-integration)
//   integrations/drupal/puolesta/puolesta.libraries.yml, data/{releases,themes,fallback-texts}.json, translations/*.po
//   integrations/wordpress/puolesta/data/fallback-texts.json
//   the pre-rendered guide's PHP (integrations/shared/Prerender.php) as integrations/drupal/puolesta/src/Prerender.php
//   (the module's namespace) and integrations/wordpress/puolesta/includes/Prerender.php, and for Drupal the release's
//   prerender.json as data/prerender/<version>.json (WordPress ships the whole release folder, pack included)
// The generators read the attributes' `expandedType` unions written by gen-manifest.mjs; the theme values then
// get their Finnish names as descriptions (the generators only know the bare values).
// These are build outputs (git-ignored): the installable module is the archive scripts/build-cms-archives.mjs writes.
// They are written only when their content changes.
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {getVsCodeHtmlCustomData} from 'custom-element-vs-code-integration';
import {getWebTypesData} from 'custom-element-jet-brains-integration';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));
const {version} = read('package.json');
const manifest = read('custom-elements.json');
const catalogue = read('dist/cdn/mandate-themes.json').themes;
const release = read(`dist/cdn/${version}/integrity.json`);
const pick = (name) => [join(root, '..', 'shared', 'data', name), join(root, 'data', name)].find((p) => existsSync(p));
const bundled = JSON.parse(readFileSync(pick('municipal-themes.json'), 'utf8')).themes;

/** Writes a file only when its content changed, so the committed ones stay put between builds. */
function write(path, text) {
  const file = join(root, path);
  mkdirSync(dirname(file), {recursive: true});
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return false;
  writeFileSync(file, text);
  return true;
}
const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

// ── Editor tooling
const finnishName = new Map(catalogue.map((t) => [t.s, t.n?.fi]));
const describeTheme = (slug) => finnishName.get(slug) ?? 'Virallista nimeä ei ole luettelossa (no official name in the catalogue)';
const options = {typesSrc: 'expandedType', hideLogs: true};

const vscode = JSON.parse(getVsCodeHtmlCustomData(manifest, options));
for (const tag of vscode.tags) {
  for (const attribute of tag.attributes) {
    if (attribute.name === 'theme') attribute.values = attribute.values.map((v) => ({name: v.name, description: describeTheme(v.name)}));
  }
}
delete vscode.$schema; // a generated file needs no editor schema hint; VS Code reads version, tags
write('dist/editor/vscode.html-custom-data.json', json({version: 1.1, tags: vscode.tags}));

const webTypes = JSON.parse(getWebTypesData(manifest, options));
write('dist/editor/web-types.json', json(webTypes));

// ── Drupal module data
const drupal = 'integrations/drupal/puolesta';
// Releases the module knows: earlier ones stay (a published release never changes), the current one is refreshed.
const releasesFile = join(root, drupal, 'data/releases.json');
const releases = existsSync(releasesFile) ? JSON.parse(readFileSync(releasesFile, 'utf8')).releases : {};
releases[version] = Object.fromEntries(Object.entries(release.files)
  .filter(([file]) => file.endsWith('.js')).map(([file, {integrity}]) => [file, integrity]));
write(`${drupal}/data/releases.json`, json({
  note: 'Written by npm run build from dist/cdn/<version>/integrity.json. The module loads only these files, with these integrity values.',
  releases: Object.fromEntries(Object.entries(releases).sort(([a], [b]) => a.localeCompare(b, 'en', {numeric: true}))),
}));
write(`${drupal}/data/themes.json`, json({
  note: 'Written by npm run build from dist/cdn/mandate-themes.json: names only in the languages a source gives. bundled = themes inside the script; any other makes the guide read mandate-themes.json.',
  bundled: [...bundled].sort(),
  themes: catalogue.map((t) => (t.n ? {s: t.s, n: t.n} : {s: t.s})),
}));

// The libraries file: one per language plus the all-language file, pinned to this release, in the head and
// deferred (the block pre-renders the guide as declarative shadow DOM, so the page shows it before the script runs
// and the script need not hold up parsing; docs/host-page.md), never aggregated (aggregation would change the bytes
// and break the integrity check). For the CSP subscriber each file library
// has two variants, `.catalogue` and `.ptv`, whose only content is a dependency on it: Drupal core's
// LibraryDiscoveryParser refuses a library without js, css, dependencies or drupalSettings (and then every library
// of the module), so a variant is a real library that loads the same file, and its name says what the guide fetches.
const libraryName = (file) => `guide${file === 'puolesta.js' ? '' : `.${file.split('.')[1]}`}`;
const library = (file, label) => [
  `# ${label}`,
  `${libraryName(file)}:`,
  `  version: '${version}'`,
  '  header: true',
  '  js:',
  `    /libraries/puolesta/${version}/${file}:`,
  '      preprocess: false',
  '      minified: true',
  '      attributes:',
  `        integrity: '${releases[version][file]}'`,
  '        crossorigin: anonymous',
  '        defer: true',
  `${libraryName(file)}.catalogue:`,
  `  version: '${version}'`,
  '  dependencies:',
  `    - puolesta/${libraryName(file)}`,
  `${libraryName(file)}.ptv:`,
  `  version: '${version}'`,
  '  dependencies:',
  `    - puolesta/${libraryName(file)}`,
  '',
].join('\n');
write(`${drupal}/puolesta.libraries.yml`, [
  '# Written by npm run build (scripts/gen-integrations.mjs) from dist/cdn/<version>/integrity.json; do not edit.',
  '# The folder is the default; puolesta_library_info_alter() applies the settings page\'s folder and release.',
  '# <name>.catalogue: the same file, and the guide reads mandate-themes.json from the files\' folder (CSP connect-src).',
  '# <name>.ptv: the same file, and the guide reads its themes from the PTV API (CSP connect-src).',
  '',
  library('puolesta.js', 'Every element in Finnish, Swedish and English.'),
  library('puolesta.fi.js', 'Finnish only.'),
  library('puolesta.sv.js', 'Swedish only.'),
  library('puolesta.en.js', 'English only.'),
].join('\n'));

// ── The one no-JS fallback text (data/fallback-texts.json): checked, then copied to the Drupal module and the
// WordPress plugin, and offered to Drupal's translation system as .po files (English source, context
// "puolesta fallback"), so a site can reword it under Interface translation.
const texts = read('data/fallback-texts.json');
const {VALTUUDET_HOME} = await import(join(root, 'dist/lib/core.js'));
const TEXT_KEYS = ['intro', 'one', 'many', 'and', 'ptv', 'where', 'service', 'href'];
for (const lang of ['fi', 'sv', 'en']) {
  for (const key of TEXT_KEYS) {
    if (typeof texts[lang]?.[key] !== 'string' || !texts[lang][key]) throw new Error(`data/fallback-texts.json: no ${lang}.${key}`);
  }
  for (const [key, placeholder] of [['one', '{names}'], ['many', '{names}'], ['where', '{service}']]) {
    if (texts[lang][key].split(placeholder).length !== 2) throw new Error(`data/fallback-texts.json: ${lang}.${key} needs ${placeholder} once`);
  }
  if (texts[lang].href !== VALTUUDET_HOME[lang]) throw new Error(`data/fallback-texts.json: ${lang}.href is not the element's link ${VALTUUDET_HOME[lang]}`);
}
write(`${drupal}/data/fallback-texts.json`, json(texts));
write('integrations/wordpress/puolesta/data/fallback-texts.json', json(texts));
const po = (value) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
for (const lang of ['fi', 'sv']) {
  write(`${drupal}/translations/${lang}.po`, [
    '# Puolesta mandate guide: the no-JS fallback text, from data/fallback-texts.json (written by npm run build).',
    'msgid ""',
    'msgstr ""',
    '"Content-Type: text/plain; charset=UTF-8\\n"',
    '"Content-Transfer-Encoding: 8bit\\n"',
    `"Language: ${lang}\\n"`,
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"',
    '',
    ...['intro', 'one', 'many', 'and', 'ptv', 'where', 'service'].flatMap((key) => [
      'msgctxt "puolesta fallback"', `msgid ${po(texts.en[key])}`, `msgstr ${po(texts[lang][key])}`, '']),
  ].join('\n'));
}

// ── The pre-rendered guide: one PHP source for both CMSs (the twin of src/core/prerender.ts, checked byte for byte
// by test/integrations/prerender-php.test.mjs). Drupal autoloads src/ under its own namespace, so its copy says
// `namespace Drupal\puolesta;`; nothing else differs. The Drupal module does not carry the release files (the site
// serves them), so it gets the release's pack; earlier releases' packs stay, as their integrity values do.
const prerenderPhp = readFileSync(join(root, 'integrations/shared/Prerender.php'), 'utf8');
if (!/^namespace Puolesta;$/m.test(prerenderPhp)) throw new Error('integrations/shared/Prerender.php: expected `namespace Puolesta;`');
write(`${drupal}/src/Prerender.php`, prerenderPhp.replace(/^namespace Puolesta;$/m, 'namespace Drupal\\puolesta;'));
write('integrations/wordpress/puolesta/includes/Prerender.php', prerenderPhp);
for (const file of ['prerender.json', 'puolesta-guide.css']) {
  if (!release.files[file]) throw new Error(`dist/cdn/${version}/integrity.json has no ${file}: the CMS packages pre-render from it`);
}
write(`${drupal}/data/prerender/${version}.json`, readFileSync(join(root, `dist/cdn/${version}/prerender.json`), 'utf8'));

console.log(`integrations: dist/editor/ (VS Code, web-types; ${finnishName.size} themes), Drupal module data for ${version}`);
