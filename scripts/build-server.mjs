// Node 20 runs no TypeScript: bundle each src/server/*.ts (adapter, client, stores) to dist/server/*.js.
import {build} from 'esbuild';
import {readdirSync} from 'node:fs';

const entries = readdirSync('src/server').filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'));
await build({
  entryPoints: entries.map((f) => `src/server/${f}`),
  outdir: 'dist/server',
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
});
console.log(`server: ${entries.length} modules → dist/server/`);
