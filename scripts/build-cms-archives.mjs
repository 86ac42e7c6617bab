// After gen-integrations.mjs: the installable CMS packages, each a zip with one top folder puolesta/.
//   dist/integrations/puolesta-drupal-<version>.zip   the Drupal module (unpack into modules/custom/ or
//     modules/contrib/), the generated libraries file, data and translations included. composer.json names it
//     puolesta/puolesta, type drupal-module (composer/installers puts it in web/modules/contrib/puolesta/).
//   dist/integrations/puolesta-liferay-<version>.zip  the Liferay client extension project (unpack into a
//     workspace's client-extensions/), with the pinned release in release/<version>/ (copied from dist/cdn/).
// Refuses to pack a package whose generated files are missing.
import {cpSync, createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import yazl from 'yazl';

const {version} = JSON.parse(readFileSync('package.json', 'utf8'));
const module = 'integrations/drupal/puolesta';
const needed = ['puolesta.libraries.yml', 'data/releases.json', 'data/themes.json', 'data/fallback-texts.json',
  `data/prerender/${version}.json`, 'src/Prerender.php', 'translations/fi.po', 'translations/sv.po', 'composer.json'];
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

/** Zips `folder` as puolesta/… into dist/integrations/<name>. */
async function pack(folder, name) {
  // Test caches and git's ignore files are not part of a package.
  const entries = files(folder).filter((path) => !/(^|\/)\.(gitignore|phpunit\.result\.cache)$/.test(path)).sort();
  const zip = new yazl.ZipFile();
  for (const path of entries) zip.addFile(path, `puolesta/${relative(folder, path)}`);
  mkdirSync('dist/integrations', {recursive: true});
  const out = `dist/integrations/${name}`;
  await new Promise((resolve, reject) => {
    zip.outputStream.pipe(createWriteStream(out)).on('close', resolve).on('error', reject);
    zip.end();
  });
  return `${entries.length} files in ${out}`;
}

const files = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? files(path) : [path];
});
// The module's PHPUnit suite stays in the archive (Drupal's runner finds tests/src/Unit).
console.log(`drupal: ${await pack(module, `puolesta-drupal-${version}.zip`)}`);

// Liferay: the release goes next to client-extension.yaml, where its `assemble` step reads it.
const liferay = 'integrations/liferay/puolesta';
rmSync(join(liferay, 'release'), {recursive: true, force: true});
cpSync(join('dist/cdn', version), join(liferay, 'release', version), {recursive: true});
console.log(`liferay: ${await pack(liferay, `puolesta-liferay-${version}.zip`)}`);
