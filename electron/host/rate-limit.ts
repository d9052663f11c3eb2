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

/**
 * The rate-limit key of a remote address. An IPv6 host usually holds a whole /64 and picks any address
 * in it, so per-address limits count the /64; an IPv4-mapped address counts as its IPv4 address.
 */
export function addressKey(remote: string): string {
  const address = remote.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => (parseInt(group, 16) || 0).toString(16))
    .join(':')}::/64`;
}
