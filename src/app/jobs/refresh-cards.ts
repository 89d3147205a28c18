/** The `refresh-cards` queue: brings every sent copy of a conversation's approval card up to date. */
import { z } from 'zod';
import { approvalCard, toCardJson } from '../../cards/index.js';
import { linksFor } from '../../cards/links.js';
import { currentVersion, sideOf } from '../../domain/index.js';
import type { AppContext } from '../context.js';
import { localeOf, namesFor } from '../views/people.js';
import { refreshUserIds } from './notify.js';
import { defineQueue } from './queue.js';

/** Update every stored copy of a conversation's approval cards to its current state. */
export const refreshCardsPayload = z.object({ conversationId: z.string() });
export type RefreshCardsJob = z.infer<typeof refreshCardsPayload>;

/** Updates every stored approval card copy of a conversation to the state it has now, per recipient. */
export async function refreshApprovalCards(ctx: AppContext, job: RefreshCardsJob): Promise<void> {
  const stored = await ctx.store.getConversation(job.conversationId);
  if (!stored) return;
  const conversation = stored.conversation;
  const copies = await ctx.store.cardCopies(conversation.id, 'approval');
  if (copies.length === 0) return;
  const names = await namesFor(
    ctx,
    conversation,
    copies.map((c) => c.recipientId),
  );
  for (const copy of copies) {
    const version = copy.version ?? currentVersion(conversation)?.number;
    if (version === undefined) continue;
    const locale = await localeOf(ctx, copy.recipientId);
    const { card } = approvalCard({
      conversation,
      version,
      viewer: { id: copy.recipientId, party: sideOf(conversation, copy.recipientId) },
      names,
      links: linksFor(ctx.config, copy.recipientId),
      locale,
      refreshUserIds: refreshUserIds(conversation, copy.recipientId),
      wayOut: ctx.config.wayOut[locale],
    });
    await ctx.messenger.update(copy.recipientId, copy.activityId, toCardJson(card));
  }
}

export const refreshCardsQueue = defineQueue({
  name: 'refresh-cards',
  payload: refreshCardsPayload,
  retry: { retryLimit: 5, retryDelay: 2, retryBackoff: true, retryDelayMax: 120 },
  concurrency: { batchSize: 10, localConcurrency: 1 },
  handle: refreshApprovalCards,
});
