/**
 * The per-app-per-tenant pace of Teams messages, kept in the database so every instance of the server draws
 * from the same schedule (003's limits are per person; this one is per app). One statement per grant of
 * one or more consecutive moments; the same SQL on PGlite and PostgreSQL.
 */
import { promptly } from './priority.js';
import type { SqlExecutor } from './store.js';

/** Hands out moments to send at, `intervalMs` apart, across every instance on the same database. */
export interface SharedPace {
  readonly intervalMs: number;
  /**
   * Reserves `count` consecutive moments and returns the first of them in milliseconds since the epoch, on the
   * database's clock (the others follow `intervalMs` apart). An absolute moment, not a delay: how long the answer
   * took to come back must not shift one instance's moments onto another's. The instances' clocks are taken to
   * agree with the database's (NTP; any skew eats into the headroom below Teams' limit).
   */
  reserve(count: number): Promise<number>;
}

const reserveSql = `
WITH clock AS (SELECT clock_timestamp() AS now)
INSERT INTO send_rate AS r (bucket, next_at)
SELECT $1, now + ($2::float8 * interval '1 millisecond') FROM clock
ON CONFLICT (bucket) DO UPDATE
  SET next_at = greatest(r.next_at, (SELECT now FROM clock)) + ($2::float8 * interval '1 millisecond')
RETURNING (extract(epoch FROM r.next_at) * 1000)::float8 - $2::float8 AS first_at`;

/** A pace of `perSecond` requests for `bucket` (e.g. `teams:<tenant>`) in the `send_rate` table. */
export function sharedPace(executor: SqlExecutor, bucket: string, perSecond: number): SharedPace {
  if (!(perSecond > 0)) throw new Error(`A pace needs a positive rate, not ${perSecond}`);
  const intervalMs = 1000 / perSecond;
  return {
    intervalMs,
    async reserve(count) {
      // Outside the background lane: the moment is only worth something if the answer comes back at once.
      const { rows } = await promptly(() =>
        executor.query<{ first_at: number | string }>(reserveSql, [bucket, count * intervalMs]),
      );
      const first = Number(rows[0]?.first_at);
      if (!Number.isFinite(first)) throw new Error(`No moment from the send_rate table for ${bucket}`);
      return first;
    },
  };
}
