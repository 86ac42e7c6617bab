/**
 * Adapter configuration from environment variables. Missing or malformed values are named in the error,
 * their contents never are (they are secrets).
 */
import type {ValtuudetClientConfig} from './valtuudet-client.js';

export const REQUIRED_ENV = ['VALTUUDET_BASE_URL', 'VALTUUDET_CLIENT_ID', 'VALTUUDET_API_KEY', 'VALTUUDET_OAUTH_PASSWORD', 'VALTUUDET_REDIRECT_URI'] as const;

export interface EnvConfig {
  valtuudet: ValtuudetClientConfig;
  /** PUOLESTA_THEMES: comma-separated theme URIs or slugs the service needs (person principals are checked). */
  themes: string[];
  /** PUOLESTA_COMPANY_ROLES: comma-separated role codes / theme URIs that suffice for a company. */
  companyRoles: string[];
  /** PUOLESTA_PUBLIC_ORIGIN, e.g. https://asiointi.example.fi */
  publicOrigin?: string;
  /** PUOLESTA_REDIS_URL, e.g. redis://127.0.0.1:6379/0 — use Redis instead of memory for sessions. */
  redisUrl?: string;
}

const isLocal = (url: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
const list = (value: string | undefined) => (value ?? '').split(',').map((v) => v.trim()).filter(Boolean);
const themeUri = (value: string) => (value.includes('://') ? value : `http://valtuusrekisteri.suomi.fi/${value}`);

export function configFromEnv(env: Record<string, string | undefined> = process.env): EnvConfig {
  const missing = REQUIRED_ENV.filter((name) => !env[name]?.trim());
  if (missing.length) throw new Error(`Valtuudet adapter: set ${missing.join(', ')}`);
  const problems: string[] = [];
  const url = (name: string) => {
    try {
      const parsed = new URL(env[name]!);
      if (parsed.protocol !== 'https:' && !isLocal(parsed)) problems.push(`${name} must be https`);
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
    publicOrigin: env.PUOLESTA_PUBLIC_ORIGIN || undefined,
    redisUrl: env.PUOLESTA_REDIS_URL || undefined,
  };
}
