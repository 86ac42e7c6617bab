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
writeFileSync('custom-elements.json', `${JSON.stringify(manifest, null, 2)}\n`);
const tags = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => d.tagName);
const expected = ['mandate-guide', 'acting-for-selector', 'acting-for-banner'];
const missing = expected.filter((t) => !tags.includes(t));
if (missing.length) {
  console.error(`custom-elements.json lacks ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`custom-elements.json: ${tags.join(', ')}`);
