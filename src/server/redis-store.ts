/**
 * Session store on Redis, for several adapter instances behind a load balancer. Speaks the Redis protocol
 * (RESP) directly over one TCP connection with pipelining — GET, SET … PX, DEL, plus AUTH / SELECT from the
 * URL — so no client library is needed. Reconnects on the next command after a dropped connection; every
 * command has a timeout, so a dead Redis makes the adapter answer "not acting for anyone", not hang.
 */
import {connect, type Socket} from 'node:net';
import type {SessionStore} from './session-store.js';

type Reply = string | number | null | Reply[];
interface Pending {
  resolve: (reply: Reply) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class RedisError extends Error {
  constructor(message: string) {
    super(`Redis: ${message}`);
    this.name = 'RedisError';
  }
}

function encode(args: string[]): Buffer {
  const parts = [`*${args.length}\r\n`];
  for (const arg of args) parts.push(`$${Buffer.byteLength(arg)}\r\n${arg}\r\n`);
  return Buffer.from(parts.join(''));
}

/** Parses one reply from buffer at offset; undefined when more bytes are needed. */
function parse(buffer: Buffer, offset: number): {reply: Reply | Error; next: number} | undefined {
  const lineEnd = buffer.indexOf('\r\n', offset);
  if (lineEnd < 0) return undefined;
  const type = String.fromCharCode(buffer[offset]);
  const line = buffer.toString('utf8', offset + 1, lineEnd);
  const next = lineEnd + 2;
  switch (type) {
    case '+':
      return {reply: line, next};
    case '-':
      return {reply: new RedisError(line), next};
    case ':':
      return {reply: Number(line), next};
    case '$': {
      const length = Number(line);
      if (length < 0) return {reply: null, next};
      if (buffer.length < next + length + 2) return undefined;
      return {reply: buffer.toString('utf8', next, next + length), next: next + length + 2};
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return {reply: null, next};
      const items: Reply[] = [];
      let at = next;
      for (let i = 0; i < count; i++) {
        const item = parse(buffer, at);
        if (!item) return undefined;
        if (item.reply instanceof Error) return {reply: item.reply, next: item.next};
        items.push(item.reply);
        at = item.next;
      }
      return {reply: items, next: at};
    }
    default:
      throw new RedisError('unexpected reply from server');
  }
}

export interface RedisStoreOptions {
  /** redis://[:password@]host:port[/db], default redis://127.0.0.1:6379 */
  url?: string;
  /** Prefix for every key, default "puolesta:" */
  prefix?: string;
  /** Per command, default 2000 ms */
  timeoutMs?: number;
}

export class RedisSessionStore implements SessionStore {
  private readonly host: string;
  private readonly port: number;
  private readonly password?: string;
  private readonly db?: string;
  private readonly prefix: string;
  private readonly timeoutMs: number;
  private socket?: Socket;
  private ready?: Promise<void>;
  private buffer: Buffer = Buffer.alloc(0);
  private readonly pending: Pending[] = [];

  constructor({url = 'redis://127.0.0.1:6379', prefix = 'puolesta:', timeoutMs = 2000}: RedisStoreOptions = {}) {
    const parsed = new URL(url);
    if (parsed.protocol !== 'redis:') throw new RedisError('only redis:// URLs are supported');
    this.host = parsed.hostname || '127.0.0.1';
    this.port = Number(parsed.port || 6379);
    this.password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
    this.db = parsed.pathname.length > 1 ? parsed.pathname.slice(1) : undefined;
    this.prefix = prefix;
    this.timeoutMs = timeoutMs;
  }

  async get(key: string): Promise<string | undefined> {
    const reply = await this.command(['GET', this.prefix + key]);
    return typeof reply === 'string' ? reply : undefined;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.command(['SET', this.prefix + key, value, 'PX', String(Math.max(1, Math.round(ttlMs)))]);
  }

  async delete(key: string): Promise<void> {
    await this.command(['DEL', this.prefix + key]);
  }

  async close(): Promise<void> {
    const socket = this.socket;
    this.socket = undefined;
    this.ready = undefined;
    if (socket && !socket.destroyed) await new Promise<void>((resolve) => socket.end(resolve));
  }

  /** Sends one command (connecting first if needed) and waits for its reply. */
  async command(args: string[]): Promise<Reply> {
    await this.connection();
    return this.send(args);
  }

  private send(args: string[]): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new RedisError(`${args[0]} timed out`)), this.timeoutMs);
      this.pending.push({resolve, reject, timer});
      this.socket!.write(encode(args));
    });
  }

  private connection(): Promise<void> {
    if (this.socket && !this.socket.destroyed && this.ready) return this.ready;
    const socket = connect({host: this.host, port: this.port});
    socket.setNoDelay(true);
    this.socket = socket;
    this.buffer = Buffer.alloc(0);
    // Events of an older, replaced connection are ignored.
    socket.on('data', (chunk) => this.socket === socket && this.receive(chunk));
    socket.on('error', (error) => this.socket === socket && this.fail(new RedisError(`connection failed (${(error as NodeJS.ErrnoException).code ?? 'error'})`)));
    socket.on('close', () => this.socket === socket && this.fail(new RedisError('connection closed')));
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new RedisError('connect timed out'));
        socket.destroy();
      }, this.timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(new RedisError(`connection failed (${(error as NodeJS.ErrnoException).code ?? 'error'})`));
      });
    }).then(async () => {
      if (this.password) await this.send(['AUTH', this.password]);
      if (this.db) await this.send(['SELECT', this.db]);
    });
    // A failed connection is forgotten so the next command tries again.
    this.ready.catch(() => {
      if (this.socket === socket) this.ready = undefined;
    });
    return this.ready;
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    let offset = 0;
    for (;;) {
      let parsed;
      try {
        parsed = parse(this.buffer, offset);
      } catch (error) {
        this.fail(error as Error);
        return;
      }
      if (!parsed) break;
      offset = parsed.next;
      const waiter = this.pending.shift();
      if (!waiter) continue;
      clearTimeout(waiter.timer);
      parsed.reply instanceof Error ? waiter.reject(parsed.reply) : waiter.resolve(parsed.reply);
    }
    this.buffer = this.buffer.subarray(offset);
  }

  /** Rejects everything in flight and drops the connection; the next command reconnects. */
  private fail(error: Error): void {
    const socket = this.socket;
    this.socket = undefined;
    this.ready = undefined;
    socket?.destroy();
    for (const waiter of this.pending.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
  }
}
