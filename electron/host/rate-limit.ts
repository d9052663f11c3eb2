/** Token buckets per client key: a burst of `capacity`, refilled at `perSecond`. */
export interface BucketSettings {
  capacity: number;
  perSecond: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly settings: BucketSettings,
    private readonly now: () => number = () => performance.now(),
    /** Bounds memory under a flood of distinct keys: the oldest buckets go first. */
    private readonly maxKeys = 10_000,
  ) {}

  /** Takes one token for `key`; false when the bucket is empty. */
  take(key: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.settings.capacity, updatedAt: now };
    const refilled = Math.min(this.settings.capacity, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.settings.perSecond);
    const allowed = refilled >= 1;
    this.buckets.delete(key); // re-inserted last: Map order is then least recently used first
    this.buckets.set(key, { tokens: allowed ? refilled - 1 : refilled, updatedAt: now });
    if (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next();
      if (!oldest.done) this.buckets.delete(oldest.value);
    }
    return allowed;
  }

  get size(): number {
    return this.buckets.size;
  }
}
