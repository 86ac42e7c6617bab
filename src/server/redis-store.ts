/**
 * Session store on Redis, for several adapter instances behind a load balancer. Uses the official client
 * node-redis (`npm install redis`, an optional peer dependency): it is imported only when a RedisSessionStore is
 * first used, so hosts on the in-memory store need not install it. Speaks redis:// and rediss:// (TLS, with a
 * private CA), logs in as an ACL user, and can find the master through Redis Sentinel.
 *
 * Every command settles within timeoutMs: while Redis is unreachable commands are refused at once (no offline
 * queue), and a command that gets no answer in time is rejected and its connection replaced. node-redis
 * reconnects in the background (backoff up to 2 s), so sessions come back by themselves when Redis does —
 * if Redis persisted them. Error messages and log lines name the failure, never a password, key or value.
 */
import type {ConnectionOptions} from 'node:tls';
import type {SessionStore} from './session-store.js';

export class RedisError extends Error {
  constructor(message: string) {
    super(`Redis: ${message}`);
    this.name = 'RedisError';
  }
}

/** TLS settings for rediss://, passed to node:tls: e.g. `{ca: readFileSync('ca.pem')}` for a private CA. */
export type RedisTlsOptions = Pick<ConnectionOptions, 'ca' | 'cert' | 'key' | 'passphrase' | 'servername' | 'rejectUnauthorized' | 'minVersion' | 'checkServerIdentity'>;

export interface RedisSentinelOptions {
  /** The master group the sentinels watch (`sentinel monitor <name> …`). */
  name: string;
  /** Some of the sentinels; the others are discovered. */
  nodes: Array<{host: string; port: number}>;
  /** For sentinels that require a login themselves (sentinel's own requirepass / ACL). */
  username?: string;
  password?: string;
}

export interface RedisStoreOptions {
  /**
   * `redis://[user[:password]@]host:port[/db]` or `rediss://…` for TLS; default redis://127.0.0.1:6379.
   * User and password are percent-decoded. With `sentinel`, host and port are ignored (the sentinels name the
   * master); scheme, user, password and db still apply to the master.
   */
  url?: string;
  /** ACL user / password; override the ones in the URL. */
  username?: string;
  password?: string;
  /** TLS settings for a rediss:// URL (refused with redis://, so a CA never silently goes unused). */
  tls?: RedisTlsOptions;
  /** Find the master through Redis Sentinel instead of the URL's host. */
  sentinel?: RedisSentinelOptions;
  /** Prefix for every key, default "puolesta:" */
  prefix?: string;
  /** Longest time one command may take, connecting included; default 1000 ms. */
  timeoutMs?: number;
  /** Where connection trouble is reported (once per outage, never secrets); default console.warn. */
  log?: (message: string) => void;
}

type RedisModule = typeof import('redis');

/** The commands the store needs; a node-redis client and a sentinel both have them. */
interface Commands {
  get(key: string): Promise<unknown>;
  getDel(key: string): Promise<unknown>;
  set(key: string, value: string, options: {expiration: {type: 'PX'; value: number}}): Promise<unknown>;
  del(key: string): Promise<unknown>;
  ping(): Promise<unknown>;
}

interface Connection {
  commands: Commands;
  /** Resolves once commands can be sent (at once when connected); rejects when Redis is known to be unreachable. */
  usable(): Promise<void>;
  /** Whether a command that timed out should make the store replace this connection. */
  replaceOnTimeout: boolean;
  /** Drops the connection; commands still in flight are rejected. */
  close(): Promise<void>;
}

let loading: Promise<RedisModule> | undefined;

/** node-redis, imported on first use only: hosts that never configure Redis need not install it. */
function loadRedis(): Promise<RedisModule> {
  loading ??= import('redis').catch((error: unknown) => {
    loading = undefined;
    const code = (error as {code?: string} | undefined)?.code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new RedisError('the Redis session store needs the package "redis" (node-redis 5): run npm install redis');
    }
    throw new RedisError(`the package "redis" could not be loaded (${describe(error)})`);
  });
  return loading;
}

/** A short, single-line description of a failure with any known secret and URL credentials blanked out. */
function describe(error: unknown, secrets: Array<string | undefined> = []): string {
  // Node reports a refused connection to a name with several addresses as an AggregateError without a message.
  if (error instanceof AggregateError && !error.message && error.errors.length) return describe(error.errors[0], secrets);
  const e = error as {message?: unknown; code?: unknown; name?: unknown} | undefined;
  let text = typeof error === 'string' ? error : typeof e?.message === 'string' && e.message ? e.message : String(e?.name ?? 'error');
  if (typeof e?.code === 'string' && !text.includes(e.code)) text = `${e.code}: ${text}`;
  for (const secret of secrets) if (secret) text = text.split(secret).join('***');
  return text.replace(/\/\/[^\s/@]*@/g, '//***@').replace(/\s+/g, ' ').trim().slice(0, 200);
}

