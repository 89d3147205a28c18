/**
 * The `archive` queue: files the approved version exactly once — a Reflectiegesprek or Het Goede Gesprek in the
 * personnel file, a Vitaliteitsgesprek in the confidential place only the employee and her current manager can open.
 */
import { z } from 'zod';
import { buildArchiveJson, fileNameFor } from '../../documents/archive-json.js';
import { filingOf, versionOf } from '../../domain/index.js';
import type { ArchiveReaders } from '../../ports/index.js';
import { runSystemCommand } from '../commands/system.js';
import type { AppContext } from '../context.js';
import { finalDocumentInput } from '../views/final-document-input.js';
import { loadConversation } from './load.js';
import { defineQueue } from './queue.js';

export const archivePayload = z.object({ conversationId: z.string(), version: z.number().int() });
export type ArchiveJob = z.infer<typeof archivePayload>;

/**
 * Files the approved version exactly once: a re-run after a crash finds the earlier upload by its hash instead of
 * storing it again, then records where it is. A confidential document's readers are the employee and the manager
 * the directory names now, not the one who planned the conversation.
 */
export async function handleArchive(ctx: AppContext, job: ArchiveJob): Promise<void> {
  const conversation = await loadConversation(ctx, job.conversationId);
  if (!conversation || conversation.stage === 'archived') return;
  if (conversation.stage !== 'approved')
    throw new Error(`Conversation ${conversation.id} is ${conversation.stage}, not approved`);
  const version = versionOf(conversation, job.version);
  if (!version) throw new Error(`Conversation ${conversation.id} has no version ${job.version}`);
  const filing = filingOf(conversation.type);
  const manager = await ctx.directory.managerOf(conversation.employeeId);
  const readers: ArchiveReaders = {
    employeeId: conversation.employeeId,
    ...(manager ? { managerId: manager.id } : {}),
  };
  let record = await ctx.archive.find(conversation, version.hash);
  if (record) {
    // Found after a crash: its readers may predate a change of manager since; make them today's.
    if (filing === 'confidential') await ctx.archive.changeReaders({ ...record, filing }, readers);
  } else {
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
      filing,
      readers,
    });
  }
  const { managerId: _stored, ...where } = record;
  await runSystemCommand(ctx, conversation.id, {
    type: 'mark-archived',
    record: {
      ...where,
      filing,
      ...(filing === 'confidential' && readers.managerId ? { managerId: readers.managerId } : {}),
    },
  });
}

/** Rendering PDFs is CPU work, so few at a time; retried for long, since the document must be filed. */
export const archiveQueue = defineQueue({
  name: 'archive',
  payload: archivePayload,
  retry: { retryLimit: 20, retryDelay: 5, retryBackoff: true, retryDelayMax: 600 },
  concurrency: { batchSize: 2, localConcurrency: 1 },
  handle: handleArchive,
});
