/**
 * Turns outbox jobs into chat messages: picks the card for the notification, in the recipient's language,
 * sends it through the messenger and remembers approval card copies so they can be updated later.
 */
import {
  approvalCard,
  archivedCard,
  cancelledCard,
  invitationCard,
  preparedCard,
  reminderCard,
  reminderKind,
  reportReadyCard,
  requestCard,
  rescheduledCard,
  revisionCard,
  toCardJson,
  type BuiltCard,
  type Locale,
} from '../cards/index.js';
import { currentVersion, toLocale, type Conversation, type Schedule } from '../domain/index.js';
import type { AppContext } from '../server/context.js';
import type { NotificationJob, RefreshCardsJob } from '../server/jobs.js';
import { promptly } from '../store/priority.js';

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

function partyOf(conversation: Conversation, userId: string): 'employee' | 'manager' {
  // Anyone but the employee who receives a card about the conversation acts on the manager's side (delegates too).
  return userId === conversation.employeeId ? 'employee' : 'manager';
}

/** Ids whose Teams clients refresh the approval card automatically. */
function refreshUserIds(conversation: Conversation, recipientId: string): string[] {
  return [...new Set([conversation.employeeId, conversation.managerId, recipientId])];
}

async function previousSchedule(ctx: AppContext, conversationId: string): Promise<Schedule | undefined> {
  const entries = await ctx.store.auditOf(conversationId);
  const last = entries.filter((e) => e.action === 'conversation.rescheduled').at(-1);
  const previous = last?.details.previous;
  if (previous && typeof previous === 'object' && 'start' in previous && 'end' in previous) {
    const { start, end } = previous as { start: unknown; end: unknown };
    if (typeof start === 'string' && typeof end === 'string') return { start, end };
  }
  return undefined;
}

/**
 * The card for a notification, or undefined when it no longer applies (a reminder after the step was done,
 * an approval card for a version that has been replaced).
 */
export async function notificationCard(
  ctx: AppContext,
  job: NotificationJob,
  conversation: Conversation,
): Promise<BuiltCard | undefined> {
  const locale = await localeOf(ctx, job.recipientId);
  const names = await namesFor(ctx, conversation, [job.recipientId]);
  const links = ctx.config;
  const party = partyOf(conversation, job.recipientId);
  const other = party === 'employee' ? conversation.managerId : conversation.employeeId;
  const latest = currentVersion(conversation)?.number;
  const version = job.version ?? latest ?? 0;
  switch (job.kind) {
    case 'invitation':
      return invitationCard({
        conversation,
        managerName: names[conversation.managerId] ?? '',
        links,
        locale,
      });
    case 'request':
      return requestCard({ conversation, employeeName: names[conversation.employeeId] ?? '', links, locale });
    case 'reminder':
      if (!reminderKind(conversation, party)) return undefined;
      return reminderCard({ conversation, party, otherName: names[other] ?? other, links, locale });
    case 'prepared':
      return preparedCard({
        conversation,
        employeeName: names[conversation.employeeId] ?? '',
        links,
        locale,
      });
    case 'rescheduled': {
      const previous = await previousSchedule(ctx, conversation.id);
      return rescheduledCard({
        conversation,
        otherName: names[other] ?? other,
        ...(previous ? { previous } : {}),
        links,
        locale,
      });
    }
    case 'cancelled': {
      const by = conversation.cancellation?.by ?? other;
      return cancelledCard({ conversation, byName: names[by] ?? by, links, locale });
    }
    case 'report': {
      const submitted = conversation.versions.find((v) => v.number === version);
      if (!submitted) return undefined;
      return reportReadyCard({
        conversation,
        authorName: names[submitted.submittedBy] ?? submitted.submittedBy,
        version,
        links,
        locale,
      });
    }
    case 'approval':
      if (latest === undefined || version !== latest) return undefined;
      return approvalCard({
        conversation,
        version,
        viewer: { id: job.recipientId, party },
        names,
        links,
        locale,
        refreshUserIds: refreshUserIds(conversation, job.recipientId),
      });
    case 'revision':
      return revisionCard({ conversation, version, names, links, locale });
    case 'archived':
      return archivedCard({ conversation, links, locale, recipientIsEmployee: party === 'employee' });
  }
}

/** Sends one notification (an outbox job). Idempotent by `job.key`: a retry never posts what was recorded as sent. */
export async function deliverNotification(ctx: AppContext, job: NotificationJob): Promise<void> {
  const stored = await ctx.store.getConversation(job.conversationId);
  if (!stored) return;
  const conversation = stored.conversation;
  const built = await notificationCard(ctx, job, conversation);
  if (!built) return;
  const sent = await ctx.messenger.send({
    recipientId: job.recipientId,
    card: toCardJson(built.card),
    summary: built.summary,
    idempotencyKey: job.key,
  });
  if (job.kind === 'approval') {
    const chat = await ctx.store.chatReference(job.recipientId);
    await promptly(() =>
      ctx.store.recordCardCopy({
        conversationId: conversation.id,
        recipientId: job.recipientId,
        kind: 'approval',
        version: job.version ?? currentVersion(conversation)?.number ?? null,
        activityId: sent.activityId,
        chatId: chat?.conversationId ?? '',
      }),
    );
  }
}

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
    const { card } = approvalCard({
      conversation,
      version,
      viewer: { id: copy.recipientId, party: partyOf(conversation, copy.recipientId) },
      names,
      links: ctx.config,
      locale: await localeOf(ctx, copy.recipientId),
      refreshUserIds: refreshUserIds(conversation, copy.recipientId),
    });
    await ctx.messenger.update(copy.recipientId, copy.activityId, toCardJson(card));
  }
}
