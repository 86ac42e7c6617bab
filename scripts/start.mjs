// `npm start`: checks the demo's ports first (a busy port is named in one line, with the variable that moves it),
// builds only when a source is newer than the build, then starts the demo site, the adapter and the simulator.
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import {createServer} from 'node:net';
import {join} from 'node:path';
import {busyPortLine, START_PORTS} from '../demo/ports.mjs';

const HOST = process.env.HOST ?? '127.0.0.1';

function free(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, HOST, () => probe.close(() => resolve(true)));
  });
}

for (const [name, fallback] of START_PORTS) {
  const raw = process.env[name] ?? String(fallback);
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`${name}=${raw} is not a port number (0–65535).`);
    process.exit(1);
  }
  if (port !== 0 && !(await free(port))) {
    console.error(busyPortLine(port, name));
    process.exit(1);
  }
}

/** Newest modification time under `path`, skipping what the build itself writes. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'generated' || entry === 'node_modules') continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

const INPUTS = ['src', 'locales', 'data', 'scripts', 'vite.config.ts', 'package.json', 'lit-localize.json', 'lit-localize.builder.json',
  'tsconfig.json', 'tsconfig.build.json', 'tsconfig.server.json', '../shared/data'];
const OUTPUTS = ['dist/cdn/puolesta.js', 'dist/builder/index.html', 'dist/server/index.js'];
const built = OUTPUTS.every((f) => existsSync(f)) ? Math.min(...OUTPUTS.map((f) => statSync(f).mtimeMs)) : 0;
if (!built || Math.max(...INPUTS.map(newest)) > built) {
  console.log(built ? 'Sources changed since the last build: building (about a minute)…' : 'First start: building (about a minute)…');
  const build = spawnSync('npm', ['run', 'build', '--silent'], {stdio: ['ignore', 'ignore', 'inherit']});
  if (build.status !== 0) {
    console.error('The build failed (its errors are above). Run `npm run build` to see it in full.');
    process.exit(1);
  }
} else {
  console.log('The build is current: starting.');
}

const {runDemo} = await import('../demo/server.mjs');
await runDemo();
