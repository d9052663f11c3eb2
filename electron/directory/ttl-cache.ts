/** A small map whose entries expire; `take` hands an entry out once. The clock is injected for tests. */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: K): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value;
  }

  /** Returns the live entry and forgets it, so one read serves at most one later use. */
  take(key: K): V | undefined {
    const value = this.get(key);
    this.entries.delete(key);
    return value;
  }

  set(key: K, value: V): void {
    // Expired entries are dropped as new ones arrive, so the map stays as small as the live set.
    const now = this.now();
    for (const [k, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(k);
    this.entries.set(key, { value, expiresAt: now + this.ttlMs });
  }
}
