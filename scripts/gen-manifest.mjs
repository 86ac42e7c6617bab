// Writes custom-elements.json (the docs and IDE contract) from the element sources with the
// custom-elements-manifest analyzer, then checks every public element is described.
import {spawnSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';

const run = spawnSync('npx', ['--no-install', 'cem', 'analyze', '--litelement', '--globs', 'src/elements/*/*.ts',
  '--exclude', 'src/elements/**/*.test.ts', '--outdir', '.'], {encoding: 'utf8'});
if (run.status !== 0) {
  process.stderr.write(run.stdout + run.stderr);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
// Internal state is declared in `static properties` with `state: true`; the analyzer lists it as attributes.
// Only attributes of public fields are part of the contract.
for (const declaration of manifest.modules.flatMap((m) => m.declarations ?? [])) {
  if (!declaration.attributes) continue;
  const privateFields = new Set((declaration.members ?? []).filter((m) => m.privacy === 'private').map((m) => m.name));
  declaration.attributes = declaration.attributes.filter((a) => !privateFields.has(a.fieldName ?? a.name));
}
// Value completion in editors: the attributes' accepted values as a union of string literals in `expandedType`
// (the field the VS Code and JetBrains generators read with `typesSrc`), while `type` keeps the TypeScript type.
// `theme` takes every catalogue slug (one per completion; the attribute takes up to 8, space-separated).
const {PRINCIPALS, SITUATIONS} = await import('../dist/lib/core.js');
const slugs = JSON.parse(readFileSync('dist/cdn/mandate-themes.json', 'utf8')).themes.map((t) => t.s).sort();
const union = (values) => ({text: values.map((v) => `'${v}'`).join(' | ')});
const VALUES = {
  'mandate-guide': {theme: slugs, principal: PRINCIPALS, situation: SITUATIONS, 'heading-level': ['1', '2', '3', '4', '5', '6']},
  'acting-for-selector': {theme: slugs, modes: ['person', 'company', 'person company'], 'heading-level': ['1', '2', '3', '4', '5', '6']},
};
for (const declaration of manifest.modules.flatMap((m) => m.declarations ?? [])) {
  for (const attribute of declaration.attributes ?? []) {
    const values = VALUES[declaration.tagName]?.[attribute.name];
    if (values) attribute.expandedType = union(values);
  }
}
writeFileSync('custom-elements.json', `${JSON.stringify(manifest, null, 2)}\n`);
const tags = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => d.tagName);
const expected = ['mandate-guide', 'acting-for-selector', 'acting-for-banner'];
const missing = expected.filter((t) => !tags.includes(t));
if (missing.length) {
  console.error(`custom-elements.json lacks ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`custom-elements.json: ${tags.join(', ')}`);
