/**
 * The `X-AsiointivaltuudetAuthorization` header of the Valtuudet Web API:
 * `<clientId> <timestamp> <Base64(HMAC-SHA256(apiKey, path + " " + timestamp))>`, where path is everything
 * after the host, query string included, exactly as sent.
 */
import {createHmac, timingSafeEqual} from 'node:crypto';

export const CHECKSUM_HEADER = 'X-AsiointivaltuudetAuthorization';

export function checksum(apiKey: string, pathAndQuery: string, timestamp: string): string {
  return createHmac('sha256', apiKey).update(`${pathAndQuery} ${timestamp}`).digest('base64');
}

export function authorizationHeader(clientId: string, apiKey: string, pathAndQuery: string, timestamp = new Date().toISOString()): string {
  return `${clientId} ${timestamp} ${checksum(apiKey, pathAndQuery, timestamp)}`;
}

export type ChecksumVerdict = 'ok' | 'missing' | 'malformed' | 'wrong-client' | 'skew' | 'mismatch';

/** Server side of the header (used by the simulator): client id, ±`maxSkewMs` clock skew, constant-time compare. */
export function verifyAuthorizationHeader(
  header: string | null | undefined,
  expected: {clientId: string; apiKey: string; pathAndQuery: string; now?: Date; maxSkewMs?: number},
): ChecksumVerdict {
  if (!header) return 'missing';
  const parts = header.trim().split(' ');
  if (parts.length !== 3) return 'malformed';
  const [clientId, timestamp, sum] = parts;
  if (clientId !== expected.clientId) return 'wrong-client';
  const time = Date.parse(timestamp);
  if (Number.isNaN(time)) return 'malformed';
  const skew = Math.abs((expected.now ?? new Date()).getTime() - time);
  if (skew > (expected.maxSkewMs ?? 5 * 60 * 1000)) return 'skew';
  const want = Buffer.from(checksum(expected.apiKey, expected.pathAndQuery, timestamp));
  const got = Buffer.from(sum);
  return want.length === got.length && timingSafeEqual(want, got) ? 'ok' : 'mismatch';
}
