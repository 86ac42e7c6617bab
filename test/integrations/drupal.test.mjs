// The Drupal module as a site builder gets it (the archive npm run build writes), checked without Drupal (no
// registry here carries core): every PHP file parses (php -l), every YAML file parses, the libraries follow the
// rules Drupal core's LibraryDiscoveryParser states, the block follows DependencySerializationTrait's rule, the
// composer.json passes composer's own validation, the .po files pass msgfmt, and the module's own rules pass
// their PHPUnit suite. The same module was run by hand against core's own classes: docs/integrations/drupal.md.
// Needs php, phpunit, composer and msgfmt (Debian php8.2-cli, phpunit, composer, gettext; scripts/system-check.mjs).
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {parse} from 'yaml';

const {version} = JSON.parse(readFileSync('package.json', 'utf8'));
// What a site builder installs: the built archive, unpacked.
const unpacked = mkdtempSync(join(tmpdir(), 'puolesta-drupal-'));
const unzip = spawnSync('unzip', ['-q', `dist/integrations/puolesta-drupal-${version}.zip`, '-d', unpacked], {encoding: 'utf8'});
if (unzip.status !== 0) throw new Error(`cannot unpack the module archive: ${unzip.stderr}`);
process.on('exit', () => rmSync(unpacked, {recursive: true, force: true}));
const module = join(unpacked, 'puolesta');
const release = JSON.parse(readFileSync(`dist/cdn/${version}/integrity.json`, 'utf8'));
const files = readdirSync(module, {recursive: true}).map(String);
const yaml = (file) => parse(readFileSync(join(module, file), 'utf8'));

test('every PHP file of the module parses (php -l)', () => {
  const php = files.filter((f) => /\.(php|module|install)$/.test(f));
  assert.ok(php.length >= 6, `found ${php.join(', ')}`);
  for (const file of php) {
    const lint = spawnSync('php', ['-l', join(module, file)], {encoding: 'utf8'});
    assert.equal(lint.status, 0, `${file}: ${lint.stdout}${lint.stderr}`);
  }
});

test('every YAML file parses; info.yml has what Drupal requires', () => {
  const ymls = files.filter((f) => f.endsWith('.yml'));
  assert.ok(ymls.length >= 8, `found ${ymls.join(', ')}`);
  for (const file of ymls) assert.doesNotThrow(() => yaml(file), file);
  const info = yaml('puolesta.info.yml');
  assert.equal(info.type, 'module');
  assert.ok(info.name);
  assert.match(info.core_version_requirement, /\^10\.\d+ \|\| \^11/);
  assert.equal(yaml('puolesta.routing.yml')[info.configure]?.defaults?._form, '\\Drupal\\puolesta\\Form\\SettingsForm');
});

test('the archive is the installable module: one puolesta/ folder with the generated files', () => {
  assert.deepEqual(readdirSync(unpacked), ['puolesta']);
  for (const file of ['puolesta.info.yml', 'puolesta.libraries.yml', 'data/releases.json', 'data/themes.json',
    'data/fallback-texts.json', `data/prerender/${version}.json`, 'src/Prerender.php', 'translations/fi.po', 'translations/sv.po', 'composer.json']) {
    assert.ok(files.includes(file), `${file} in the archive`);
  }
});

test("libraries follow Drupal core's rules (LibraryDiscoveryParser::buildByExtension)", () => {
  const libraries = yaml('puolesta.libraries.yml');
  // Core throws IncompleteLibraryDefinitionException for a library with none of these, and with it every library
  // of the module, so attaching any of them fails the page.
  for (const [name, library] of Object.entries(libraries)) {
    assert.ok(['js', 'css', 'dependencies', 'drupalSettings'].some((key) => key in library),
      `${name}: core needs js, css, dependencies or drupalSettings`);
    if ('header' in library) assert.equal(typeof library.header, 'boolean', `${name}: core needs header to be a boolean`);
    for (const [path, options] of Object.entries(library.js ?? {})) {
      assert.ok(!(options.weight > 0), `${name}: core refuses a positive js weight (${path})`);
    }
    for (const dependency of library.dependencies ?? []) {
      const [extension, target] = dependency.split('/');
      assert.ok(extension === 'core' || (extension === 'puolesta' && libraries[target]?.js), `${name}: ${dependency} is a library with a file`);
    }
  }
});

