/**
 * A small TTL cache with an injectable clock. An entry is served only while `now - storedAt < ttl`; concurrent
 * misses for the same key share one load.
 */

/** A cache whose entries expire after `ttlMs` by the given clock. */
export class TtlCache<T> {
  private readonly entries = new Map<string, { value: T; storedAt: number }>();
  private readonly loading = new Map<string, Promise<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The cached value, or the result of `load` (stored with the time the load started, so it never outlives the TTL). */
  async get(key: string, load: () => Promise<T>): Promise<T> {
    const started = this.now();
    const entry = this.entries.get(key);
    if (entry && started - entry.storedAt < this.ttlMs) return entry.value;
    const pending = this.loading.get(key);
    if (pending) return pending;
    const promise = load().then(
      (value) => {
        if (this.ttlMs > 0) this.entries.set(key, { value, storedAt: started });
        this.loading.delete(key);
        return value;
      },
      (error: unknown) => {
        this.loading.delete(key);
        throw error;
      },
    );
    this.loading.set(key, promise);
    return promise;
  }

  /** Forgets one key, or everything. */
  clear(key?: string): void {
    if (key === undefined) this.entries.clear();
    else this.entries.delete(key);
  }
}
