// The Drupal module's files, checked without Drupal (core cannot be installed here): every PHP file parses
// (php -l), every YAML file parses and has the keys Drupal reads, the libraries pin the built release in the
// head with its integrity values, and the module's own rules pass their PHPUnit suite.
// Needs `php` and `phpunit` (Debian php8.2-cli, phpunit; scripts/system-check.mjs installs them).
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {parse} from 'yaml';

const module = 'integrations/drupal/puolesta';
const {version} = JSON.parse(readFileSync('package.json', 'utf8'));
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

test('libraries: the pinned release, in the head, not deferred, never aggregated, with integrity', () => {
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
    assert.deepEqual(options.attributes, {integrity: release.files[file].integrity, crossorigin: 'anonymous'},
      `${name}: integrity of dist/cdn/${version}/${file}`);
    assert.ok(!('defer' in options.attributes) && !('async' in options.attributes));
  }
  // Marker libraries carry no file.
  assert.equal(libraries['csp.catalogue'].js, undefined);
  assert.equal(libraries['csp.ptv'].js, undefined);
  const releases = JSON.parse(readFileSync(join(module, 'data/releases.json'), 'utf8')).releases;
  assert.equal(releases[version]['puolesta.fi.js'], release.files['puolesta.fi.js'].integrity);
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
  assert.ok(Number(ok[1]) >= 10, `only ${ok[1]} tests ran`);
});
