/**
 * The machine-readable companion of the final PDF, the content hash that locks a report version, and the file
 * name both carry where the document is filed.
 *
 * The JSON of a Reflectiegesprek or Het Goede Gesprek goes into the personnel file with its PDF. A
 * Vitaliteitsgesprek's JSON holds nothing but the content-free record (type, date, signed, Controlecode): its
 * answers, notes and report never travel as JSON to any place, so none can reach HR.
 */
import { createHash } from 'node:crypto';
import type { AnswerValue } from '../domain/answers.js';
import { peopleLog } from '../domain/audit.js';
import { contentFreeRecordOf, filingOf } from '../domain/confidentiality.js';
import {
  formatOf,
  versionOf,
  type Conversation,
  type Decision,
  type ReportVersion,
} from '../domain/conversation.js';
import type { FieldKind } from '../domain/formats.js';
import { signatureSummary } from '../domain/signing.js';
import type { LocalizedText } from '../domain/text.js';
import type { FinalDocumentInput } from '../ports/documents.js';
import { meetingDay } from './dates.js';

/** Identifies the JSON layout; bump `archiveSchemaVersion` on any incompatible change. */
export const archiveSchemaId = 'gesprekscyclus/final-document';
export const archiveSchemaVersion = 2;
/** Identifies the JSON of a confidentially kept Vitaliteitsgesprek: the content-free record only. */
export const contentFreeSchemaId = 'gesprekscyclus/content-free-record';
export const contentFreeSchemaVersion = 1;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function canonical(value: unknown): Json | undefined {
  if (value === null) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map((item) => canonical(item) ?? null);
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      const item = canonical((value as Record<string, unknown>)[key]);
      // Like JSON.stringify: absent and undefined are the same, so an optional field never changes the hash.
      if (item !== undefined) out[key] = item;
    }
    return out;
  }
  return undefined;
}

/** JSON with object keys sorted at every depth: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value) ?? null);
}

/** SHA-256 (hex) of the canonical JSON of a report version's content. Printed in the document and archived. */
export function contentHash(content: ReportVersion['content']): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

/** The report version a document is about; the live fields of the conversation are never used. */
export function approvedVersion(conversation: Conversation, version: number): ReportVersion {
  const found = versionOf(conversation, version);
  if (!found) throw new Error(`Conversation ${conversation.id} has no report version ${version}`);
  return found;
}

/** When the version became final (the reaction that made it so), from the domain's signature summary. */
export function finalAt(conversation: Conversation, version: number): string | undefined {
  return signatureSummary(conversation, approvedVersion(conversation, version)).finalAt;
}

const maxFileName = 200;
// SharePoint and Windows refuse these; % and # confuse links, so they go as well.
const forbidden = /["*:<>?/\\|#%]/g;

function withoutControls(text: string): string {
  return Array.from(text, (c) => {
    const code = c.codePointAt(0) as number;
    return code < 0x20 || code === 0x7f ? ' ' : c;
  }).join('');
}

/** A file name segment that SharePoint, OneDrive and every desktop accept. */
export function safeFileNamePart(text: string): string {
  return withoutControls(text)
    .normalize('NFC')
    .replace(/[\uD800-\uDFFF]/g, '')
    .replace(forbidden, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s~]+|[.\s]+$/g, '');
}

/**
 * `2026-12-01 Vitaliteitsgesprek - Fatima El Amrani - v2.pdf`: meeting day first so a personnel file sorts by
 * date, then the type, the employee and the version. The name is shortened to stay within 200 characters.
 */
export function fileNameFor(
  conversation: Conversation,
  employeeName: string,
  version: number,
  extension = 'pdf',
): string {
  const day = meetingDay(conversation);
  const title = safeFileNamePart(formatOf(conversation).title.nl);
  const suffix = ` - v${version}.${extension}`;
  const head = `${day} ${title} - `;
  let name = safeFileNamePart(employeeName) || safeFileNamePart(conversation.employeeId) || 'medewerker';
  // Surrogates were removed above, so cutting by UTF-16 length never splits a character.
  const room = maxFileName - head.length - suffix.length;
  if (name.length > room) name = safeFileNamePart(name.slice(0, room));
  return `${head}${name}${suffix}`;
}

interface FieldEntry {
  sectionId: string;
  section: LocalizedText;
  fieldId: string;
  kind: FieldKind;
  label: LocalizedText;
}

function valueOf(value: AnswerValue | undefined): Json {
  return value === undefined ? null : (canonical(value) ?? null);
}

