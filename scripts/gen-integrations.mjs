// After the build: files that CMS integrations and editors take from the release and the manifest.
//   dist/editor/vscode.html-custom-data.json  VS Code custom HTML data 1.1 (custom-element-vs-code-integration)
//   dist/editor/web-types.json                JetBrains web-types (custom-element-jet-brains-integration)
//   integrations/drupal/puolesta/puolesta.libraries.yml, data/releases.json, data/themes.json
// The generators read the attributes' `expandedType` unions written by gen-manifest.mjs; the theme values then
// get their Finnish names as descriptions (the generators only know the bare values).
// The Drupal files are committed (a module must be usable from the repository), so they are written only when
// their content changes: the integrity values change with the script's bytes, the names with the catalogue.
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

// The libraries file: one per language plus the all-language file, pinned to this release, in the head and not
// deferred (the project's placement rule: the element paints finished, no layout shift), never aggregated
// (aggregation would change the bytes and break the integrity check). The two marker libraries carry no file:
// the block attaches them to tell the CSP subscriber what the guide will fetch.
const library = (file, label) => [
  `# ${label}`,
  `guide${file === 'puolesta.js' ? '' : `.${file.split('.')[1]}`}:`,
  `  version: '${version}'`,
  '  header: true',
  '  js:',
  `    /libraries/puolesta/${version}/${file}:`,
  '      preprocess: false',
  '      minified: true',
  '      attributes:',
  `        integrity: '${releases[version][file]}'`,
  '        crossorigin: anonymous',
  '',
].join('\n');
write(`${drupal}/puolesta.libraries.yml`, [
  '# Written by npm run build (scripts/gen-integrations.mjs) from dist/cdn/<version>/integrity.json; do not edit.',
  '# The folder is the default; puolesta_library_info_alter() applies the settings page\'s folder and release.',
  '',
  library('puolesta.js', 'Every element in Finnish, Swedish and English: pages in another or several languages.'),
  library('puolesta.fi.js', 'Finnish only.'),
  library('puolesta.sv.js', 'Swedish only.'),
  library('puolesta.en.js', 'English only.'),
  '# CSP markers (no file): the guide reads mandate-themes.json from the files\' folder.',
  'csp.catalogue:',
  `  version: '${version}'`,
  '',
  '# CSP markers (no file): the guide reads its themes from the PTV API.',
  'csp.ptv:',
  `  version: '${version}'`,
  '',
].join('\n'));

console.log(`integrations: dist/editor/ (VS Code, web-types; ${finnishName.size} themes), Drupal module data for ${version}`);
