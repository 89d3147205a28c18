/**
 * The `round-fanout` queue: one job per manager of a round sends them the round's card (to plan with their
 * reports), and one delayed job per manager reminds them as the period runs out — dropped when the round is no
 * longer open, its end changed, or every report has a conversation. When the round is cancelled, one job per
 * manager updates every round card they were sent to say so. Idempotent by key: a retry never doubles.
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
import { linksFor } from '../../cards/links.js';
import { roundCard, type RoundCardKind } from '../../cards/round-card.js';
import { promptly } from '../../store/priority.js';
import {
  getRound,
  recordRoundCard,
  roundCardsOf,
  roundConversationFacts,
  roundMembers,
} from '../../store/round-store.js';
import type { AppContext } from '../context.js';
import { localeOf } from '../views/people.js';
import { defineQueue } from './queue.js';

export const roundFanOutPayload = z.discriminatedUnion('kind', [
  z.object({ roundId: z.string(), managerId: z.string(), kind: z.literal('invite') }),
  /** `until`: the end the reminder was planned for; after a change of period only the new one is sent. */
  z.object({ roundId: z.string(), managerId: z.string(), kind: z.literal('reminder'), until: z.string() }),
  /** The round was cancelled: the cards this manager got are updated, nothing new is posted. */
  z.object({ roundId: z.string(), managerId: z.string(), kind: z.literal('cancelled') }),
]);
export type RoundFanOutJob = z.infer<typeof roundFanOutPayload>;
type SendJob = Exclude<RoundFanOutJob, { kind: 'cancelled' }>;

/** The message key of a manager's card: the messenger never posts the same key twice. */
export function roundMessageKey(round: Round, job: SendJob): string {
  return job.kind === 'invite'
    ? `round:${round.id}:invite:${job.managerId}`
    : `round:${round.id}:reminder:${job.managerId}:${job.until}`;
}

/** The round's card for one manager as things stand: who their reports are and how far each is. */
async function buildCard(ctx: AppContext, round: Round, managerId: string, kind: RoundCardKind) {
  const reports = await roundMembers(ctx.store.executor, round.id, managerId);
  const facts = await roundConversationFacts(ctx.store.executor, round, managerId);
  const current = roundConversations(round, facts);
  // A cancelled round's card names nobody: only the starter and who cancelled it are looked up then.
  const named = kind === 'cancelled' ? [] : reports;
  const [locale, starter, canceller, ...people] = await Promise.all([
    localeOf(ctx, managerId),
    ctx.directory.getUser(round.startedBy),
    round.cancelledBy ? ctx.directory.getUser(round.cancelledBy) : Promise.resolve(undefined),
    ...named.map((r) => ctx.directory.getUser(r.employeeId)),
  ]);
  return {
    reports,
    facts,
    built: roundCard({
      kind,
      roundId: round.id,
      type: round.type,
      period: round.period,
      starterName: starter?.displayName ?? round.startedBy,
      ...(round.cancelledBy ? { cancelledByName: canceller?.displayName ?? round.cancelledBy } : {}),
      reports: reports.map((r, i) => ({
        name: people[i]?.displayName ?? r.employeeId,
        step: stepOf(current.get(r.employeeId)),
      })),
      links: linksFor(ctx.config, managerId),
      locale,
    }),
  };
}

/** Updates every round card a manager was sent to the cancelled version (an update is never posted twice). */
async function showCancelled(ctx: AppContext, round: Round, managerId: string): Promise<void> {
  const copies = await roundCardsOf(ctx.store.executor, round.id, managerId);
  if (copies.length === 0) return;
  const { built } = await buildCard(ctx, round, managerId, 'cancelled');
  const card = toCardJson(built.card);
  for (const copy of copies) await ctx.messenger.update(managerId, copy.activityId, card);
}

/** Sends one manager the round's card, if it still applies; or updates their cards once it is cancelled. */
export async function handleRoundFanOut(ctx: AppContext, job: RoundFanOutJob): Promise<void> {
  const round = await getRound(ctx.store.executor, job.roundId);
  if (!round) return;
  if (job.kind === 'cancelled') {
    if (round.state === 'cancelled') await showCancelled(ctx, round, job.managerId);
    return;
  }
  if (roundState(round, amsterdamDay(ctx.now())) !== 'open') return;
  if (job.kind === 'reminder' && job.until !== round.period.until) return;
  const { reports, facts, built } = await buildCard(ctx, round, job.managerId, job.kind);
  if (reports.length === 0) return;
  if (job.kind === 'reminder' && !hasUnplanned(round, reports, facts)) return;
  const messageKey = roundMessageKey(round, job);
  const sent = await ctx.messenger.send({
    recipientId: job.managerId,
    card: toCardJson(built.card),
    summary: built.summary,
    idempotencyKey: messageKey,
  });
  await promptly(() =>
    recordRoundCard(ctx.store.executor, {
      roundId: round.id,
      managerId: job.managerId,
      messageKey,
      activityId: sent.activityId,
    }),
  );
  // A cancellation committed while this card was on its way: its own job may have looked before the card was
  // recorded, so the card is brought up to date here (updating twice shows the same).
  const now = await getRound(ctx.store.executor, round.id);
  if (now?.state === 'cancelled') await showCancelled(ctx, now, job.managerId);
}

/** Like `notify`: many messages, paced by the messenger, so a worker takes a large batch. */
export const roundFanOutQueue = defineQueue({
  name: 'round-fanout',
  payload: roundFanOutPayload,
  retry: { retryLimit: 8, retryDelay: 2, retryBackoff: true, retryDelayMax: 300 },
  concurrency: { batchSize: 25, localConcurrency: 2 },
  handle: handleRoundFanOut,
});
