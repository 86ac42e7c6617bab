/**
 * Where the adapter keeps each browser's on-behalf state (pending flow, chosen principal, Valtuudet session id).
 * Keys are SHA-256 hashes of the browser's cookie or of a flow's OAuth state, so a dump of the store does not
 * reveal live cookies. Values are sealed (AES-256-GCM) by the adapter; what does not open only ends that session.
 */
export interface SessionStore {
  get(key: string): Promise<string | undefined>;
  /**
   * Reads and deletes in one atomic step (Redis GETDEL): of two requests taking the same key, exactly one gets
   * the value. This is what makes an OAuth flow single-use.
   */
  take(key: string): Promise<string | undefined>;
  /** Stores the value for ttlMs; after that the entry is gone. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  close?(): Promise<void>;
}

/**
 * In-memory store for a single adapter instance: entries expire after their TTL and the oldest entries are
 * dropped when the size cap is reached, so a flood of new browsers cannot exhaust memory.
 */
export class MemorySessionStore implements SessionStore {
  private readonly entries = new Map<string, {value: string; expiresAt: number}>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor({maxEntries = 10_000, now = Date.now}: {maxEntries?: number; now?: () => number} = {}) {
    this.maxEntries = maxEntries;
    this.now = now;
  }

  get size(): number {
    return this.entries.size;
  }

  async get(key: string): Promise<string | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  async take(key: string): Promise<string | undefined> {
    // No await between the read and the delete: two takes of one key cannot both get the value.
    const entry = this.entries.get(key);
    this.entries.delete(key);
    return entry && entry.expiresAt > this.now() ? entry.value : undefined;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.entries.delete(key); // re-insert so Map order stays "least recently written first"
    if (this.entries.size >= this.maxEntries) this.evict();
    this.entries.set(key, {value, expiresAt: this.now() + ttlMs});
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  private evict(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
    // Still full: drop the least recently written entries (Map keeps insertion order).
    for (const key of this.entries.keys()) {
      if (this.entries.size < this.maxEntries) break;
      this.entries.delete(key);
    }
  }
}
