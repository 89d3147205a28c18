/** People as views show them: directory users, display names by id, and each person's language. */
import type { Locale } from '../../cards/index.js';
import { toLocale, type Conversation } from '../../domain/index.js';
import type { DirectoryUser } from '../../ports/index.js';
import type { AppContext } from '../context.js';

/** Someone the directory does not know (any more): shown by id. */
export const unknownUser = (id: string): DirectoryUser => ({ id, displayName: id, email: '' });

/** Display names of everyone a card may mention, by id; unknown ids show as themselves. */
export async function namesFor(
  ctx: AppContext,
  conversation: Conversation,
  extra: string[] = [],
): Promise<Record<string, string>> {
  const ids = new Set<string>([
    conversation.employeeId,
    conversation.managerId,
    ...conversation.decisions.flatMap((d) => [d.actorId, ...(d.onBehalfOf ? [d.onBehalfOf] : [])]),
    ...conversation.versions.map((v) => v.submittedBy),
    ...(conversation.cancellation ? [conversation.cancellation.by] : []),
    ...extra,
  ]);
  const names: Record<string, string> = {};
  for (const id of ids) names[id] = (await ctx.directory.getUser(id))?.displayName ?? id;
  return names;
}

/** The language of a person: English when their directory locale starts with "en", Dutch otherwise. */
export async function localeOf(ctx: AppContext, userId: string): Promise<Locale> {
  return toLocale((await ctx.directory.getUser(userId))?.locale);
}
