// Runs `lit-localize build` and fails when any translation is missing: a Finnish or Swedish citizen must
// never silently get English text.
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';

// The elements' messages, then the builder's (its own XLIFF in locales/builder/, so the builder's text never
// lands in the elements' bundles).
let output = '';
for (const config of ['lit-localize.json', 'lit-localize.builder.json']) {
  const run = spawnSync('npx', ['--no-install', 'lit-localize', 'build', '--config', config], {encoding: 'utf8'});
  output += `${run.stdout}${run.stderr}`;
  process.stdout.write(`${run.stdout}${run.stderr}`);
  if (run.status !== 0) process.exit(run.status ?? 1);
}
const missing = output.split('\n').filter((line) => /missing/i.test(line));
// Every message needs an explicit short id: hash ids cost ~2 KB gzip in the script-tag bundle, and the
// per-element runtime (src/localization.ts) looks messages up by explicit id only.
for (const locale of ['fi', 'sv']) {
  const ids = [...readFileSync(`locales/${locale}.xlf`, 'utf8').matchAll(/<trans-unit id="([^"]+)"/g)].map((m) => m[1]);
  const hashed = ids.filter((id) => !/^[a-z][a-z0-9.]{0,11}$/.test(id));
  if (hashed.length) {
    console.error(`locales/${locale}.xlf: messages without an explicit short id (add {id: '…'} to msg()): ${hashed.join(', ')}`);
    process.exit(1);
  }
}
if (missing.length > 0 && process.env.PUOLESTA_ALLOW_MISSING !== '1') {
  console.error(`lit-localize: ${missing.length} missing translation(s); fill them in locales/*.xlf`);
  process.exit(1);
}
