/**
 * Three instances on one PostgreSQL, as App Service scales out: invitations planned over all three go along the
 * product path (calendar job → notify job → `TeamsMessenger`) to a fake Bot Connector enforcing a per-app limit
 * (scaled down to 20/s so the test stays short); one instance is killed with SIGKILL mid-way and started again.
 * Nothing is lost, nothing arrives twice except a post Teams accepted in the instant the process died (its answer
 * died with it: docs/performance.md), every job ran once, and together the instances never tried more than the
 * per-app limit: they share one pace in the database (`send_rate`), where three lone pacers would send 3×.
 */
import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { writeBenchOrganisation } from '../../bench/organisation.js';
import { benchRound } from '../../bench/round.js';
import { freshPostgresUrl } from '../support/databases.js';

const limit = 20;

describe('three instances on one PostgreSQL', () => {
  it('share the per-app limit and lose nothing when one is killed mid-way', async () => {
    const n = 300;
    const databaseUrl = await freshPostgresUrl();
    const result = await benchRound({
      organisation: writeBenchOrganisation(n),
      n,
      instances: 3,
      databaseUrl,
      limits: {
        perConversation: [
          { limit: 7, windowMs: 1_000 },
          { limit: 60, windowMs: 30_000 },
        ],
        perApp: [{ limit, windowMs: 1_000 }],
      },
      // Four fifths of the limit: the test shares two cores with the rest of the suite, and a stalled event loop
      // bunches posts; the bench measures the pace at 47 of 50 on a quiet machine.
      appRate: limit * 0.8,
      killAt: 0.4,
      timeoutSeconds: 90,
    });
    expect(result.killed).toBe(true);
    expect(result.lost).toBe(0);
    // A repeat only where the crash took the answer of an accepted post.
    expect(result.duplicates - result.duplicatesAnswerLost).toBe(0);
    expect(result.duplicates).toBeLessThanOrEqual(3);
    // Together at the pace, never three instances' worth: three lone pacers would try about three times the
    // limit, and Teams would refuse two of every three. On a machine whose cores are all busy the fake connector's
    // own event loop hands it several requests at once, so a second's count may run over by a few; what counts is
    // that Teams almost never has to refuse one, and that no second comes near three instances' worth.
    expect(result.throttledPerApp).toBeLessThanOrEqual(n * 0.05);
    expect(result.peakAttempts).toBeLessThan(limit * 2);

    // Every planned conversation's calendar and invitation job completed exactly once, none failed.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string; state: string; n: number }>(
        "SELECT name, state, count(*)::int AS n FROM jobs.job WHERE name IN ('calendar', 'notify') GROUP BY name, state",
      );
      const count = (name: string, state: string) =>
        rows.find((r) => r.name === name && r.state === state)?.n ?? 0;
      expect(count('calendar', 'completed')).toBe(n);
      expect(count('notify', 'completed')).toBe(n);
      expect(count('calendar', 'failed') + count('notify', 'failed')).toBe(0);
      const sent = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM sent_messages WHERE activity_id <> ''",
      );
      expect(sent.rows[0]?.n).toBe(n);
      // One Teams meeting per conversation: the calendar job ran once for each, whichever instance took it.
      const meetings = await client.query<{ n: number; conversations: number }>(
        "SELECT count(*)::int AS n, count(DISTINCT conversation_id)::int AS conversations FROM audit_log WHERE action = 'conversation.meeting-attached'",
      );
      expect(meetings.rows[0]).toEqual({ n, conversations: n });
    } finally {
      await client.end();
    }
  }, 120_000);
});
