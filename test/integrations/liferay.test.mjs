// The Liferay client extension as Liferay's own code reads it (no Liferay runs here). Each rule below is Liferay's,
// transcribed from its source with the file it comes from (docs/integrations/liferay.md names the commits):
//   W  modules/sdk/gradle-plugins-workspace/.../configurator/ClientExtensionProjectConfigurator.java and
//      .../internal/client/extension/ClientExtension.java: how client-extension.yaml is read and assembled;
//   T  modules/apps/client-extension/client-extension-type-api/.../CustomElementCET.java and CET.java: the
//      customElement type's @CETProperty fields;
//   V  .../client-extension-type-impl/.../factory/CustomElementCETImplFactoryImpl.java#validate;
//   R  .../client-extension-web/.../portlet/CustomElementCETPortlet.java#render and BaseCETPortlet#getProperties:
//      what a placed widget writes into the page.
// The test reads the archive npm run build writes, unpacked, as a site builder gets it.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {parse} from 'yaml';

const {version} = JSON.parse(readFileSync('package.json', 'utf8'));
const unpacked = mkdtempSync(join(tmpdir(), 'puolesta-liferay-'));
const unzip = spawnSync('unzip', ['-q', `dist/integrations/puolesta-liferay-${version}.zip`, '-d', unpacked], {encoding: 'utf8'});
if (unzip.status !== 0) throw new Error(`cannot unpack the Liferay archive: ${unzip.stderr}`);
process.on('exit', () => rmSync(unpacked, {recursive: true, force: true}));
const project = join(unpacked, 'puolesta');
const config = parse(readFileSync(join(project, 'client-extension.yaml'), 'utf8'));
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const guide = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'mandate-guide');
const slugs = new Set(JSON.parse(readFileSync('dist/cdn/mandate-themes.json', 'utf8')).themes.map((t) => t.s));

// W: every top-level key but these two is a client extension.
const extensions = Object.entries(config).filter(([key]) => key !== 'assemble' && key !== 'runtime');
// T: the fields Liferay defines for a customElement (CustomElementCET) and for every client extension (CET).
const CUSTOM_ELEMENT_FIELDS = {
  cssURLs: 'urlList', friendlyURLMapping: 'string', htmlElementName: 'string', panelAppOrder: 'string',
  panelCategoryKey: 'string', portletCategoryName: 'string', urls: 'urlList', instanceable: 'boolean', useESM: 'boolean',
};
const CET_FIELDS = {type: 'string', name: 'string', description: 'string', sourceCodeURL: 'string', properties: 'map'};
// V: names the HTML spec reserves, which Liferay refuses.
const RESERVED = ['annotation-xml', 'color-profile', 'font-face', 'font-face-format', 'font-face-name', 'font-face-src', 'font-face-uri', 'missing-glyph'];

/** Liferay's checks of one customElement entry (W, T, V); returns the problems. */
function liferayProblems(id, extension) {
  const problems = [];
  if (extension.type !== 'customElement') problems.push(`${id}: type is ${extension.type}`);
  for (const [key, value] of Object.entries(extension)) {
    const kind = CUSTOM_ELEMENT_FIELDS[key] ?? CET_FIELDS[key];
    // W: Jackson puts an unknown key into typeSettings, where no customElement reads it: a typo goes unnoticed.
    if (!kind) problems.push(`${id}: ${key} is not a field of Liferay's customElement`);
    else if (kind === 'boolean' && typeof value !== 'boolean') problems.push(`${id}: ${key} is a boolean`);
    else if (kind === 'string' && typeof value !== 'string') problems.push(`${id}: ${key} is a string`);
    else if (kind === 'urlList' && !(Array.isArray(value) && value.every((v) => typeof v === 'string'))) problems.push(`${id}: ${key} is a list of URLs`);
    // W: ClientExtension.properties is a Map<String, Object>; a YAML list cannot be read into it.
    else if (kind === 'map' && (typeof value !== 'object' || value === null || Array.isArray(value))) problems.push(`${id}: properties is a map (name: value), not a list`);
  }
  const name = extension.htmlElementName ?? '';
  if (!name) problems.push(`${id}: htmlElementName is required`);
  else if (!/^[a-z]/.test(name)) problems.push(`${id}: htmlElementName must start with a lowercase letter`);
  else if (!/^[a-z0-9._-]+$/.test(name)) problems.push(`${id}: htmlElementName has an invalid character`);
  else if (!name.includes('-')) problems.push(`${id}: htmlElementName must contain a hyphen`);
  else if (RESERVED.includes(name)) problems.push(`${id}: ${name} is reserved`);
  if (!/^[A-Za-z0-9_-]*$/.test(extension.friendlyURLMapping ?? '')) problems.push(`${id}: friendlyURLMapping is invalid`);
  if (!extension.urls?.length) problems.push(`${id}: at least one JavaScript URL is required`);
  return problems;
}

