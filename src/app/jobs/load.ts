/** What every job handler starts with: the conversation the job is about. */
import type { Conversation } from '../../domain/index.js';
import type { AppContext } from '../context.js';

/** A job's conversation; undefined when it was erased meanwhile (then the job has nothing left to do). */
export async function loadConversation(ctx: AppContext, id: string): Promise<Conversation | undefined> {
  return (await ctx.store.getConversation(id))?.conversation;
}
