/**
 * The `reminder` queue: a reminder to prepare, or to decide on a waiting version, sent only if still
 * relevant. An approver who is out of office is covered by their own manager first (src/domain/escalation.ts).
 */
import { z } from 'zod';
import {
  currentVersion,
  decisionOf,
  mayEscalate,
  outOfOfficeDelegation,
  type Conversation,
  sideOf,
} from '../../domain/index.js';
import type { AppContext } from '../context.js';
import { loadConversation } from './load.js';
import { deliverNotification } from './notify.js';
import { defineQueue } from './queue.js';

const reminderFields = { conversationId: z.string(), recipientId: z.string() };

const reminder = z.discriminatedUnion('kind', [
  /** To the employee, some days before the meeting. */
  z.object({ ...reminderFields, kind: z.literal('prepare') }),
  /** To an approver who has not decided on `version` yet. */
  z.object({ ...reminderFields, kind: z.literal('approval'), version: z.number().int().min(1) }),
]);
export type ReminderJob = z.infer<typeof reminder>;

/** Reminders queued before they had typed fields say `reason: 'prepare' | 'approval:v<n>'`; they still count. */
const earlierReminder = z
  .object({ ...reminderFields, reason: z.union([z.literal('prepare'), z.string().regex(/^approval:v\d+$/)]) })
  .transform(({ reason, ...fields }): ReminderJob =>
    reason === 'prepare'
      ? { ...fields, kind: 'prepare' }
      : { ...fields, kind: 'approval', version: Number(reason.slice('approval:v'.length)) },
  );

export const reminderPayload = z.union([reminder, earlierReminder]);

/** A reminder: to prepare, or to decide on a waiting version. Sent only if still relevant. */
export async function handleReminder(ctx: AppContext, job: ReminderJob): Promise<void> {
  const conversation = await loadConversation(ctx, job.conversationId);
  if (!conversation) return;
  if (job.kind === 'prepare') {
    if (conversation.stage !== 'planned' && conversation.stage !== 'preparing') return;
    await deliverNotification(ctx, {
      kind: 'reminder',
      conversationId: conversation.id,
      recipientId: job.recipientId,
      key: `${conversation.id}:reminder:prepare:${conversation.schedule?.start}`,
    });
    return;
  }
  const { version } = job;
  const party = sideOf(conversation, job.recipientId);
  if (
    conversation.stage !== 'awaiting_approval' ||
    currentVersion(conversation)?.number !== version ||
    decisionOf(conversation, version, party)
  )
    return;
  await escalateIfAway(ctx, conversation, job.recipientId, version);
  await deliverNotification(ctx, {
    kind: 'reminder',
    conversationId: conversation.id,
    recipientId: job.recipientId,
    version,
    key: `${conversation.id}:reminder:approval:${job.recipientId}:v${version}`,
  });
}

/**
 * When the manager who must approve is out of office, their own manager is assigned as delegate until
 * they are back, and gets the approval card; the audit trail shows the assignment.
 */
async function escalateIfAway(
  ctx: AppContext,
  conversation: Conversation,
  approverId: string,
  version: number,
): Promise<void> {
  // The rule decides; the checks here only spare the directory questions whose answer cannot matter.
  if (!mayEscalate(conversation, approverId)) return;
  const absence = await ctx.directory.outOfOffice(approverId);
  const standIn = absence.active ? await ctx.directory.managerOf(approverId) : undefined;
  const delegation = outOfOfficeDelegation({
    conversation,
    approverId,
    absence,
    standInId: standIn?.id,
    now: ctx.now().toISOString(),
  });
  if (!delegation) return;
  await ctx.store.saveDelegation(delegation);
  await ctx.store.appendAudit({
    actorId: 'system',
    conversationId: conversation.id,
    subjectId: conversation.employeeId,
    action: 'delegation.assigned',
    details: {
      managerId: approverId,
      delegateId: delegation.delegateId,
      until: delegation.until,
      reason: 'out-of-office',
    },
  });
  await deliverNotification(ctx, {
    kind: 'approval',
    conversationId: conversation.id,
    recipientId: delegation.delegateId,
    version,
    key: `${conversation.id}:approval:${delegation.delegateId}:v${version}`,
  });
}

export const reminderQueue = defineQueue({
  name: 'reminder',
  payload: reminderPayload,
  retry: { retryLimit: 3, retryDelay: 60 },
  concurrency: { batchSize: 10, localConcurrency: 1 },
  handle: handleReminder,
});
