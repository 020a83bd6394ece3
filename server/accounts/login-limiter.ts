/**
 * Counts failed sign-ins per client address in a sliding window, in memory. It slows down password
 * guessing across many accounts from one address; the per-account lockout (in the database) holds
 * across restarts and server instances.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly maxFailures = 20,
    readonly windowMs = 15 * 60_000,
  ) {}

  /** Milliseconds until the address may try again, or 0 when it may try now. */
  retryAfter(address: string, now = Date.now()): number {
    const recent = this.recent(address, now);
    if (recent.length < this.maxFailures) return 0;
    return recent[recent.length - this.maxFailures]! + this.windowMs - now;
  }

  recordFailure(address: string, now = Date.now()): void {
    this.failures.set(address, [...this.recent(address, now), now]);
    if (this.failures.size > 10_000) this.forgetOldest();
  }

  clear(): void {
    this.failures.clear();
  }

  private recent(address: string, now: number): number[] {
    return (this.failures.get(address) ?? []).filter((t) => t > now - this.windowMs);
  }

  private forgetOldest(): void {
    const first = this.failures.keys().next();
    if (!first.done) this.failures.delete(first.value);
  }
}

/** The limiter every sign-in of this process goes through. */
export const loginLimiter = new LoginLimiter();
