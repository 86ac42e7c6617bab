// Node 20 runs no TypeScript: bundle each src/server/*.ts (adapter, client, stores) to dist/server/*.js.
import {build} from 'esbuild';
import {readFileSync, readdirSync} from 'node:fs';

const entries = readdirSync('src/server').filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'));
await build({
  entryPoints: entries.map((f) => `src/server/${f}`),
  outdir: 'dist/server',
  bundle: true,
  packages: 'external',
  // node-redis is an optional peer dependency: never bundled, and imported only when a Redis store is used.
  external: ['redis'],
  platform: 'node',
  format: 'esm',
  target: 'node20',
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
});
// The Redis client must stay a dynamic import: a static one would make every host install it.
for (const file of ['dist/server/index.js', 'dist/server/redis-store.js']) {
  const code = readFileSync(file, 'utf8');
  if (/^\s*(?:import|export)\s[^;(]*?\bfrom\s*["']redis["']|^\s*import\s*["']redis["']/m.test(code) || /require\(["']redis["']\)/.test(code)) throw new Error(`${file} imports redis statically`);
  if (!/\bimport\(["']redis["']\)/.test(code)) throw new Error(`${file} lost the dynamic import of redis`);
}
console.log(`server: ${entries.length} modules → dist/server/`);
