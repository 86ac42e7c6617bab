// A local stand-in for the PTV v11 OUT API under /ptv/api/v11/: serves the fixtures in test/fixtures/ptv
// and fault modes (500, malformed JSON, 7 s delay, 404). Used by web-test-runner, the demo and the benchmark,
// so nothing ever reaches the real PTV from a test.
import {readFile} from 'node:fs/promises';
import {CHANNELS, FAULTS} from './fixtures/ptv/index.mjs';

const PREFIX = '/ptv/api/v11/ServiceChannel/';
const dir = new URL('./fixtures/ptv/', import.meta.url);

/** → {status, body, delayMs} for a path, or undefined when the path is not ours. */
async function answer(path) {
  if (!path.startsWith(PREFIX)) return undefined;
  const id = decodeURIComponent(path.slice(PREFIX.length)).toLowerCase();
  switch (id) {
    case FAULTS.SERVER_ERROR:
      return {status: 500, body: '{"message":"Internal Server Error"}'};
    case FAULTS.MALFORMED:
      return {status: 200, body: '{"id": "00000000-0000-4000-8000-00000000bad0", "services": [ {'};
    case FAULTS.SLOW:
      return {status: 200, body: await readFile(new URL(CHANNELS['7f3c9a2e-4b1d-4e8a-9c6f-2d5b8e1a3c70'], dir), 'utf8'), delayMs: 7000};
  }
  const file = CHANNELS[id];
  if (!file) return {status: 404, body: '{"message":"Not found"}'};
  return {status: 200, body: await readFile(new URL(file, dir), 'utf8')};
}

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Koa middleware for @web/test-runner's dev server. */
export function ptvTestMiddleware() {
  return async (ctx, next) => {
    const result = await answer(ctx.path);
    if (!result) return next();
    if (result.delayMs) await wait(result.delayMs);
    ctx.status = result.status;
    ctx.type = 'application/json';
    ctx.body = result.body;
  };
}

/** node:http variant: returns true when it handled the request. */
export async function ptvNodeHandler(req, res) {
  const result = await answer(new URL(req.url, 'http://localhost').pathname);
  if (!result) return false;
  if (result.delayMs) await wait(result.delayMs);
  res.writeHead(result.status, {'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store'});
  res.end(result.body);
  return true;
}
