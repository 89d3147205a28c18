/** The privacy commands: a person's own data export, HR's erasure, and the retention run that removes working copies. */
import JSZip from 'jszip';
import { DomainError, errors, hasWorkingCopies, purgeWorkingCopies } from '../../domain/index.js';
import { fileNameFor } from '../../documents/archive-json.js';
import type { AppContext } from '../context.js';

/**
 * Everything the app holds about the signed-in person as employee: their conversations with all content,
 * the audit entries about them, and the archived PDFs. A ZIP with `gegevens.json` and `documenten/`.
 */
export async function exportOwnData(
  ctx: AppContext,
  viewerId: string,
): Promise<{ zip: Uint8Array; fileName: string }> {
  const user = await ctx.directory.getUser(viewerId);
  const conversations = (await ctx.store.conversationsOf(viewerId)).map((s) => s.conversation);
  const audit = await ctx.store.auditBySubject(viewerId);
  const zip = new JSZip();
  const documents: { conversationId: string; file: string }[] = [];
  for (const conversation of conversations) {
    if (!conversation.archive) continue;
    const pdf = await ctx.archive.read(conversation.archive);
    if (!pdf) continue;
    const file = `documenten/${fileNameFor(conversation, user?.displayName ?? viewerId, conversation.versions.at(-1)?.number ?? 1)}`;
    zip.file(file, pdf);
    documents.push({ conversationId: conversation.id, file });
  }
  zip.file(
    'gegevens.json',
    JSON.stringify(
      {
        exportedAt: ctx.now().toISOString(),
        organisation: ctx.organisationName,
        user,
        conversations,
        audit,
        documents,
      },
      null,
      2,
    ),
  );
  await ctx.store.appendAudit({
    actorId: viewerId,
    conversationId: null,
    subjectId: viewerId,
    action: 'privacy.exported',
    details: { conversations: conversations.length, documents: documents.length },
  });
  const day = ctx.now().toISOString().slice(0, 10);
  return {
    zip: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }),
    fileName: `Mijn gegevens ${day}.zip`,
  };
}

/**
 * Removes drafts and working copies of conversations archived (or cancelled) more than `days` ago, and
 * records per conversation what was removed. The archived documents themselves are the personnel file's.
 */
export async function runRetention(ctx: AppContext, days: number): Promise<{ purged: string[] }> {
  const before = new Date(ctx.now().getTime() - days * 86_400_000).toISOString();
  const purged: string[] = [];
  for (const candidate of await ctx.store.retentionCandidates(before)) {
    await ctx.store.transaction(async (tx) => {
      const current = await tx.getConversation(candidate.conversation.id, true);
      if (!current || current.conversation.purgedAt) return;
      const { conversation, summary } = purgeWorkingCopies(current.conversation, ctx.now().toISOString());
      await tx.updateConversation(conversation, current.revision, false);
      await tx.appendAudit({
        actorId: 'system',
        conversationId: conversation.id,
        subjectId: conversation.employeeId,
        action: 'retention.purged',
        details: { ...summary, retentionDays: days, empty: !hasWorkingCopies(summary) },
      });
      purged.push(conversation.id);
    });
  }
  return { purged };
}

/** HR erases an employee's data from the app on request; the erasure itself is audited. */
export async function eraseEmployeeData(
  ctx: AppContext,
  viewerId: string,
  input: { employeeId: string; reason: string },
) {
  if (!(await ctx.directory.isHr(viewerId))) throw errors.forbidden('erase');
  if (input.employeeId === viewerId) {
    throw new DomainError('invalid', 'erase_self', {
      nl: 'Laat het wissen van je eigen gegevens door een collega van HR doen.',
      en: 'Ask another HR colleague to erase your own data.',
    });
  }
  const removed = await ctx.store.eraseEmployee(input.employeeId);
  await ctx.store.appendAudit({
    actorId: viewerId,
    conversationId: null,
    subjectId: input.employeeId,
    action: 'privacy.erased',
    details: { ...removed, hasReason: input.reason.length > 0 },
  });
  return removed;
}
