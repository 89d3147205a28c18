/**
 * The `notify` queue: turns outbox jobs into chat messages. Picks the card for the notification, in the
 * recipient's language, sends it through the messenger and remembers approval card copies so they can be
 * updated later.
 */
import { z } from 'zod';
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
} from '../../cards/index.js';
import { linksFor } from '../../cards/links.js';
import { currentVersion, type Conversation, type Schedule, type Stage, sideOf } from '../../domain/index.js';
import { promptly } from '../../store/priority.js';
import type { AppContext } from '../context.js';
import { localeOf, namesFor } from '../views/people.js';
import { defineQueue } from './queue.js';

/** The chat messages the app sends. */
export const notificationKinds = [
  'invitation', // employee: a conversation was planned
  'request', // manager: the employee asks for a vitality conversation
  'reminder', // employee (prepare) or approver (decide)
  'prepared', // manager: the employee submitted the preparation
  'rescheduled', // employee: new date
  'cancelled', // the other party: cancelled
  'report', // the non-author: the report/final format is ready (precedes the approval card)
  'approval', // both: the approval card for a version
  'revision', // the author: "niet akkoord", with the comment
  'archived', // both: the document is in the personnel file
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationPayload = z.object({
  kind: z.enum(notificationKinds),
  conversationId: z.string(),
  recipientId: z.string(),
  /** The report version, for approval-related messages. */
  version: z.number().int().optional(),
  /** Unique per message: the messenger never posts the same key twice. */
  key: z.string(),
});
export type NotificationJob = z.infer<typeof notificationPayload>;

/** Ids whose Teams clients refresh the approval card automatically. */
export function refreshUserIds(conversation: Conversation, recipientId: string): string[] {
  return [...new Set([conversation.employeeId, conversation.managerId, recipientId])];
}

const beforeMeeting: readonly Stage[] = ['planned', 'preparing', 'prepared'];

/**
 * Whether a notice's moment has passed, at `now`: it is then dropped rather than sent late. An invitation, a new
 * date or "Voorbereiding ontvangen … lees die voor het gesprek" is about a meeting still to come: once it has
 * started, was held or was cancelled, it is too late. A prepare reminder after the start, likewise; a request the
 * manager has already planned (or that was cancelled) needs no notice any more. Approval cards, reminders to react,
 * revisions, cancellations and the archived notice have no such moment (their own checks are in `notificationCard`).
 */
export function momentPassed(kind: NotificationKind, conversation: Conversation, now: Date): boolean {
  const start = conversation.schedule ? Date.parse(conversation.schedule.start) : Number.NaN;
  const started = Number.isFinite(start) && now.getTime() >= start;
  switch (kind) {
    case 'invitation':
    case 'rescheduled':
    case 'prepared':
      return !beforeMeeting.includes(conversation.stage) || started;
    case 'reminder':
      return conversation.stage !== 'awaiting_approval' && started;
    case 'request':
      return conversation.stage !== 'requested';
    default:
      return false;
  }
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
  const links = linksFor(ctx.config, job.recipientId);
  const party = sideOf(conversation, job.recipientId);
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
        wayOut: ctx.config.wayOut[locale],
      });
    case 'revision':
      return revisionCard({
        conversation,
        version,
        names,
        recipientId: job.recipientId,
        wayOut: ctx.config.wayOut[locale],
        links,
        locale,
      });
    case 'archived':
      return archivedCard({
        conversation,
        names,
        recipientId: job.recipientId,
        links,
        locale,
        recipientIsEmployee: party === 'employee',
      });
  }
}

/** Sends one notification (an outbox job). Idempotent by `job.key`: a retry never posts what was recorded as sent. */
export async function deliverNotification(ctx: AppContext, job: NotificationJob): Promise<void> {
  const stored = await ctx.store.getConversation(job.conversationId);
  if (!stored) return;
  const conversation = stored.conversation;
  if (momentPassed(job.kind, conversation, ctx.now())) return;
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

/**
 * Chat messages are many and paced by the messenger itself, so a worker takes a large batch; retried with
 * backoff for about half an hour.
 */
export const notifyQueue = defineQueue({
  name: 'notify',
  payload: notificationPayload,
  retry: { retryLimit: 8, retryDelay: 2, retryBackoff: true, retryDelayMax: 300 },
  concurrency: { batchSize: 25, localConcurrency: 2 },
  handle: deliverNotification,
});
