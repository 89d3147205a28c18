/** A manager's team: each report's conversations with what is overdue, and the anonymous team vitality picture. */
import {
  conversationTypes,
  currentVersion,
  type ConversationType,
  teamVitalityPicture,
  type Conversation,
  type TeamVitalityPicture,
} from '../../domain/index.js';
import type { DirectoryUser } from '../../ports/index.js';
import { managedEmployees } from '../access.js';
import type { AppContext } from '../context.js';
import { summarize, type ConversationSummary } from '../views/summarize.js';

/** Per type: when the last one was held and when the next one is planned. */
export interface TeamDates {
  last?: { conversationId: string; date: string };
  next?: { conversationId: string; start: string };
}

/** Why a report is overdue: a step that waits too long, or a conversation of the cycle not planned by its date. */
export type OverdueReason = 'step' | 'reflection-not-planned';

export interface TeamMember {
  user: DirectoryUser;
  conversations: ConversationSummary[];
  overdue: boolean;
  /** What makes the report overdue (empty when not). */
  overdueReasons: OverdueReason[];
  /** The last held and the next planned conversation, per type. */
  dates: Partial<Record<ConversationType, TeamDates>>;
}

const upcoming = new Set(['planned', 'preparing', 'prepared']);
const heldStages = new Set(['held', 'awaiting_approval', 'approved', 'archived']);

/** The last held and the next planned conversation per type, from one report's conversations. */
export function teamDates(
  conversations: readonly Conversation[],
): Partial<Record<ConversationType, TeamDates>> {
  const dates: Partial<Record<ConversationType, TeamDates>> = {};
  for (const type of conversationTypes) {
    const entry: TeamDates = {};
    for (const c of conversations) {
      if (c.type !== type || !c.schedule) continue;
      const start = c.schedule.start;
      if (heldStages.has(c.stage) && (!entry.last || start > entry.last.date))
        entry.last = { conversationId: c.id, date: start };
      if (upcoming.has(c.stage) && (!entry.next || start < entry.next.start))
        entry.next = { conversationId: c.id, start };
    }
    if (entry.last || entry.next) dates[type] = entry;
  }
  return dates;
}

/**
 * The day of this year by which the Reflectiegesprek should be planned (`REFLECTION_DUE`, `MM-DD`), in UTC.
 * Overdue by the cycle: that day has passed and no Reflectiegesprek of this year is planned or held.
 */
export function reflectionNotPlanned(
  conversations: readonly Conversation[],
  now: Date,
  due: string,
): boolean {
  const year = now.getUTCFullYear();
  if (now.getTime() < Date.parse(`${year}-${due}T00:00:00Z`)) return false;
  return !conversations.some(
    (c) =>
      c.type === 'reflectie' &&
      c.stage !== 'cancelled' &&
      c.stage !== 'requested' &&
      c.schedule !== undefined &&
      c.schedule.start.startsWith(String(year)),
  );
}

const day = 86_400_000;

/** Whether something in a conversation waits longer than it should, at `now` (ms since the epoch). */
export function isOverdue(conversation: Conversation, now: number, approvalReminderDays: number): boolean {
  const start = conversation.schedule ? Date.parse(conversation.schedule.start) : undefined;
  switch (conversation.stage) {
    case 'planned':
    case 'preparing':
    case 'prepared':
      return start !== undefined && start < now;
    case 'awaiting_approval': {
      const submitted = currentVersion(conversation)?.submittedAt;
      return submitted !== undefined && now - Date.parse(submitted) > approvalReminderDays * day;
    }
    case 'requested':
      return now - Date.parse(conversation.createdAt) > 14 * day;
    default:
      return false;
  }
}

/** A manager's team: stage per report and what is overdue. */
export async function teamOverview(ctx: AppContext, viewerId: string): Promise<TeamMember[]> {
  const members = await managedEmployees(ctx, viewerId);
  const stored = await ctx.store.listConversations({ employeeIds: members.map((m) => m.id) });
  const now = ctx.now();
  return Promise.all(
    members.map(async (user) => {
      const theirs = stored.filter((s) => s.conversation.employeeId === user.id);
      const conversations = theirs.map((s) => s.conversation);
      const overdueReasons: OverdueReason[] = [];
      if (conversations.some((c) => isOverdue(c, now.getTime(), ctx.config.approvalReminderDays)))
        overdueReasons.push('step');
      if (reflectionNotPlanned(conversations, now, ctx.config.reflectionDue))
        overdueReasons.push('reflection-not-planned');
      return {
        user,
        conversations: await Promise.all(theirs.map((s) => summarize(ctx, s, 'manager'))),
        overdue: overdueReasons.length > 0,
        overdueReasons,
        dates: teamDates(conversations),
      };
    }),
  );
}

/** The anonymous Huis van werkvermogen of a manager's direct reports. */
export async function teamVitality(ctx: AppContext, viewerId: string): Promise<TeamVitalityPicture> {
  const members = await ctx.directory.directReports(viewerId);
  const stored = await ctx.store.listConversations({ employeeIds: members.map((m) => m.id) });
  return teamVitalityPicture(
    stored.map((s) => s.conversation),
    ctx.config.teamPictureMinimum,
  );
}
