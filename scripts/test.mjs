// `npm test`: every check a release needs, in order, then one plain "N passed, N failed" line.
// Steps: theme catalogue, localization build (no missing translation), typecheck, unit tests in headless
// Chromium (web-test-runner), production build, server tests against the simulator (node:test), end-to-end and
// bundle checks (Playwright + node:test).
import {spawn} from 'node:child_process';

const totals = {passed: 0, failed: 0, skipped: 0};
const report = [];

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe']});
    let output = '';
    const tee = (stream, sink) => stream.on('data', (chunk) => {
      output += chunk;
      sink.write(chunk);
    });
    tee(child.stdout, process.stdout);
    tee(child.stderr, process.stderr);
    child.on('close', (code) => resolve({code: code ?? 1, output}));
  });
}

/** A step that is one check: counts as one pass or one failure. */
async function check(name, command, args) {
  console.log(`\n── ${name}`);
  const {code} = await run(command, args);
  report.push(`${code === 0 ? 'ok  ' : 'FAIL'} ${name}`);
  code === 0 ? totals.passed++ : totals.failed++;
  return code === 0;
}

/** A step that runs tests: adds the runner's own counts (and a failure if it died without counting). */
async function tests(name, command, args, parse) {
  console.log(`\n── ${name}`);
  const {code, output} = await run(command, args);
  const counts = parse(output);
  if (!counts) {
    totals.failed++;
    report.push(`FAIL ${name}: no test count (exit ${code})`);
    return false;
  }
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  if (code !== 0 && counts.failed === 0) totals.failed++;
  report.push(`${code === 0 ? 'ok  ' : 'FAIL'} ${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  return code === 0;
}

const lastMatch = (output, re) => [...output.matchAll(re)].pop();
const wtrCounts = (output) => {
  const m = lastMatch(output, /^(\d+) passed, (\d+) failed, (\d+) skipped$/gm);
  return m && {passed: +m[1], failed: +m[2], skipped: +m[3]};
};
const nodeTestCounts = (output) => {
  const pass = lastMatch(output, /^ℹ pass (\d+)$/gm);
  const fail = lastMatch(output, /^ℹ fail (\d+)$/gm);
  const skip = lastMatch(output, /^ℹ skipped (\d+)$/gm);
  return pass && fail && {passed: +pass[1], failed: +fail[1], skipped: skip ? +skip[1] : 0};
};

await check('theme catalogue', 'node', ['scripts/gen-themes.mjs']);
await check('localization build (no missing translations)', 'node', ['scripts/localize-build.mjs']);
await check('typecheck', 'npx', ['--no-install', 'tsc', '--noEmit']);
await tests('unit tests (web-test-runner, headless Chromium)', 'npx', ['--no-install', 'web-test-runner'], wtrCounts);
const built = await check('production build', 'npm', ['run', 'build', '--silent']);
if (built) {
  await tests('server tests (checksum vector, Valtuudet client, adapter, stores against the simulator)', 'node',
    ['--test', '--test-reporter=spec', '--test-concurrency=1', 'test/server/'], nodeTestCounts);
  await tests('end-to-end and bundle tests (Playwright, headless Chromium)', 'node',
    ['--test', '--test-reporter=spec', '--test-concurrency=1', 'test/e2e/'], nodeTestCounts);
} else {
  totals.failed++;
  report.push('FAIL server and end-to-end tests: not run, the build failed');
}

console.log(`\n${report.join('\n')}\n`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
