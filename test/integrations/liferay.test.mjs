// The Liferay client extension (integrations/liferay/client-extension.yaml), checked without Liferay: every
// customElement entry is valid against a JSON Schema written from Liferay's documented fields, its urls name
// files of the pinned release that exists in dist/cdn/<version>/integrity.json, and its properties are
// attributes <mandate-guide> knows, with values the element accepts.
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {test} from 'node:test';
import Ajv from 'ajv';
import {parse} from 'yaml';

const file = 'integrations/liferay/client-extension.yaml';
const config = parse(readFileSync(file, 'utf8'));
const {version} = JSON.parse(readFileSync('package.json', 'utf8'));
const release = JSON.parse(readFileSync(`dist/cdn/${version}/integrity.json`, 'utf8'));
const schema = JSON.parse(readFileSync('test/integrations/schemas/liferay-custom-element.schema.json', 'utf8'));
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const guide = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'mandate-guide');
const slugs = new Set(JSON.parse(readFileSync('dist/cdn/mandate-themes.json', 'utf8')).themes.map((t) => t.s));
const extensions = Object.entries(config).filter(([key]) => key !== 'assemble');

test('every customElement entry matches the documented schema', () => {
  const validate = new Ajv({allErrors: true, useDefaults: false}).compile(schema);
  assert.ok(extensions.length >= 1);
  for (const [id, extension] of extensions) {
    assert.match(id, /^[a-z0-9-]+$/, 'client extension ids are lower-case with hyphens');
    assert.ok(validate(extension), `${id}: ${JSON.stringify(validate.errors, null, 2)}`);
    assert.equal(extension.htmlElementName, 'mandate-guide');
    assert.equal(extension.instanceable, true, 'several guides on one page (different services)');
  }
});

test('the schema catches a missing required field, a wrong type and a misspelt key', () => {
  const validate = new Ajv().compile(schema);
  const ok = {type: 'customElement', htmlElementName: 'mandate-guide', urls: ['0.1.0/puolesta.js']};
  assert.ok(validate(ok));
  assert.equal(validate({type: 'customElement', urls: ['x.js']}), false, 'htmlElementName is required');
  assert.equal(validate({type: 'customElement', htmlElementName: 'mandate-guide'}), false, 'urls is required');
  assert.equal(validate({...ok, urls: []}), false);
  assert.equal(validate({...ok, htmlElementName: 'mandateguide'}), false, 'a custom element name has a hyphen');
  assert.equal(validate({...ok, instanceable: 'yes'}), false);
  assert.equal(validate({...ok, htmlElementNam: 'typo'}), false, 'unknown keys are typos');
});

test('urls point at the pinned release files that the build wrote', () => {
  for (const [id, extension] of extensions) {
    for (const url of [...extension.urls, ...(extension.cssURLs ?? [])]) {
      const m = /^(\d+\.\d+\.\d+)\/([^/]+)$/.exec(url);
      assert.ok(m, `${id}: ${url} is <version>/<file>`);
      assert.equal(m[1], version, `${id}: ${url} is pinned to this release`);
      assert.ok(release.files[m[2]], `${id}: ${m[2]} is in dist/cdn/${version}/integrity.json`);
    }
  }
  // What assemble copies is what the urls name, from the folder that exists.
  for (const step of config.assemble) {
    assert.equal(step.into, `static/${version}`);
    assert.ok(existsSync(join(dirname(file), step.from)), `${step.from} exists after npm run build`);
    assert.equal(step.from, `../../dist/cdn/${version}`);
  }
  const copied = config.assemble.map((s) => new RegExp(`^${s.include.replace('.', '\\.').replace('*', '.*')}$`));
  for (const [, extension] of extensions) {
    for (const url of extension.urls) assert.ok(copied.some((re) => re.test(url.split('/')[1])), `${url} is assembled`);
  }
  assert.ok(copied.some((re) => re.test('mandate-themes.json')), 'the full catalogue sits next to the script');
});

test('properties are <mandate-guide> attributes with values the element accepts', () => {
  const attributes = new Set(guide.attributes.map((a) => a.name));
  const values = {
    principal: new Set(['person', 'minor', 'company', 'association', 'housing-company', 'organisation']),
    situation: new Set(['on-behalf', 'joint', 'alone']),
    'heading-level': new Set(['1', '2', '3', '4', '5', '6']),
  };
  for (const [id, extension] of extensions) {
    for (const property of extension.properties ?? []) {
      const [name, ...rest] = property.split('=');
      const value = rest.join('=');
      assert.ok(attributes.has(name), `${id}: ${name} is an attribute of <mandate-guide>`);
      if (name === 'theme') for (const slug of value.split(/\s+/)) assert.ok(slugs.has(slug), `${id}: theme ${slug} is in the catalogue`);
      if (values[name]) assert.ok(values[name].has(value), `${id}: ${name}=${value}`);
    }
  }
});
