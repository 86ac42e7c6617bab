// Runs `lit-localize build` and fails when any translation is missing: a Finnish or Swedish citizen must
// never silently get English text.
import {spawnSync} from 'node:child_process';

const run = spawnSync('npx', ['--no-install', 'lit-localize', 'build'], {encoding: 'utf8'});
const output = `${run.stdout}${run.stderr}`;
process.stdout.write(output);
const missing = output.split('\n').filter((line) => /missing/i.test(line));
if (run.status !== 0) process.exit(run.status ?? 1);
if (missing.length > 0 && process.env.PUOLESTA_ALLOW_MISSING !== '1') {
  console.error(`lit-localize: ${missing.length} missing translation(s); fill them in locales/*.xlf`);
  process.exit(1);
}
