// Editor tooling written by `npm run build` from custom-elements.json and the catalogue: VS Code custom HTML
// data and JetBrains web-types. An author typing <mandate-guide theme=" gets every catalogue slug, with its
// Finnish name, and every element and attribute of the manifest is there.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import Ajv from 'ajv';

const read = (path) => JSON.parse(readFileSync(path, 'utf8'));
const pkg = read('package.json');
const manifest = read('custom-elements.json');
const vscode = read('dist/editor/vscode.html-custom-data.json');
const webTypes = read('dist/editor/web-types.json');
const catalogue = read('dist/cdn/mandate-themes.json').themes;
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);

test('VS Code data is valid custom HTML data 1.1', () => {
  const validate = new Ajv({allErrors: true}).compile(read('test/integrations/schemas/vscode-html-custom-data.schema.json'));
  assert.ok(validate(vscode), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  assert.equal(vscode.version, 1.1);
});

test('every element and attribute of the manifest is offered in VS Code and JetBrains', () => {
  const jetbrains = webTypes.contributions.html.elements;
  assert.equal(elements.length, 3);
  for (const element of elements) {
    const tag = vscode.tags.find((t) => t.name === element.tagName);
    const web = jetbrains.find((t) => t.name === element.tagName);
    assert.ok(tag, `VS Code knows <${element.tagName}>`);
    assert.ok(web, `web-types know <${element.tagName}>`);
    const names = element.attributes.map((a) => a.name).sort();
    assert.deepEqual(tag.attributes.map((a) => a.name).sort(), names, `${element.tagName} attributes in VS Code`);
    assert.deepEqual(web.attributes.map((a) => a.name).sort(), names, `${element.tagName} attributes in web-types`);
    // The hover text documents slots, events and parts (from the manifest).
    for (const event of element.events ?? []) assert.ok(tag.description.includes(event.name), `${element.tagName}: event ${event.name}`);
    for (const part of element.cssParts ?? []) assert.ok(tag.description.includes(part.name), `${element.tagName}: part ${part.name}`);
    assert.deepEqual((web.events ?? []).map((e) => e.name).sort(), (element.events ?? []).map((e) => e.name).sort());
  }
});

test('theme offers all 238 catalogue slugs, each with its Finnish name', () => {
  // 229 from the 2020 catalogue + 9 themes proved by their official pages (data/theme-names.json).
  assert.equal(catalogue.length, 238);
  for (const tagName of ['mandate-guide', 'acting-for-selector']) {
    const theme = vscode.tags.find((t) => t.name === tagName).attributes.find((a) => a.name === 'theme');
    assert.deepEqual(theme.values.map((v) => v.name).sort(), catalogue.map((t) => t.s).sort(), `${tagName} theme values`);
    const byName = new Map(theme.values.map((v) => [v.name, v.description]));
    for (const record of catalogue) {
      if (record.n?.fi) assert.equal(byName.get(record.s), record.n.fi, record.s);
      else assert.match(byName.get(record.s), /no official name/, `${record.s}: says the name is unknown, invents none`);
    }
    const web = webTypes.contributions.html.elements.find((t) => t.name === tagName).attributes.find((a) => a.name === 'theme');
    const literals = web.value.type.split(' | ').map((s) => s.replace(/^'|'$/g, ''));
    assert.deepEqual(literals.sort(), catalogue.map((t) => t.s).sort(), `${tagName} theme in web-types`);
  }
});

test('principal, situation and heading-level complete to the values the guide takes', () => {
  const guide = vscode.tags.find((t) => t.name === 'mandate-guide');
  const values = (name) => guide.attributes.find((a) => a.name === name).values.map((v) => v.name);
  assert.deepEqual(values('principal'), ['person', 'minor', 'company', 'housing-company', 'association', 'foundation', 'estate', 'organisation']);
  assert.deepEqual(values('situation'), ['on-behalf', 'joint', 'alone']);
  assert.deepEqual(values('heading-level'), ['1', '2', '3', '4', '5', '6']);
  // Free-text attributes get no made-up values.
  assert.deepEqual(guide.attributes.find((a) => a.name === 'catalogue-url').values, []);
});

test('web-types are found through package.json and shipped', () => {
  assert.equal(webTypes.$schema, 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json');
  assert.equal(webTypes.name, pkg.name);
  assert.equal(webTypes.version, pkg.version);
  assert.equal(pkg['web-types'], './dist/editor/web-types.json');
  assert.ok(pkg.files.includes('dist/editor'));
  assert.equal(pkg.exports['./editor/vscode.html-custom-data.json'], './dist/editor/vscode.html-custom-data.json');
  assert.equal(pkg.exports['./editor/web-types.json'], './dist/editor/web-types.json');
});
