/**
 * The `archive-access` queue: a confidential document (a signed Vitaliteitsgesprek) follows the org chart. When the
 * directory names a new manager for the employee, the new manager gains access to her confidential documents and
 * the old one loses it — in the archive (a SharePoint permission change), then recorded by the system command
 * `change-archive-readers`, which the audit trail keeps as `conversation.archive-readers-changed`.
 *
 * The app itself already follows the directory on every request, so the old manager is out of the app at once;
 * this job brings the files in line. A scheduled run (no conversation id) finds the documents whose recorded
 * manager is no longer the employee's manager and sends one job per document.
 */
import { z } from 'zod';
import type { Conversation } from '../../domain/index.js';
import { runSystemCommand } from '../commands/system.js';
import type { AppContext } from '../context.js';
import { loadConversation } from './load.js';
import { defineQueue } from './queue.js';

export const archiveAccessPayload = z.object({
  /** The conversation whose document to hand to the current manager; absent: look for every such document. */
  conversationId: z.string().optional(),
});
export type ArchiveAccessJob = z.infer<typeof archiveAccessPayload>;

const queueName = 'archive-access';

/** Whether a conversation's filed document is kept confidentially (and so has readers to move). */
function isConfidentiallyFiled(conversation: Conversation): boolean {
  return conversation.stage === 'archived' && conversation.archive?.filing === 'confidential';
}

/**
 * Hands one confidential document to the employee's current manager: grants the new manager and revokes the old
 * in the archive, then records the change. Idempotent: a re-run converges on the same readers and records nothing
 * twice. An employee without a manager in the directory keeps her document's last manager until one is named
 * (the app lets no one but her in meanwhile).
 */
export async function moveArchiveAccess(ctx: AppContext, conversationId: string): Promise<void> {
  const conversation = await loadConversation(ctx, conversationId);
  if (!conversation || !isConfidentiallyFiled(conversation) || !conversation.archive) return;
  const manager = await ctx.directory.managerOf(conversation.employeeId);
  if (!manager) return;
  await ctx.archive.changeReaders(conversation.archive, {
    employeeId: conversation.employeeId,
    managerId: manager.id,
  });
  if (conversation.archive.managerId === manager.id) return;
  await runSystemCommand(ctx, conversation.id, { type: 'change-archive-readers', managerId: manager.id });
}

/** Finds every confidential document whose recorded manager is no longer the employee's manager; one job each. */
export async function findManagerChanges(ctx: AppContext): Promise<string[]> {
  const managers = new Map<string, Promise<string | undefined>>();
  const managerOf = (employeeId: string): Promise<string | undefined> => {
    let found = managers.get(employeeId);
    if (!found) {
      found = ctx.directory.managerOf(employeeId).then((m) => m?.id);
      managers.set(employeeId, found);
    }
    return found;
  };
  const changed: string[] = [];
  for (const { conversation } of await ctx.store.listArchived()) {
    if (!isConfidentiallyFiled(conversation)) continue;
    const current = await managerOf(conversation.employeeId);
    if (current !== undefined && current !== conversation.archive?.managerId) changed.push(conversation.id);
  }
  for (const conversationId of changed) {
    await ctx.outbox.boss.send(queueName, { conversationId } satisfies ArchiveAccessJob);
  }
  return changed;
}

export async function handleArchiveAccess(ctx: AppContext, job: ArchiveAccessJob): Promise<void> {
  if (job.conversationId) await moveArchiveAccess(ctx, job.conversationId);
  else await findManagerChanges(ctx);
}

/** A few permission calls per job; retried for long, since the old manager must lose access. */
export const archiveAccessQueue = defineQueue({
  name: queueName,
  payload: archiveAccessPayload,
  retry: { retryLimit: 20, retryDelay: 10, retryBackoff: true, retryDelayMax: 900 },
  concurrency: { batchSize: 4, localConcurrency: 2 },
  handle: handleArchiveAccess,
  schedule: (ctx) => ({ cron: ctx.config.archiveAccessCron, tz: 'Europe/Amsterdam' }),
});
