/**
 * What the adapter writes to its session store is sealed: AES-256-GCM with a key from the environment
 * (PUOLESTA_SESSION_KEYS), so a dump of Redis shows no identity code, no principal's name and no session id.
 * The logged-in user is recognised by an HMAC of their identity code under the same key, never a plain hash
 * (a plain SHA-256 of a hetu is reversed by trying one birth year's codes in well under a second).
 *
 * Rotation: keys are listed newest first. New records are sealed with the first key; records sealed with any
 * listed key are still read, and each is compared with the user key of the key that sealed it. Drop an old key
 * once the longest session (absoluteTimeoutMs, 4 h by default) has passed since the new one was put first.
 */
import {createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual} from 'node:crypto';

const FORMAT = 'p1';

interface SealKey {
  /** short public id written in front of each record, so reading tries one key, not all */
  id: string;
  aes: Buffer;
  mac: Buffer;
}

const derive = (secret: Buffer, info: string) => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `puolesta ${info}`, 32));

function sealKey(secret: Buffer): SealKey {
  return {
    id: derive(secret, 'key id v1').subarray(0, 6).toString('base64url'),
    aes: derive(secret, 'aes-256-gcm v1'),
    mac: derive(secret, 'user key v1'),
  };
}

/**
 * One key as written in the environment: 32 bytes in base64 / base64url (`openssl rand -base64 32`) or hex.
 * Returns undefined for anything else; the value itself never goes into an error message.
 */
export function parseSessionKey(value: string | Uint8Array): Buffer | undefined {
  if (typeof value !== 'string') return value.length === 32 ? Buffer.from(value) : undefined;
  const text = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) return undefined;
  const bytes = Buffer.from(text.replace(/\+/g, '-').replace(/\//g, '_').replace(/=$/, ''), 'base64url');
  return bytes.length === 32 ? bytes : undefined;
}

export class Sealer {
  readonly #keys: SealKey[];

  /** `secrets`: newest first. */
  constructor(secrets: Buffer[]) {
    if (!secrets.length) throw new Error('Sealer needs at least one key');
    this.#keys = secrets.map(sealKey);
  }

  /** A key for this process only: what is sealed with it is gone when the process ends (the memory store's case). */
  static ephemeral(): Sealer {
    return new Sealer([randomBytes(32)]);
  }

  /** The user key under the newest key: what new records carry. */
  userKey(hetu: string): string {
    return mac(this.#keys[0], hetu);
  }

  seal(value: unknown): string {
    const key = this.#keys[0];
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key.aes, iv);
    cipher.setAAD(Buffer.from(`${FORMAT}.${key.id}`));
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${FORMAT}.${key.id}.${iv.toString('base64url')}.${body.toString('base64url')}`;
  }

  /**
   * The record, with the user key function of the key that sealed it. Undefined for anything that is not a
   * record sealed with a listed key (a plain-text record from an older release, a forged or altered one).
   */
  open(sealed: string | undefined): {value: unknown; userKey: (hetu: string) => string} | undefined {
    if (!sealed) return undefined;
    const [format, id, iv, body, extra] = sealed.split('.');
    const key = this.#keys.find((k) => k.id === id);
    if (format !== FORMAT || !key || !iv || !body || extra !== undefined) return undefined;
    try {
      const bytes = Buffer.from(body, 'base64url');
      if (bytes.length < 17) return undefined;
      const decipher = createDecipheriv('aes-256-gcm', key.aes, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(`${FORMAT}.${key.id}`));
      decipher.setAuthTag(bytes.subarray(bytes.length - 16));
      const text = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString('utf8');
      return {value: JSON.parse(text), userKey: (h: string) => mac(key, h)};
    } catch {
      return undefined;
    }
  }
}

const mac = (key: SealKey, hetu: string) => createHmac('sha256', key.mac).update(hetu).digest('base64url');

/** Constant-time comparison of two user keys (or any two short strings). */
export function sameKey(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
