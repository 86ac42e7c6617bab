/** The server half of Puolesta: `puolesta/server`. */
export {ValtuudetAdapter, displayName, readCookie} from './adapter.js';
export type {ActingForRecord, AdapterOptions, FlowResult, HostRequest, HostUser, LogEvent, PrincipalType, Reply, TransactionNotice} from './adapter.js';
export {configFromEnv, REQUIRED_ENV} from './config.js';
export type {EnvConfig} from './config.js';
export {mountAdapter, sendResponse, toRequest} from './node.js';
export type {MountOptions} from './node.js';
export {MemorySessionStore} from './session-store.js';
export type {SessionStore} from './session-store.js';
export {RedisSessionStore, RedisError} from './redis-store.js';
export {ValtuudetClient, ValtuudetError} from './valtuudet-client.js';
export {authorizationHeader, checksum, verifyAuthorizationHeader, CHECKSUM_HEADER} from './checksum.js';

import {ValtuudetAdapter, type AdapterOptions} from './adapter.js';
import {configFromEnv} from './config.js';
import {RedisSessionStore} from './redis-store.js';
import {ValtuudetClient} from './valtuudet-client.js';

/** The adapter configured from environment variables (see README): the host adds getUser and any hooks. */
export function adapterFromEnv(options: Omit<AdapterOptions, 'valtuudet'>, env: Record<string, string | undefined> = process.env): ValtuudetAdapter {
  const config = configFromEnv(env);
  return new ValtuudetAdapter({
    themes: config.themes,
    companyRoles: config.companyRoles,
    publicOrigin: config.publicOrigin,
    store: config.redisUrl ? new RedisSessionStore({url: config.redisUrl}) : undefined,
    ...options,
    valtuudet: new ValtuudetClient(config.valtuudet),
  });
}
