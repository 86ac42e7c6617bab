/**
 * node:http mount of the adapter (and of any other Fetch-API handler): IncomingMessage → Request,
 * Response → ServerResponse. Works with a bare http.createServer and as Express / Connect middleware.
 */
import type {IncomingMessage, ServerResponse} from 'node:http';
import {Readable} from 'node:stream';
import type {HostRequest, Reply, ValtuudetAdapter} from './adapter.js';

export interface MountOptions {
  /** The site's public origin; takes precedence over the Host header (use it behind a proxy). */
  publicOrigin?: string;
}

/**
 * A Fetch API Request for a node:http request. The body is streamed only for methods that have one and only
 * if nobody has read it yet (a host that parsed its own form can still ask the adapter who the principal is).
 */
export function toRequest(req: IncomingMessage, {publicOrigin}: MountOptions = {}): Request {
  const encrypted = (req.socket as {encrypted?: boolean}).encrypted === true;
  const origin = publicOrigin ? new URL(publicOrigin).origin : `${encrypted ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD' && !req.readableDidRead;
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    // @ts-expect-error Node's fetch needs duplex for a streamed body; the DOM typings do not know it.
    duplex: hasBody ? 'half' : undefined,
  });
}

/** Writes a Fetch API Response to a node:http response (every Set-Cookie header kept). */
export async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  res.writeHead(response.status, headers);
  res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
}

/** The request as the adapter reads it, straight from node:http (header names are lower case there). */
function hostRequest(req: IncomingMessage, {publicOrigin}: MountOptions): HostRequest {
  const encrypted = (req.socket as {encrypted?: boolean}).encrypted === true;
  const origin = publicOrigin ? new URL(publicOrigin).origin : `${encrypted ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;
  return {
    url: origin + (req.url ?? '/'),
    method: req.method ?? 'GET',
    headers: {
      get(name: string) {
        const value = req.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
  };
}

function writeReply(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of reply.headers) {
    const key = name.toLowerCase();
    if (key === 'set-cookie') headers[key] = [...((headers[key] as string[] | undefined) ?? []), value];
    else headers[key] = value;
  }
  res.writeHead(reply.status, headers);
  res.end(reply.body ?? undefined);
}

/**
 * `(req, res, next?) => Promise<boolean>`: answers the adapter's routes and resolves true; for any other
 * path calls next() when given (Express / Connect) and resolves false (bare node:http).
 */
export function mountAdapter(adapter: ValtuudetAdapter, options: MountOptions = {}) {
  return async (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): Promise<boolean> => {
    const path = (req.url ?? '/').split('?')[0];
    if (!path.startsWith(`${adapter.basePath}/`)) {
      next?.();
      return false;
    }
    try {
      const reply = await adapter.reply(hostRequest(req, options));
      if (!reply) {
        next?.();
        return false;
      }
      writeReply(res, reply);
      return true;
    } catch (error) {
      if (next) next(error);
      else if (!res.headersSent) {
        res.writeHead(500, {'Content-Type': 'text/plain; charset=utf-8'});
        res.end('Internal error');
      }
      return true;
    }
  };
}
