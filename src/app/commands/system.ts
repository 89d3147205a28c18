/** Commands the system runs (attach the meeting, mark archived), outside any person's rights. */
import { errors, systemActor, transition, type Command } from '../../domain/index.js';
import type { StoredConversation } from '../../store/index.js';
import type { AppContext } from '../context.js';
import { commit } from './commit.js';

/** Runs a command as the system (archiving, calendar), outside any person's rights. */
export async function runSystemCommand(
  ctx: AppContext,
  conversationId: string,
  command: Command,
): Promise<StoredConversation> {
  return ctx.store.transaction(async (tx) => {
    const current = await tx.getConversation(conversationId, true);
    if (!current) throw errors.notFound();
    const result = transition(current.conversation, command, systemActor, ctx.now().toISOString());
    return commit(ctx, tx, current, result, systemActor);
  });
}
