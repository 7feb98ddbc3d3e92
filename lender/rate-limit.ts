/** Fixed-window request counting per key (a workstation id): at most `max` per `windowMs`. */
export interface RateLimiter {
  /** Counts one request; false when the key is over its limit in this window. */
  take(key: string, now: number): boolean;
}

export function rateLimiter(max: number, windowMs = 60_000): RateLimiter {
  let windowStart = 0;
  let counts = new Map<string, number>();
  return {
    take(key, now) {
      if (now - windowStart >= windowMs) {
        windowStart = now;
        counts = new Map();
      }
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      return n <= max;
    },
  };
}