/** R: the HTML a placed widget writes: the extension's properties, then the widget's own (Java properties text). */
function renderWidget(extension, widgetProperties = '') {
  const properties = {...Object.fromEntries(Object.entries(extension.properties ?? {}).map(([k, v]) => [k, String(v)]))};
  for (const line of widgetProperties.split('\n')) {
    const m = /^\s*([^#!=:\s][^=:]*?)\s*[=:]\s*(.*)$/.exec(line);
    if (m) properties[m[1]] = m[2];
  }
  properties.liferaywebdavurl = 'https://liferay.example/webdav/guest/document_library';
  const attrs = Object.entries(properties).map(([k, v]) => ` ${k}="${v.replaceAll('"', '&quot;')}"`).join('');
  return {properties, html: `<${extension.htmlElementName}${attrs}></${extension.htmlElementName}>`};
}

test("every customElement entry passes Liferay's own definition and validation", () => {
  assert.ok(extensions.length >= 1);
  for (const [id, extension] of extensions) {
    assert.deepEqual(liferayProblems(id, extension), []);
    assert.equal(extension.htmlElementName, 'mandate-guide');
    assert.equal(extension.instanceable, true, 'several guides on one page (different services)');
  }
});

test("the checks catch what Liferay refuses or ignores, including the old properties list", () => {
  const ok = {type: 'customElement', htmlElementName: 'mandate-guide', urls: ['0.1.0/puolesta.js']};
  assert.deepEqual(liferayProblems('ok', ok), []);
  assert.match(liferayProblems('x', {...ok, properties: ['theme=veroasioiden_hoito']}).join(), /properties is a map/);
  assert.match(liferayProblems('x', {...ok, htmlElementName: 'mandateguide'}).join(), /hyphen/);
  assert.match(liferayProblems('x', {...ok, htmlElementName: 'Mandate-guide'}).join(), /lowercase/);
  assert.match(liferayProblems('x', {...ok, htmlElementName: 'font-face'}).join(), /reserved/);
  assert.match(liferayProblems('x', {...ok, friendlyURLMapping: 'a/b'}).join(), /friendlyURLMapping/);
  assert.match(liferayProblems('x', {...ok, urls: []}).join(), /JavaScript URL/);
  assert.match(liferayProblems('x', {...ok, htmlElementNam: 'typo'}).join(), /not a field/);
  assert.match(liferayProblems('x', {...ok, instanceable: 'yes'}).join(), /boolean/);
});

test('assemble copies the pinned release from the project itself (no workspace layout assumed)', () => {
  for (const step of config.assemble) {
    // W: `from` is resolved against the client extension project's folder.
    assert.ok(!step.from.startsWith('..') && !step.from.startsWith('/'), `${step.from} stays inside the project`);
    assert.ok(existsSync(join(project, step.from)), `${step.from} is in the archive`);
    assert.equal(step.into, `static/${version}`);
  }
  const copied = config.assemble.map((s) => new RegExp(`^${s.include.replace('.', '\\.').replace('*', '.*')}$`));
  const release = JSON.parse(readFileSync(join(project, `release/${version}/integrity.json`), 'utf8'));
  for (const [id, extension] of extensions) {
    for (const url of extension.urls) {
      // The relative URL is resolved against the extension's base URL, where static/ is served.
      const [pinned, file] = url.split('/');
      assert.equal(pinned, version, `${id}: ${url} is pinned to this release`);
      assert.ok(release.files[file], `${id}: ${file} is in the release`);
      assert.ok(copied.some((re) => re.test(file)), `${id}: ${url} is assembled`);
      assert.ok(readdirSync(join(project, `release/${version}`)).includes(file));
    }
  }
  assert.ok(copied.some((re) => re.test('mandate-themes.json')), 'the full catalogue sits next to the script');
});

test('a placed widget renders <mandate-guide> with attributes the element accepts; widget properties override', () => {
  const attributes = new Set(guide.attributes.map((a) => a.name));
  // The values the element takes, from its manifest (the attribute's type union).
  const literals = (name) => new Set([...(guide.attributes.find((a) => a.name === name).expandedType ?? guide.attributes.find((a) => a.name === name).type).text.matchAll(/'([^']+)'/g)].map((m) => m[1]));
  const values = {principal: literals('principal'), situation: literals('situation'), 'heading-level': new Set(['1', '2', '3', '4', '5', '6'])};
  assert.ok(values.principal.has('minor') && values.situation.has('joint'), 'the manifest lists the values');
  const general = Object.fromEntries(extensions)['puolesta-mandate-guide'];
  const preset = Object.fromEntries(extensions)['puolesta-mandate-guide-varhaiskasvatus'];
  for (const [extension, widget] of [[general, 'theme=veroasioiden_hoito\nprincipal=company'], [preset, ''], [preset, 'principal=person']]) {
    const {properties, html} = renderWidget(extension, widget);
    assert.match(html, /^<mandate-guide theme="[a-z0-9_]+"/, html);
    for (const [name, value] of Object.entries(properties)) {
      if (name === 'liferaywebdavurl') continue; // Liferay's own, on every custom element widget
      assert.ok(attributes.has(name), `${name} is an attribute of <mandate-guide>`);
      if (name === 'theme') for (const slug of value.split(/\s+/)) assert.ok(slugs.has(slug), `theme ${slug} is in the catalogue`);
      if (values[name]) assert.ok(values[name].has(value), `${name}=${value}`);
    }
  }
  assert.equal(renderWidget(preset, 'principal=person').properties.principal, 'person', "the widget's own value wins");
});
