/**
 * Adapter configuration from environment variables. Missing or malformed values are named in the error,
 * their contents never are (they are secrets).
 */
import {isLoopbackHost} from '../core/acting-for.js';
import {parseAllowedOrigins} from './origin-policy.js';
import type {ValtuudetClientConfig} from './valtuudet-client.js';

export const REQUIRED_ENV = ['VALTUUDET_BASE_URL', 'VALTUUDET_CLIENT_ID', 'VALTUUDET_API_KEY', 'VALTUUDET_OAUTH_PASSWORD', 'VALTUUDET_REDIRECT_URI'] as const;

export interface EnvConfig {
  valtuudet: ValtuudetClientConfig;
  /** PUOLESTA_THEMES: comma-separated theme URIs or slugs the service needs (person principals are checked). */
  themes: string[];
  /** PUOLESTA_COMPANY_ROLES: comma-separated role codes / theme URIs that suffice for a company. */
  companyRoles: string[];
  /** PUOLESTA_PRINCIPALS: `person`, `company` or both (default), comma or space separated. */
  principals: Array<'person' | 'company'>;
  /** PUOLESTA_SESSION_KEYS: 32-byte keys (base64 or hex), newest first, that seal the stored sessions. */
  sessionKeys: string[];
  /** PUOLESTA_PUBLIC_ORIGIN, e.g. https://asiointi.example.fi */
  publicOrigin?: string;
  /**
   * PUOLESTA_ALLOWED_ORIGINS: exact https origins (comma or space separated, no wildcards) whose pages may read
   * /session and call /stop, e.g. the information site https://www.example.fi. Empty by default.
   */
  allowedOrigins: string[];
  /**
   * PUOLESTA_REDIS_URL, e.g. redis://127.0.0.1:6379/0 or rediss://puolesta:password@redis.example.fi:6380 —
   * use Redis instead of memory for sessions.
   */
  redisUrl?: string;
  /** PUOLESTA_REDIS_CA_FILE: PEM file of the CA that signed the Redis server's certificate (rediss:// only). */
  redisCaFile?: string;
  /** PUOLESTA_REDIS_SENTINELS (host:port,…), PUOLESTA_REDIS_SENTINEL_NAME, PUOLESTA_REDIS_SENTINEL_PASSWORD. */
  redisSentinel?: {name: string; nodes: Array<{host: string; port: number}>; password?: string};
}

const list = (value: string | undefined) => (value ?? '').split(',').map((v) => v.trim()).filter(Boolean);
const themeUri = (value: string) => (value.includes('://') ? value : `http://valtuusrekisteri.suomi.fi/${value}`);

export function configFromEnv(env: Record<string, string | undefined> = process.env): EnvConfig {
  const missing = REQUIRED_ENV.filter((name) => !env[name]?.trim());
  if (missing.length) throw new Error(`Valtuudet adapter: set ${missing.join(', ')}`);
  const problems: string[] = [];
  const url = (name: string) => {
    try {
      const parsed = new URL(env[name]!);
      if (parsed.protocol !== 'https:' && !isLoopbackHost(parsed.hostname)) problems.push(`${name} must be https`);
      return parsed;
    } catch {
      problems.push(`${name} is not a URL`);
      return undefined;
    }
  };
  const base = url('VALTUUDET_BASE_URL');
  url('VALTUUDET_REDIRECT_URI');
  if (!/^[A-Za-z0-9]{1,64}$/.test(env.VALTUUDET_CLIENT_ID!)) problems.push('VALTUUDET_CLIENT_ID must be letters and digits');
  if (env.PUOLESTA_PUBLIC_ORIGIN) url('PUOLESTA_PUBLIC_ORIGIN');
  let allowedOrigins: string[] = [];
  try {
    allowedOrigins = parseAllowedOrigins(env.PUOLESTA_ALLOWED_ORIGINS);
  } catch (error) {
    problems.push((error as Error).message);
  }
  const redis = redisFromEnv(env, problems);
  const principals = (env.PUOLESTA_PRINCIPALS ?? 'person company').split(/[\s,]+/).filter(Boolean);
  if (!principals.length || principals.some((p) => p !== 'person' && p !== 'company')) problems.push('PUOLESTA_PRINCIPALS must be person, company or both');
  const sessionKeys = list(env.PUOLESTA_SESSION_KEYS);
  if (problems.length) throw new Error(`Valtuudet adapter: ${problems.join('; ')}`);
  return {
    valtuudet: {
      baseUrl: base!.origin,
      clientId: env.VALTUUDET_CLIENT_ID!,
      apiKey: env.VALTUUDET_API_KEY!,
      oauthPassword: env.VALTUUDET_OAUTH_PASSWORD!,
      redirectUri: env.VALTUUDET_REDIRECT_URI!,
    },
    themes: list(env.PUOLESTA_THEMES).map(themeUri),
    companyRoles: list(env.PUOLESTA_COMPANY_ROLES),
    principals: principals as Array<'person' | 'company'>,
    sessionKeys,
    publicOrigin: env.PUOLESTA_PUBLIC_ORIGIN || undefined,
    allowedOrigins,
    ...redis,
  };
}

/** The Redis variables; problems are named, values never (the URL may hold a password). */
function redisFromEnv(env: Record<string, string | undefined>, problems: string[]): Pick<EnvConfig, 'redisUrl' | 'redisCaFile' | 'redisSentinel'> {
  const redisUrl = env.PUOLESTA_REDIS_URL?.trim() || undefined;
  const redisCaFile = env.PUOLESTA_REDIS_CA_FILE?.trim() || undefined;
  let protocol: string | undefined;
  if (redisUrl) {
    try {
      protocol = new URL(redisUrl).protocol;
    } catch {
      protocol = undefined;
    }
    if (protocol !== 'redis:' && protocol !== 'rediss:') problems.push('PUOLESTA_REDIS_URL must be a redis:// or rediss:// URL');
  }
  if (redisCaFile && protocol !== 'rediss:') problems.push('PUOLESTA_REDIS_CA_FILE needs a rediss:// PUOLESTA_REDIS_URL');
  let redisSentinel: EnvConfig['redisSentinel'];
  const sentinels = list(env.PUOLESTA_REDIS_SENTINELS);
  if (sentinels.length) {
    const nodes = sentinels.map((entry) => {
      const match = /^(\[[0-9a-fA-F:.]+\]|[^:\s]+):(\d{1,5})$/.exec(entry);
      return match ? {host: match[1].replace(/^\[|\]$/g, ''), port: Number(match[2])} : undefined;
    });
    const name = env.PUOLESTA_REDIS_SENTINEL_NAME?.trim();
    if (nodes.some((node) => !node)) problems.push('PUOLESTA_REDIS_SENTINELS must be host:port pairs separated by commas');
    if (!name) problems.push('PUOLESTA_REDIS_SENTINELS needs PUOLESTA_REDIS_SENTINEL_NAME (the master group name)');
    redisSentinel = {name: name ?? '', nodes: nodes.filter((node) => node !== undefined), password: env.PUOLESTA_REDIS_SENTINEL_PASSWORD || undefined};
  }
  return {redisUrl, redisCaFile, redisSentinel};
}
