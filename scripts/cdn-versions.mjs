// After the script-tag builds: a versioned, never-changing copy of every file under dist/cdn/<version>/ (what a
// page should pin, so a cached file never changes under it), and dist/cdn/<version>/integrity.json with each
// file's sha384 for `<script integrity=… crossorigin>`.
import {createHash} from 'node:crypto';
import {copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

const {version} = JSON.parse(readFileSync('package.json', 'utf8'));
const cdn = 'dist/cdn';
const files = readdirSync(cdn).filter((f) => /^puolesta(\.(fi|sv|en)|-lookups)?\.js$|^mandate-themes\.json$|^puolesta-(guide|banner)\.css$|^(prerender|puolesta-banner)\.json$/.test(f)).sort();
const expected = ['mandate-themes.json', 'prerender.json', 'puolesta-banner.css', 'puolesta-banner.json', 'puolesta-guide.css', 'puolesta-lookups.js', 'puolesta.en.js', 'puolesta.fi.js', 'puolesta.js', 'puolesta.sv.js'];
const missing = expected.filter((f) => !files.includes(f));
if (missing.length) {
  console.error(`dist/cdn lacks ${missing.join(', ')}: run the cdn builds first`);
  process.exit(1);
}
const dir = join(cdn, version);
rmSync(dir, {recursive: true, force: true});
mkdirSync(dir, {recursive: true});
const manifest = {version, algorithm: 'sha384', files: {}};
for (const file of files) {
  const bytes = readFileSync(join(cdn, file));
  copyFileSync(join(cdn, file), join(dir, file));
  manifest.files[file] = {integrity: `sha384-${createHash('sha384').update(bytes).digest('base64')}`, bytes: bytes.length};
}
writeFileSync(join(dir, 'integrity.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`cdn: ${files.length} files pinned in ${dir}/ with integrity.json`);
