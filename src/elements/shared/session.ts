import {parseSession, type ActingFor} from '../../core/acting-for.js';

export const SESSION_TIMEOUT_MS = 5000;
export const CHANNEL_NAME = 'puolesta';

export type SessionState =
  | {ok: true; actingFor: ActingFor | null}
  | {ok: false; code: 'session-timeout' | 'session-network' | 'session-http' | 'session-malformed' | 'session-unauthorized'};

/**
 * Asks the adapter whom the citizen acts for. Any failure — down, slow, 401, 500, malformed — is reported as
 * such, and callers then show nothing: never a false "acting for".
 */
export async function fetchSession(url: string, timeoutMs = SESSION_TIMEOUT_MS, crossOrigin = false): Promise<SessionState> {
  let response: Response;
  // Asked afterwards rather than reading the rejection's name: WebKit rejects a timed-out fetch with an
  // AbortError ("Fetch is aborted"), not with the signal's TimeoutError as Chromium and Firefox do.
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    response = await fetch(url, {
      // Another origin of the same site (the e-service) needs its cookies sent explicitly; it answers CORS.
      credentials: crossOrigin ? 'include' : 'same-origin',
      cache: 'no-store',
      headers: {Accept: 'application/json'},
      signal: timeout,
    });
  } catch {
    return {ok: false, code: timeout.aborted ? 'session-timeout' : 'session-network'};
  }
  if (response.status === 401 || response.status === 403) return {ok: false, code: 'session-unauthorized'};
  if (!response.ok) return {ok: false, code: 'session-http'};
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return {ok: false, code: 'session-malformed'};
  }
  const actingFor = parseSession(json);
  return actingFor === undefined ? {ok: false, code: 'session-malformed'} : {ok: true, actingFor};
}

/** Tells other tabs of this origin that the principal changed; they re-read the session. */
export function broadcastChange(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.postMessage({type: 'acting-for-changed'});
  channel.close();
}
