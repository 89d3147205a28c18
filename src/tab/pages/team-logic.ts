/** The team overview's rules: which conversation says most about a member, and what to show. */
import type { ConversationType } from '../../domain/formats.js';
import type { ConversationSummary, TeamMember } from '../api/types.js';

export type TeamFilter = 'all' | 'action' | 'overdue' | 'none';

const closed = new Set(['archived', 'cancelled']);

/** The conversation that says most about a member now: the newest open one, else the newest at all. */
export function latestConversation(
  member: TeamMember,
  type?: ConversationType,
): ConversationSummary | undefined {
  const list = member.conversations.filter((c) => !type || c.type === type);
  const byNewest = [...list].sort((a, b) =>
    a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0,
  );
  return byNewest.find((c) => !closed.has(c.stage)) ?? byNewest[0];
}

/** Applies the team page filters. */
export function filterMembers(
  members: readonly TeamMember[],
  filter: TeamFilter,
  type?: ConversationType,
): TeamMember[] {
  return members.filter((member) => {
    const latest = latestConversation(member, type);
    switch (filter) {
      case 'all':
        return type ? latest !== undefined : true;
      case 'overdue':
        return member.overdue;
      case 'action':
        return (
          latest !== undefined &&
          !closed.has(latest.stage) &&
          latest.nextStep !== 'wait' &&
          latest.nextStep !== 'none'
        );
      case 'none':
        return latest === undefined || closed.has(latest.stage);
    }
  });
}
