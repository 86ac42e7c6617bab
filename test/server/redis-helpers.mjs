// Real redis-server instances for the store tests (Debian package redis-server; .ci/run installs it), each on a
// free 127.0.0.1 port, plus a throw-away CA and server certificate made with the openssl CLI for the TLS tests.
// Every process started here is remembered: stopAll() kills what is still running (after() hooks), and the
// process 'exit' handler is the last resort when a test run is interrupted.
import {spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const INSTALL = 'redis-server is missing: install it with `apt-get install redis-server` (Debian), the store tests need a real one';
const running = new Set();
const dirs = new Set();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, {recursive: true, force: true});
});

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Throws (never skips) when redis-server is not installed or cannot speak TLS. */
export function requireRedisServer() {
  const version = spawnSync('redis-server', ['--version'], {encoding: 'utf8'});
  if (version.error || version.status !== 0) throw new Error(INSTALL);
  return version.stdout.trim();
}

export async function freePort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const {port} = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

/** A temporary directory under os.tmpdir(), removed by removeTempDirs() (or at exit). */
export function tempDir(name) {
  const dir = mkdtempSync(join(tmpdir(), `puolesta-${name}-`));
  dirs.add(dir);
  return dir;
}

export function removeTempDirs() {
  for (const dir of dirs) rmSync(dir, {recursive: true, force: true});
  dirs.clear();
}

/**
 * Starts `redis-server <args…>` (args after the port are passed as they are) and resolves once it logs that
 * it is ready; rejects with its last output lines when it exits first or takes longer than 10 s.
 */
export function startRedis({port, args = [], sentinelConfig, ready = /Ready to accept connections/}) {
  // Its own working directory unless the test gives one: replication and shutdown may write files there.
  const dir = args.includes('--dir') ? [] : ['--dir', tempDir('redis')];
  const argv = sentinelConfig ? [sentinelConfig, '--sentinel', ...dir] : ['--port', String(port), '--bind', '127.0.0.1', ...dir, ...args];
  const child = spawn('redis-server', argv, {stdio: ['ignore', 'pipe', 'pipe']});
  running.add(child);
  let output = '';
  const exited = new Promise((r) => child.once('exit', r)).then(() => running.delete(child));
  const instance = {
    child,
    port,
    output: () => output,
    /** SIGTERM (Redis writes its append-only file and exits); resolves once the process is gone. */
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redis-server did not start in 10 s:\n${output.slice(-1500)}`));
    }, 10_000);
    const onData = (chunk) => {
      output += chunk;
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve(instance);
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(error.code === 'ENOENT' ? INSTALL : `redis-server could not start (${error.code})`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code ?? signal}) before it was ready:\n${output.slice(-1500)}`));
    });
  });
}

/** Kills every redis-server this module started that is still running. */
export async function stopAll() {
  await Promise.all([...running].map((child) => {
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    return gone;
  }));
}

function openssl(args, cwd) {
  const result = spawnSync('openssl', args, {cwd, encoding: 'utf8'});
  if (result.error || result.status !== 0) throw new Error(`openssl ${args[0]} failed (install the Debian package openssl): ${result.stderr ?? result.error}`);
}

/**
 * A throw-away CA and a server certificate it signed for 127.0.0.1 / localhost, valid for one day, written to
 * dir: ca.pem, server.pem, server.key — and a second, unrelated CA (other-ca.pem).
 */
export function makeCertificates(dir) {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=Puolesta test CA'], dir);
  openssl(['req', '-x509', ...ec, '-keyout', 'other-ca.key', '-out', 'other-ca.pem', '-days', '1', '-subj', '/CN=Some other CA'], dir);
  openssl(['req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1'], dir);
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '1', '-extfile', 'server.ext'], dir);
  return {ca: join(dir, 'ca.pem'), otherCa: join(dir, 'other-ca.pem'), cert: join(dir, 'server.pem'), key: join(dir, 'server.key')};
}
