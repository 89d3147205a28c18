/**
 * Starting, changing and cancelling a round: audited commands, each in one transaction with its outbox jobs.
 * Starting writes the round and its members and one fan-out job per manager (a card to plan with their
 * reports) plus one delayed reminder per manager, so a round for thousands starts in one request.
 */
import { randomUUID } from 'node:crypto';
import {
  amsterdamDay,
  checkMayStartRound,
  checkRoundOpen,
  checkRoundPeriod,
  mayManageRound,
  overlappingRound,
  roundErrors,
  roundReminderDay,
  type Round,
  type RoundAudience,
  type RoundPeriod,
  type RoundType,
} from '../../domain/index.js';
import type { StoreTransaction } from '../../store/index.js';
import { getRound, insertRound, listRounds, roundManagers, updateRound } from '../../store/round-store.js';
import type { AppContext } from '../context.js';
import type { PlannedJob } from '../jobs/queues.js';
import { resolveAudience, starterFacts } from './round-audience.js';

/** How many days before a round ends its managers with reports still to plan get a reminder. */
export const roundReminderDaysBefore = 7;

export interface StartRoundInput {
  type: RoundType;
  audience: RoundAudience;
  period: RoundPeriod;
}

type RoundJob = Extract<PlannedJob, { queue: 'round-fanout' }>;

/** The invitation job and the delayed reminder of one manager in a round; keyed, so a second send is dropped. */
export function fanOutJobs(round: Round, managerId: string, today: string): RoundJob[] {
  const jobs: RoundJob[] = [
    {
      queue: 'round-fanout',
      data: { roundId: round.id, managerId, kind: 'invite' },
      options: { singletonKey: `round:${round.id}:invite:${managerId}` },
    },
  ];
  const day = roundReminderDay(round.period, roundReminderDaysBefore);
  // A reminder on or before today would arrive together with the invitation: no reminder then.
  if (day > today) {
    jobs.push({
      queue: 'round-fanout',
      data: { roundId: round.id, managerId, kind: 'reminder', until: round.period.until },
      options: {
        // Eight in the morning, Dutch time (07:00 UTC in winter, 06:00 in summer: an hour early at worst).
        startAfter: new Date(`${day}T07:00:00Z`),
        singletonKey: `round:${round.id}:reminder:${managerId}:${round.period.until}`,
      },
    });
  }
  return jobs;
}

async function audit(
  tx: StoreTransaction,
  actorId: string,
  action: 'round.started' | 'round.changed' | 'round.cancelled',
  round: Round,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await tx.appendAudit({
    actorId,
    conversationId: null,
    subjectId: null,
    action,
    details: {
      roundId: round.id,
      type: round.type,
      audience: round.audience,
      period: round.period,
      ...extra,
    },
  });
}

/** HR, or a director for their own part of the organisation, starts a round. */
export async function startRound(ctx: AppContext, viewerId: string, input: StartRoundInput): Promise<Round> {
  const now = ctx.now();
  const today = amsterdamDay(now);
  checkRoundPeriod(input.type, input.period, today);
  const { starter, below } = await starterFacts(ctx, viewerId);
  // Refused before the directory is walked for a whole organisation on behalf of someone who may not.
  if (!starter.isHr && !starter.isDirector) throw roundErrors.notAllowed();
  const members = (await resolveAudience(ctx, input.audience)).filter((m) => m.employeeId !== viewerId);
  checkMayStartRound(starter, input.audience, members, (id) => below.has(id));
  if (members.length === 0) throw roundErrors.empty();
  const managers = [...new Set(members.map((m) => m.managerId))].sort();
  const round: Round = {
    id: randomUUID(),
    type: input.type,
    audience: input.audience,
    period: input.period,
    startedBy: viewerId,
    startedAt: now.toISOString(),
    state: 'open',
    memberCount: members.length,
    managerCount: managers.length,
  };
  return ctx.store.transaction(async (tx) => {
    // In the transaction, so a double click cannot start the same round twice.
    await tx.query('LOCK TABLE rounds IN SHARE ROW EXCLUSIVE MODE');
    const twin = overlappingRound(await listRounds(tx), round, today);
    if (twin) throw roundErrors.overlaps(twin.id);
    await insertRound(tx, round, members);
    await audit(tx, viewerId, 'round.started', round, {
      members: round.memberCount,
      managers: round.managerCount,
    });
    for (const managerId of managers) {
      for (const job of fanOutJobs(round, managerId, today)) await ctx.outbox.enqueue(tx, job);
    }
    return round;
  });
}

/** The round, locked, if the viewer may change it. */
async function manageable(
  ctx: AppContext,
  tx: StoreTransaction,
  viewerId: string,
  id: string,
): Promise<Round> {
  const round = await getRound(tx, id, true);
  const isHr = await ctx.directory.isHr(viewerId);
  if (!round || !mayManageRound(round, { id: viewerId, isHr })) throw roundErrors.notFound();
  return round;
}

/**
 * Changes a running round's period. Managers keep their invitation; each gets a reminder for the new end (the
 * reminder for the old end finds the period changed and is dropped).
 */
export async function changeRoundPeriod(
  ctx: AppContext,
  viewerId: string,
  id: string,
  period: RoundPeriod,
): Promise<Round> {
  const today = amsterdamDay(ctx.now());
  return ctx.store.transaction(async (tx) => {
    const round = await manageable(ctx, tx, viewerId, id);
    checkRoundOpen(round, today);
    checkRoundPeriod(round.type, period, today, { keepFrom: round.period.from });
    const changed: Round = { ...round, period };
    await updateRound(tx, changed);
    await audit(tx, viewerId, 'round.changed', changed, { previous: round.period });
    for (const managerId of await roundManagers(tx, id)) {
      for (const job of fanOutJobs(changed, managerId, today)) {
        if (job.data.kind === 'reminder') await ctx.outbox.enqueue(tx, job);
      }
    }
    return changed;
  });
}

/**
 * Cancels a running round: no more reminders; conversations already planned stay as they are. Every manager's
 * round cards are updated to say it is cancelled (one keyed job per manager, in the same transaction).
 */
export async function cancelRound(ctx: AppContext, viewerId: string, id: string): Promise<Round> {
  const today = amsterdamDay(ctx.now());
  return ctx.store.transaction(async (tx) => {
    const round = await manageable(ctx, tx, viewerId, id);
    checkRoundOpen(round, today);
    const cancelled: Round = {
      ...round,
      state: 'cancelled',
      cancelledBy: viewerId,
      cancelledAt: ctx.now().toISOString(),
    };
    await updateRound(tx, cancelled);
    const managers = await roundManagers(tx, id);
    await audit(tx, viewerId, 'round.cancelled', cancelled, { managers: managers.length });
    for (const managerId of managers) {
      await ctx.outbox.enqueue(tx, {
        queue: 'round-fanout',
        data: { roundId: id, managerId, kind: 'cancelled' },
        options: { singletonKey: `round:${id}:cancelled:${managerId}` },
      });
    }
    return cancelled;
  });
}
