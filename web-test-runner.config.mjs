import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher, puppeteerCore} from '@web/test-runner-chrome';
import {defaultReporter} from '@web/test-runner';
import {plainSummaryReporter} from './test/wtr-plain-summary.mjs';
import {ptvTestMiddleware} from './test/ptv-middleware.mjs';
import {sessionTestMiddleware} from './test/session-middleware.mjs';
import {chromiumArgs, chromiumPath} from './test/chromium.mjs';
import {firefoxLaunchOptions} from './test/engines/firefox.mjs';
import {webkitTestRunnerLauncher} from './test/engines/webkit.mjs';
import {a11yRecorderPlugin} from './test/a11y/wtr-plugin.mjs';

// Every unit test runs in the three engines citizens use: Chromium, Firefox (Debian firefox-esr over WebDriver
// BiDi) and WebKit (WebKitGTK's MiniBrowser; test/engines/webkit.mjs starts Xvfb and the driver itself).
// PUOLESTA_ENGINES=chromium,firefox narrows the run, e.g. while debugging; CI runs all three.
const engines = (process.env.PUOLESTA_ENGINES ?? 'chromium,firefox,webkit').split(',').map((e) => e.trim()).filter(Boolean);
const unknown = engines.filter((e) => !['chromium', 'firefox', 'webkit'].includes(e));
if (unknown.length) throw new Error(`PUOLESTA_ENGINES: unknown engine ${unknown.join(', ')}`);
const launchers = {
  chromium: () => chromeLauncher({launchOptions: {executablePath: chromiumPath, headless: true, args: chromiumArgs}, concurrency: 2}),
  firefox: () => chromeLauncher({puppeteer: puppeteerCore, launchOptions: firefoxLaunchOptions, concurrency: 2}),
  webkit: () => webkitTestRunnerLauncher(),
};

export default {
  files: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
  nodeResolve: true,
  // One page at a time is what the WebDriver launcher needs to run tests as top-level pages (with more it uses
  // iframes, and its sendKeys leaves the driver inside one); Chromium and Firefox set two pages each above.
  // All three browsers run at once: on 2 cores they mostly wait on each other's timers and the network.
  concurrency: 1,
  concurrentBrowsers: 3,
  // Serves the real PTV samples and fault modes from this server: no outside network in tests.
  middleware: [ptvTestMiddleware(), sessionTestMiddleware()],
  // tsconfig is required: without it esbuild ignores experimentalDecorators and lit throws.
  // a11yRecorderPlugin: every axe run of test/a11y/record.ts, with its engine, for the accessibility pack.
  plugins: [esbuildPlugin({ts: true, json: true, tsconfig: './tsconfig.json', target: 'es2022'}), a11yRecorderPlugin()],
  browsers: await Promise.all(engines.map((e) => launchers[e]())),
  reporters: [defaultReporter(), plainSummaryReporter()],
  testFramework: {config: {timeout: 8000}},
};
