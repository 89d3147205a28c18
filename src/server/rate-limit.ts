/**
 * Per-person rate limits on the API, counted in the database: every instance behind the load balancer adds to the
 * same row, so a limit holds however many instances run. Fixed windows: one upsert per request.
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
