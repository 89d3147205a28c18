/** A manager's team: each report's conversations with what is overdue, and the anonymous team vitality picture. */
import {
  currentVersion,
  teamVitalityPicture,
  type Conversation,
  type TeamVitalityPicture,
} from '../../domain/index.js';
import type { DirectoryUser } from '../../ports/index.js';
import { managedEmployees } from '../access.js';
import type { AppContext } from '../context.js';
import { summarize, type ConversationSummary } from '../views/summarize.js';

export interface TeamMember {
  user: DirectoryUser;
  conversations: ConversationSummary[];
  overdue: boolean;
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
  return Promise.all(
    members.map(async (user) => {
      const theirs = stored.filter((s) => s.conversation.employeeId === user.id);
      return {
        user,
        conversations: await Promise.all(theirs.map((s) => summarize(ctx, s, 'manager'))),
        overdue: theirs.some((s) =>
          isOverdue(s.conversation, ctx.now().getTime(), ctx.config.approvalReminderDays),
        ),
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
