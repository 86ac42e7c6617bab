// A stand-in for the adapter's /session and /stop endpoints for element unit tests, with every fault the
// banner must survive. (The real adapter is exercised end to end in test/e2e.)
import {sessionCases} from './fixtures/session-cases.mjs';

// What each test page has stopped, kept apart: test files run at the same time (two pages per engine, and
// Chromium, Firefox and WebKit at once), and one file's reset or stop must not change another file's answers
// mid-test. A page is told apart by its wtr-session-id (in the Referer); a page that has replaced its URL falls
// back to a bucket per browser.
const stoppedBy = new Map();
const clientOf = (ctx) => {
  try {
    const id = new URL(ctx.get('Referer')).searchParams.get('wtr-session-id');
    if (id) return id;
  } catch { /* no or odd Referer */ }
  return ctx.get('User-Agent');
};

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
    const client = clientOf(ctx);
    if (!stoppedBy.has(client)) stoppedBy.set(client, new Set());
    const stopped = stoppedBy.get(client);
    if (action === 'reset') {
      stopped.clear();
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
