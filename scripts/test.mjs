// `npm test`: every check a release needs, in order, then one plain "N passed, N failed" line.
// Steps: system parts (browsers, Xvfb, Redis; installed with apt when root on Debian), theme catalogue,
// localization build (no missing translation), typecheck, unit tests in Chromium, Firefox and WebKit
// (web-test-runner), production build, server tests against the simulator and a real Redis (node:test), the
// attacker suite (node:test),
// end-to-end and bundle checks (node:test). No test may vanish from the count: node:test's cancelled tests
// count as failed, and skipped tests are named before the final line.
import {spawn} from 'node:child_process';
import {existsSync, readdirSync, rmSync} from 'node:fs';
import {ensureSystem} from './system-check.mjs';

const totals = {passed: 0, failed: 0, skipped: 0};
const report = [];
const skippedNames = [];
const summary = () => `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;

if (!ensureSystem({install: true})) {
  totals.failed++;
  console.log(`\nFAIL system parts missing: nothing was run\n\n${summary()}`);
  process.exit(1);
}

/** No step may hang CI: one that runs past this is stopped, and counts as failed. */
const STEP_LIMIT_MS = 20 * 60_000;

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    // Its own process group, so a stopped step takes its browsers and servers with it.
    const child = spawn(command, args, {env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe'], detached: true});
    let output = '';
    const watchdog = setTimeout(() => {
      output += `\nstep stopped after ${STEP_LIMIT_MS / 60_000} minutes\n`;
      console.error(`\n── stopped: still running after ${STEP_LIMIT_MS / 60_000} minutes`);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, STEP_LIMIT_MS);
    const tee = (stream, sink) => stream.on('data', (chunk) => {
      output += chunk;
      sink.write(chunk);
    });
    tee(child.stdout, process.stdout);
    tee(child.stderr, process.stderr);
    child.on('close', (code) => {
      clearTimeout(watchdog);
      resolve({code: code ?? 1, output});
    });
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
/** node:test's closing counts; a cancelled test (its hook or file died) is a failed one, never a missing one. */
const nodeTestCounts = (output) => {
  const count = (label) => lastMatch(output, new RegExp(`^ℹ ${label} (\\d+)$`, 'gm'));
  const [pass, fail, cancelled, skip, todo] = ['pass', 'fail', 'cancelled', 'skipped', 'todo'].map(count);
  // The spec reporter marks skipped and todo tests with ﹣ and gives the reason after #.
  for (const [, name, why] of output.matchAll(/^\s*﹣ (.+?) \([\d.]+m?s\)(?: # (.*))?$/gm)) skippedNames.push(why ? `${name} (${why})` : name);
  return pass && fail && {
    passed: +pass[1],
    failed: +fail[1] + (cancelled ? +cancelled[1] : 0),
    skipped: (skip ? +skip[1] : 0) + (todo ? +todo[1] : 0),
  };
};

// The accessibility pack is made from this run only.
rmSync('test-results/a11y', {recursive: true, force: true});
await check('theme catalogue', 'node', ['scripts/gen-themes.mjs']);
await check('localization build (no missing translations)', 'node', ['scripts/localize-build.mjs']);
await check('typecheck', 'npx', ['--no-install', 'tsc', '--noEmit']);
await tests('unit tests (web-test-runner: Chromium, Firefox, WebKit)', 'npx', ['--no-install', 'web-test-runner'], wtrCounts);
const built = await check('production build', 'npm', ['run', 'build', '--silent']);
if (built) {
  await tests('server tests (checksum vector, Valtuudet client, adapter, stores against the simulator)', 'node',
    ['--test', '--test-reporter=spec', '--test-concurrency=1', '--test-timeout=180000', 'test/server/'], nodeTestCounts);
  // One file per attack class from the security review: fixation, cross-site start, clobbering, foreign folder,
  // data at rest, callback race, demo redirects, fail-closed configuration (docs/security.md maps them).
  await tests('attacker suite (real Redis, the simulator and Chromium as the attacker would use them)', 'node',
    ['--test', '--test-reporter=spec', '--test-concurrency=1', '--test-timeout=180000', 'test/security/'], nodeTestCounts);
  await tests('end-to-end and bundle tests (Chromium; citizen checks in Chromium, Firefox, WebKit)', 'node',
    ['--test', '--test-reporter=spec', '--test-concurrency=1', '--test-timeout=180000', 'test/e2e/'], nodeTestCounts);
  // Where municipal sites are built: a real WordPress, rich-text editors, framework consumers, CMS modules.
  if (existsSync('test/integrations') && readdirSync('test/integrations').some((f) => f.endsWith('.test.mjs'))) {
    await tests('integration tests (real WordPress, CKEditor 5 and TinyMCE, React/Vue/TypeScript consumers, Drupal and Liferay files)', 'node',
      ['--test', '--test-reporter=spec', '--test-concurrency=1', '--test-timeout=600000', 'test/integrations/'], nodeTestCounts);
  }
  // From this run's axe results and keyboard walks: fails on any violation or an engine without results.
  await check('accessibility pack (dist/a11y-pack/: axe per element × state × language × engine, walks, statement texts)', 'node', ['scripts/a11y-pack.mjs']);
} else {
  totals.failed++;
  report.push('FAIL server and end-to-end tests: not run, the build failed');
}

console.log(`\n${report.join('\n')}\n`);
if (skippedNames.length) console.log(`Skipped:\n${skippedNames.map((n) => `  - ${n}`).join('\n')}\n`);
console.log(summary());
process.exit(totals.failed === 0 ? 0 : 1);
