/** The `task` queue: creates an approver's To Do task, or completes it once they decided. */
import { z } from 'zod';
import { linksFor, tabDeepLink } from '../../cards/links.js';
import {
  currentVersion,
  decisionOf,
  formatOf,
  localize,
  type Conversation,
  type Locale,
  sideOf,
} from '../../domain/index.js';
import { localeOf } from '../views/people.js';
import { promptly } from '../../store/priority.js';
import type { AppContext } from '../context.js';
import { loadConversation } from './load.js';
import { defineQueue } from './queue.js';

export const taskPayload = z.object({
  action: z.enum(['create', 'complete']),
  conversationId: z.string(),
  assigneeId: z.string(),
  version: z.number().int(),
  key: z.string(),
});
export type TaskJob = z.infer<typeof taskPayload>;

/**
 * The task's title in the assignee's language, in the words the cards use: "ter ondertekening", or for the
 * manager of a vitality report "ter medeondertekening".
 */
export function taskTitle(
  conversation: Conversation,
  employeeName: string,
  version: number,
  locale: Locale,
): string {
  const cosign = conversation.type === 'vitaliteit';
  const what =
    locale === 'en'
      ? `${cosign ? 'for co-signing' : 'for signing'} (version ${version})`
      : `${cosign ? 'ter medeondertekening' : 'ter ondertekening'} (versie ${version})`;
  return `${localize(formatOf(conversation).title, locale)} ${employeeName} – ${what}`.replace(/\s+/g, ' ');
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
  const conversation = await loadConversation(ctx, job.conversationId);
  if (!conversation) return;
  const party = sideOf(conversation, job.assigneeId);
  if (conversation.stage !== 'awaiting_approval' || currentVersion(conversation)?.number !== job.version)
    return;
  if (decisionOf(conversation, job.version, party)) return;
  const employee = await ctx.directory.getUser(conversation.employeeId);
  const locale = await localeOf(ctx, job.assigneeId);
  const { taskId } = await ctx.tasks.create({
    assigneeId: job.assigneeId,
    title: taskTitle(conversation, employee?.displayName ?? '', job.version, locale),
    link: tabDeepLink(linksFor(ctx.config, job.assigneeId), 'akkoord', { conversationId: conversation.id }),
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

export const taskQueue = defineQueue({
  name: 'task',
  payload: taskPayload,
  retry: { retryLimit: 8, retryDelay: 2, retryBackoff: true, retryDelayMax: 300 },
  concurrency: { batchSize: 10, localConcurrency: 1 },
  handle: handleTask,
});
