// After gen-integrations.mjs: the installable Drupal module, dist/integrations/puolesta-drupal-<version>.zip, with
// one top folder puolesta/ (unpack into modules/custom/ or modules/contrib/), the generated libraries file, data
// and translations included. composer.json names it puolesta/puolesta, type drupal-module (composer/installers
// puts it in web/modules/contrib/puolesta/). Refuses to pack a module whose generated files are missing.
import {createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import yazl from 'yazl';

const {version} = JSON.parse(readFileSync('package.json', 'utf8'));
const module = 'integrations/drupal/puolesta';
const needed = ['puolesta.libraries.yml', 'data/releases.json', 'data/themes.json', 'data/fallback-texts.json',
  'translations/fi.po', 'translations/sv.po', 'composer.json'];
const missing = needed.filter((file) => !existsSync(join(module, file)));
if (missing.length) {
  console.error(`drupal: ${missing.join(', ')} missing in ${module}; run npm run build`);
  process.exit(1);
}
const releases = JSON.parse(readFileSync(join(module, 'data/releases.json'), 'utf8')).releases;
if (!releases[version]) {
  console.error(`drupal: data/releases.json does not know ${version}`);
  process.exit(1);
}

const files = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? files(path) : [path];
});
// The module's PHPUnit suite stays in the archive (Drupal's runner finds tests/src/Unit); the result cache does not.
const entries = files(module).filter((path) => !/(^|\/)\.(gitignore|phpunit\.result\.cache)$/.test(path)).sort();
const zip = new yazl.ZipFile();
for (const path of entries) zip.addFile(path, `puolesta/${relative(module, path)}`);
mkdirSync('dist/integrations', {recursive: true});
const out = `dist/integrations/puolesta-drupal-${version}.zip`;
await new Promise((resolve, reject) => {
  zip.outputStream.pipe(createWriteStream(out)).on('close', resolve).on('error', reject);
  zip.end();
});
console.log(`drupal: ${entries.length} files in ${out}`);