const BACKOFF_MAX_MS = 2000;
/** Never gives up: 100 ms, 200 ms, 400 ms … up to 2 s between attempts, plus a little jitter. */
const reconnectStrategy = (retries: number) => Math.min(100 * 2 ** retries, BACKOFF_MAX_MS) + Math.floor(Math.random() * 100);

export class RedisSessionStore implements SessionStore {
  private readonly prefix: string;
  private readonly timeoutMs: number;
  readonly #url: URL;
  readonly #username?: string;
  readonly #password?: string;
  readonly #database?: number;
  readonly #tls?: RedisTlsOptions;
  readonly #sentinel?: RedisSentinelOptions;
  readonly #log: (message: string) => void;
  #connection?: Promise<Connection>;
  readonly #inFlight = new Set<Promise<unknown>>();
  #lastOpenError?: string;

  constructor({url = 'redis://127.0.0.1:6379', username, password, tls, sentinel, prefix = 'puolesta:', timeoutMs = 1000, log}: RedisStoreOptions = {}) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new RedisError('the URL is not valid'); // the URL may hold a password: not repeated here
    }
    if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new RedisError('the URL must start with redis:// or rediss://');
    if (tls && parsed.protocol !== 'rediss:') throw new RedisError('TLS options need a rediss:// URL');
    const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : undefined;
    if (db !== undefined && !(Number.isInteger(db) && db >= 0)) throw new RedisError('the database in the URL must be a number');
    if (sentinel && (!sentinel.name || !sentinel.nodes?.length)) throw new RedisError('sentinel needs a master name and at least one node');
    this.#url = parsed;
    this.#username = username ?? (parsed.username ? decodeURIComponent(parsed.username) : undefined);
    this.#password = password ?? (parsed.password ? decodeURIComponent(parsed.password) : undefined);
    this.#database = db || undefined;
    this.#tls = tls;
    this.#sentinel = sentinel;
    this.prefix = prefix;
    this.timeoutMs = timeoutMs;
    this.#log = log ?? ((message) => console.warn(message));
  }

  async get(key: string): Promise<string | undefined> {
    const reply = await this.run('GET', (redis) => redis.get(this.prefix + key));
    return typeof reply === 'string' ? reply : undefined;
  }

  /** GETDEL (Redis 6.2 and later): read and delete atomically. */
  async take(key: string): Promise<string | undefined> {
    const reply = await this.run('GETDEL', (redis) => redis.getDel(this.prefix + key));
    return typeof reply === 'string' ? reply : undefined;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    const px = Math.max(1, Math.round(ttlMs));
    await this.run('SET', (redis) => redis.set(this.prefix + key, value, {expiration: {type: 'PX', value: px}}));
  }

  async delete(key: string): Promise<void> {
    await this.run('DEL', (redis) => redis.del(this.prefix + key));
  }

  /** Round trip to Redis (e.g. for a readiness probe); rejects with a RedisError like the other commands. */
  async ping(): Promise<void> {
    await this.run('PING', (redis) => redis.ping());
  }

  /** Closes the connection once the commands in flight have settled (each within timeoutMs). A later command reconnects. */
  async close(): Promise<void> {
    const connection = this.#connection;
    this.#connection = undefined;
    if (!connection) return;
    await Promise.allSettled([...this.#inFlight]);
    await connection.then((c) => c.close(), () => undefined);
  }

  /** Runs one command within timeoutMs, connecting first if needed; every failure is a RedisError. */
  private run<T>(name: string, command: (redis: Commands) => Promise<T>): Promise<T> {
    const running = this.attempt(name, command);
    this.#inFlight.add(running);
    void running.then(() => this.#inFlight.delete(running), () => this.#inFlight.delete(running));
    return running;
  }

  private async attempt<T>(name: string, command: (redis: Commands) => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    let connection: Connection | undefined;
    const attempt = (async () => {
      connection = await this.connection();
      await connection.usable();
      return command(connection.commands);
    })();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        reject(new RedisError(`${name} timed out after ${this.timeoutMs} ms`));
      }, this.timeoutMs);
    });
    try {
      return await Promise.race([attempt, timeout]);
    } catch (error) {
      if (error instanceof RedisError) {
        // No answer in time: the server hangs or the network drops packets. A fresh connection is the way out.
        if (timedOut && connection?.replaceOnTimeout) this.replace(connection);
        throw error;
      }
      throw new RedisError(`${name} failed (${describe(error, [this.#password])})`);
    } finally {
      clearTimeout(timer);
    }
  }

  private replace(connection: Connection): void {
    const current = this.#connection;
    if (!current) return;
    void current.then((c) => {
      if (c !== connection || this.#connection !== current) return;
      this.#connection = undefined;
      void c.close();
    }, () => undefined);
  }

  private connection(): Promise<Connection> {
    if (!this.#connection) {
      const opening = loadRedis().then((redis) => (this.#sentinel ? this.openSentinel(redis, this.#sentinel) : this.openClient(redis)));
      opening.catch((error: unknown) => {
        if (this.#connection === opening) this.#connection = undefined;
        // The adapter logs only the error's name: say here what is wrong (e.g. the package to install), once.
        const message = describe(error, [this.#password]);
        if (message !== this.#lastOpenError) this.#log(message);
        this.#lastOpenError = message;
      });
      this.#connection = opening;
    }
    return this.#connection;
  }

  private socketOptions(host?: string, port?: number) {
    const common = {connectTimeout: this.timeoutMs, reconnectStrategy, ...(host ? {host, port: port ?? 6379} : {})};
    return this.#url.protocol === 'rediss:' ? {...this.#tls, ...common, tls: true as const} : {...common, tls: false as const};
  }

  private nodeOptions() {
    return {
      username: this.#username,
      password: this.#password,
      database: this.#database,
      maintNotifications: 'disabled' as const,
      commandsQueueMaxLength: 10_000,
    };
  }

  /** One node: a client whose state (connecting → ready ⇄ reconnecting → down) decides whether commands wait. */
  private openClient(redis: RedisModule): Connection {
    const client = redis.createClient({
      ...this.nodeOptions(),
      socket: this.socketOptions(this.#url.hostname.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1', this.#url.port ? Number(this.#url.port) : 6379),
      // Refuse commands while disconnected instead of queueing them until Redis returns.
      disableOfflineQueue: true,
      commandOptions: {timeout: this.timeoutMs},
    });
    let state: 'connecting' | 'ready' | 'reconnecting' | 'down' | 'closed' = 'connecting';
    let lastError = '';
    let reported = false;
    const waiters = new Set<{resolve: () => void; reject: (error: Error) => void}>();
    const settle = () => {
      for (const waiter of waiters) {
        if (state === 'ready') waiter.resolve();
        else if (state === 'down' || state === 'closed') waiter.reject(new RedisError(state === 'closed' ? 'connection closed' : `not connected (${lastError})`));
        else continue;
        waiters.delete(waiter);
      }
    };
    client.on('ready', () => {
      if (reported) this.#log('Redis: connected again');
      reported = false;
      state = 'ready';
      settle();
    });
    // Without an 'error' listener node-redis would crash the process on the first dropped connection.
    client.on('error', (error: unknown) => {
      if (state === 'closed') return;
      lastError = describe(error, [this.#password]);
      if (!reported) this.#log(`Redis: ${state === 'ready' ? 'connection lost' : 'cannot connect'} (${lastError}); retrying in the background`);
      reported = true;
      // A connection that was working gets one quick reconnect attempt before commands are refused.
      state = state === 'ready' ? 'reconnecting' : 'down';
      settle();
    });
    client.connect().catch(() => undefined); // failures arrive as 'error' events; the strategy never gives up
    return {
      commands: client as unknown as Commands,
      replaceOnTimeout: true,
      usable: () =>
        state === 'ready' ? Promise.resolve()
        : state === 'down' ? Promise.reject(new RedisError(`not connected (${lastError})`))
        : new Promise<void>((resolve, reject) => {
          const waiter = {resolve, reject};
          waiters.add(waiter);
          // The store's own deadline rejects the command; this only forgets the waiter.
          setTimeout(() => waiters.delete(waiter), this.timeoutMs).unref();
        }),
      close: async () => {
        const wasOpen = client.isOpen;
        state = 'closed';
        settle();
        if (wasOpen) client.destroy();
      },
    };
  }

  /** Sentinel: asks the sentinels for the master and follows failovers; node-redis keeps the topology. */
  private openSentinel(redis: RedisModule, sentinel: RedisSentinelOptions): Connection {
    const client = redis.createSentinel({
      name: sentinel.name,
      sentinelRootNodes: sentinel.nodes.map(({host, port}) => ({host, port})),
      nodeClientOptions: {...this.nodeOptions(), socket: this.socketOptions()},
      sentinelClientOptions: {
        username: sentinel.username,
        password: sentinel.password,
        maintNotifications: 'disabled',
        socket: this.socketOptions(),
      },
      commandOptions: {timeout: this.timeoutMs},
    });
    const secrets = [this.#password, sentinel.password];
    let lastLogged = '';
    const report = (error: unknown) => {
      const message = `Redis sentinel: ${describe(error, secrets)}`;
      if (message !== lastLogged) this.#log(message);
      lastLogged = message;
    };
    client.on('error', report);
    let connectError: RedisError | undefined;
    const connected = client.connect().then(
      () => {
        lastLogged = '';
      },
      (error: unknown) => {
        report(error);
        connectError = new RedisError(`sentinel found no master (${describe(error, secrets)})`);
        // This sentinel client is finished: the next command starts over with a new one.
        void this.replace(connection);
        throw connectError;
      },
    );
    connected.catch(() => undefined);
    const connection: Connection = {
      commands: client as unknown as Commands,
      replaceOnTimeout: false, // the sentinel client rediscovers the master itself
      usable: () => (connectError ? Promise.reject(connectError) : connected),
      close: async () => {
        // destroy() first waits for a discovery in progress: not longer than one command.
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          client.destroy().catch(() => undefined),
          new Promise<void>((r) => (timer = setTimeout(r, this.timeoutMs))),
        ]);
        clearTimeout(timer);
      },
    };
    return connection;
  }
}
