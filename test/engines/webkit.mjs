// One place for how every test launches WebKit here: WebKitGTK's MiniBrowser through Debian's WebKitWebDriver.
// MiniBrowser has no headless mode, so without a DISPLAY this starts its own Xvfb on a free display number
// (Xvfb -displayfd picks it), then the driver on a free port, waits for GET /status, and kills both when the
// process exits. Session creation is always bounded: if MiniBrowser cannot start, POST /session hangs forever.
// There is no WebDriver BiDi in WebKitGTK (so no console log and no preload scripts): webdriverio must stay on
// classic WebDriver.
//
// MiniBrowser is told to send everything but 127.0.0.1/localhost to a proxy on a closed local port (so it never
// resolves an outside name) and not to prefetch DNS. It runs "full screen" (no toolbar, so the viewport is the
// window) with a GTK style that lets the window shrink to 320 px; the style only touches MiniBrowser's own GTK
// widgets (checked: form controls in pages render at the same sizes).
import {spawn} from 'node:child_process';
import {mkdtempSync, mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {remote} from 'webdriverio';

export const webkitDriverPath = process.env.WEBKIT_WEBDRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const xvfbPath = process.env.XVFB_PATH ?? '/usr/bin/Xvfb';
export const webkitCapabilities = {
  browserName: 'MiniBrowser',
  'webkitgtk:browserOptions': {args: [
    '--automation', '--full-screen', '--enable-dns-prefetching=false',
    '--proxy=http://127.0.0.1:9', '--ignore-host=127.0.0.1', '--ignore-host=localhost',
  ]},
  'wdio:enforceWebDriverClassic': true,
};
/** How long creating a WebKit session may take before it counts as a failed launch. */
export const WEBKIT_SESSION_TIMEOUT = 20_000;

const children = [];
const tempDirs = [];
let started;

export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
      timer.unref?.();
    }),
  ]).finally(() => clearTimeout(timer));
}

function killAll() {
  for (const dir of tempDirs.splice(0)) rmSync(dir, {recursive: true, force: true});
  for (const child of children.splice(0).reverse()) {
    try {
      process.kill(-child.pid, 'SIGKILL'); // its whole process group: the driver takes MiniBrowser with it
    } catch {
      try { child.kill('SIGKILL'); } catch { /* already gone */ }
    }
  }
}

