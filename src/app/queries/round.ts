/**
 * What people see of rounds: HR (and the director who started one) the rounds with their progress as counts;
 * a manager the open rounds that concern them, with where each of their own reports stands.
 */
import {
  amsterdamDay,
  mayManageRound,
  roundConversations,
  roundErrors,
  roundProgress,
  roundState,
  stepOf,
  type ProgressStep,
  type Round,
  type RoundProgress,
  type RoundState,
} from '../../domain/index.js';
import type { DirectoryUser } from '../../ports/index.js';
import {
  getRound,
  listRounds,
  roundConversationFacts,
  roundMembers,
  roundsOfManager,
} from '../../store/round-store.js';
import { starterOf, teamBelow } from '../commands/round-audience.js';
import type { AppContext } from '../context.js';
import { unknownUser } from '../views/people.js';

/** A round as the API answers: its state today. */
export type RoundSummary = Omit<Round, 'state'> & { state: RoundState; startedByName: string };

/** One of a manager's reports in a round. */
export interface RoundReport {
  employee: DirectoryUser;
  step: ProgressStep;
  /** The conversation that counts, for a link to it. */
  conversationId?: string;
}

/** A round that concerns a manager, with their own reports only. */
export interface ManagerRound {
  round: RoundSummary;
  reports: RoundReport[];
}

/** `GET /api/rounds`: what the viewer may start and follow, and the rounds they plan in. */
export interface RoundsOverview {
  /** Whether the viewer may start a round (HR, or a director for their part). */
  mayStart: boolean;
  isHr: boolean;
  /** Rounds the viewer follows: all for HR, the ones they started for a director. */
  rounds: RoundSummary[];
  /** Open rounds in which the viewer plans with reports. */
  toPlan: ManagerRound[];
  /** Whom the viewer may start a round for: departments and managers (HR all, a director those below). */
  choices?: { departments: string[]; managers: DirectoryUser[] };
}

/** `GET /api/rounds/:id`: a round with its progress; for its managers also their own reports. */
export interface RoundDetail {
  round: RoundSummary;
  /** Counts per department; only for HR and the starter. */
  progress?: RoundProgress;
  /** The viewer's own reports in the round, when they plan in it. */
  reports?: RoundReport[];
}

async function summarize(ctx: AppContext, round: Round, today: string): Promise<RoundSummary> {
  const starter = await ctx.directory.getUser(round.startedBy);
  return {
    ...round,
    state: roundState(round, today),
    startedByName: starter?.displayName ?? round.startedBy,
  };
}

async function reportsOf(ctx: AppContext, round: Round, managerId: string): Promise<RoundReport[]> {
  const executor = ctx.store.executor;
  const [members, facts] = await Promise.all([
    roundMembers(executor, round.id, managerId),
    roundConversationFacts(executor, round, managerId),
  ]);
  const current = roundConversations(round, facts);
  const people = await Promise.all(members.map((m) => ctx.directory.getUser(m.employeeId)));
  return members
    .map((m, i) => {
      const conversation = current.get(m.employeeId);
      return {
        employee: people[i] ?? unknownUser(m.employeeId),
        step: stepOf(conversation),
        ...(conversation ? { conversationId: conversation.id } : {}),
      };
    })
    .sort((a, b) => a.employee.displayName.localeCompare(b.employee.displayName, 'nl'));
}

/** The rounds overview for the signed-in person. */
export async function roundsOverview(ctx: AppContext, viewerId: string): Promise<RoundsOverview> {
  const today = amsterdamDay(ctx.now());
  const executor = ctx.store.executor;
  const starter = await starterOf(ctx, viewerId);
  const followed = starter.isHr || starter.isDirector ? await listRounds(executor) : [];
  const rounds = await Promise.all(
    followed
      .filter((r) => mayManageRound(r, { id: viewerId, isHr: starter.isHr }))
      .map((r) => summarize(ctx, r, today)),
  );
  const mine = (await roundsOfManager(executor, viewerId)).filter((r) => roundState(r, today) === 'open');
  const toPlan = await Promise.all(
    mine.map(async (r) => ({
      round: await summarize(ctx, r, today),
      reports: await reportsOf(ctx, r, viewerId),
    })),
  );
  const mayStart = starter.isHr || starter.isDirector;
  return {
    mayStart,
    isHr: starter.isHr,
    rounds,
    toPlan,
    ...(mayStart ? { choices: await audienceChoices(ctx, viewerId, starter.isHr) } : {}),
  };
}

/**
 * The departments and managers a starter may choose from: everyone's for HR, those below a director. Who manages
 * anyone follows from the same listing (each person with their manager), not from asking each person for their
 * reports: a manager is someone listed as a listed person's manager. For HR that listing holds enabled accounts
 * only, as a round for everyone does, so a manager whose only reports have left is not offered.
 */
async function audienceChoices(
  ctx: AppContext,
  viewerId: string,
  isHr: boolean,
): Promise<{ departments: string[]; managers: DirectoryUser[] }> {
  const listed = isHr ? await ctx.directory.listUsersWithManagers() : await teamBelow(ctx, viewerId);
  const self = isHr ? undefined : await ctx.directory.getUser(viewerId);
  const users = listed.map(({ user }) => user);
  const departments = [...new Set(users.map((u) => u.department).filter((d): d is string => Boolean(d)))];
  const managing = new Set(listed.map(({ managerId }) => managerId));
  const candidates = self ? [self, ...users] : users;
  const managers = candidates.filter((user) => managing.has(user.id));
  return {
    departments: departments.sort((a, b) => a.localeCompare(b, 'nl')),
    managers: managers.sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl')),
  };
}

/** One round: progress for HR and its starter, the viewer's own reports for a manager in it; else not found. */
export async function roundDetail(ctx: AppContext, viewerId: string, id: string): Promise<RoundDetail> {
  const today = amsterdamDay(ctx.now());
  const executor = ctx.store.executor;
  const round = await getRound(executor, id);
  if (!round) throw roundErrors.notFound();
  const isHr = await ctx.directory.isHr(viewerId);
  const manages = mayManageRound(round, { id: viewerId, isHr });
  const reports = await reportsOf(ctx, round, viewerId);
  if (!manages && reports.length === 0) throw roundErrors.notFound();
  const progress = manages
    ? roundProgress(
        round,
        await roundMembers(executor, round.id),
        await roundConversationFacts(executor, round),
        ctx.config.teamPictureMinimum,
      )
    : undefined;
  return {
    round: await summarize(ctx, round, today),
    ...(progress ? { progress } : {}),
    ...(reports.length > 0 ? { reports } : {}),
  };
}
