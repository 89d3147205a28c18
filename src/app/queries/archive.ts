/** The personnel file as the app shows it: HR's index of archived documents, and one archived PDF. */
import {
  canReadArchiveRecord,
  errors,
  isReadOfOthers,
  relationOf,
  type Relation,
} from '../../domain/index.js';
import { accessFactsFor, loadViewer, mustGet } from '../access.js';
import type { AppContext } from '../context.js';
import { unknownUser } from '../views/people.js';

/** The archived PDF, for the employee, the manager and HR. Every read by someone else is audited. */
export async function archivedDocument(
  ctx: AppContext,
  viewerId: string,
  conversationId: string,
): Promise<{ pdf: Uint8Array; fileName: string }> {
  const stored = await mustGet(ctx, conversationId);
  const viewer = await loadViewer(ctx, viewerId);
  const relation: Relation = relationOf(
    viewer,
    stored.conversation,
    await accessFactsFor(ctx, stored.conversation.employeeId),
  );
  const record = stored.conversation.archive;
  if (!canReadArchiveRecord(relation, stored.conversation) || !record) throw errors.notFound();
  const pdf = await ctx.archive.read(record);
  if (!pdf) throw errors.notFound();
  if (isReadOfOthers(viewer, stored.conversation)) {
    await ctx.store.appendAudit({
      actorId: viewer.id,
      conversationId,
      subjectId: stored.conversation.employeeId,
      action: 'document.read',
      details: { relation },
    });
  }
  return { pdf, fileName: record.location.split('/').at(-1) ?? 'document.pdf' };
}

/** HR's list of archived documents: where they are, never what they say. */
export async function archiveIndex(ctx: AppContext, viewerId: string) {
  if (!(await ctx.directory.isHr(viewerId))) throw errors.forbidden('archive-index');
  const archived = await ctx.store.listArchived();
  return Promise.all(
    archived.map(async ({ conversation }) => ({
      conversationId: conversation.id,
      employee:
        (await ctx.directory.getUser(conversation.employeeId)) ?? unknownUser(conversation.employeeId),
      type: conversation.type,
      archivedAt: conversation.archive?.archivedAt,
      location: conversation.archive?.location,
      url: conversation.archive?.url,
    })),
  );
}
