/**
 * Three instances on one PostgreSQL, as App Service scales out. The director starts a round (every manager's card),
 * the managers plan a conversation with each report over all three instances, and the invitations go along the
 * product path (calendar job → notify job → `TeamsMessenger`) to a fake Bot Connector enforcing a per-app limit
 * (scaled down so the test stays short); one instance is killed with SIGKILL mid-way and started again. Then a burst
 * of signatures goes through the three at once and one is killed while the documents are being filed. Nothing is
 * lost, nothing arrives twice (a post Teams took in the instant the process died is found in the chat, read back,
 * instead of sent again), every job ran once, every document was filed once, and together the instances never tried
 * more than the per-app limit: they share one pace in the database (`send_rate`), where three lone pacers would send
 * 3×.
 */
import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { writeBenchOrganisation } from '../../bench/organisation.js';
import { benchRound, type RoundCluster } from '../../bench/round.js';
import type { ConversationView } from '../../src/app/index.js';
import { buildConversation } from '../fixtures/build-conversation.js';
import { as } from '../support/client.js';
import { freshPostgresUrl } from '../support/databases.js';

const limit = 40;
/** Conversations signed in the burst after the fan-out. */
const signed = 12;

describe('three instances on one PostgreSQL', () => {
  it('share the per-app limit and lose nothing when one is killed mid-way', async () => {
    const n = 1_000;
    const databaseUrl = await freshPostgresUrl();
    const organisation = writeBenchOrganisation(n + signed);
    // The last employees are not planned in the fan-out: their conversations are signed in the burst.
    const signers = organisation.employees.slice(n);
    const burst: { ids: string[]; answers: number[] } = { ids: [], answers: [] };
    const result = await benchRound({
      organisation,
      n,
      startRound: true,
      afterFanOut: async (cluster) => {
        await signInABurst(cluster, signers, organisation.managerOf, burst);
        // What the killed instance held is taken up by the others once its jobs' heartbeat stops (≈ 10–20 s).
        await settled(databaseUrl, n + signed);
      },
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
      timeoutSeconds: 150,
    });
    expect(result.killed).toBe(true);
    expect(result.lost).toBe(0);
    // Every manager (and the director, for the managers) got the round's card, once.
    expect(result.roundCards).toBe(n / 25 + 1);
    expect(result.roundCardRepeats).toBe(0);
    // Nothing twice, not even the posts Teams took in the instant of the kill, whose answers died with the process
    // (the fake takes the victim's last posts without answering): the instance that takes each job over reads the
    // chat back first and finds them.
    expect(result.answersLost).toBeGreaterThanOrEqual(1);
    expect(result.chatReads).toBeGreaterThanOrEqual(result.answersLost);
    expect(result.duplicates).toBe(0);
    // Together at the pace, never three instances' worth: three lone pacers would try about three times the
    // limit, and Teams would refuse two of every three. On a machine whose cores are all busy the fake connector's
    // own event loop hands it several requests at once, so a second's count may run over by a few; what counts is
    // that Teams almost never has to refuse one, and that no second comes near three instances' worth.
    expect(result.throttledPerApp).toBeLessThanOrEqual(n * 0.05);
    // Every signature in the burst was taken, whichever instance it reached.
    expect(burst.answers).toEqual(signers.map(() => 200));
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
      const conversations = n + signed;
      expect(count('calendar', 'completed')).toBe(conversations);
      expect(count('calendar', 'failed') + count('notify', 'failed')).toBe(0);
      // Each of the fan-out's employees has her invitation recorded once.
      const invited = await client.query<{ n: number; recipients: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT recipient_id)::int AS recipients FROM sent_messages
          WHERE activity_id <> '' AND recipient_id = ANY($1::text[])`,
        [organisation.employees.slice(0, n)],
      );
      expect(invited.rows[0]).toEqual({ n, recipients: n });
      // One Teams meeting per planned conversation: the calendar job ran once for each, whichever instance took
      // it. A burst conversation the factory took to its signature before its calendar job came up (behind the
      // fan-out's) needs none any more, and gets none; none has two.
      const meetings = await client.query<{ n: number; conversations: number; planned: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT conversation_id)::int AS conversations,
                (count(*) FILTER (WHERE NOT conversation_id = ANY($1::text[])))::int AS planned
           FROM audit_log WHERE action = 'conversation.meeting-attached'`,
        [burst.ids],
      );
      const [attached] = meetings.rows;
      expect(attached?.planned).toBe(n);
      expect(attached?.n).toBe(attached?.conversations);
      // Every signed conversation was filed, once: one archive entry and one completed archive job each.
      const filed = await client.query<{ n: number; conversations: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT conversation_id)::int AS conversations FROM audit_log
          WHERE action = 'conversation.archived' AND conversation_id = ANY($1::text[])`,
        [burst.ids],
      );
      expect(filed.rows[0]).toEqual({ n: signed, conversations: signed });
      const archiveJobs = await client.query<{ n: number; conversations: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT data->>'conversationId')::int AS conversations FROM jobs.job
          WHERE name = 'archive' AND state = 'completed'`,
      );
      expect(archiveJobs.rows[0]).toEqual({ n: signed, conversations: signed });
    } finally {
      await client.end();
    }
  }, 240_000);
});

/**
 * Takes each signer's conversation to the manager's signature (the factory, over the instances in turn), then sends
 * every signature at once, spread over the three; while the documents are being filed one instance is killed (the
 * other two take over what it held, after its jobs' heartbeat stops). Waits until every conversation is filed.
 */
async function signInABurst(
  cluster: RoundCluster,
  signers: readonly string[],
  managerOf: ReadonlyMap<string, string>,
  burst: { ids: string[]; answers: number[] },
): Promise<void> {
  const urls = cluster.urls();
  const built = await Promise.all(
    signers.map((employee, i) =>
      buildConversation({
        type: 'vitaliteit',
        stage: 'awaiting_approval',
        employee,
        manager: managerOf.get(employee) as string,
        server: { url: urls[i % urls.length] as string },
      }),
    ),
  );
  burst.ids.push(...built.map((b) => b.id));
  // The Vitaliteitsgesprek's author signed by offering it; the manager's akkoord completes it.
  burst.answers.push(
    ...(await Promise.all(
      built.map(async (b, i) => {
        const reply = await as(urls[i % urls.length] as string, b.manager).raw(
          'POST',
          `/api/conversations/${b.id}/commands`,
          { command: { type: 'decide', version: b.version, decision: 'akkoord' } },
        );
        return reply.status;
      }),
    )),
  );
  await cluster.crash(urls.length - 1);
  const deadline = Date.now() + 90_000;
  const stages = async () =>
    Promise.all(
      built.map(async (b) => {
        const reply = await as(cluster.urls()[0] as string, b.employee).raw(
          'GET',
          `/api/conversations/${b.id}`,
        );
        return (reply.body as ConversationView).conversation.stage;
      }),
    );
  while (Date.now() < deadline && (await stages()).some((stage) => stage !== 'archived'))
    await new Promise((resolve) => setTimeout(resolve, 500));
}

/** Waits (at most a minute) until every conversation's calendar job has completed, while the instances still run. */
async function settled(databaseUrl: string, conversations: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM jobs.job WHERE name = 'calendar' AND state = 'completed'",
      );
      if ((rows[0]?.n ?? 0) >= conversations) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await client.end();
  }
}
