/**
 * The privacy wall of the cycle as one policy: drafts are their author's, vitality content never reaches HR, and
 * what each relation may see of a conversation. Every route, job and file goes through these functions.
 */
import type { Answers } from './answers.js';
import type { Conversation } from './conversation.js';
import type { ConversationType } from './formats.js';
import type { Relation } from './policy.js';
import { dateTimeFormat } from './date-format.js';

/** Where a signed conversation is kept. */
export type Filing =
  /** The personnel file (personeelsdossier): HR may open it. Reflectiegesprek and Het Goede Gesprek. */
  | 'personnel-file'
  /**
   * A confidential place only the employee and her current manager (or an active delegate) can open, never HR:
   * the signed Vitaliteitsgesprek, whose content is never used in an assessment and is often health data.
   */
  | 'confidential';

export function filingOf(type: ConversationType): Filing {
  return type === 'vitaliteit' ? 'confidential' : 'personnel-file';
}

/** How far the employee's preparation is, as her manager may know it: that she prepares, never what. */
export type PreparationStatus = 'not-started' | 'in-progress' | 'shared';

export function preparationStatus(conversation: Conversation): PreparationStatus {
  if (conversation.preparationSharedAt) return 'shared';
  const started = Object.keys(conversation.preparation).length > 0 || conversation.followUp !== undefined;
  return started ? 'in-progress' : 'not-started';
}

/** The preparation as others may see it: empty until the employee shared it. */
export function sharedPreparation(conversation: Conversation): Answers {
  return conversation.preparationSharedAt ? conversation.preparation : {};
}

/**
 * The conversation as one relation may see it. The employee sees all of her own conversation except the
 * manager's unoffered final format; the manager (or delegate) sees her preparation and follow-up only once she
 * shared them, and her report only as offered versions. HR and others see nothing here (they get records).
 */
export function conversationAsSeenBy(conversation: Conversation, relation: Relation): Conversation {
  const authorIsEmployee = conversation.type === 'vitaliteit';
  if (relation === 'employee') {
    return authorIsEmployee ? conversation : { ...conversation, report: {} };
  }
  const shared = conversation.preparationSharedAt !== undefined;
  const { followUp, ...rest } = conversation;
  return {
    ...rest,
    preparation: sharedPreparation(conversation),
    ...(shared && followUp ? { followUp } : {}),
    report: authorIsEmployee ? {} : conversation.report,
  };
}

/**
 * What HR may know of a signed Vitaliteitsgesprek, when the organisation keeps such a record at all: that it took
 * place and was signed, never a word of what was said.
 */
export interface ContentFreeRecord {
  conversationId: string;
  employeeId: string;
  type: ConversationType;
  /** The meeting's day in Dutch time (YYYY-MM-DD): when it was held, else when it was planned. */
  date: string | undefined;
  signed: boolean;
  /** The Controlecode of the signed version. */
  hash: string | undefined;
}

export function contentFreeRecordOf(conversation: Conversation): ContentFreeRecord {
  const version = conversation.versions.at(-1);
  return {
    conversationId: conversation.id,
    employeeId: conversation.employeeId,
    type: conversation.type,
    date: meetingDay(conversation.heldAt ?? conversation.schedule?.start),
    signed: conversation.stage === 'approved' || conversation.stage === 'archived',
    hash: version?.hash,
  };
}

/** The calendar day of an instant in Europe/Amsterdam, as the document prints it. */
function meetingDay(instant: string | undefined): string | undefined {
  if (!instant) return undefined;
  // en-CA formats a date as YYYY-MM-DD.
  return dateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

/** Whether a relation may open the filed document itself (the PDF). */
export function canOpenFiledDocument(relation: Relation, conversation: Conversation): boolean {
  if (relation === 'employee' || relation === 'manager' || relation === 'delegate') return true;
  return (
    relation === 'hr' && conversation.stage === 'archived' && filingOf(conversation.type) === 'personnel-file'
  );
}
