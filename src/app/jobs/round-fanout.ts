/**
 * The `round-fanout` queue: one job per manager of a round sends them the round's card (to plan with their
 * reports), and one delayed job per manager reminds them as the period runs out — dropped when the round is no
 * longer open, its end changed, or every report has a conversation. Idempotent by key: a retry never doubles.
 */
import { z } from 'zod';
import {
  amsterdamDay,
  hasUnplanned,
  roundConversations,
  roundState,
  stepOf,
  type Round,
} from '../../domain/index.js';
import { toCardJson } from '../../cards/index.js';
import { roundCard } from '../../cards/round-card.js';
import { getRound, roundConversationFacts, roundMembers } from '../../store/round-store.js';
import type { AppContext } from '../context.js';
import { localeOf } from '../views/people.js';
import { defineQueue } from './queue.js';

export const roundFanOutPayload = z.discriminatedUnion('kind', [
  z.object({ roundId: z.string(), managerId: z.string(), kind: z.literal('invite') }),
  /** `until`: the end the reminder was planned for; after a change of period only the new one is sent. */
  z.object({ roundId: z.string(), managerId: z.string(), kind: z.literal('reminder'), until: z.string() }),
]);
export type RoundFanOutJob = z.infer<typeof roundFanOutPayload>;

/** The message key of a manager's card: the messenger never posts the same key twice. */
export function roundMessageKey(round: Round, job: RoundFanOutJob): string {
  return job.kind === 'invite'
    ? `round:${round.id}:invite:${job.managerId}`
    : `round:${round.id}:reminder:${job.managerId}:${job.until}`;
}

/** Sends one manager the round's card, if it still applies. */
export async function handleRoundFanOut(ctx: AppContext, job: RoundFanOutJob): Promise<void> {
  const round = await getRound(ctx.store.executor, job.roundId);
  if (!round || roundState(round, amsterdamDay(ctx.now())) !== 'open') return;
  if (job.kind === 'reminder' && job.until !== round.period.until) return;
  const reports = await roundMembers(ctx.store.executor, round.id, job.managerId);
  if (reports.length === 0) return;
  const facts = await roundConversationFacts(ctx.store.executor, round, job.managerId);
  if (job.kind === 'reminder' && !hasUnplanned(round, reports, facts)) return;
  const current = roundConversations(round, facts);
  const [locale, starter, ...people] = await Promise.all([
    localeOf(ctx, job.managerId),
    ctx.directory.getUser(round.startedBy),
    ...reports.map((r) => ctx.directory.getUser(r.employeeId)),
  ]);
  const built = roundCard({
    kind: job.kind,
    type: round.type,
    period: round.period,
    starterName: starter?.displayName ?? round.startedBy,
    reports: reports.map((r, i) => ({
      name: people[i]?.displayName ?? r.employeeId,
      step: stepOf(current.get(r.employeeId)),
    })),
    links: ctx.config,
    locale,
  });
  await ctx.messenger.send({
    recipientId: job.managerId,
    card: toCardJson(built.card),
    summary: built.summary,
    idempotencyKey: roundMessageKey(round, job),
  });
}

/** Like `notify`: many messages, paced by the messenger, so a worker takes a large batch. */
export const roundFanOutQueue = defineQueue({
  name: 'round-fanout',
  payload: roundFanOutPayload,
  retry: { retryLimit: 8, retryDelay: 2, retryBackoff: true, retryDelayMax: 300 },
  concurrency: { batchSize: 25, localConcurrency: 2 },
  handle: handleRoundFanOut,
});
