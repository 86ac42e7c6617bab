/** The server half of Puolesta: `puolesta/server`. */
export {ValtuudetAdapter, displayName} from './adapter.js';
export {bannerPack, bannerStylesheet, prerenderBanner} from './banner.js';
export type {BannerOptions, BannerPack} from './banner.js';
export {readCookie} from './http.js';
export type {ActingForRecord, AdapterOptions, FlowResult, HostRequest, HostUser, LogEvent, PrincipalType, Reply, TransactionNotice} from './adapter.js';
export {configFromEnv, REQUIRED_ENV} from './config.js';
export type {EnvConfig} from './config.js';
export {mountAdapter, sendResponse, toRequest} from './node.js';
export type {MountOptions} from './node.js';
export {MemorySessionStore} from './session-store.js';
export type {SessionStore} from './session-store.js';
export {RedisSessionStore, RedisError} from './redis-store.js';
export type {RedisStoreOptions, RedisSentinelOptions, RedisTlsOptions} from './redis-store.js';
export {ValtuudetClient, ValtuudetError} from './valtuudet-client.js';
export {OriginPolicy, parseAllowedOrigins, returnLocation} from './origin-policy.js';
export type {OriginList} from './origin-policy.js';
export {authorizationHeader, checksum, verifyAuthorizationHeader, CHECKSUM_HEADER} from './checksum.js';

import {readFileSync} from 'node:fs';
import {ValtuudetAdapter, type AdapterOptions} from './adapter.js';
import {configFromEnv, type EnvConfig} from './config.js';
import {RedisSessionStore} from './redis-store.js';
import {ValtuudetClient} from './valtuudet-client.js';

/** The adapter configured from environment variables (see README): the host adds getUser and any hooks. */
export function adapterFromEnv(options: Omit<AdapterOptions, 'valtuudet'>, env: Record<string, string | undefined> = process.env): ValtuudetAdapter {
  const config = configFromEnv(env);
  return new ValtuudetAdapter({
    themes: config.themes,
    companyRoles: config.companyRoles,
    principals: config.principals,
    sessionKeys: config.sessionKeys,
    publicOrigin: config.publicOrigin,
    allowedOrigins: config.allowedOrigins,
    ...options,
    store: options.store ?? redisStore(config, options.log),
    valtuudet: new ValtuudetClient(config.valtuudet),
  });
}

/** The Redis store the environment asks for (PUOLESTA_REDIS_*), or undefined for the in-memory store. */
function redisStore(config: EnvConfig, log: AdapterOptions['log']): RedisSessionStore | undefined {
  if (!config.redisUrl && !config.redisSentinel) return undefined;
  let ca: Buffer | undefined;
  if (config.redisCaFile) {
    try {
      ca = readFileSync(config.redisCaFile);
    } catch (error) {
      throw new Error(`Valtuudet adapter: PUOLESTA_REDIS_CA_FILE cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  return new RedisSessionStore({
    url: config.redisUrl,
    tls: ca ? {ca} : undefined,
    sentinel: config.redisSentinel,
    // Connection trouble goes to the host's log with the adapter's own lines (default: console.warn).
    log: log ? (message) => log({route: 'store', outcome: message}) : undefined,
  });
}
