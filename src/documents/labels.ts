/**
 * Every fixed text of the final document, in Dutch and English. Format texts (titles, questions) come from the
 * format definition itself.
 */
import type { Smiley } from '../domain/answers.js';
import type { DecisionKind } from '../domain/conversation.js';
import type { LocalizedText, Locale } from '../domain/text.js';

const t = (nl: string, en: string): LocalizedText => ({ nl, en });

/** Fixed labels of the final document. */
export const documentLabels = {
  subtitleFinal: t('Definitief document voor het personeelsdossier', 'Final document for the personnel file'),
  confidentialVitality: t(
    'Vertrouwelijk — dit verslag wordt nooit gebruikt bij een beoordeling.',
    'Confidential — this report is never used in an appraisal.',
  ),
  confidential: t('Vertrouwelijk', 'Confidential'),
  details: t('Gegevens', 'Details'),
  organisation: t('Organisatie', 'Organisation'),
  conversationType: t('Soort gesprek', 'Type of conversation'),
  employee: t('Medewerker', 'Employee'),
  jobTitle: t('Functie', 'Job title'),
  department: t('Afdeling', 'Department'),
  manager: t('Leidinggevende', 'Manager'),
  meetingDate: t('Datum gesprek', 'Date of the meeting'),
  formatVersion: t('Formatversie', 'Format version'),
  version: t('Versie', 'Version'),
  versionHash: t('Controlewaarde (SHA-256)', 'Checksum (SHA-256)'),
  approvedOn: t('Definitief op', 'Final on'),
  generatedOn: t('Opgemaakt op', 'Generated on'),
  preparationColumn: t('Voorbereiding medewerker', 'Employee’s preparation'),
  completionColumn: t('Aanvulling leidinggevende', 'Manager’s completion'),
  statement: t('Stelling', 'Statement'),
  notAnswered: t('niet ingevuld', 'not filled in'),
  sectionEmpty: t('In dit onderdeel is niets ingevuld.', 'Nothing was filled in for this part.'),
  omittedNote: t(
    'Vragen die door beide partijen niet zijn ingevuld en niet verplicht waren, zijn weggelaten.',
    'Optional questions that neither party answered are left out.',
  ),
  preparationPart: t('Voorbereiding en gesprek', 'Preparation and meeting'),
  preparationIntro: t(
    'Per vraag links de voorbereiding van de medewerker, rechts de aanvulling van de leidinggevende tijdens het gesprek.',
    'For each question, the employee’s preparation on the left and the manager’s completion during the meeting on the right.',
  ),
  progress: t('Voortgang', 'Progress'),
  course: t('Koers', 'Course'),
  adjustment: t('Bijsturing', 'Adjustment'),
  goal: t('Doel', 'Goal'),
  noGoals: t('Geen doelen vastgelegd.', 'No goals recorded.'),
  agreement: t('Afspraak', 'Agreement'),
  owner: t('Wie', 'Who'),
  due: t('Uiterlijk', 'By'),
  noAgreements: t('Geen afspraken vastgelegd.', 'No agreements recorded.'),
  approvals: t('Akkoordverklaring', 'Approval'),
  approvalsIntro: t(
    'Dit document is definitief wanneer de medewerker akkoord gaat of voor gezien tekent en de leidinggevende akkoord gaat met dezelfde versie.',
    'This document is final when the employee agrees or signs as seen and the manager agrees with the same version.',
  ),
  approvalStatement: t(
    'Beide partijen hebben versie {version} goedgekeurd. De inhoud van deze versie is vastgelegd met de controlewaarde hieronder; elke wijziging geeft een andere waarde.',
    'Both parties approved version {version}. The content of this version is fixed by the checksum below; any change gives a different value.',
  ),
  role: t('Rol', 'Role'),
  name: t('Naam', 'Name'),
  decision: t('Besluit', 'Decision'),
  remark: t('Opmerking', 'Remark'),
  onBehalfOf: t('namens {name}', 'on behalf of {name}'),
  dateTime: t('Datum en tijd', 'Date and time'),
  history: t('Eerdere versies', 'Earlier versions'),
  submittedBy: t('Versie {version} ingediend door {name}', 'Version {version} submitted by {name}'),
  notDecided: t('nog geen besluit', 'no decision yet'),
  audit: t('Logboek', 'Audit trail'),
  auditIntro: t(
    'Alle vastgelegde handelingen rond dit gesprek, in tijdsvolgorde. Tijden in Nederlandse tijd (Europe/Amsterdam).',
    'Every recorded action on this conversation, in order. Times in Dutch time (Europe/Amsterdam).',
  ),
  auditEmpty: t('Geen handelingen vastgelegd.', 'No actions recorded.'),
  who: t('Wie', 'Who'),
  action: t('Handeling', 'Action'),
  auditDetails: t('Toelichting', 'Details'),
  page: t('Pagina {page} van {pages}', 'Page {page} of {pages}'),
  timeZoneNote: t('tijden in Europe/Amsterdam', 'times in Europe/Amsterdam'),
  system: t('Systeem', 'System'),
  yes: t('ja', 'yes'),
  no: t('nee', 'no'),
} satisfies Record<string, LocalizedText>;

