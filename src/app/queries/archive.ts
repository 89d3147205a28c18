/**
 * Filed documents as the app shows them: HR's index of archived documents, and one archived PDF (for the
 * employee and her current manager or delegate always; for HR only from the personnel file).
 */
import {
  canReadArchiveRecord,
  contentFreeRecordOf,
  errors,
  filingOf,
  isReadOfOthers,
  relationOf,
  signatureSummary,
  type ConversationType,
  type DecisionKind,
  type Relation,
  type SignatureOutcome,
} from '../../domain/index.js';
import type { DirectoryUser } from '../../ports/index.js';
import { accessFactsFor, loadViewer, mustGet } from '../access.js';
import type { AppContext } from '../context.js';
import { unknownUser } from '../views/people.js';

/**
 * The archived PDF, for the employee and her current manager or delegate, and for HR when it is in the personnel
 * file (never a Vitaliteitsgesprek: "not found"). Every read by someone else is audited.
 */
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

/** A personnel-file document in HR's index: where it is, never what it says. */
export interface PersonnelFileEntry {
  filing: 'personnel-file';
  conversationId: string;
  employee: DirectoryUser;
  type: ConversationType;
  archivedAt: string | undefined;
  location: string | undefined;
  url: string | undefined;
  /** Who chose what on the filed version, so the list never reads "voor gezien" as agreement. */
  outcome: SignatureOutcome | undefined;
  choices: { employee?: DecisionKind; manager?: DecisionKind };
}

/**
 * A signed Vitaliteitsgesprek in HR's index: the content-free record (type, date, signed, Controlecode) and whose
 * it is. No location, no address, nothing to open: the document is kept where only the employee and her
 * manager can.
 */
export interface ContentFreeEntry {
  filing: 'confidential';
  conversationId: string;
  employee: DirectoryUser;
  type: ConversationType;
  date: string | undefined;
  signed: boolean;
  hash: string | undefined;
}

export type ArchiveIndexEntry = PersonnelFileEntry | ContentFreeEntry;

/**
 * HR's list of archived documents: the personnel file's documents with where they are, never what they say; a
 * Vitaliteitsgesprek at most as a content-free record, and not at all when `hrVitalityRecord` is off.
 */
export async function archiveIndex(ctx: AppContext, viewerId: string): Promise<ArchiveIndexEntry[]> {
  if (!(await ctx.directory.isHr(viewerId))) throw errors.forbidden('archive-index');
  const archived = (await ctx.store.listArchived()).filter(
    ({ conversation }) => filingOf(conversation.type) === 'personnel-file' || ctx.config.hrVitalityRecord,
  );
  return Promise.all(
    archived.map(async ({ conversation }): Promise<ArchiveIndexEntry> => {
      const employee =
        (await ctx.directory.getUser(conversation.employeeId)) ?? unknownUser(conversation.employeeId);
      // By type, not by where the record says it went: a vitality document never shows HR a location.
      if (filingOf(conversation.type) === 'confidential') {
        const record = contentFreeRecordOf(conversation);
        return {
          filing: 'confidential',
          conversationId: record.conversationId,
          employee,
          type: record.type,
          date: record.date,
          signed: record.signed,
          hash: record.hash,
        };
      }
      const version = conversation.versions.at(-1);
      const summary = version ? signatureSummary(conversation, version) : undefined;
      const choices: PersonnelFileEntry['choices'] = {};
      for (const line of summary?.lines ?? [])
        if (line.kind === 'decided') choices[line.party] = line.decision;
      return {
        filing: 'personnel-file',
        conversationId: conversation.id,
        outcome: summary?.outcome,
        choices,
        employee,
        type: conversation.type,
        archivedAt: conversation.archive?.archivedAt,
        location: conversation.archive?.location,
        url: conversation.archive?.url,
      };
    }),
  );
}
