/**
 * Every string the cards show, in Dutch and English, in one table. Placeholders are `{name}`; counts use an
 * ICU-like plural, `{count, plural, one {# bijdrage} other {# bijdragen}}` (`=0` is allowed too). Values are
 * escaped when they are put into Markdown fields, so a name can never add markup.
 *
 * The words follow LANGUAGE.md: one term per concept (Definitief, Opgenomen in personeelsdossier / Vertrouwelijk
 * bewaard, Jouw reactie / Ondertekening, persoonlijk ontwikkelingsplan (POP)), buttons verb last as Dutch
 * buttons read ("Gesprek openen"), a person's own action in the second person.
 */
import type { Locale } from '../domain/index.js';
import { escapeCardText, type CardText } from './escape.js';

export type { Locale };

const table = {
  // Generic
  appName: { nl: 'Gesprekscyclus', en: 'Conversation cycle' },
  openConversation: { nl: 'Gesprek openen', en: 'Open conversation' },
  openFormat: { nl: 'Format openen', en: 'Open form' },
  openApp: { nl: 'App openen', en: 'Open the app' },
  joinMeeting: { nl: 'Deelnemen aan Teams-vergadering', en: 'Join Teams meeting' },
  timeZoneNote: { nl: '(Nederlandse tijd)', en: '(Amsterdam time)' },
  dateLabel: { nl: 'Wanneer', en: 'When' },
  withLabel: { nl: 'Met', en: 'With' },
  typeLabel: { nl: 'Gesprek', en: 'Conversation' },
  meetingDateLabel: { nl: 'Datum gesprek', en: 'Date of conversation' },
  versionLabel: { nl: 'Versie', en: 'Version' },
  nextStepLabel: { nl: 'Volgende stap', en: 'Next step' },
  notPlanned: { nl: 'Nog niet gepland', en: 'Not scheduled yet' },
  vitalityNotAssessment: {
    nl: 'Dit gesprek gaat over feedback, niet over beoordelen: wat je hier invult, wordt nooit gebruikt bij een beoordeling.',
    en: 'This conversation is about feedback, not assessment: nothing you enter here is ever used in an appraisal.',
  },
  vitalityNotAssessmentManager: {
    nl: 'Dit gesprek gaat over feedback, niet over beoordelen: wat de medewerker hier deelt, wordt nooit gebruikt bij een beoordeling.',
    en: 'This conversation is about feedback, not assessment: nothing the employee shares here is ever used in an appraisal.',
  },
  conversationOf: { nl: '{type} van {employee}', en: '{type} of {employee}' },
  conversationOfWith: {
    nl: '{type} van {employee} met {manager}',
    en: '{type} of {employee} with {manager}',
  },

  // Invitation
  invitationTitle: { nl: 'Uitnodiging: {type}', en: 'Invitation: {type}' },
  invitationIntro: {
    nl: '{manager} nodigt je uit voor {typeIndef}.',
    en: '{manager} invites you to {typeIndef}.',
  },
  invitationPrepare: {
    nl: 'Bereid het gesprek voor door het format in te vullen. Alles wordt automatisch bewaard; je kunt later verdergaan. Je leidinggevende ziet je voorbereiding pas als je die deelt.',
    en: 'Prepare for the conversation by filling in the form. Everything is saved automatically; you can continue later. Your manager sees your preparation only once you share it.',
  },
  invitationSummary: { nl: 'Uitnodiging: {type} op {date}', en: 'Invitation: {type} on {date}' },

  // Reminder
  reminderTitle: { nl: 'Herinnering: {type}', en: 'Reminder: {type}' },
  reminderNotStarted: {
    nl: 'Je gesprek met {other} is op {date}. Je bent nog niet begonnen met de voorbereiding.',
    en: 'Your conversation with {other} is on {date}. You have not started preparing yet.',
  },
  reminderStarted: {
    nl: 'Je gesprek met {other} is op {date}. Je voorbereiding is opgeslagen, maar nog niet afgerond. Je leidinggevende ziet je voorbereiding pas als je die deelt.',
    en: 'Your conversation with {other} is on {date}. Your preparation is saved, but not finished yet. Your manager sees your preparation only once you share it.',
  },
  reminderSign: {
    nl: 'Versie {version} van {documentDef} van {employee} wacht op jouw reactie.',
    en: 'Version {version} of {documentDef} of {employee} is waiting for your response.',
  },
  reminderSignOwn: {
    nl: 'Versie {version} van {documentDef} wacht op jouw reactie.',
    en: 'Version {version} of {documentDef} is waiting for your response.',
  },
  reminderCosign: {
    nl: '{employee} heeft versie {version} van {documentDef} ondertekend en ter medeondertekening aangeboden. Het wacht op jouw reactie.',
    en: '{employee} signed version {version} of {documentDef} and offered it for co-signing. It is waiting for your response.',
  },
  reminderSummaryPrepare: {
    nl: 'Herinnering: bereid je gesprek voor',
    en: 'Reminder: prepare your conversation',
  },
  reminderSummarySign: {
    nl: 'Herinnering: jouw reactie op {documentDef} wordt gevraagd',
    en: 'Reminder: your response to {documentDef} is requested',
  },
  continuePreparation: { nl: 'Verder voorbereiden', en: 'Continue preparing' },
  startPreparation: { nl: 'Voorbereiding beginnen', en: 'Start preparing' },
  reviewAndRespond: { nl: 'Bekijken en reageren', en: 'Review and respond' },

  // Request
  requestTitle: { nl: 'Verzoek om een Vitaliteitsgesprek', en: 'Request for a vitality conversation' },
  requestIntro: {
    nl: '{employee} vraagt om een Vitaliteitsgesprek met jou.',
    en: '{employee} asks for a vitality conversation with you.',
  },
  requestNote: { nl: 'Toelichting', en: 'Note' },
  requestPlan: { nl: 'Gesprek plannen', en: 'Schedule conversation' },
  requestSummary: {
    nl: '{employee} vraagt om een Vitaliteitsgesprek',
    en: '{employee} asks for a vitality conversation',
  },

  // Approval card: headings follow the state
  approvalTitleSign: { nl: 'Ter ondertekening: {document}', en: 'For signing: {document}' },
  approvalTitleCosign: { nl: 'Ter medeondertekening: {document}', en: 'For co-signing: {document}' },
  approvalTitleOffered: {
    nl: 'Aangeboden ter medeondertekening: {document}',
    en: 'Offered for co-signing: {document}',
  },
  approvalTitleWaiting: { nl: 'In ondertekening: {document}', en: 'Being signed: {document}' },
  approvalTitleFinal: { nl: 'Definitief: {document}', en: 'Final: {document}' },
  approvalTitleFiled: {
    nl: 'Opgenomen in personeelsdossier: {document}',
    en: 'Filed in the personnel file: {document}',
  },
  approvalTitleConfidential: {
    nl: 'Vertrouwelijk bewaard: {document}',
    en: 'Kept confidentially: {document}',
  },
  approvalTitleReturned: { nl: 'Teruggestuurd: {document}', en: 'Sent back: {document}' },
  approvalTitleSuperseded: {
    nl: 'Vervangen door een nieuwere versie: {document}',
    en: 'Replaced by a newer version: {document}',
  },
  approvalTitleCancelled: { nl: 'Geannuleerd: {document}', en: 'Cancelled: {document}' },
  approvalSummaryLine: {
    nl: '{title} van {employee} (versie {version})',
    en: '{title} of {employee} (version {version})',
  },
  approvalVersionValue: {
    nl: '{version}, aangeboden op {date}',
    en: '{version}, offered on {date}',
  },
  approvalAskSign: {
    nl: 'Bekijk {documentDef} en geef je reactie. Lees het volledige document voordat je reageert.',
    en: 'Review and respond to {documentDef}. Read the full document before you respond.',
  },
  approvalAskCosign: {
    nl: '{employee} heeft {documentDef} ondertekend en ter medeondertekening aangeboden. Bekijk het en onderteken mee, of kies ‘Niet akkoord’ met een toelichting; dan volgt een nieuwe versie.',
    en: '{employee} signed {documentDef} and offered it for co-signing. Review it and co-sign, or choose ‘Not agreed’ with a comment; a new version then follows.',
  },
  approvalSummaryHeading: { nl: 'Samenvatting', en: 'Summary' },
  agreementDue: { nl: '(uiterlijk {date})', en: '(by {date})' },
  approvalOpenDocument: { nl: 'Volledig document openen', en: 'Open full document' },
  approvalOpenCurrent: { nl: 'Nieuwste versie openen', en: 'Open the latest version' },
  approvalAkkoord: { nl: 'Akkoord', en: 'Agreed' },
  approvalCosign: { nl: 'Medeondertekenen', en: 'Co-sign' },
  approvalVoorGezien: { nl: 'Voor gezien', en: 'Acknowledged (not agreed)' },
  approvalNietAkkoord: { nl: 'Niet akkoord', en: 'Not agreed' },
  approvalVoorGezienExplain: {
    nl: 'Je geeft aan dat je het verslag hebt gezien, zonder het overal mee eens te zijn. Het document wordt daarmee definitief en gaat met jouw opmerking naar je personeelsdossier. Wil je een aanpassing? Kies dan ‘Niet akkoord’.',
    en: 'You indicate that you have seen the report without agreeing with all of it. The document then becomes final and goes to your personnel file with your remark. Would you like a change? Choose ‘Not agreed’ instead.',
  },
  approvalNietAkkoordExplain: {
    nl: 'Met jouw toelichting maakt {author} een nieuwe versie.',
    en: 'With your comment, {author} makes a new version.',
  },
  approvalNietAkkoordExplainOwn: {
    nl: 'Met jouw toelichting maak je daarna zelf een nieuwe versie.',
    en: 'With your comment, you then make a new version yourself.',
  },
  approvalRemarkLabel: {
    nl: 'Jouw opmerking (verplicht; komt in het document te staan)',
    en: 'Your remark (required; printed in the document)',
  },
  approvalRemarkError: {
    nl: 'Vul een opmerking in bij ‘Voor gezien’.',
    en: 'Enter a remark with ‘Acknowledged (not agreed)’.',
  },
  approvalCommentLabel: {
    nl: 'Wat moet er anders? (verplicht)',
    en: 'What should change? (required)',
  },
  approvalCommentError: {
    nl: 'Vul een toelichting in bij ‘Niet akkoord’.',
    en: 'Enter a comment with ‘Not agreed’.',
  },
  approvalConfirmVoorGezien: { nl: 'Voor gezien bevestigen', en: 'Confirm: acknowledged (not agreed)' },
  approvalConfirmNietAkkoord: { nl: 'Terugsturen voor aanpassing', en: 'Send back for revision' },
  approvalStale: {
    nl: 'Er is een nieuwere versie (versie {current}). Deze kaart gaat over versie {version}; reageren kan alleen op de nieuwste versie.',
    en: 'There is a newer version (version {current}). This card is about version {version}; you can only respond to the latest version.',
  },
  approvalCancelled: { nl: 'Dit gesprek is geannuleerd.', en: 'This conversation was cancelled.' },
  approvalRefreshFailed: {
    nl: 'De actuele stand kon niet worden opgehaald. Open het gesprek in de app.',
    en: 'The current state could not be loaded. Open the conversation in the app.',
  },
  approvalRecorded: { nl: 'Je reactie is vastgelegd.', en: 'Your response is recorded.' },

  // Who chose what (the signature block, from the domain's signatureSummary)
  signaturesHeading: { nl: 'Ondertekening', en: 'Signatures' },
  roleEmployee: { nl: 'Medewerker', en: 'Employee' },
  roleManager: { nl: 'Leidinggevende', en: 'Manager' },
  offeredBy: { nl: 'Aangeboden door', en: 'Offered by' },
  yourManager: { nl: 'je leidinggevende', en: 'your manager' },
  theEmployee: { nl: 'de medewerker', en: 'the employee' },
  theManager: { nl: 'de leidinggevende', en: 'the manager' },
  sigFinal: { nl: 'Versie {version} is definitief.', en: 'Version {version} is final.' },
  sigFinalBothAgreed: {
    nl: 'Versie {version} is definitief: beiden akkoord.',
    en: 'Version {version} is final: both agreed.',
  },
  sigReturned: {
    nl: 'Versie {version} is teruggestuurd; er volgt een nieuwe versie.',
    en: 'Version {version} was sent back; a new version follows.',
  },
  sigPending: {
    nl: 'Versie {version} wacht op ondertekening.',
    en: 'Version {version} is awaiting signatures.',
  },
  sigPendingCosign: {
    nl: 'Versie {version} wacht op medeondertekening.',
    en: 'Version {version} is awaiting co-signing.',
  },
  sigSuperseded: {
    nl: 'Versie {version} is vervangen door versie {current}.',
    en: 'Version {version} was replaced by version {current}.',
  },
  sigChoice: { nl: '{role}: {decision}.', en: '{role}: {decision}.' },
  sigChoiceRemark: { nl: '{role}: {decision}, met opmerking.', en: '{role}: {decision}, with a remark.' },
  sigChoiceComment: {
    nl: '{role}: {decision}, met toelichting.',
    en: '{role}: {decision}, with a comment.',
  },
  sigChoicePending: { nl: '{role}: nog geen reactie.', en: '{role}: no response yet.' },
  sigVitalityOffered: {
    nl: '{name} heeft het verslag ondertekend en aangeboden',
    en: '{name} signed the report and offered it',
  },
  sigVitalityOfferedYou: {
    nl: 'Je hebt het verslag ondertekend en aangeboden',
    en: 'You signed the report and offered it',
  },
  sigVitalityCosigned: { nl: '{name} heeft medeondertekend', en: '{name} co-signed' },
  sigVitalityCosignedYou: { nl: 'je hebt medeondertekend', en: 'you co-signed' },
  sigVitalityCosignedFor: {
    nl: '{name} heeft namens {manager} medeondertekend',
    en: '{name} co-signed on behalf of {manager}',
  },
  sigVitalityReturned: {
    nl: '{name} heeft niet akkoord gegeven, met toelichting',
    en: '{name} chose not agreed, with a comment',
  },
  sigVitalityReturnedYou: {
    nl: 'je hebt niet akkoord gegeven, met toelichting',
    en: 'you chose not agreed, with a comment',
  },
  sigVitalityPendingYou: { nl: 'je hebt nog niet medeondertekend', en: 'you have not co-signed yet' },
  sigVitalityPending: {
    nl: '{name} heeft nog niet medeondertekend',
    en: '{name} has not co-signed yet',
  },
  factOffered: { nl: '{name}, {date}', en: '{name}, {date}' },
  factSignedOffered: {
    nl: '{name}: ondertekend en aangeboden, {date}',
    en: '{name}: signed and offered, {date}',
  },
  factDecided: { nl: '{name}: {decision}, {date}', en: '{name}: {decision}, {date}' },
  factDecidedFor: {
    nl: '{name} namens {manager}: {decision}, {date}',
    en: '{name} on behalf of {manager}: {decision}, {date}',
  },
  factPending: { nl: '{name}: nog geen reactie', en: '{name}: no response yet' },
  decisionCosigned: { nl: 'medeondertekend', en: 'co-signed' },
  decisionWithRemark: { nl: '{decision}, met opmerking', en: '{decision}, with a remark' },
  decisionWithComment: { nl: '{decision}, met toelichting', en: '{decision}, with a comment' },
  remarkBy: {
    nl: 'Opmerking van {name} bij ‘{decision}’',
    en: 'Remark by {name} with ‘{decision}’',
  },
  commentBy: {
    nl: 'Toelichting van {name} bij ‘{decision}’',
    en: 'Comment by {name} with ‘{decision}’',
  },

  // The viewer's own position, in the second person
  youAwaitingCosign: {
    nl: 'Je hebt versie {version} ondertekend en ter medeondertekening aangeboden. {manager} reageert nog; je krijgt een bericht zodra dat is gebeurd.',
    en: 'You signed version {version} and offered it for co-signing. {manager} has yet to respond; you will get a message once that has happened.',
  },
  youResponded: {
    nl: 'Je reactie is vastgelegd: {decision}. We wachten nog op de reactie van {name}.',
    en: 'Your response is recorded: {decision}. Still waiting for {name} to respond.',
  },
  youWaitFor: {
    nl: 'We wachten op de reactie van {names}.',
    en: 'Waiting for {names} to respond.',
  },
  youReturned: {
    nl: 'Je hebt versie {version} niet akkoord gegeven; {author} maakt een nieuwe versie.',
    en: 'You chose not agreed on version {version}; {author} makes a new version.',
  },
  youReturnedOwn: {
    nl: 'Je hebt versie {version} niet akkoord gegeven; je maakt zelf een nieuwe versie.',
    en: 'You chose not agreed on version {version}; you make a new version yourself.',
  },
  otherReturnedYouAuthor: {
    nl: '{name} heeft versie {version} niet akkoord gegeven; jij maakt een nieuwe versie.',
    en: '{name} chose not agreed on version {version}; you make a new version.',
  },
  otherReturned: {
    nl: '{name} heeft versie {version} niet akkoord gegeven; {author} maakt een nieuwe versie.',
    en: '{name} chose not agreed on version {version}; {author} makes a new version.',
  },
  youAcknowledged: {
    nl: 'Je hebt voor gezien gekozen: je hebt het document gezien, zonder het overal mee eens te zijn. Je opmerking staat in het document.',
    en: 'You chose acknowledged (not agreed): you have seen the document without agreeing with all of it. Your remark is in the document.',
  },
  otherAcknowledged: {
    nl: '{name} heeft voor gezien gekozen: gezien, maar niet overal mee eens. De opmerking staat in het document.',
    en: '{name} chose acknowledged (not agreed): seen, but not agreeing with all of it. The remark is in the document.',
  },
  filingPersonnel: {
    nl: 'Het document wordt opgenomen in het personeelsdossier. HR kan het daar openen.',
    en: 'The document is filed in the personnel file. HR can open it there.',
  },
  filedPersonnel: {
    nl: 'Opgenomen in personeelsdossier. HR kan het document daar openen.',
    en: 'Filed in the personnel file. HR can open the document there.',
  },
  filingConfidentialEmployee: {
    nl: 'Het verslag wordt vertrouwelijk bewaard: alleen jij en je leidinggevende kunnen het openen. HR ziet hooguit dat het gesprek is gevoerd en ondertekend, nooit de inhoud.',
    en: 'The report is kept confidentially: only you and your manager can open it. HR sees at most that the conversation took place and was signed, never its content.',
  },
  filingConfidential: {
    nl: 'Het verslag wordt vertrouwelijk bewaard: alleen {employee} en de leidinggevende (of een vervanger) kunnen het openen. HR ziet hooguit dat het gesprek is gevoerd en ondertekend, nooit de inhoud.',
    en: 'The report is kept confidentially: only {employee} and the manager (or a delegate) can open it. HR sees at most that the conversation took place and was signed, never its content.',
  },
  wayOutCount: {
    nl: '{count, plural, one {Er is al # versie teruggestuurd.} other {Er zijn al # versies teruggestuurd.}}',
    en: '{count, plural, one {# version has been sent back already.} other {# versions have been sent back already.}}',
  },

  // Notices
  archivedTitle: { nl: 'Opgenomen in personeelsdossier', en: 'Filed in the personnel file' },
  confidentialTitle: { nl: 'Vertrouwelijk bewaard', en: 'Kept confidentially' },
  archivedBody: {
    nl: 'Versie {version} van {documentDef} van {typeDef} is definitief.',
    en: 'Version {version} of {documentDef} of {typeDef} is final.',
  },
  archivedOpenDocument: { nl: 'Document openen', en: 'Open document' },
  archivedPop: {
    nl: 'Volgende stap: maak op basis van het verslag je persoonlijk ontwikkelingsplan (POP).',
    en: 'Next step: make your personal development plan (POP) based on the report.',
  },
  archivedSummary: {
    nl: '{title}: {document} van {employee}',
    en: '{title}: {document} of {employee}',
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
  preparedTitle: { nl: 'Voorbereiding gedeeld', en: 'Preparation shared' },
  preparedBody: {
    nl: '{employee} heeft de voorbereiding voor {typeDef} gedeeld. Lees die voor het gesprek van {date}.',
    en: '{employee} shared the preparation for {typeDef}. Read it before the conversation on {date}.',
  },
  preparedSummary: {
    nl: '{employee} heeft de voorbereiding gedeeld',
    en: '{employee} shared the preparation',
  },
  revisionTitle: { nl: 'Niet akkoord: nieuwe versie gevraagd', en: 'Not agreed: new version requested' },
  revisionAction: { nl: 'Nieuwe versie maken', en: 'Make a new version' },
  revisionSummary: {
    nl: '{name} heeft versie {version} niet akkoord gegeven',
    en: '{name} chose not agreed on version {version}',
  },
  revisionSummaryYou: {
    nl: 'Je hebt versie {version} niet akkoord gegeven',
    en: 'You chose not agreed on version {version}',
  },
  reportTitle: {
    nl: '{document} staat klaar voor jouw reactie',
    en: '{document} is ready for your response',
  },
  reportBody: {
    nl: '{name} heeft versie {version} van {documentDef} aangeboden ter ondertekening. Je ontvangt zo een kaart voor jouw reactie.',
    en: '{name} offered version {version} of {documentDef} for signing. You will shortly receive a card for your response.',
  },
  reportBodyCosign: {
    nl: '{name} heeft versie {version} van {documentDef} ondertekend en ter medeondertekening aangeboden. Je ontvangt zo een kaart om mee te ondertekenen.',
    en: '{name} signed version {version} of {documentDef} and offered it for co-signing. You will shortly receive a card to co-sign it.',
  },
  reportSummary: {
    nl: '{document} van {employee} staat klaar voor jouw reactie',
    en: '{document} of {employee} is ready for your response',
  },
  openDocument: { nl: 'Document openen', en: 'Open document' },

  // Help and welcome
  helpTitle: { nl: 'Wat kan ik voor je doen?', en: 'What can I do for you?' },
  helpIntro: {
    nl: 'Ik help je met het Vitaliteitsgesprek, het Reflectiegesprek en Het Goede Gesprek: uitnodigingen, herinneringen en de ondertekening van het verslag.',
    en: 'I help you with the vitality conversation, the reflection conversation and Het Goede Gesprek: invitations, reminders and signing the report.',
  },
  helpCommandStatus: { nl: 'mijn gesprekken', en: 'my conversations' },
  helpCommandStatusText: {
    nl: 'je gesprekken en wat de volgende stap is',
    en: 'your conversations and their next step',
  },
  helpCommandHelp: { nl: 'help', en: 'help' },
  helpCommandHelpText: { nl: 'dit overzicht', en: 'this overview' },
  helpPrivacy: {
    nl: 'Alleen jij en je leidinggevende zien de inhoud van je gesprekken; je voorbereiding ziet je leidinggevende pas als je die deelt. Het definitieve document van een Reflectiegesprek en van Het Goede Gesprek wordt opgenomen in je personeelsdossier, waar HR het kan openen. Een Vitaliteitsgesprek wordt vertrouwelijk bewaard: HR kan het niet openen.',
    en: 'Only you and your manager see the content of your conversations; your manager sees your preparation only once you share it. The final document of a reflection conversation and of Het Goede Gesprek is filed in your personnel file, where HR can open it. A vitality conversation is kept confidentially: HR cannot open it.',
  },
  helpSummary: { nl: 'Help', en: 'Help' },
  welcomeTitle: { nl: 'Welkom bij {app}', en: 'Welcome to {app}' },
  welcomeIntro: {
    nl: 'Hier ontvang je uitnodigingen voor je gesprekken, herinneringen om je voor te bereiden en kaarten waarmee je reageert op het verslag.',
    en: 'Here you receive invitations to your conversations, reminders to prepare and cards to respond to the report.',
  },
  welcomeRequest: {
    nl: 'Wil je zelf een Vitaliteitsgesprek? Vraag het aan in de app.',
    en: 'Would you like a vitality conversation yourself? Request one in the app.',
  },
  welcomeSummary: { nl: 'Welkom', en: 'Welcome' },
  welcomePrivacy: {
    nl: 'Wat je voorbereidt, ziet je leidinggevende pas als je het deelt.',
    en: 'Your manager sees what you prepare only once you share it.',
  },
  welcomeFirstStep: {
    nl: 'Begin hier: bekijk je gesprekken en wat er nu van je verwacht wordt.',
    en: 'Start here: see your conversations and what is expected of you now.',
  },
  welcomeOpen: { nl: 'Mijn gesprekken bekijken', en: 'See my conversations' },
  helpInChat: {
    nl: 'In de chat reageer je op het verslag met de knoppen op de kaart. Plannen, voorbereiden en het verslag schrijven doe je in de app.',
    en: 'In the chat you respond to the report with the buttons on its card. Planning, preparing and writing the report happen in the app.',
  },

  // Status list
  statusTitle: { nl: 'Mijn gesprekken', en: 'My conversations' },
  statusEmpty: { nl: 'Je hebt nog geen gesprekken.', en: 'You have no conversations yet.' },
  statusItemAsEmployee: { nl: '{type} met {manager}', en: '{type} with {manager}' },
  statusItemAsManager: { nl: '{type} van {employee}', en: '{type} of {employee}' },
  statusMore: {
    nl: '{count, plural, one {En nog # gesprek in de app.} other {En nog # gesprekken in de app.}}',
    en: '{count, plural, one {And # more conversation in the app.} other {And # more conversations in the app.}}',
  },
  statusOpenTeam: { nl: 'Teamoverzicht openen', en: 'Open team overview' },
  statusReactHere: { nl: 'Hier reageren', en: 'Respond here' },
  statusStepPlan: { nl: 'Gesprek plannen', en: 'Schedule conversation' },
  statusStepPrepare: { nl: 'Voorbereiden', en: 'Prepare' },
  statusStepWriteReport: { nl: 'Verslag schrijven', en: 'Write report' },
  statusStepDecide: { nl: 'Verslag bekijken', en: 'Review report' },
  statusStepWritePop: { nl: 'POP invullen', en: 'Fill in the POP' },
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
  stagePrepared: { nl: 'Voorbereiding gedeeld', en: 'Preparation shared' },
  stageHeld: { nl: 'Gesprek gevoerd', en: 'Conversation held' },
  stageAwaitingApproval: { nl: 'Ter ondertekening', en: 'Awaiting signatures' },
  stageApproved: { nl: 'Definitief', en: 'Final' },
  stageArchived: { nl: 'Opgenomen in personeelsdossier', en: 'Filed in the personnel file' },
  stageConfidential: { nl: 'Vertrouwelijk bewaard', en: 'Kept confidentially' },
  stageCancelled: { nl: 'Geannuleerd', en: 'Cancelled' },

  // Next steps
  nextPlan: { nl: 'Plan het gesprek', en: 'Schedule the conversation' },
  nextPrepare: { nl: 'Bereid het gesprek voor', en: 'Prepare the conversation' },
  nextWait: { nl: 'Wacht op de ander', en: 'Waiting for the other party' },
  nextHoldMeeting: { nl: 'Voer het gesprek', en: 'Hold the conversation' },
  nextWriteReport: { nl: 'Schrijf het verslag', en: 'Write the report' },
  nextDecide: { nl: 'Bekijk het verslag en geef je reactie', en: 'Review and respond to the report' },
  nextWritePop: {
    nl: 'Maak je persoonlijk ontwikkelingsplan (POP)',
    en: 'Make your personal development plan (POP)',
  },
  nextNone: { nl: 'Geen actie nodig', en: 'No action needed' },
  // Conversation types and documents inside sentences
  typeIndefVitaliteit: { nl: 'een Vitaliteitsgesprek', en: 'a vitality conversation' },
  typeIndefReflectie: { nl: 'een Reflectiegesprek', en: 'a reflection conversation' },
  typeIndefGoedeGesprek: { nl: 'Het Goede Gesprek', en: 'Het Goede Gesprek (goal setting)' },
  typeDefVitaliteit: { nl: 'het Vitaliteitsgesprek', en: 'the vitality conversation' },
  typeDefReflectie: { nl: 'het Reflectiegesprek', en: 'the reflection conversation' },
  typeDefGoedeGesprek: { nl: 'Het Goede Gesprek', en: 'Het Goede Gesprek (goal setting)' },
  docDefVitaliteit: { nl: 'het gespreksverslag', en: 'the conversation report' },
  docDefReflectie: { nl: 'het definitieve format', en: 'the final form' },
  docDefGoedeGesprek: { nl: 'de vastgestelde doelen', en: 'the agreed goals' },
} as const satisfies Record<string, { nl: string; en: string }>;

/** Every message key. */
export type MessageKey = keyof typeof table;

/** Values for `{placeholders}`. */
export type MessageVars = Record<string, string | number>;

/** The whole table, for the completeness test and for reviewers. */
export const messages: Readonly<Record<MessageKey, { nl: string; en: string }>> = table;

/** Dutch and English share their plural rule: one for exactly 1, other for everything else. */
function pluralCategory(count: number): 'one' | 'other' {
  return count === 1 ? 'one' : 'other';
}

/** The `{name, plural, …}` at `start` (its opening brace): the text of the chosen branch and where it ends. */
function expandPlural(template: string, start: number, vars: MessageVars): { text: string; end: number } {
  const head = /^\{(\w+),\s*plural,\s*/.exec(template.slice(start));
  if (!head) throw new Error(`Malformed plural in "${template}"`);
  const name = head[1] as string;
  const value = vars[name];
  if (typeof value !== 'number') throw new Error(`Missing count for {${name}} in "${template}"`);
  const branches = new Map<string, string>();
  let i = start + head[0].length;
  while (template[i] !== '}') {
    const selector = /^(=\d+|\w+)\s*\{/.exec(template.slice(i));
    if (!selector) throw new Error(`Malformed plural in "${template}"`);
    i += selector[0].length;
    let depth = 1;
    const from = i;
    while (depth > 0) {
      if (i >= template.length) throw new Error(`Unclosed plural in "${template}"`);
      if (template[i] === '{') depth += 1;
      if (template[i] === '}') depth -= 1;
      i += 1;
    }
    branches.set(selector[1] as string, template.slice(from, i - 1));
    while (template[i] === ' ') i += 1;
  }
  const branch = branches.get(`=${value}`) ?? branches.get(pluralCategory(value)) ?? branches.get('other');
  if (branch === undefined) throw new Error(`No "other" branch in "${template}"`);
  return { text: branch.replace(/#/g, String(value)), end: i + 1 };
}

/** Replaces every plural by its chosen branch, leaving `{placeholders}` for {@link fill}. */
function expandPlurals(template: string, vars: MessageVars): string {
  let out = '';
  let i = 0;
  for (;;) {
    const next = template.slice(i).search(/\{\w+,\s*plural,/);
    if (next < 0) return out + template.slice(i);
    out += template.slice(i, i + next);
    const plural = expandPlural(template, i + next, vars);
    out += plural.text;
    i = plural.end;
  }
}

function fill(template: string, vars: MessageVars, transform: (value: string) => string): string {
  return expandPlurals(template, vars).replace(/\{(\w+)\}/g, (whole, name: string) => {
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
