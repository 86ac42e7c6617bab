// A stand-in for the adapter's /session and /stop endpoints for element unit tests, with every fault the
// banner must survive. (The real adapter is exercised end to end in test/e2e.)
import {sessionCases} from './fixtures/session-cases.mjs';

let stopped = new Set();

export function sessionTestMiddleware() {
  return async (ctx, next) => {
    const match = /^\/test-session\/([a-z-]+)\/(session|stop|reset)$/.exec(ctx.path);
    if (!match) return next();
    const [, name, action] = match;
    const entry = sessionCases[name];
    if (!entry) {
      ctx.status = 404;
      return;
    }
    ctx.set('Cache-Control', 'no-store');
    if (action === 'reset') {
      stopped = new Set();
      ctx.status = 204;
      return;
    }
    if (action === 'stop') {
      if (ctx.method !== 'POST' || ctx.get('X-Puolesta') !== '1') {
        ctx.status = 403;
        return;
      }
      if (entry.stopStatus) {
        ctx.status = entry.stopStatus;
        return;
      }
      stopped.add(name);
      ctx.status = 204;
      return;
    }
    if (entry.delayMs) await new Promise((r) => setTimeout(r, entry.delayMs));
    ctx.status = entry.status ?? 200;
    ctx.type = 'application/json';
    ctx.body = stopped.has(name) ? '{"actingFor":null}' : entry.body;
  };
}
