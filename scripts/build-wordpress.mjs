// After cdn-versions.mjs: the WordPress plugin gets its own copy of the pinned release (dist/cdn/<version>/ →
// integrations/wordpress/puolesta/assets/<version>/, git-ignored; prerender.json and puolesta-guide.css included), its translations (languages/, git-ignored),
// and the installable plugin zip is written to dist/integrations/puolesta-wordpress-<version>.zip (one top folder,
// puolesta/, as WordPress's uploader expects).
// Translations: every string of edit.js (__(), in the editor's script) and of block.json (title, description,
// keywords, which WordPress translates on the server with the contexts "block title", "block description",
// "block keyword"). A string the element also shows takes the element's reviewed translation from locales/*.xlf;
// the editor's own strings come from integrations/wordpress/editor-translations.json. A string with neither
// stops the build. Written as WordPress reads them: languages/puolesta-<locale>-<script handle>.json (Jed, for
// wp_set_script_translations) and languages/puolesta-<locale>.po/.mo (load_plugin_textdomain).
import {cpSync, createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import gettextParser from 'gettext-parser';
import yazl from 'yazl';

const {version} = JSON.parse(readFileSync('package.json', 'utf8'));
const plugin = 'integrations/wordpress/puolesta';
const release = join('dist/cdn', version);

// The plugin header, block.json and the PHP constant name the version by hand: they must not drift from the release.
const php = readFileSync(join(plugin, 'puolesta.php'), 'utf8');
const stated = {
  'plugin header': php.match(/^ \* Version:\s*(\S+)/m)?.[1],
  PUOLESTA_FILES_VERSION: php.match(/PUOLESTA_FILES_VERSION = '([^']+)'/)?.[1],
  'block.json': JSON.parse(readFileSync(join(plugin, 'block.json'), 'utf8')).version,
  'edit.asset.php': readFileSync(join(plugin, 'edit.asset.php'), 'utf8').match(/'version'\s*=>\s*'([^']+)'/)?.[1],
};
const wrong = Object.entries(stated).filter(([, v]) => v !== version);
if (wrong.length) {
  console.error(`wordpress: ${wrong.map(([where, v]) => `${where} says ${v}`).join(', ')}; package.json says ${version}`);
  process.exit(1);
}

// ── Translations
const LOCALES = {fi: 'fi', sv_SE: 'sv'}; // WordPress locale → the element's XLIFF
const SCRIPT_HANDLE = 'puolesta-mandate-guide-editor-script'; // register_block_type's handle for editorScript
const decode = (xml) => xml.replace(/&(lt|gt|quot|apos|amp);/g, (_, e) => ({lt: '<', gt: '>', quot: '"', apos: "'", amp: '&'})[e]);
const elementTexts = (lang) => new Map([...readFileSync(`locales/${lang}.xlf`, 'utf8')
  .matchAll(/<source>([^<]*)<\/source>\s*<target>([^<]*)<\/target>/g)].map(([, source, target]) => [decode(source), decode(target)]));
const own = JSON.parse(readFileSync('integrations/wordpress/editor-translations.json', 'utf8'));
const editJs = readFileSync(join(plugin, 'edit.js'), 'utf8');
const scriptStrings = [...new Set([...editJs.matchAll(/\b__\(\s*'((?:[^'\\]|\\.)*)',\s*'puolesta'\s*\)/g)].map((m) => m[1].replace(/\\'/g, "'")))];
const block = JSON.parse(readFileSync(join(plugin, 'block.json'), 'utf8'));
const blockStrings = [['block title', block.title], ['block description', block.description], ...block.keywords.map((k) => ['block keyword', k])];
if (scriptStrings.length < 10) throw new Error(`wordpress: only ${scriptStrings.length} strings found in edit.js`);
rmSync(join(plugin, 'languages'), {recursive: true, force: true});
mkdirSync(join(plugin, 'languages'));
const missing = [];
for (const [locale, xlf] of Object.entries(LOCALES)) {
  const element = elementTexts(xlf);
  const translate = (text) => element.get(text) ?? own[locale]?.[text] ?? (missing.push(`${locale}: ${text}`), text);
  const header = {'Content-Type': 'text/plain; charset=UTF-8', Language: locale, 'Plural-Forms': 'nplurals=2; plural=(n != 1);',
    'Project-Id-Version': `puolesta ${version}`};
  // Jed JSON, as wp_set_script_translations() loads it for the editor script.
  const messages = {'': {domain: 'messages', lang: locale, 'plural-forms': header['Plural-Forms']}};
  for (const text of scriptStrings) messages[text] = [translate(text)];
  writeFileSync(join(plugin, `languages/puolesta-${locale}-${SCRIPT_HANDLE}.json`),
    `${JSON.stringify({domain: 'messages', locale_data: {messages}}, null, 1)}\n`);
  // .po/.mo for PHP: block.json's strings (with WordPress's contexts) and the script's.
  const translations = {'': {'': {msgid: '', msgstr: ['']}}};
  for (const [context, text] of [...scriptStrings.map((t) => ['', t]), ...blockStrings]) {
    translations[context] ??= {};
    translations[context][text] = {...(context && {msgctxt: context}), msgid: text, msgstr: [translate(text)]};
  }
  const catalogue = {charset: 'utf-8', headers: header, translations};
  writeFileSync(join(plugin, `languages/puolesta-${locale}.po`), gettextParser.po.compile(catalogue));
  writeFileSync(join(plugin, `languages/puolesta-${locale}.mo`), gettextParser.mo.compile(catalogue));
}
if (missing.length) {
  console.error(`wordpress: no translation for\n  ${[...new Set(missing)].join('\n  ')}\nAdd them to integrations/wordpress/editor-translations.json (or use the element's wording).`);
  process.exit(1);
}

rmSync(join(plugin, 'assets'), {recursive: true, force: true});
cpSync(release, join(plugin, 'assets', version), {recursive: true});
// The render callback pre-renders the guide from the release's pack with includes/Prerender.php (written by
// gen-integrations.mjs from integrations/shared/); without them every page would fall back to the plain element.
for (const file of [`assets/${version}/prerender.json`, `assets/${version}/puolesta-guide.css`, 'includes/Prerender.php']) {
  if (!existsSync(join(plugin, file))) {
    console.error(`wordpress: ${file} missing in ${plugin}; run npm run build`);
    process.exit(1);
  }
}

const files = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? files(path) : [path];
});
const zip = new yazl.ZipFile();
const entries = files(plugin).filter((path) => !path.endsWith('.gitignore')).sort();
for (const path of entries) zip.addFile(path, `puolesta/${relative(plugin, path)}`);
mkdirSync('dist/integrations', {recursive: true});
const out = `dist/integrations/puolesta-wordpress-${version}.zip`;
await new Promise((resolve, reject) => {
  zip.outputStream.pipe(createWriteStream(out)).on('close', resolve).on('error', reject);
  zip.end();
});
console.log(`wordpress: ${entries.length} files in ${out}`);
