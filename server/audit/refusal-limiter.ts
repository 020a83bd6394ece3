import type { Db } from '../db/database';
import { HttpError } from '../http/errors';
import type { AnyRoute } from '../http/route';
import { addRefusals, minuteOf } from './refusal.repository';

/** Refusals per address, route family and clock minute before further requests are answered 429. */
export const DEFAULT_ANONYMOUS_REFUSALS_PER_MINUTE = 60;
/** audit_refusals counts the answers the limit gave under the route family with this suffix. */
export const RATE_LIMITED_SUFFIX = ' (rate-limited)';
/**
 * Addresses and route families tracked in one minute. Past it, new ones are not limited (they are
 * still refused and counted per minute), so the limiter's memory stays bounded under any flood.
 */
const MAX_TRACKED = 100_000;

interface Tally {
  ip: string;
  family: string;
  minute: string;
  refused: number;
  /** Answers the limit gave and not yet written, with the first and last of them. */
  limited: number;
  firstAt: string;
  lastAt: string;
}

/** "POST /api/submissions": the route family refusals are counted under (audit.hook.ts uses the same). */
export function routeFamily(route: AnyRoute): string {
  return `${route.method.toUpperCase()} ${route.path}`;
}

/**
 * The rate limit on refused anonymous requests. Each address may be refused `perMinute` times per
 * route family and clock minute (those refusals are aggregated in audit_refusals by audit.hook.ts);
 * past that, its requests to that family get 429 until the minute ends, before any body is read or
 * any rule checked. Those answers are counted here and written, as one row per address, family and
 * minute under "<family> (rate-limited)", when the minute is over: a flood costs the database no
 * write per request, and the log grows by at most two rows per address, family and minute.
 * Counts are per server process (each worker keeps its own), like the answer caches.
 */
export class RefusalLimiter {
  private minute = '';
  private tallies = new Map<string, Tally>();
  /** Tallies of ended minutes whose rate-limited answers are still to be written. */
  private ended: Tally[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly perMinute: number,
    private readonly retentionDays: number,
  ) {}

  /**
   * Hears an anonymous request that is about to be refused (it needs a signed-in user); answers the
   * 429 to send instead when its address is over the limit for the route's family this minute.
   */
  admit(route: AnyRoute, ip: string, now = new Date()): HttpError | undefined {
    const minute = minuteOf(now);
    if (minute !== this.minute) this.startMinute(minute);
    const family = routeFamily(route);
    const key = `${ip}\u0000${family}`;
    let tally = this.tallies.get(key);
    if (!tally) {
      if (this.tallies.size >= MAX_TRACKED) return undefined;
      tally = { ip, family, minute, refused: 0, limited: 0, firstAt: '', lastAt: '' };
      this.tallies.set(key, tally);
    }
    if (tally.refused < this.perMinute) {
      tally.refused++;
      return undefined;
    }
    const at = now.toISOString();
    if (tally.limited === 0) tally.firstAt = at;
    tally.limited++;
    tally.lastAt = at;
    if (route.method !== 'get') this.flushAtMinuteEnd(now);
    return tooManyRefusals(this.perMinute, 60 - now.getUTCSeconds());
  }

  /**
   * Writes the rate-limited answers counted so far (of ended minutes and of this one) to
   * audit_refusals. Answers to GET routes are not written: their refusals are not audited either.
   */
  async flush(): Promise<void> {
    const due = [...this.ended, ...this.tallies.values()].filter((t) => t.limited > 0);
    this.ended = [];
    for (const tally of due) {
      const count = tally.limited;
      tally.limited = 0;
      if (tally.family.startsWith('GET ')) continue;
      await addRefusals(
        this.db,
        {
          ip: tally.ip,
          family: tally.family + RATE_LIMITED_SUFFIX,
          minute: tally.minute,
          count,
          first_at: tally.firstAt,
          last_at: tally.lastAt,
        },
        this.retentionDays,
      );
    }
  }

  private startMinute(minute: string): void {
    for (const tally of this.tallies.values()) if (tally.limited > 0) this.ended.push(tally);
    this.tallies = new Map();
    this.minute = minute;
  }

  /** One timer at a time, unreferenced so that it never keeps a stopping process alive. */
  private flushAtMinuteEnd(now: Date): void {
    if (this.timer) return;
    const untilNextMinute = 60_000 - (now.getTime() % 60_000);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch((error) => console.error('audit: could not record rate-limited refusals', error));
    }, untilNextMinute + 1_000);
    this.timer.unref();
  }
}

function tooManyRefusals(limit: number, retryAfterSeconds: number): HttpError {
  const message = { key: 'limits.too-many-refusals', params: { limit, seconds: retryAfterSeconds } };
  return new HttpError(429, 'too-many-refusals', message, { retryAfterSeconds });
}
