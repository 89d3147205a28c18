/**
 * The fixed texts of the final document, in Dutch and English. Format texts (titles, questions) come from the
 * format definition; the words for smileys, decisions and audit actions from the domain (`smileyLabels`,
 * `decisionLabels`, `auditLabel`), so every surface says the same.
 */
import type { LocalizedText, Locale } from '../domain/text.js';

const t = (nl: string, en: string): LocalizedText => ({ nl, en });

/** Fixed labels of the final document. */
export const documentLabels = {
  final: t('Definitief', 'Final'),
  filedPersonnelFile: t('Opgenomen in personeelsdossier', 'Filed in the personnel file'),
  filedConfidential: t('Vertrouwelijk bewaard', 'Kept confidentially'),
  confidentialVitality: t(
    'Vertrouwelijk — alleen voor de medewerker en de leidinggevende; wordt nooit gebruikt bij een beoordeling.',
    'Confidential — only for the employee and their manager; never used in an appraisal.',
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
  finalOn: t('Definitief op', 'Final on'),
  notFinal: t('nog niet definitief', 'not final yet'),
  formatVersion: t('Formatversie', 'Form version'),
  version: t('Versie', 'Version'),
  hours: t('uur', ''),
  controlCode: t('Controlecode (SHA-256) van versie {version}', 'Check code (SHA-256) of version {version}'),
  controlCodeNote: t(
    'Elke wijziging van de inhoud geeft een andere code.',
    'Any change of the content gives a different code.',
  ),
  generatedOn: t('Opgemaakt op', 'Generated on'),
  preparationCaption: t('Voorbereiding medewerker', 'Employee’s preparation'),
  completionCaption: t('Aanvulling leidinggevende', 'Manager’s addition'),
  statement: t('Stelling', 'Statement'),
  answer: t('Antwoord', 'Answer'),
  houseSubtitle: t('Huis van werkvermogen · huidige situatie', 'House of Work Ability · current situation'),
  notAnswered: t('niet ingevuld', 'not filled in'),
  sectionEmpty: t('In dit onderdeel is niets ingevuld.', 'Nothing was filled in for this part.'),
  omittedNote: t(
    'Vragen en stellingen die niet verplicht waren en niet zijn ingevuld, zijn weggelaten.',
    'Optional questions and statements that were not answered are left out.',
  ),
  omittedNoteBoth: t(
    'Vragen die niet verplicht waren en door geen van beiden zijn ingevuld, zijn weggelaten.',
    'Optional questions that neither of them answered are left out.',
  ),
  employeePart: t('Voorbereiding van de medewerker', 'The employee’s preparation'),
  employeePartIntro: t(
    'Zoals de medewerker het gesprek heeft voorbereid en met de leidinggevende gedeeld. De stellingen zijn alleen door de medewerker beantwoord.',
    'As the employee prepared the conversation and shared it with the manager. Only the employee answered the statements.',
  ),
  meetingPart: t('Aantekeningen bij het gesprek', 'Notes from the meeting'),
  meetingPartIntro: t(
    'Aantekeningen van de leidinggevende per onderwerp en de afspraken uit het gesprek, vastgelegd bij het afronden van het gesprek op {date}.',
    'The manager’s notes per topic and the agreements from the meeting, fixed when the meeting was completed on {date}.',
  ),
  meetingPartIntroOpen: t(
    'Aantekeningen van de leidinggevende per onderwerp en de afspraken uit het gesprek.',
    'The manager’s notes per topic and the agreements from the meeting.',
  ),
  noNotes: t('Geen aantekeningen.', 'No notes.'),
  agreementsInReport: t(
    'Deze afspraken zijn ongewijzigd overgenomen in het verslag (onderdeel {part}).',
    'These agreements were taken over unchanged in the report (part {part}).',
  ),
  preparationPart: t('Voorbereiding en gesprek', 'Preparation and meeting'),
  preparationIntro: t(
    'Per onderdeel de voorbereiding van de medewerker en, waar ingevuld, de aanvulling van de leidinggevende tijdens het gesprek.',
    'For each part, the employee’s preparation and, where filled in, the manager’s addition during the meeting.',
  ),
  reportByEmployee: t(
    'Opgesteld en ondertekend door de medewerker; medeondertekend door de leidinggevende.',
    'Written and signed by the employee; co-signed by the manager.',
  ),
  reportByManager: t(
    'Opgesteld door de leidinggevende en via Taken aan de medewerker voorgelegd ter ondertekening.',
    'Written by the manager and put to the employee through Tasks for signing.',
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
  signing: t('Ondertekening', 'Signatures'),
  role: t('Rol', 'Role'),
  name: t('Naam', 'Name'),
  reaction: t('Ondertekening', 'Signature'),
  remark: t('Opmerking', 'Remark'),
  dateTime: t('Datum en tijd', 'Date and time'),
  onBehalfOf: t('namens {name}', 'on behalf of {name}'),
  history: t('Eerdere versies', 'Earlier versions'),
  offeredForCosigning: t(
    'Ondertekend en ter medeondertekening aangeboden',
    'Signed and offered for co-signing',
  ),
  offeredForSigning: t('Aangeboden ter ondertekening', 'Offered for signing'),
  cosigned: t('Medeondertekend (akkoord)', 'Co-signed (agreed)'),
  noReaction: t('geen reactie', 'no response'),
  awaitingReaction: t('nog geen reactie', 'no response yet'),
  withRemark: t('met opmerking', 'with remark'),
  isFinal: t('Versie {version} is definitief.', 'Version {version} is final.'),
  isReturned: t(
    'Versie {version} is teruggegeven; er volgde een nieuwe versie.',
    'Version {version} was returned; a new version followed.',
  ),
  isSuperseded: t(
    'Versie {version} is vervangen door een nieuwe versie.',
    'Version {version} was replaced by a new version.',
  ),
  isPending: t('Versie {version} wacht op een reactie.', 'Version {version} is awaiting a response.'),
  cosignedStatement: t(
    'Versie {version} is definitief: ondertekend en ter medeondertekening aangeboden door {author} op {offeredAt}; medeondertekend door {signer} op {signedAt}.',
    'Version {version} is final: signed and offered for co-signing by {author} on {offeredAt}; co-signed by {signer} on {signedAt}.',
  ),
  offeredStatement: t(
    'Ondertekend en ter medeondertekening aangeboden door {author} op {offeredAt}.',
    'Signed and offered for co-signing by {author} on {offeredAt}.',
  ),
  audit: t('Logboek', 'Log'),
  auditIntro: t(
    'Wat er met dit gesprek is gedaan, in tijdsvolgorde. Opeenvolgend bijwerken door dezelfde persoon staat op één regel. Wie het gesprek heeft ingezien, wordt apart bijgehouden en staat niet in dit document. Tijden in Nederlandse tijd.',
    'What was done with this conversation, in order. A person’s consecutive updates are one line. Who viewed the conversation is recorded separately and not in this document. Times in Dutch time.',
  ),
  auditEmpty: t('Geen handelingen vastgelegd.', 'No actions recorded.'),
  who: t('Wie', 'Who'),
  action: t('Wat', 'What'),
  times: t('{count}×', '{count}×'),
  page: t('Pagina {page} van {pages}', 'Page {page} of {pages}'),
  system: t('Systeem', 'System'),
  unknownPerson: t('(naam onbekend)', '(name unknown)'),
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

export const courseLabels: Record<'continue' | 'adjust', LocalizedText> = {
  continue: t('vervolgen', 'continue'),
  adjust: t('bijsturen', 'adjust'),
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
