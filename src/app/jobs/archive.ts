/** The `archive` queue: stores the approved version in the personnel file, exactly once. */
import { z } from 'zod';
import { buildArchiveJson, fileNameFor } from '../../documents/archive-json.js';
import { runSystemCommand } from '../commands/system.js';
import type { AppContext } from '../context.js';
import { finalDocumentInput } from '../views/final-document-input.js';
import { loadConversation } from './load.js';
import { defineQueue } from './queue.js';

export const archivePayload = z.object({ conversationId: z.string(), version: z.number().int() });
export type ArchiveJob = z.infer<typeof archivePayload>;

/**
 * Stores the approved version in the personnel file exactly once: a re-run after a crash finds the earlier
 * upload by its hash instead of storing it again, then records where it is.
 */
export async function handleArchive(ctx: AppContext, job: ArchiveJob): Promise<void> {
  const conversation = await loadConversation(ctx, job.conversationId);
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

/** Rendering PDFs is CPU work, so few at a time; retried for long, since the personnel file must get it. */
export const archiveQueue = defineQueue({
  name: 'archive',
  payload: archivePayload,
  retry: { retryLimit: 20, retryDelay: 5, retryBackoff: true, retryDelayMax: 600 },
  concurrency: { batchSize: 2, localConcurrency: 1 },
  handle: handleArchive,
});
