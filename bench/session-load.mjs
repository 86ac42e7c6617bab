// The /valtuudet/session load generator, run as a fresh process so the bench's own heap (vite builds, Playwright)
// and its garbage collection do not add to the latencies it measures.
//   spawned with IPC: node bench/session-load.mjs <url> <cookie> <seconds> <connections>
// Sends 'warm' after a 1 s warm-up, waits for any message, then sends {rps, p99, failures} and exits.
import {Agent, request} from 'node:http';

const [url, cookie, seconds, connections] = [process.argv[2], process.argv[3], Number(process.argv[4]), Number(process.argv[5])];

/** `connections` keep-alive connections each sending requests back to back for `seconds`. */
async function load(duration) {
  const agent = new Agent({keepAlive: true, maxSockets: connections});
  const latencies = [];
  let failures = 0;
  const until = Date.now() + duration * 1000;
  const one = () => new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const req = request(url, {agent, headers: cookie ? {Cookie: cookie} : {}}, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c) => (body += c)).on('end', () => {
        if (res.statusCode === 200 && body.includes('Anni')) latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        else failures++;
        resolve();
      });
    });
    req.on('error', () => {
      failures++;
      resolve();
    });
    req.end();
  });
  await Promise.all(Array.from({length: connections}, async () => {
    while (Date.now() < until) await one();
  }));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {rps: latencies.length / duration, p99: latencies[Math.floor(latencies.length * 0.99)] ?? null, failures};
}

// The parent reads the server's CPU time between the warm-up and the measured run, so it says when to go on.
await load(1);
process.send('warm');
await new Promise((resolve) => process.once('message', resolve));
process.send(await load(seconds), () => process.disconnect());
