/**
 * Per-person rate limits on the API, counted in the database: every instance behind the load balancer adds to the
 * same row, so a limit holds however many instances run. Fixed windows: one upsert per request (`rateLimit`), or,
 * for the budget every request draws from, counts added in one statement a second (`sharedRateLimit`).
 */
import type { NextFunction, Request, Response } from 'express';
import type { Database } from '../store/database.js';
import type { Principal } from './auth.js';
import { problems } from './problems.js';

/** One budget: at most `limit` requests per `windowSeconds` for each person. */
export interface RateLimit {
  bucket: string;
  limit: number;
  windowSeconds: number;
}

/** Counts a request; answers how many the person made in this window and when the window ends. */
export async function countRequest(
  db: Pick<Database, 'query'>,
  userId: string,
  rule: RateLimit,
  now: Date,
): Promise<{ hits: number; retryAfterSeconds: number }> {
  const windowMs = rule.windowSeconds * 1000;
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  const { rows } = await db.query<{ hits: number }>(
    `INSERT INTO rate_limit_windows (user_id, bucket, window_start, hits) VALUES ($1, $2, $3, 1)
     ON CONFLICT (user_id, bucket, window_start) DO UPDATE SET hits = rate_limit_windows.hits + 1
     RETURNING hits`,
    [userId, rule.bucket, new Date(start).toISOString()],
  );
  const hits = Number(rows[0]?.hits ?? 1);
  if (hits === 1) {
    // The first request of a window clears this person's expired windows of this bucket: the table stays small.
    await db.query(
      'DELETE FROM rate_limit_windows WHERE user_id = $1 AND bucket = $2 AND window_start < $3',
      [userId, rule.bucket, new Date(start).toISOString()],
    );
  }
  return { hits, retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now.getTime()) / 1000)) };
}

/** Express middleware: 429 with Retry-After once the signed-in person is over the budget. */
export function rateLimit(db: Pick<Database, 'query'>, rule: RateLimit, now: () => Date = () => new Date()) {
  return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    try {
      const principal = req.principal as Principal | undefined;
      if (!principal) {
        next();
        return;
      }
      const { hits, retryAfterSeconds } = await countRequest(db, principal.userId, rule, now());
      next(hits > rule.limit ? problems.rateLimited(retryAfterSeconds) : undefined);
    } catch (error) {
      next(error);
    }
  };
}

/** Hits of one person in one window, by the window's start (ms). */
interface WindowHits {
  userId: string;
  start: number;
  hits: number;
}

/**
 * Counts requests per person in memory and adds them to the shared rows in one statement every `flushMs`, reading
 * back what every instance counted: a request costs no round trip, and the limit holds across instances up to
 * what the others admitted since the last flush. Counts not yet added when an instance stops are lost.
 */
export class SharedRequestCounter {
  /** Counted here, not yet sent; and sent, waiting for the database's answer. */
  private readonly pending = new Map<string, WindowHits>();
  private readonly sending = new Map<string, WindowHits>();
  /** Per person: what all instances counted in their latest window, as of the last flush. */
  private readonly counted = new Map<string, { start: number; hits: number }>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private cleanedBefore = 0;
  private closed = false;

  constructor(
    private readonly db: Pick<Database, 'query'>,
    private readonly rule: RateLimit,
    private readonly flushMs = 1000,
    private readonly report: (error: unknown) => void = (error) => console.error('rate limit counts', error),
  ) {}

  /** Counts a request; answers how many the person made in this window, as far as this instance knows. */
  count(userId: string, now: Date): { hits: number; retryAfterSeconds: number } {
    const windowMs = this.rule.windowSeconds * 1000;
    const start = Math.floor(now.getTime() / windowMs) * windowMs;
    const key = `${start} ${userId}`;
    const entry = this.pending.get(key) ?? { userId, start, hits: 0 };
    entry.hits += 1;
    this.pending.set(key, entry);
    const shared = this.counted.get(userId);
    const hits =
      (shared?.start === start ? shared.hits : 0) + (this.sending.get(key)?.hits ?? 0) + entry.hits;
    if (!this.closed) this.timer ??= setTimeout(() => void this.flush(), this.flushMs).unref();
    return { hits, retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now.getTime()) / 1000)) };
  }

  /** Adds what is still counted only here, and stops the timer: the instance is stopping. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Adds what was counted here to the shared rows and takes in what all instances counted. */
  flush(): Promise<void> {
    this.flushing ??= this.send().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async send(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    for (const [key, entry] of this.pending) this.sending.set(key, entry);
    this.pending.clear();
    const batch = [...this.sending.values()];
    let rows: { user_id: string; window_start: Date | string; hits: number }[];
    try {
      ({ rows } = await this.db.query<{ user_id: string; window_start: Date | string; hits: number }>(
        `INSERT INTO rate_limit_windows (user_id, bucket, window_start, hits)
         SELECT u, $1, to_timestamp(s / 1000.0), h FROM unnest($2::text[], $3::float8[], $4::int[]) AS t(u, s, h)
         ON CONFLICT (user_id, bucket, window_start) DO UPDATE SET hits = rate_limit_windows.hits + EXCLUDED.hits
         RETURNING user_id, window_start, hits`,
        [this.rule.bucket, batch.map((b) => b.userId), batch.map((b) => b.start), batch.map((b) => b.hits)],
      ));
    } catch (error) {
      // Nothing counted is dropped: the hits go back and are sent with the next flush.
      for (const [key, entry] of this.sending) {
        const later = this.pending.get(key);
        this.pending.set(key, later ? { ...entry, hits: entry.hits + later.hits } : entry);
      }
      this.sending.clear();
      if (!this.closed) this.timer ??= setTimeout(() => void this.flush(), this.flushMs).unref();
      this.report(error);
      return;
    }
    this.sending.clear();
    for (const row of rows) {
      const start = new Date(row.window_start).getTime();
      const known = this.counted.get(row.user_id);
      if (!known || known.start <= start) this.counted.set(row.user_id, { start, hits: Number(row.hits) });
    }
    // Windows that have passed are removed once per new window, for everyone in this bucket.
    const latest = Math.max(...batch.map((b) => b.start));
    if (latest <= this.cleanedBefore) return;
    this.cleanedBefore = latest;
    await this.db
      .query('DELETE FROM rate_limit_windows WHERE bucket = $1 AND window_start < $2', [
        this.rule.bucket,
        new Date(latest).toISOString(),
      ])
      .catch(this.report);
  }
}

/** `rateLimit` counted by a {@link SharedRequestCounter}: no round trip to the database per request. */
export function sharedRateLimit(
  counter: SharedRequestCounter,
  rule: RateLimit,
  now: () => Date = () => new Date(),
) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const principal = req.principal as Principal | undefined;
    if (!principal) {
      next();
      return;
    }
    const { hits, retryAfterSeconds } = counter.count(principal.userId, now());
    next(hits > rule.limit ? problems.rateLimited(retryAfterSeconds) : undefined);
  };
}
