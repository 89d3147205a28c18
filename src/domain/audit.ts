/**
 * The audit vocabulary: every action the app records about a conversation, the one list that commands write and
 * the document and the tab label (Dutch and English), and the people's log made from it.
 */
import type { DomainEvent } from './conversation.js';
import type { Locale, LocalizedText } from './text.js';

/** Every action an audit entry can record. */
export const auditActions = [
  'conversation.requested',
  'conversation.planned',
  'conversation.rescheduled',
  'conversation.cancelled',
  'conversation.preparation-saved',
  'conversation.preparation-submitted',
  'conversation.follow-up-saved',
  'conversation.completion-saved',
  'conversation.meeting-attached',
  'conversation.meeting-held',
  'conversation.report-saved',
  'conversation.report-submitted',
  'conversation.decided',
  'conversation.revision-requested',
  'conversation.approved',
  'conversation.archived',
  'conversation.archive-readers-changed',
  'conversation.pop-saved',
  'conversation.evaluation-saved',
  'conversation.read',
  'document.read',
  'delegation.created',
  'delegation.assigned',
  'delivery.failed',
  'retention.purged',
  'privacy.exported',
  'privacy.erased',
  'round.started',
  'round.changed',
  'round.cancelled',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** The audit action a domain event is recorded as. */
export function auditActionOf(event: DomainEvent): AuditAction {
  return `conversation.${event.type}` as AuditAction;
}

export function isAuditAction(value: string): value is AuditAction {
  return (auditActions as readonly string[]).includes(value);
}

const t = (nl: string, en: string): LocalizedText => ({ nl, en });

/** What a person reads for each action. */
const actionLabels: Record<AuditAction, LocalizedText> = {
  'conversation.requested': t('Gesprek aangevraagd', 'Conversation requested'),
  'conversation.planned': t('Gesprek gepland', 'Conversation planned'),
  'conversation.rescheduled': t('Gesprek verzet', 'Conversation rescheduled'),
  'conversation.cancelled': t('Gesprek geannuleerd', 'Conversation cancelled'),
  'conversation.preparation-saved': t('Voorbereiding bijgewerkt', 'Preparation updated'),
  'conversation.preparation-submitted': t('Voorbereiding gedeeld', 'Preparation shared'),
  'conversation.follow-up-saved': t('Afspraken van vorige keer bijgewerkt', 'Previous agreements updated'),
  'conversation.completion-saved': t('Aantekeningen bij het gesprek bijgewerkt', 'Meeting notes updated'),
  'conversation.meeting-attached': t('Teams-vergadering aangemaakt', 'Teams meeting created'),
  'conversation.meeting-held': t('Gesprek afgerond', 'Meeting completed'),
  'conversation.report-saved': t('Verslag bijgewerkt', 'Report updated'),
  'conversation.report-submitted': t('Versie aangeboden ter ondertekening', 'Version offered for signing'),
  'conversation.decided': t('Reactie gegeven', 'Response given'),
  'conversation.revision-requested': t('Nieuwe versie gevraagd', 'New version requested'),
  'conversation.approved': t('Definitief', 'Final'),
  'conversation.archived': t('Opgenomen in personeelsdossier', 'Filed in the personnel file'),
  'conversation.archive-readers-changed': t(
    'Toegang overgedragen aan de nieuwe leidinggevende',
    'Access handed to the new manager',
  ),
  'conversation.pop-saved': t(
    'Persoonlijk ontwikkelingsplan bijgewerkt',
    'Personal development plan updated',
  ),
  'conversation.evaluation-saved': t('Eigen evaluatie bijgewerkt', 'Self-evaluation updated'),
  'conversation.read': t('Gesprek ingezien', 'Conversation viewed'),
  'document.read': t('Document ingezien', 'Document viewed'),
  'delegation.created': t('Vervanging ingesteld', 'Delegate set'),
  'delegation.assigned': t('Vervanger aangewezen bij afwezigheid', 'Delegate assigned during absence'),
  'delivery.failed': t('Bericht kon niet worden afgeleverd', 'Message could not be delivered'),
  'retention.purged': t('Werkversies verwijderd (bewaartermijn)', 'Working copies removed (retention)'),
  'privacy.exported': t('Gegevens opgevraagd (inzageverzoek)', 'Data exported (access request)'),
  'privacy.erased': t('Gegevens verwijderd (verwijderverzoek)', 'Data erased (erasure request)'),
  'round.started': t('Gespreksronde gestart', 'Round started'),
  'round.changed': t('Periode van gespreksronde gewijzigd', 'Round period changed'),
  'round.cancelled': t('Gespreksronde geannuleerd', 'Round cancelled'),
};

/** The label of an action; a vitality conversation is kept confidentially, not in the personnel file. */
export function auditLabel(
  action: AuditAction,
  locale: Locale,
  options: { confidential?: boolean } = {},
): string {
  // A vitality report is written by the employee, who signs by offering it, and is kept confidentially.
  if (action === 'conversation.archived' && options.confidential) {
    return t('Vertrouwelijk bewaard', 'Kept confidentially')[locale];
  }
  if (action === 'conversation.report-submitted' && options.confidential) {
    return t(
      'Verslag ondertekend en ter medeondertekening aangeboden',
      'Report signed and offered for co-signing',
    )[locale];
  }
  return actionLabels[action][locale];
}

/** The words for a decision, in one place for every surface. */
export const decisionLabels = {
  akkoord: t('akkoord', 'agreed'),
  voor_gezien: t('voor gezien', 'acknowledged (not agreed)'),
  niet_akkoord: t('niet akkoord', 'not agreed'),
} as const;

/** An audit entry as the people's log reads it. */
export interface AuditEntryInput {
  at: string;
  actorId: string;
  action: string;
  details: Record<string, unknown>;
}

/** One line of the people's log: when, who, what — no ids, event ids or addresses. */
export interface LogLine {
  /** When it happened; for collapsed saves, the last of them. */
  at: string;
  /** When the first of collapsed saves happened. */
  from?: string;
  actorId: string;
  action: AuditAction;
  /** How many entries this line stands for (a person's consecutive saves become one line). */
  count: number;
  /** A decision's choice and version, where the action is a decision or a version. */
  decision?: keyof typeof decisionLabels;
  version?: number;
}

/** Actions that are a person working on a text: consecutive ones by the same person collapse into one line. */
const saveActions = new Set<AuditAction>([
  'conversation.preparation-saved',
  'conversation.follow-up-saved',
  'conversation.completion-saved',
  'conversation.report-saved',
  'conversation.pop-saved',
  'conversation.evaluation-saved',
]);

/** Actions the filed document leaves out: reads are logged for the employee's privacy, not for the document. */
const notInDocument = new Set<AuditAction>(['conversation.read', 'document.read']);

/**
 * The log for people: known actions only, reads left out, a person's consecutive saves of the same kind collapsed
 * into one line, and nothing but the actor, the action, a decision and a version number carried over.
 */
export function peopleLog(entries: readonly AuditEntryInput[]): LogLine[] {
  const lines: LogLine[] = [];
  for (const entry of [...entries].sort((a, b) => a.at.localeCompare(b.at))) {
    if (!isAuditAction(entry.action) || notInDocument.has(entry.action)) continue;
    const last = lines.at(-1);
    if (
      last &&
      saveActions.has(entry.action) &&
      last.action === entry.action &&
      last.actorId === entry.actorId
    ) {
      last.count += 1;
      last.from ??= last.at;
      last.at = entry.at;
      continue;
    }
    const decision = entry.details.decision;
    const version = entry.details.version;
    lines.push({
      at: entry.at,
      actorId: entry.actorId,
      action: entry.action,
      count: 1,
      ...(decision === 'akkoord' || decision === 'voor_gezien' || decision === 'niet_akkoord'
        ? { decision }
        : {}),
      ...(typeof version === 'number' ? { version } : {}),
    });
  }
  return lines;
}
