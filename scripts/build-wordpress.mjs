// After cdn-versions.mjs: the WordPress plugin gets its own copy of the pinned release (dist/cdn/<version>/ →
// integrations/wordpress/puolesta/assets/<version>/, git-ignored), and the installable plugin zip is written to
// dist/integrations/puolesta-wordpress-<version>.zip (one top folder, puolesta/, as WordPress's uploader expects).
import {cpSync, createWriteStream, mkdirSync, readFileSync, readdirSync, rmSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
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

rmSync(join(plugin, 'assets'), {recursive: true, force: true});
cpSync(release, join(plugin, 'assets', version), {recursive: true});

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
