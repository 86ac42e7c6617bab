import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {defaultReporter} from '@web/test-runner';
import {plainSummaryReporter} from './test/wtr-plain-summary.mjs';
import {ptvTestMiddleware} from './test/ptv-middleware.mjs';
import {sessionTestMiddleware} from './test/session-middleware.mjs';
import {chromiumArgs, chromiumPath} from './test/chromium.mjs';

export default {
  files: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  // Serves the real PTV samples and fault modes from this server: no outside network in tests.
  middleware: [ptvTestMiddleware(), sessionTestMiddleware()],
  // tsconfig is required: without it esbuild ignores experimentalDecorators and lit throws.
  plugins: [esbuildPlugin({ts: true, json: true, tsconfig: './tsconfig.json', target: 'es2022'})],
  browsers: [chromeLauncher({launchOptions: {executablePath: chromiumPath, headless: true, args: chromiumArgs}})],
  reporters: [defaultReporter(), plainSummaryReporter()],
  testFramework: {config: {timeout: 8000}},
};