/** Label key of the fixed texts. */
export type DocumentLabel = keyof typeof documentLabels;

/** A fixed label in a locale, with `{name}` placeholders filled in. */
export function label(
  key: DocumentLabel,
  locale: Locale,
  values: Record<string, string | number> = {},
): string {
  const text = documentLabels[key][locale];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The text that goes with each smiley, so the rating reads without the symbol. */
export const smileyLabels: Record<Smiley, LocalizedText> = {
  happy: t('Goed', 'Good'),
  neutral: t('Neutraal', 'Neutral'),
  sad: t('Kan beter', 'Could be better'),
  na: t('Niet van toepassing', 'Not applicable'),
};

export const decisionLabels: Record<DecisionKind, LocalizedText> = {
  akkoord: t('Akkoord', 'Agreed'),
  voor_gezien: t('Voor gezien', 'Seen'),
  niet_akkoord: t('Niet akkoord', 'Not agreed'),
};

export const courseLabels: Record<'continue' | 'adjust', LocalizedText> = {
  continue: t('Koers vervolgen', 'Continue the course'),
  adjust: t('Bijsturen', 'Adjust'),
};

export const ownerLabels: Record<'employee' | 'manager' | 'both', LocalizedText> = {
  employee: t('Medewerker', 'Employee'),
  manager: t('Leidinggevende', 'Manager'),
  both: t('Samen', 'Together'),
};

export const partyLabels: Record<'employee' | 'manager' | 'system', LocalizedText> = {
  employee: t('Medewerker', 'Employee'),
  manager: t('Leidinggevende', 'Manager'),
  system: t('Systeem', 'System'),
};

/** What each audit action means, for the audit trail page. Unknown actions are printed as they are. */
export const auditActionLabels: Record<string, LocalizedText> = {
  requested: t('Gesprek aangevraagd', 'Conversation requested'),
  created: t('Gesprek aangemaakt', 'Conversation created'),
  planned: t('Gesprek gepland', 'Conversation planned'),
  rescheduled: t('Gesprek verzet', 'Conversation rescheduled'),
  cancelled: t('Gesprek geannuleerd', 'Conversation cancelled'),
  'preparation-saved': t('Voorbereiding opgeslagen', 'Preparation saved'),
  'preparation-submitted': t('Voorbereiding ingediend', 'Preparation submitted'),
  'completion-saved': t('Aanvulling leidinggevende opgeslagen', 'Manager’s completion saved'),
  'meeting-held': t('Gesprek gevoerd', 'Meeting held'),
  'report-saved': t('Verslag opgeslagen', 'Report saved'),
  'report-submitted': t('Versie ter akkoord aangeboden', 'Version submitted for approval'),
  decided: t('Besluit genomen', 'Decision taken'),
  'revision-requested': t('Terug voor aanpassing', 'Sent back for revision'),
  approved: t('Door beide partijen goedgekeurd', 'Approved by both parties'),
  archived: t('Opgenomen in het personeelsdossier', 'Stored in the personnel file'),
  'pop-saved': t('POP opgeslagen', 'Development plan saved'),
  'evaluation-saved': t('Eigen evaluatie opgeslagen', 'Self-evaluation saved'),
  read: t('Ingezien', 'Viewed'),
  viewed: t('Ingezien', 'Viewed'),
  'document-read': t('Document ingezien', 'Document viewed'),
  delegated: t('Taken gedelegeerd', 'Delegated'),
  'delegation-created': t('Vervanging ingesteld', 'Delegation set up'),
  'delegation-ended': t('Vervanging beëindigd', 'Delegation ended'),
  reassigned: t('Andere leidinggevende toegewezen', 'Reassigned to another manager'),
  'manager-changed': t('Leidinggevende gewijzigd', 'Manager changed'),
};

/** Readable names for the detail keys that appear in audit entries. */
export const auditDetailLabels: Record<string, LocalizedText> = {
  version: t('versie', 'version'),
  hash: t('controlewaarde', 'checksum'),
  party: t('partij', 'party'),
  decision: t('besluit', 'decision'),
  comment: t('opmerking', 'remark'),
  reason: t('reden', 'reason'),
  note: t('toelichting', 'note'),
  onBehalfOf: t('namens', 'on behalf of'),
  delegateId: t('vervanger', 'delegate'),
  managerId: t('leidinggevende', 'manager'),
  fromManagerId: t('van leidinggevende', 'from manager'),
  toManagerId: t('naar leidinggevende', 'to manager'),
  previousManagerId: t('vorige leidinggevende', 'previous manager'),
  newManagerId: t('nieuwe leidinggevende', 'new manager'),
  employeeId: t('medewerker', 'employee'),
  subjectId: t('betreft', 'about'),
  from: t('van', 'from'),
  until: t('tot', 'until'),
  start: t('begin', 'start'),
  end: t('einde', 'end'),
  location: t('locatie', 'location'),
  url: t('link', 'link'),
};
