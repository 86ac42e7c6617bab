// Extra `npm run bench` sections for the on-behalf flow: /valtuudet/session throughput and p99 against a bare
// node:http JSON handler (each server in its own process, same load generator, same run), and the time a
// citizen waits from "Continue" to the banner in Chromium on the demo site.
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {chromium} from 'playwright-core';
import {chromiumArgs, chromiumPath} from '../test/chromium.mjs';
import {createDemoServer} from '../demo/server.mjs';

const CONNECTIONS = 50;
const SECONDS = 5; // a fresh load generator process per server; the CPU row shows server cost alone
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function startServer(kind) {
  const child = spawn(process.execPath, [new URL('./session-server.mjs', import.meta.url).pathname, kind], {stdio: ['ignore', 'pipe', 'inherit', 'ipc']});
  const [line] = await once(child.stdout.setEncoding('utf8'), 'data');
  const cpu = async () => {
    child.send('cpu');
    const [usage] = await once(child, 'message');
    return (usage.user + usage.system) / 1000; // ms
  };
  return {...JSON.parse(line), cpu, stop: () => child.kill()};
}

/** Runs the load generator in its own fresh process; resolves after warm-up with `measure()` for the real run. */
async function startLoad({url, cookie}) {
  const child = spawn(process.execPath, [new URL('./session-load.mjs', import.meta.url).pathname, url, cookie, String(SECONDS), String(CONNECTIONS)], {stdio: ['ignore', 'inherit', 'inherit', 'ipc']});
  await once(child, 'message'); // warmed up
  return {
    measure: async () => {
      child.send('go');
      const [result] = await once(child, 'message');
      return {...result, p99: result.p99 ?? Infinity};
    },
  };
}

async function sessionSection(row, results) {
  const measured = {};
  for (const kind of ['bare', 'adapter']) {
    const server = await startServer(kind);
    try {
      const generator = await startLoad(server); // after its warm-up
      const before = await server.cpu();
      measured[kind] = await generator.measure();
      measured[kind].cpuUsPerRequest = ((await server.cpu()) - before) * 1000 / (measured[kind].rps * SECONDS);
    } finally {
      server.stop();
    }
  }
  const {bare, adapter} = measured;
  results.session = {connections: CONNECTIONS, seconds: SECONDS, bare, adapter};
  const ratio = adapter.rps / bare.rps;
  row(`/valtuudet/session requests/s (${CONNECTIONS} connections, ${SECONDS} s)`, `${Math.round(adapter.rps)}/s`, `bare node:http ${Math.round(bare.rps)}/s`, ratio.toFixed(2), '≥ 0.7×', ratio >= 0.7 && adapter.failures === 0);
  row('/valtuudet/session server CPU per request', `${adapter.cpuUsPerRequest.toFixed(1)} µs`, `bare ${bare.cpuUsPerRequest.toFixed(1)} µs`, (adapter.cpuUsPerRequest / bare.cpuUsPerRequest).toFixed(2), '–', null);
  row(`/valtuudet/session p99 (${CONNECTIONS} connections)`, `${adapter.p99.toFixed(2)} ms`, `bare ${bare.p99.toFixed(2)} ms`, (adapter.p99 / bare.p99).toFixed(2), '≤ 10 ms', adapter.p99 <= 10);
}

async function flowSection(row, results) {
  const demo = await createDemoServer({port: 0, simulatorPort: 0, log: () => {}});
  const browser = await chromium.launch({executablePath: chromiumPath, args: chromiumArgs});
  const times = [];
  try {
    for (let i = 0; i < 7; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${demo.url}/kirjaudu.html?return=%2Fasiointi.html`);
      await page.locator('form.eservice button[type=submit]').click();
      await page.waitForURL('**/asiointi.html');
      const selector = page.locator('acting-for-selector');
      await selector.getByRole('radio').nth(1).check();
      // The citizen's own time in the simulator is not counted: the clock stops while the page waits for them.
      const started = Date.now();
      await selector.getByRole('button').first().click();
      await page.waitForURL(`${demo.simulatorUrl}/**`);
      const atSimulator = Date.now();
      await page.locator('input[name=choice]').first().check();
      const resumed = Date.now();
      await page.locator('button[value=continue]').click();
      await page.waitForFunction(() => document.querySelector('acting-for-banner')?.shadowRoot?.querySelector('[part=banner]'));
      times.push(Date.now() - resumed + (atSimulator - started));
      await context.close();
    }
  } finally {
    await browser.close();
    await demo.close();
  }
  const value = median(times);
  results.flow = {medianMs: value, runs: times};
  row('choose → simulator → callback → banner visible, median of 7', `${value} ms`, '–', '–', '≤ 1000 ms', value <= 1000);
}

export const sections = [sessionSection, flowSection];