test('libraries: the pinned release, in the head, deferred, never aggregated, with integrity', () => {
  const libraries = yaml('puolesta.libraries.yml');
  const wanted = {guide: 'puolesta.js', 'guide.fi': 'puolesta.fi.js', 'guide.sv': 'puolesta.sv.js', 'guide.en': 'puolesta.en.js'};
  for (const [name, file] of Object.entries(wanted)) {
    const library = libraries[name];
    assert.equal(library?.header, true, `${name} goes in <head>`);
    const entries = Object.entries(library.js);
    assert.equal(entries.length, 1);
    const [path, options] = entries[0];
    assert.equal(path, `/libraries/puolesta/${version}/${file}`);
    assert.equal(options.preprocess, false, 'aggregation would change the bytes');
    // defer: the block pre-renders the guide, so the script need not hold up parsing (and runs in document order).
    assert.deepEqual(options.attributes, {integrity: release.files[file].integrity, crossorigin: 'anonymous', defer: true},
      `${name}: integrity of dist/cdn/${version}/${file}, deferred`);
    assert.ok(!('async' in options.attributes));
    // What the CSP subscriber reads: the same file, and what the guide fetches.
    for (const need of ['catalogue', 'ptv']) assert.deepEqual(libraries[`${name}.${need}`].dependencies, [`puolesta/${name}`]);
  }
  const releases = JSON.parse(readFileSync(join(module, 'data/releases.json'), 'utf8')).releases;
  assert.equal(releases[version]['puolesta.fi.js'], release.files['puolesta.fi.js'].integrity);
  // The pack the block pre-renders from is the release's own (its stylesheet's integrity is the release file's).
  assert.equal(readFileSync(join(module, `data/prerender/${version}.json`), 'utf8'), readFileSync(`dist/cdn/${version}/prerender.json`, 'utf8'));
  assert.equal(JSON.parse(readFileSync(join(module, `data/prerender/${version}.json`), 'utf8')).stylesheet.integrity, release.files['puolesta-guide.css'].integrity);
});

test("plugins keep their services through serialization (core's DependencySerializationTrait)", () => {
  // The trait runs in PluginBase's scope: it cannot see a subclass's private properties, and sets services back
  // with $this->$key = ..., which a readonly property refuses. Form-state caching and Layout Builder serialize blocks.
  const plugins = files.filter((f) => /^src\/(Plugin|Form)\/.*\.php$/.test(f));
  assert.ok(plugins.includes('src/Plugin/Block/MandateGuideBlock.php'));
  for (const file of plugins) {
    // PHP's own tokenizer, comments left out.
    const code = spawnSync('php', ['-r', 'foreach (token_get_all(file_get_contents($argv[1])) as $t) { if (!is_array($t) || !in_array($t[0], [T_COMMENT, T_DOC_COMMENT], true)) echo is_array($t) ? $t[1] : $t; }', join(module, file)], {encoding: 'utf8'}).stdout;
    assert.ok(code.includes('class '), file);
    assert.doesNotMatch(code, /\breadonly\b/, `${file}: no readonly property`);
    const ctor = /function __construct\(([^)]*)\)/s.exec(code)?.[1] ?? '';
    assert.doesNotMatch(ctor, /\b(private|protected|public)\s/, `${file}: no promoted properties in a plugin`);
    assert.doesNotMatch(code, /^\s*private\s+(\??[A-Z]\w*)\s+\$/m, `${file}: no private typed properties`);
  }
});

