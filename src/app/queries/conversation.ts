/** Reading one conversation and its audit trail; a read by anyone but the employee is audited. */
import { isReadOfOthers } from '../../domain/index.js';
import { contentRelation, loadViewer, mustGet } from '../access.js';
import type { AppContext } from '../context.js';
import { present, type ConversationView } from '../views/present.js';

/** Reads one conversation; a read by anyone but the employee is audited. */
export async function getConversationView(
  ctx: AppContext,
  viewerId: string,
  conversationId: string,
): Promise<ConversationView> {
  const stored = await mustGet(ctx, conversationId);
  const viewer = await loadViewer(ctx, viewerId);
  const relation = await contentRelation(ctx, viewer, stored.conversation);
  if (isReadOfOthers(viewer, stored.conversation)) {
    await ctx.store.appendAudit({
      actorId: viewer.id,
      conversationId,
      subjectId: stored.conversation.employeeId,
      action: 'conversation.read',
      details: { relation },
    });
  }
  return present(ctx, stored, relation);
}

/** The audit trail of one conversation, for its employee and manager. */
export async function conversationAudit(ctx: AppContext, viewerId: string, conversationId: string) {
  const stored = await mustGet(ctx, conversationId);
  await contentRelation(ctx, await loadViewer(ctx, viewerId), stored.conversation);
  return ctx.store.auditOf(conversationId);
}
