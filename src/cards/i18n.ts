/**
 * Every string the cards show, in Dutch and English, in one table. Placeholders are `{name}`; values are
 * escaped when they are put into Markdown fields, so a name can never add markup.
 */
import type { Locale } from '../domain/index.js';
import { escapeCardText, type CardText } from './escape.js';

export type { Locale };

const table = {
  // Generic
  appName: { nl: 'Gesprekscyclus', en: 'Conversation cycle' },
  openConversation: { nl: 'Open gesprek', en: 'Open conversation' },
  openFormat: { nl: 'Open format', en: 'Open format' },
  openApp: { nl: 'Open de app', en: 'Open the app' },
  joinMeeting: { nl: 'Deelnemen aan Teams-vergadering', en: 'Join Teams meeting' },
  timeZoneNote: { nl: '(Nederlandse tijd)', en: '(Amsterdam time)' },
  dateLabel: { nl: 'Wanneer', en: 'When' },
  withLabel: { nl: 'Met', en: 'With' },
  typeLabel: { nl: 'Gesprek', en: 'Conversation' },
  versionLabel: { nl: 'Versie', en: 'Version' },
  statusLabel: { nl: 'Status', en: 'Status' },
  nextStepLabel: { nl: 'Volgende stap', en: 'Next step' },
  notPlanned: { nl: 'Nog niet gepland', en: 'Not scheduled yet' },
  vitalityNotAssessment: {
    nl: 'Dit gesprek gaat over feedback, niet over beoordelen: wat je hier deelt wordt nooit gebruikt bij een beoordeling.',
    en: 'This conversation is about feedback, not assessment: nothing you share here is ever used in an appraisal.',
  },

  // Invitation
  invitationTitle: { nl: 'Uitnodiging: {type}', en: 'Invitation: {type}' },
  invitationIntro: {
    nl: '{manager} nodigt je uit voor {typeIndef}.',
    en: '{manager} invites you to {typeIndef}.',
  },
  invitationPrepare: {
    nl: 'Bereid het gesprek voor door het format in te vullen. Je kunt tussendoor opslaan en later verder gaan.',
    en: 'Prepare for the conversation by filling in the format. You can save in between and continue later.',
  },
  invitationSummary: { nl: 'Uitnodiging: {type} op {date}', en: 'Invitation: {type} on {date}' },

  // Reminder
  reminderTitle: { nl: 'Herinnering: {type}', en: 'Reminder: {type}' },
  reminderNotStarted: {
    nl: 'Je gesprek met {other} is op {date}. Je bent nog niet begonnen met de voorbereiding.',
    en: 'Your conversation with {other} is on {date}. You have not started preparing yet.',
  },
  reminderStarted: {
    nl: 'Je gesprek met {other} is op {date}. Je voorbereiding is opgeslagen maar nog niet ingediend.',
    en: 'Your conversation with {other} is on {date}. Your preparation is saved but not submitted yet.',
  },
  reminderApproval: {
    nl: 'Versie {version} van {documentDef} wacht op jouw akkoord.',
    en: 'Version {version} of {documentDef} is waiting for your approval.',
  },
  reminderSummaryPrepare: {
    nl: 'Herinnering: bereid je gesprek voor',
    en: 'Reminder: prepare your conversation',
  },
  reminderSummaryApproval: {
    nl: 'Herinnering: je akkoord wordt gevraagd',
    en: 'Reminder: your approval is requested',
  },
  continuePreparation: { nl: 'Verder met voorbereiden', en: 'Continue preparing' },
  startPreparation: { nl: 'Begin met voorbereiden', en: 'Start preparing' },
  reviewAndDecide: { nl: 'Bekijken en beslissen', en: 'Review and decide' },

  // Request
  requestTitle: { nl: 'Verzoek om een Vitaliteitsgesprek', en: 'Request for a vitality conversation' },
  requestIntro: {
    nl: '{employee} vraagt om een Vitaliteitsgesprek met jou.',
    en: '{employee} asks for a vitality conversation with you.',
  },
  requestNote: { nl: 'Toelichting', en: 'Note' },
  requestPlan: { nl: 'Plan gesprek', en: 'Schedule conversation' },
  requestSummary: {
    nl: '{employee} vraagt om een Vitaliteitsgesprek',
    en: '{employee} asks for a vitality conversation',
  },

  // Approval
  approvalTitle: { nl: 'Ter akkoord: {document}', en: 'For approval: {document}' },
  approvalIntro: {
    nl: '{type} van {employee} met {manager}. Lees het volledige document voordat je beslist.',
    en: '{type} of {employee} with {manager}. Read the full document before you decide.',
  },
  approvalSummaryHeading: { nl: 'Samenvatting', en: 'Summary' },
  agreementDue: { nl: '(uiterlijk {date})', en: '(by {date})' },
  approvalOpenDocument: { nl: 'Open volledig document', en: 'Open full document' },
  approvalAkkoord: { nl: 'Akkoord', en: 'Agree' },
  approvalVoorGezien: { nl: 'Voor gezien', en: 'Seen' },
  approvalNietAkkoord: { nl: 'Niet akkoord', en: 'Not agreed' },
  approvalRemarkLabel: {
    nl: 'Opmerking (verplicht; komt in het document te staan)',
    en: 'Remark (required; printed in the document)',
  },
  approvalRemarkError: { nl: 'Vul een opmerking in bij "voor gezien".', en: 'Enter a remark with "seen".' },
  approvalCommentLabel: {
    nl: 'Wat moet er anders? (verplicht)',
    en: 'What should change? (required)',
  },
  approvalCommentError: {
    nl: 'Vul een toelichting in bij "niet akkoord".',
    en: 'Enter a comment with "not agreed".',
  },
  approvalConfirmVoorGezien: { nl: 'Bevestig voor gezien', en: 'Confirm seen' },
  approvalConfirmNietAkkoord: { nl: 'Terugsturen voor aanpassing', en: 'Send back for revision' },
  approvalPartyEmployee: { nl: 'Medewerker: {name}', en: 'Employee: {name}' },
  approvalPartyManager: { nl: 'Leidinggevende: {name}', en: 'Manager: {name}' },
  approvalPending: { nl: 'Nog niet beslist', en: 'Not decided yet' },
  approvalDecidedAt: { nl: '{decision} op {date}', en: '{decision} on {date}' },
  approvalOnBehalfOf: {
    nl: '(door {name}, namens de leidinggevende)',
    en: '(by {name}, on behalf of the manager)',
  },
  approvalCommentBy: { nl: 'Toelichting van {name}', en: 'Comment from {name}' },
  approvalWaitingForOther: {
    nl: 'Je besluit is vastgelegd. We wachten nog op {name}.',
    en: 'Your decision is recorded. Still waiting for {name}.',
  },
  approvalFinal: {
    nl: 'Beide partijen zijn akkoord. Het document gaat naar het personeelsdossier.',
    en: 'Both parties agreed. The document goes to the personnel file.',
  },
  approvalArchived: {
    nl: 'Beide partijen zijn akkoord en het document staat in het personeelsdossier.',
    en: 'Both parties agreed and the document is in the personnel file.',
  },
  approvalRevision: {
    nl: 'Deze versie is teruggestuurd voor aanpassing. Er volgt een nieuwe versie.',
    en: 'This version was sent back for revision. A new version will follow.',
  },
  approvalStale: {
    nl: 'Er is een nieuwere versie (versie {current}). Deze kaart gaat over versie {version} en kan niet meer worden goedgekeurd.',
    en: 'There is a newer version (version {current}). This card is about version {version} and can no longer be approved.',
  },
  approvalCancelled: { nl: 'Dit gesprek is geannuleerd.', en: 'This conversation was cancelled.' },
  approvalSummary: {
    nl: 'Ter akkoord: {document} (versie {version})',
    en: 'For approval: {document} (version {version})',
  },
  approvalOpenCurrent: { nl: 'Open de nieuwste versie', en: 'Open the latest version' },
  approvalRefreshFailed: {
    nl: 'De actuele stand kon niet worden opgehaald. Open het gesprek in de app.',
    en: 'The current state could not be loaded. Open the conversation in the app.',
  },
  approvalRecorded: { nl: 'Je besluit is vastgelegd.', en: 'Your decision is recorded.' },

  // Decisions
  decisionAkkoord: { nl: 'Akkoord', en: 'Agreed' },
  decisionVoorGezien: { nl: 'Voor gezien', en: 'Seen' },
  decisionNietAkkoord: { nl: 'Niet akkoord', en: 'Not agreed' },

  // Notices
  archivedTitle: { nl: 'Opgeslagen in het personeelsdossier', en: 'Stored in the personnel file' },
  archivedBody: {
    nl: 'Versie {version} van {documentDef} van {typeDef} is door beiden goedgekeurd en opgeslagen in het personeelsdossier.',
    en: 'Version {version} of {documentDef} of {typeDef} was approved by both and stored in the personnel file.',
  },
  archivedOpenDocument: { nl: 'Open opgeslagen document', en: 'Open stored document' },
  archivedPop: {
    nl: 'Volgende stap: maak op basis van het verslag je persoonlijk ontwikkelplan (POP).',
    en: 'Next step: make your personal development plan (POP) based on the report.',
  },
  archivedSummary: {
    nl: 'Het document staat in het personeelsdossier',
    en: 'The document is in the personnel file',
  },
  cancelledTitle: { nl: 'Gesprek geannuleerd', en: 'Conversation cancelled' },
  cancelledBody: {
    nl: '{name} heeft {typeDef} van {date} geannuleerd.',
    en: '{name} cancelled {typeDef} of {date}.',
  },
  cancelledReason: { nl: 'Reden', en: 'Reason' },
  cancelledSummary: { nl: 'Gesprek geannuleerd: {type}', en: 'Conversation cancelled: {type}' },
  rescheduledTitle: { nl: 'Gesprek verzet', en: 'Conversation rescheduled' },
  rescheduledBody: {
    nl: 'Het gesprek met {other} ({type}) is verzet naar {date}.',
    en: 'The conversation with {other} ({type}) has been moved to {date}.',
  },
  rescheduledPrevious: { nl: 'Was gepland op', en: 'Was scheduled for' },
  rescheduledSummary: { nl: 'Gesprek verzet naar {date}', en: 'Conversation moved to {date}' },
  preparedTitle: { nl: 'Voorbereiding ontvangen', en: 'Preparation received' },
  preparedBody: {
    nl: '{employee} heeft de voorbereiding voor {typeDef} ingediend. Lees die voor het gesprek van {date}.',
    en: '{employee} submitted the preparation for {typeDef}. Read it before the conversation on {date}.',
  },
  preparedSummary: {
    nl: '{employee} heeft de voorbereiding ingediend',
    en: '{employee} submitted the preparation',
  },
  revisionTitle: { nl: 'Niet akkoord: aanpassing gevraagd', en: 'Not agreed: revision requested' },
  revisionBody: {
    nl: '{name} is niet akkoord met versie {version} van {documentDef}.',
    en: '{name} did not agree with version {version} of {documentDef}.',
  },
  revisionAction: { nl: 'Pas het document aan', en: 'Revise the document' },
  revisionSummary: { nl: '{name} vraagt om een aanpassing', en: '{name} asks for a revision' },
  reportTitle: { nl: '{document} staat klaar', en: '{document} is ready' },
  reportBody: {
    nl: '{name} heeft versie {version} van {documentDef} ingediend. Je ontvangt zo een kaart om akkoord te geven.',
    en: '{name} submitted version {version} of {documentDef}. You will receive a card to approve it shortly.',
  },
  reportSummary: { nl: '{document} staat klaar ter akkoord', en: '{document} is ready for approval' },
  openDocument: { nl: 'Open document', en: 'Open document' },

  // Help and welcome
  helpTitle: { nl: 'Wat kan ik voor je doen?', en: 'What can I do for you?' },
  helpIntro: {
    nl: 'Ik help je met het Vitaliteitsgesprek, het Reflectiegesprek en Het Goede Gesprek: uitnodigingen, herinneringen en akkoord geven.',
    en: 'I help you with the vitality conversation, the reflection conversation and Het Goede Gesprek: invitations, reminders and approvals.',
  },
  helpCommandStatus: { nl: 'mijn gesprekken', en: 'my conversations' },
  helpCommandStatusText: {
    nl: 'je gesprekken en wat de volgende stap is',
    en: 'your conversations and their next step',
  },
  helpCommandHelp: { nl: 'help', en: 'help' },
  helpCommandHelpText: { nl: 'dit overzicht', en: 'this overview' },
  helpPrivacy: {
    nl: 'Alleen jij en je leidinggevende zien de inhoud van je gesprekken. Het definitieve document gaat na akkoord van beiden naar je personeelsdossier.',
    en: 'Only you and your manager see the content of your conversations. After both approve, the final document goes to your personnel file.',
  },
  helpSummary: { nl: 'Help', en: 'Help' },
  welcomeTitle: { nl: 'Welkom bij {app}', en: 'Welcome to {app}' },
  welcomeIntro: {
    nl: 'Hier ontvang je uitnodigingen voor je gesprekken, herinneringen om je voor te bereiden en kaarten om akkoord te geven op het verslag.',
    en: 'Here you receive invitations to your conversations, reminders to prepare and cards to approve the report.',
  },
  welcomeRequest: {
    nl: 'Wil je zelf een Vitaliteitsgesprek? Vraag het aan in de app.',
    en: 'Would you like a vitality conversation yourself? Request one in the app.',
  },
  welcomeSummary: { nl: 'Welkom', en: 'Welcome' },

  // Status list
  statusTitle: { nl: 'Mijn gesprekken', en: 'My conversations' },
  statusEmpty: { nl: 'Je hebt nog geen gesprekken.', en: 'You have no conversations yet.' },
  statusItemAsEmployee: { nl: '{type} met {manager}', en: '{type} with {manager}' },
  statusItemAsManager: { nl: '{type} van {employee}', en: '{type} of {employee}' },
  statusMore: {
    nl: 'En nog {count} gesprekken in de app.',
    en: 'And {count} more conversations in the app.',
  },
  statusOpenTeam: { nl: 'Open teamoverzicht', en: 'Open team overview' },
  statusSummary: { nl: 'Je gesprekken', en: 'Your conversations' },
  unknownCommand: {
    nl: 'Dat begrijp ik niet. Typ "help" voor wat ik kan.',
    en: 'I did not understand that. Type "help" to see what I can do.',
  },
  errorGeneric: {
    nl: 'Er ging iets mis. Probeer het later opnieuw of open het gesprek in de app.',
    en: 'Something went wrong. Try again later or open the conversation in the app.',
  },

  // Stages
  stageRequested: { nl: 'Aangevraagd', en: 'Requested' },
  stagePlanned: { nl: 'Gepland', en: 'Scheduled' },
  stagePreparing: { nl: 'In voorbereiding', en: 'Being prepared' },
  stagePrepared: { nl: 'Voorbereid', en: 'Prepared' },
  stageHeld: { nl: 'Gesprek gevoerd', en: 'Conversation held' },
  stageAwaitingApproval: { nl: 'Wacht op akkoord', en: 'Awaiting approval' },
  stageApproved: { nl: 'Goedgekeurd', en: 'Approved' },
  stageArchived: { nl: 'In personeelsdossier', en: 'In personnel file' },
  stageCancelled: { nl: 'Geannuleerd', en: 'Cancelled' },

  // Next steps
  nextPlan: { nl: 'Plan het gesprek', en: 'Schedule the conversation' },
  nextPrepare: { nl: 'Bereid het gesprek voor', en: 'Prepare the conversation' },
  nextWait: { nl: 'Wacht op de ander', en: 'Waiting for the other party' },
  nextHoldMeeting: { nl: 'Voer het gesprek', en: 'Hold the conversation' },
  nextWriteReport: { nl: 'Schrijf het verslag', en: 'Write the report' },
  nextDecide: { nl: 'Geef je akkoord', en: 'Give your approval' },
  nextWritePop: { nl: 'Maak je POP', en: 'Make your POP' },
  nextNone: { nl: 'Geen actie nodig', en: 'No action needed' },
  // Conversation types and documents inside sentences
  typeIndefVitaliteit: { nl: 'een Vitaliteitsgesprek', en: 'a vitality conversation' },
  typeIndefReflectie: { nl: 'een Reflectiegesprek', en: 'a reflection conversation' },
  typeIndefGoedeGesprek: { nl: 'Het Goede Gesprek', en: 'Het Goede Gesprek (goal setting)' },
  typeDefVitaliteit: { nl: 'het Vitaliteitsgesprek', en: 'the vitality conversation' },
  typeDefReflectie: { nl: 'het Reflectiegesprek', en: 'the reflection conversation' },
  typeDefGoedeGesprek: { nl: 'Het Goede Gesprek', en: 'Het Goede Gesprek (goal setting)' },
  docDefVitaliteit: { nl: 'het gespreksverslag', en: 'the conversation report' },
  docDefReflectie: { nl: 'het definitieve format', en: 'the final format' },
  docDefGoedeGesprek: { nl: 'de vastgestelde doelen', en: 'the agreed goals' },
} as const satisfies Record<string, { nl: string; en: string }>;

/** Every message key. */
export type MessageKey = keyof typeof table;

/** Values for `{placeholders}`. */
export type MessageVars = Record<string, string | number>;

/** The whole table, for the completeness test and for reviewers. */
export const messages: Readonly<Record<MessageKey, { nl: string; en: string }>> = table;

function fill(template: string, vars: MessageVars, transform: (value: string) => string): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`Missing value for {${name}} in "${template}"`);
    return transform(String(value));
  });
}

/** Plain text (action titles, input labels, notification summaries): no Markdown is rendered there. */
export function plain(key: MessageKey, locale: Locale, vars: MessageVars = {}): string {
  return fill(table[key][locale], vars, (v) => v);
}

/** Markdown-safe text for TextBlocks and facts: our template as is, every value escaped. */
export function text(key: MessageKey, locale: Locale, vars: MessageVars = {}): CardText {
  return fill(table[key][locale], vars, (v) => escapeCardText(v, { singleLine: true })) as CardText;
}
