import type { JobWithMetadata } from 'pg-boss';
import { currentVersion, decisionOf, formatOf, localize, type Conversation } from '../domain/index.js';
import { buildArchiveJson, fileNameFor } from '../documents/archive-json.js';
import { deliverNotification, refreshApprovalCards } from '../bot/notifications.js';
import { tabDeepLink } from '../cards/links.js';
import type { AppContext, FinalDocumentInput } from './context.js';
import { runSystemCommand } from './commands.js';
import { runRetention } from './privacy.js';
import {
  queues,
  type QueueName,
  type ArchiveJob,
  type CalendarJob,
  type NotificationJob,
  type RefreshCardsJob,
  type TaskJob,
} from './jobs.js';
import { inBackground, promptly } from '../store/priority.js';

interface ReminderJob {
  conversationId: string;
  reason: string;
  recipientId: string;
}

/** A job's conversation; undefined when it was erased meanwhile (then the job has nothing left to do). */
async function load(ctx: AppContext, id: string): Promise<Conversation | undefined> {
  return (await ctx.store.getConversation(id))?.conversation;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Creates, moves or cancels the Teams meeting of a conversation. */
export async function handleCalendar(ctx: AppContext, job: CalendarJob): Promise<void> {
  const conversation = await load(ctx, job.conversationId);
  const schedule = conversation?.schedule;
  if (!conversation || !schedule) return;
  if (job.action === 'create') {
    // Cancelled before the meeting was made, or made by an earlier attempt: nothing to do.
    if (conversation.stage === 'cancelled' || schedule.eventId) return;
    const employee = await ctx.directory.getUser(conversation.employeeId);
    const format = formatOf(conversation);
    const link = tabDeepLink(ctx.config, 'voorbereiden', { conversationId: conversation.id });
    const meeting = await ctx.calendar.createMeeting({
      organizerId: conversation.managerId,
      attendeeIds: [conversation.employeeId],
      subject: `${localize(format.title, 'nl')} – ${employee?.displayName ?? conversation.employeeId}`,
      bodyHtml: `<p>${escapeHtml(localize(format.intro, 'nl'))}</p><p><a href="${escapeHtml(link)}">Open het format om je voor te bereiden</a></p>`,
      start: schedule.start,
      end: schedule.end,
      idempotencyKey: job.key,
    });
    await runSystemCommand(ctx, conversation.id, { type: 'attach-meeting', meeting });
    return;
  }
  if (!schedule.eventId) return;
  if (job.action === 'update') {
    await ctx.calendar.updateMeeting(conversation.managerId, schedule.eventId, {
      start: schedule.start,
      end: schedule.end,
    });
  } else {
    await ctx.calendar.cancelMeeting(
      conversation.managerId,
      schedule.eventId,
      conversation.cancellation?.reason ?? '',
    );
  }
}

/** Creates an approver's To Do task, or completes it once they decided. */
export async function handleTask(ctx: AppContext, job: TaskJob): Promise<void> {
  const existing = await ctx.store.approvalTask(job.conversationId, job.assigneeId, job.version);
  if (job.action === 'complete') {
    if (!existing || existing.completedAt) return;
    await ctx.tasks.complete(job.assigneeId, existing.taskId);
    await ctx.store.saveApprovalTask({ ...existing, completedAt: ctx.now().toISOString() });
    return;
  }
  if (existing) return;
  const conversation = await load(ctx, job.conversationId);
  if (!conversation) return;
  const party = job.assigneeId === conversation.employeeId ? 'employee' : 'manager';
  if (conversation.stage !== 'awaiting_approval' || currentVersion(conversation)?.number !== job.version)
    return;
  if (decisionOf(conversation, job.version, party)) return;
  const employee = await ctx.directory.getUser(conversation.employeeId);
  const format = formatOf(conversation);
  const { taskId } = await ctx.tasks.create({
    assigneeId: job.assigneeId,
    title:
      `${localize(format.title, 'nl')} ${employee?.displayName ?? ''} – ter akkoord (versie ${job.version})`.replace(
        /\s+/g,
        ' ',
      ),
    link: tabDeepLink(ctx.config, 'akkoord', { conversationId: conversation.id }),
    idempotencyKey: job.key,
  });
  await promptly(() =>
    ctx.store.saveApprovalTask({
      conversationId: job.conversationId,
      assigneeId: job.assigneeId,
      version: job.version,
      taskId,
    }),
  );
}

/** Everything the final document shows, with ids resolved to names. */
export async function finalDocumentInput(
  ctx: AppContext,
  conversation: Conversation,
  version: number,
): Promise<FinalDocumentInput> {
  const audit = await ctx.store.auditOf(conversation.id);
  const ids = new Set<string>([
    conversation.employeeId,
    conversation.managerId,
    ...audit.map((a) => a.actorId),
    ...conversation.decisions.flatMap((d) => [d.actorId, d.onBehalfOf ?? '']),
  ]);
  const names: Record<string, string> = {};
  for (const id of ids) {
    if (!id) continue;
    names[id] = id === 'system' ? 'Systeem' : ((await ctx.directory.getUser(id))?.displayName ?? id);
  }
  const employee = (await ctx.directory.getUser(conversation.employeeId)) ?? {
    id: conversation.employeeId,
    displayName: conversation.employeeId,
  };
  const manager = (await ctx.directory.getUser(conversation.managerId)) ?? {
    id: conversation.managerId,
    displayName: conversation.managerId,
  };
  return {
    organisation: ctx.organisationName,
    conversation,
    version,
    employee: {
      id: employee.id,
      displayName: employee.displayName,
      ...('jobTitle' in employee && employee.jobTitle ? { jobTitle: employee.jobTitle } : {}),
      ...('department' in employee && employee.department ? { department: employee.department } : {}),
    },
    manager: {
      id: manager.id,
      displayName: manager.displayName,
      ...('jobTitle' in manager && manager.jobTitle ? { jobTitle: manager.jobTitle } : {}),
    },
    names,
    audit: audit
      .filter((a) => a.action !== 'conversation.read')
      .map((a) => ({ at: a.at, actorId: a.actorId, action: a.action, details: a.details })),
    generatedAt: ctx.now().toISOString(),
  };
}

/**
 * Stores the approved version in the personnel file exactly once: a re-run after a crash finds the earlier
 * upload by its hash instead of storing it again, then records where it is.
 */
export async function handleArchive(ctx: AppContext, job: ArchiveJob): Promise<void> {
  const conversation = await load(ctx, job.conversationId);
  if (!conversation || conversation.stage === 'archived') return;
  if (conversation.stage !== 'approved')
    throw new Error(`Conversation ${conversation.id} is ${conversation.stage}, not approved`);
  const version = conversation.versions.find((v) => v.number === job.version);
  if (!version) throw new Error(`Conversation ${conversation.id} has no version ${job.version}`);
  let record = await ctx.archive.find(conversation, version.hash);
  if (!record) {
    const input = await finalDocumentInput(ctx, conversation, version.number);
    const pdf = await ctx.renderer.render(input);
    const employeeName = input.employee.displayName;
    record = await ctx.archive.store({
      conversation,
      version: version.number,
      hash: version.hash,
      fileName: fileNameFor(conversation, employeeName, version.number),
      pdf,
      json: buildArchiveJson(input),
    });
  }
  await runSystemCommand(ctx, conversation.id, { type: 'mark-archived', record });
}

/** A reminder: to prepare, or to decide on a waiting version. Sent only if still relevant. */
export async function handleReminder(ctx: AppContext, job: ReminderJob): Promise<void> {
  const conversation = await load(ctx, job.conversationId);
  if (!conversation) return;
  if (job.reason === 'prepare') {
    if (conversation.stage !== 'planned' && conversation.stage !== 'preparing') return;
    await deliverNotification(ctx, {
      kind: 'reminder',
      conversationId: conversation.id,
      recipientId: job.recipientId,
      key: `${conversation.id}:reminder:prepare:${conversation.schedule?.start}`,
    });
    return;
  }
  const version = Number(job.reason.replace('approval:v', ''));
  const party = job.recipientId === conversation.employeeId ? 'employee' : 'manager';
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
  if (approverId === conversation.employeeId) return;
  const away = await ctx.directory.outOfOffice(approverId);
  if (!away.active) return;
  const delegate = await ctx.directory.managerOf(approverId);
  if (!delegate) return;
  const now = ctx.now();
  const until = away.until ?? new Date(now.getTime() + 14 * 86_400_000).toISOString();
  await ctx.store.saveDelegation({
    managerId: approverId,
    delegateId: delegate.id,
    from: now.toISOString(),
    until,
  });
  await ctx.store.appendAudit({
    actorId: 'system',
    conversationId: conversation.id,
    subjectId: conversation.employeeId,
    action: 'delegation.assigned',
    details: { managerId: approverId, delegateId: delegate.id, until, reason: 'out-of-office' },
  });
  await deliverNotification(ctx, {
    kind: 'approval',
    conversationId: conversation.id,
    recipientId: delegate.id,
    version,
    key: `${conversation.id}:approval:${delegate.id}:v${version}`,
  });
}

/**
 * A side effect that failed for good (all retries used) goes into the conversation's audit trail, so the
 * manager sees that an invitation, card or task did not arrive instead of it vanishing in a log.
 */
async function recordGivenUp(
  ctx: AppContext,
  queue: QueueName,
  data: unknown,
  message: string,
): Promise<void> {
  const job = (data ?? {}) as {
    conversationId?: string;
    recipientId?: string;
    assigneeId?: string;
    kind?: string;
    action?: string;
  };
  if (!job.conversationId) return;
  const conversation = await load(ctx, job.conversationId);
  await ctx.store.appendAudit({
    actorId: 'system',
    conversationId: job.conversationId,
    subjectId: conversation?.employeeId ?? null,
    action: 'delivery.failed',
    details: {
      queue,
      ...(job.kind ? { kind: job.kind } : {}),
      ...(job.action ? { step: job.action } : {}),
      recipientId: job.recipientId ?? job.assigneeId ?? null,
      error: message,
    },
  });
}

/**
 * How many jobs each queue handles at once. Chat messages are many and paced by the messenger itself;
 * rendering archive PDFs is CPU work, so few at a time.
 */
const concurrency: Record<QueueName, { batchSize: number; localConcurrency: number }> = {
  notify: { batchSize: 25, localConcurrency: 2 },
  'refresh-cards': { batchSize: 10, localConcurrency: 1 },
  calendar: { batchSize: 10, localConcurrency: 1 },
  task: { batchSize: 10, localConcurrency: 1 },
  archive: { batchSize: 2, localConcurrency: 1 },
  reminder: { batchSize: 10, localConcurrency: 1 },
  retention: { batchSize: 1, localConcurrency: 1 },
};

/** Starts a worker per queue. Each handler is idempotent, so a retry after a crash is harmless. */
export async function startWorkers(ctx: AppContext): Promise<void> {
  const boss = ctx.outbox.boss;
  const poll = { pollingIntervalSeconds: ctx.config.jobPollSeconds };
  const selected = ctx.config.workerQueues;
  const work = async <T>(queue: QueueName, handler: (ctx: AppContext, data: T) => Promise<void>) => {
    if (selected !== 'all' && !selected.includes(queue)) return;
    const { batchSize, localConcurrency } = concurrency[queue];
    // Full batches are fetched back to back, so a backlog drains at the speed of the handlers, not one job per poll.
    await boss.work(
      queue,
      {
        ...poll,
        batchSize,
        localConcurrency,
        burstWhenBatchFull: batchSize > 1,
        includeMetadata: true as const,
      },
      async (jobs: JobWithMetadata<T>[]) => {
        // In the background lane: a backlog of jobs never stands in front of a person at the database.
        const results = await Promise.allSettled(
          jobs.map((job) => inBackground(() => handler(ctx, job.data))),
        );
        // Only the jobs that failed are retried; pg-boss completes the rest (complete never touches a failed job).
        await Promise.all(
          results.map(async (result, index) => {
            if (result.status === 'fulfilled') return;
            const job = jobs[index] as JobWithMetadata<T>;
            const message = String(
              result.reason instanceof Error ? result.reason.message : result.reason,
            ).slice(0, 500);
            await boss.fail(queue, job.id, { message });
            if (job.retryCount >= job.retryLimit) await recordGivenUp(ctx, queue, job.data, message);
          }),
        );
      },
    );
  };
  await work<NotificationJob>(queues.notify, deliverNotification);
  await work<RefreshCardsJob>(queues.refreshCards, refreshApprovalCards);
  await work<CalendarJob>(queues.calendar, handleCalendar);
  await work<TaskJob>(queues.task, handleTask);
  await work<ArchiveJob>(queues.archive, handleArchive);
  await work<ReminderJob>(queues.reminder, handleReminder);
  await work<object>(queues.retention, async (c) => {
    await runRetention(c, c.config.retentionDays);
  });
  // One schedule for the whole deployment; pg-boss keeps it in the database.
  await boss.schedule(queues.retention, ctx.config.retentionCron, {}, { tz: 'Europe/Amsterdam' });
}