test("composer.json passes composer's own validation; the .po files pass msgfmt", () => {
  const composer = spawnSync('composer', ['validate', '--strict', '--no-check-publish', '--no-check-lock', '--no-interaction', join(module, 'composer.json')],
    {encoding: 'utf8', env: {...process.env, COMPOSER_HOME: join(unpacked, '.composer'), COMPOSER_ALLOW_SUPERUSER: '1'}});
  assert.equal(composer.status, 0, `${composer.stdout}${composer.stderr}`);
  assert.equal(JSON.parse(readFileSync(join(module, 'composer.json'), 'utf8')).type, 'drupal-module', 'composer/installers puts it in modules/contrib/');
  for (const lang of ['fi', 'sv']) {
    const po = spawnSync('msgfmt', ['--check', '--output-file=/dev/null', join(module, `translations/${lang}.po`)], {encoding: 'utf8'});
    assert.equal(po.status, 0, po.stderr);
  }
});

test('the block offers exactly the principal and situation values the element takes', () => {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const guide = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'mandate-guide');
  const literals = (name) => {
    const attribute = guide.attributes.find((a) => a.name === name);
    return [...(attribute.expandedType ?? attribute.type).text.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  };
  const php = spawnSync('php', ['-r', `require '${join(module, 'src/GuideMarkup.php')}'; echo json_encode([\\Drupal\\puolesta\\GuideMarkup::PRINCIPALS, \\Drupal\\puolesta\\GuideMarkup::SITUATIONS]);`], {encoding: 'utf8'});
  assert.equal(php.status, 0, php.stderr);
  const [principals, situations] = JSON.parse(php.stdout);
  assert.deepEqual(principals, literals('principal'));
  assert.deepEqual(situations, literals('situation'));
  const block = readFileSync(join(module, 'src/Plugin/Block/MandateGuideBlock.php'), 'utf8');
  for (const value of [...principals, ...situations]) assert.match(block, new RegExp(`'${value}' => \\$this->t\\(`), `the form offers ${value}`);
});

test('config: install values match the schema, the CSP subscriber is registered', () => {
  const schema = yaml('config/schema/puolesta.schema.yml');
  const settings = yaml('config/install/puolesta.settings.yml');
  assert.deepEqual(Object.keys(settings).sort(), Object.keys(schema['puolesta.settings'].mapping).sort());
  assert.equal(settings.version, version);
  assert.deepEqual(Object.keys(schema['block.settings.puolesta_mandate_guide'].mapping).sort(),
    ['heading_level', 'principal', 'service_channel', 'situation', 'themes']);
  const service = yaml('puolesta.services.yml').services['puolesta.csp_subscriber'];
  assert.deepEqual(service.tags, [{name: 'event_subscriber'}]);
  const subscriber = readFileSync(join(module, 'src/EventSubscriber/CspPuolestaSubscriber.php'), 'utf8');
  assert.match(subscriber, /class_exists\(CspEvents::class\) \? \[CspEvents::POLICY_ALTER => 'policyAlter'\] : \[\]/,
    'without the csp module the subscriber listens to nothing');
});

test('the block renders <mandate-guide> as an html_tag with escaped attributes and a fallback', () => {
  const block = readFileSync(join(module, 'src/Plugin/Block/MandateGuideBlock.php'), 'utf8');
  assert.match(block, /'#type' => 'html_tag'/);
  assert.match(block, /'#tag' => 'mandate-guide'/);
  assert.match(block, /GuideMarkup::fallbackHtml\(/);
  assert.match(block, /#\[Block\(\s*id: 'puolesta_mandate_guide'/);
});

test('the module rules pass PHPUnit', () => {
  const run = spawnSync('phpunit', ['--configuration', join(module, 'phpunit.xml.dist')], {encoding: 'utf8'});
  const out = `${run.stdout}${run.stderr}`;
  assert.equal(run.status, 0, out);
  const ok = /^OK \((\d+) tests?, (\d+) assertions?\)$/m.exec(out);
  assert.ok(ok, out);
  assert.ok(Number(ok[1]) >= 18, `only ${ok[1]} tests ran`);
});
