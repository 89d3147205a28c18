/** The list of a person's conversations: their own, and those of the people they manage or stand in for. */
import { managedEmployees } from '../access.js';
import type { AppContext } from '../context.js';
import { summarize, type ConversationSummary } from '../views/summarize.js';

/** My conversations as employee, and those of the people I manage (or stand in for). */
export async function listConversations(ctx: AppContext, viewerId: string): Promise<ConversationSummary[]> {
  const own = await ctx.store.conversationsOf(viewerId);
  const managed = await managedEmployees(ctx, viewerId);
  const theirs = await ctx.store.listConversations({ employeeIds: managed.map((u) => u.id) });
  return Promise.all([
    ...own.map((s) => summarize(ctx, s, 'employee')),
    ...theirs.map((s) => summarize(ctx, s, 'manager')),
  ]);
}
