/** What a bucket says to one request. */
export type BucketDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * One token bucket per key: each holds up to `perMinute` tokens and refills continuously at `perMinute` a
 * minute, so a key may burst a full minute's allowance and then goes at the steady rate. In memory, per process.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    /** Beyond this many keys, full (idle) buckets are forgotten: a full bucket is the same as no bucket. */
    private readonly maxIdleBuckets = 10_000,
  ) {
    if (!Number.isInteger(perMinute) || perMinute <= 0) throw new Error(`a rate limit must be a positive whole number, got ${perMinute}`);
    this.refillPerMs = perMinute / 60_000;
  }

  take(key: string): BucketDecision {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, updatedAt: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxIdleBuckets) this.forgetFullBuckets(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, remaining: Math.floor(bucket.tokens) };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000)) };
  }

  private forgetFullBuckets(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs >= this.perMinute) this.buckets.delete(key);
    }
  }
}
