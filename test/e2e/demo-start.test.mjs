// `npm start` as a newcomer meets it: a busy port is named in one line with the variable that moves it (before any
// build), a current build is not rebuilt, and the simulator's own address explains what it is.
import {after, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {createServer} from 'node:net';
import {root} from './support.mjs';

/** Runs scripts/start.mjs with `env`; resolves when it exits or once `until` matches its output. */
function start(env, until) {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {cwd: root, env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe']});
  let stdout = '';
  let stderr = '';
  return new Promise((resolve) => {
    const done = (code) => resolve({code, stdout, stderr, child});
    child.stdout.on('data', (d) => {
      stdout += d;
      if (until?.test(stdout)) done(null);
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', done);
  });
}

describe('npm start', () => {
  const children = [];
  after(() => children.forEach((c) => c.kill()));

  it('on a busy port says which port and which variable changes it, in one line, without building', async () => {
    const blocker = createServer();
    await new Promise((r) => blocker.listen(0, '127.0.0.1', r));
    const busy = blocker.address().port;
    const started = Date.now();
    const run = await start({PORT: '0', SIMULATOR_PORT: String(busy), INFO_PORT: '0'});
    blocker.close();
    assert.equal(run.code, 1);
    assert.equal(run.stderr.trim(), `Port ${busy} is in use. Stop what uses it, or start on another port: SIMULATOR_PORT=${busy + 10} npm start`);
    assert.doesNotMatch(run.stdout, /building/i);
    assert.ok(Date.now() - started < 10_000, 'answers before any build');
  });

  it('starts without rebuilding a current build, and the simulator\'s address explains itself', async () => {
    const run = await start({PORT: '0', SIMULATOR_PORT: '0', INFO_PORT: '0'}, /Stop with Ctrl\+C/);
    children.push(run.child);
    assert.match(run.stdout, /The build is current: starting\./);
    const simulator = /Valtuudet simulator: (\S+)\//.exec(run.stdout)?.[1];
    assert.ok(simulator, run.stdout);
    const page = await fetch(`${simulator}/`);
    assert.equal(page.status, 200);
    const text = await page.text();
    for (const phrase of ['Valtuudet simulator', 'Test users', 'Meikäläinen Matti', 'Kumpulainen Anni Emilia', 'Esimerkkiyhdistys ry', 'server-error', 'test/fixtures/valtuudet-people.json']) {
      assert.ok(text.includes(phrase), `the simulator page names ${phrase}`);
    }
    assert.doesNotMatch(text, /\d{6}[-+A]\d{3}[0-9A-Y]/, 'no identity code on the page');
    run.child.kill();
  });
});
