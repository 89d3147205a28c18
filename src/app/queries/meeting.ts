/** The conversation of a Teams meeting, found from the meeting chat's id: the side panel's first request. */
import { conversationForMeeting, errors } from '../../domain/index.js';
import { managedEmployees } from '../access.js';
import type { AppContext } from '../context.js';
import type { ConversationView } from '../views/present.js';
import { getConversationView } from './conversation.js';

/**
 * The view of the conversation whose meeting is this Teams chat, as the viewer would read it at
 * `GET /api/conversations/:id`. It is looked for only among the conversations the viewer's own list holds (hers,
 * and those of the people she manages or stands in for), then read through `getConversationView` itself: the
 * same relation check (not found for anyone who may not read it) and the same audit entry. A meeting with no
 * such conversation is not found either, so the answer never tells an outsider whether a meeting has one.
 */
export async function meetingConversationView(
  ctx: AppContext,
  viewerId: string,
  chatId: string,
): Promise<ConversationView> {
  const [own, managed] = await Promise.all([
    ctx.store.conversationsOf(viewerId),
    managedEmployees(ctx, viewerId),
  ]);
  const theirs = await ctx.store.listConversations({ employeeIds: managed.map((u) => u.id) });
  const match = conversationForMeeting(
    [...own, ...theirs].map((s) => s.conversation),
    chatId,
  );
  if (!match) throw errors.notFound();
  return getConversationView(ctx, viewerId, match.id);
}