let hooked = false;
function killOnExit() {
  if (hooked) return;
  hooked = true;
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, function onSignal() {
      killAll();
      // Let the default (or another module's) handling run as if this listener had not been here.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

/**
 * Starts `command` in its own process group (so it and its children can be killed together), with a watchdog
 * that kills that group if this process dies without running its exit handlers (SIGKILL, a killed test runner).
 */
function start(command, args, options = {}) {
  const child = spawn(command, args, {detached: true, ...options});
  child.unref();
  children.push(child);
  killOnExit();
  if (child.pid) {
    spawn('/bin/sh', ['-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; kill -KILL -${child.pid} 2>/dev/null`],
      {detached: true, stdio: 'ignore'}).unref();
  }
  return child;
}

async function startXvfb(timeout) {
  const xvfb = start(xvfbPath, ['-displayfd', '3', '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'], {stdio: ['ignore', 'ignore', 'pipe', 'pipe']});
  let stderr = '';
  xvfb.stderr.on('data', (d) => (stderr += d));
  const display = await withTimeout(new Promise((resolve, reject) => {
    let out = '';
    xvfb.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${stderr.trim().slice(-300)}`)));
    xvfb.once('error', reject);
  }), timeout, 'Xvfb start-up');
  xvfb.stdio[3].destroy();
  xvfb.stderr.destroy();
  return display;
}

const freePort = () => new Promise((resolve, reject) => {
  const server = createServer();
  server.once('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const {port} = server.address();
    server.close(() => resolve(port));
  });
});

async function startDriver(timeout) {
  const display = process.env.DISPLAY || await startXvfb(timeout);
  const port = await freePort();
  const config = mkdtempSync(join(tmpdir(), 'puolesta-webkit-'));
  tempDirs.push(config);
  mkdirSync(join(config, 'gtk-3.0'));
  writeFileSync(join(config, 'gtk-3.0', 'gtk.css'), '* { min-width: 0; min-height: 0; }\n');
  const env = {...process.env, DISPLAY: display, XDG_CONFIG_HOME: config};
  const driver = start(webkitDriverPath, [`--port=${port}`, '--host=127.0.0.1'], {stdio: ['ignore', 'ignore', 'pipe'], env});
  let stderr = '';
  driver.stderr.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
  driver.stderr.unref?.(); // the pipe must not keep a test process alive once its tests are done
  let exited = null;
  driver.once('exit', (code, signal) => (exited = `${code ?? signal}`));
  driver.once('error', (e) => (exited = e.message));
  const deadline = Date.now() + timeout;
  for (;;) {
    if (exited !== null) throw new Error(`WebKitWebDriver exited (${exited}): ${stderr.trim().slice(-300)}`);
    try {
      const status = await fetch(`http://127.0.0.1:${port}/status`, {signal: AbortSignal.timeout(1000)}).then((r) => r.json());
      if (status?.value?.ready) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not answer /status within ${timeout} ms: ${stderr.trim().slice(-300)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {hostname: '127.0.0.1', port, display, stderr: () => stderr};
}

/**
 * Xvfb (if needed) and WebKitWebDriver, started once per process. Resolves {hostname, port, display}.
 * A failed start-up is not cached: the next call tries again.
 */
export function startWebKitDriver({timeout = 15_000} = {}) {
  started ??= startDriver(timeout).catch((error) => {
    started = undefined;
    killAll();
    throw error;
  });
  return started;
}

/** Stops the driver (and the Xvfb this module started); the next startWebKitDriver() starts afresh. */
export function stopWebKitDriver() {
  started = undefined;
  killAll();
}

/**
 * A new webdriverio session in MiniBrowser (a fresh, ephemeral profile), bounded by `timeout`. On timeout the
 * driver is restarted so the next session does not queue behind the hung one.
 */
export async function newWebKitSession({timeout = WEBKIT_SESSION_TIMEOUT, capabilities = webkitCapabilities} = {}) {
  const {hostname, port} = await startWebKitDriver();
  const session = remote({hostname, port, logLevel: 'error', capabilities, connectionRetryCount: 0, connectionRetryTimeout: timeout});
  try {
    return await withTimeout(session, timeout, 'WebKit session creation');
  } catch (error) {
    session.then((s) => s.deleteSession().catch(() => {}), () => {});
    stopWebKitDriver();
    throw error;
  }
}

/**
 * web-test-runner launcher for WebKit: @web/test-runner-webdriver's, named "WebKit", starting Xvfb and the
 * driver only when the first WebKit test file is about to run. If the session cannot be created (in time), that
 * file and every later WebKit file fail at once with the reason — they are never skipped silently.
 */
export async function webkitTestRunnerLauncher() {
  const {webdriverLauncher} = await import('@web/test-runner-webdriver');
  const launcher = webdriverLauncher({
    automationProtocol: 'webdriver', hostname: '127.0.0.1', port: 0, logLevel: 'error',
    connectionRetryCount: 0, connectionRetryTimeout: WEBKIT_SESSION_TIMEOUT, capabilities: webkitCapabilities,
  });
  const initialize = launcher.initialize.bind(launcher);
  launcher.initialize = async (...args) => {
    await initialize(...args);
    launcher.name = 'WebKit';
  };
  const startSession = launcher.startSession.bind(launcher);
  let broken;
  launcher.startSession = async (id, url) => {
    if (broken) throw broken;
    try {
      launcher.options.port = (await startWebKitDriver()).port;
      return await withTimeout(startSession(id, url), WEBKIT_SESSION_TIMEOUT, 'WebKit session start');
    } catch (error) {
      if (!launcher.driver) broken = new Error(`WebKit did not start: ${error.message}`);
      throw broken ?? error;
    }
  };
  return launcher;
}