function decisionJson(decision: Decision, names: Record<string, string>): Json {
  return {
    version: decision.version,
    party: decision.party,
    actorId: decision.actorId,
    actorName: names[decision.actorId] ?? null,
    onBehalfOfId: decision.onBehalfOf ?? null,
    onBehalfOfName: decision.onBehalfOf ? (names[decision.onBehalfOf] ?? null) : null,
    decision: decision.decision,
    comment: decision.comment ?? null,
    at: decision.at,
  };
}

/** The archive JSON of a conversation filed in the personnel file (as an object); `buildArchiveJson` gives its text. */
function archiveJsonObject(input: FinalDocumentInput): { [key: string]: Json } {
  const { conversation, names } = input;
  const format = formatOf(conversation);
  const version = approvedVersion(conversation, input.version);
  const fields = (sections: typeof format.preparation): FieldEntry[] =>
    sections.flatMap((section) =>
      section.fields.map((field) => ({
        sectionId: section.id,
        section: section.title,
        fieldId: field.id,
        kind: field.kind,
        label: field.label,
      })),
    );
  const labelJson = (text: LocalizedText): Json => ({ nl: text.nl, en: text.en });
  return {
    schema: archiveSchemaId,
    schemaVersion: archiveSchemaVersion,
    organisation: input.organisation,
    conversation: {
      id: conversation.id,
      type: conversation.type,
      title: labelJson(format.title),
      formatVersion: conversation.formatVersion,
      requestedBy: conversation.requestedBy,
      previousId: conversation.previousId ?? null,
    },
    employee: {
      id: input.employee.id,
      name: input.employee.displayName,
      jobTitle: input.employee.jobTitle ?? null,
      department: input.employee.department ?? null,
    },
    manager: {
      id: input.manager.id,
      name: input.manager.displayName,
      jobTitle: input.manager.jobTitle ?? null,
    },
    meetingDate: meetingDay(conversation),
    meeting: conversation.schedule
      ? { start: conversation.schedule.start, end: conversation.schedule.end }
      : null,
    version: version.number,
    hashAlgorithm: 'SHA-256',
    hash: version.hash,
    submittedBy: { id: version.submittedBy, name: names[version.submittedBy] ?? null },
    submittedAt: version.submittedAt,
    outcome: signatureSummary(conversation, version).outcome,
    finalAt: finalAt(conversation, version.number) ?? null,
    content: {
      preparation: fields(format.preparation).map((f) => ({
        sectionId: f.sectionId,
        section: labelJson(f.section),
        fieldId: f.fieldId,
        kind: f.kind,
        label: labelJson(f.label),
        employee: valueOf(version.content.preparation[f.fieldId]),
        manager: valueOf(version.content.completion[f.fieldId]),
      })),
      report: fields(format.report.sections).map((f) => ({
        sectionId: f.sectionId,
        section: labelJson(f.section),
        fieldId: f.fieldId,
        kind: f.kind,
        label: labelJson(f.label),
        author: format.report.author,
        value: valueOf(version.content.report[f.fieldId]),
      })),
    },
    decisions: conversation.decisions.map((d) => decisionJson(d, names)),
    // The same log as the PDF's: known actions, no reads, saves collapsed, no event ids or addresses.
    audit: peopleLog(input.audit).map((line) => ({
      at: line.at,
      from: line.from ?? null,
      count: line.count,
      actorId: line.actorId,
      actorName: names[line.actorId] ?? null,
      action: line.action,
      decision: line.decision ?? null,
      version: line.version ?? null,
    })),
    generatedAt: input.generatedAt,
  };
}

/**
 * What a confidentially kept conversation's JSON holds: the schema and the content-free record (type, meeting
 * date, signed, Controlecode), never an answer, note, smiley or report text.
 */
export function contentFreeJsonObject(input: FinalDocumentInput): { [key: string]: Json } {
  const record = contentFreeRecordOf(input.conversation);
  return {
    schema: contentFreeSchemaId,
    schemaVersion: contentFreeSchemaVersion,
    conversationId: record.conversationId,
    employeeId: record.employeeId,
    type: record.type,
    date: record.date ?? null,
    signed: record.signed,
    hash: record.hash ?? null,
  };
}

/**
 * The machine-readable JSON that travels with the PDF (pretty-printed, UTF-8): the full content for the personnel
 * file, or for a Vitaliteitsgesprek (kept confidentially) only the content-free record.
 */
export function buildArchiveJson(input: FinalDocumentInput): string {
  const object =
    filingOf(input.conversation.type) === 'confidential'
      ? contentFreeJsonObject(input)
      : archiveJsonObject(input);
  return `${JSON.stringify(object, null, 2)}\n`;
}
