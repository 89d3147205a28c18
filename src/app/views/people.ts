/** People as views show them: directory users, display names by id, and each person's language. */
import type { Locale } from '../../cards/index.js';
import { toLocale, type Conversation } from '../../domain/index.js';
import type { DirectoryUser } from '../../ports/index.js';
import type { AppContext } from '../context.js';

/** Someone the directory does not know (any more): shown by id. */
export const unknownUser = (id: string): DirectoryUser => ({ id, displayName: id, email: '' });

/**
 * What to do with an id the directory does not know: show it as itself (cards and views), or leave it out (the
 * final document prints "(naam onbekend)" for it, never an id).
 */
export type UnknownNames = 'as-id' | 'left-out';

/**
 * Display names by id of everyone a conversation mentions — both people, who offered a version, who reacted
 * (and for whom), who cancelled — and of `extra` (a card's recipient, the audit trail's actors).
 */
export async function namesFor(
  ctx: AppContext,
  conversation: Conversation,
  extra: readonly string[] = [],
  unknown: UnknownNames = 'as-id',
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
  for (const id of ids) {
    const name = (await ctx.directory.getUser(id))?.displayName;
    if (name) names[id] = name;
    else if (unknown === 'as-id') names[id] = id;
  }
  return names;
}

/** The language of a person: English when their directory locale starts with "en", Dutch otherwise. */
export async function localeOf(ctx: AppContext, userId: string): Promise<Locale> {
  return toLocale((await ctx.directory.getUser(userId))?.locale);
}
