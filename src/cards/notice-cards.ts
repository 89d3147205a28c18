/** Short notices: filed, cancelled, rescheduled, prepared, revision requested, report ready. */
import type { ActionArray, CardElementArray } from '@microsoft/teams.cards';
import {
  currentVersion,
  filingOf,
  formatOf,
  signatureSummary,
  type Conversation,
  type Schedule,
  versionOf,
  limits,
  sideOf,
} from '../domain/index.js';
import { escapeCardText } from './escape.js';
import {
  adaptiveCard,
  documentDefinite,
  documentName,
  facts,
  formatShortDateTime,
  heading,
  isWebUrl,
  openUrl,
  paragraph,
  scheduleText,
  typeDefinite,
  typeName,
  userText,
  type BuiltCard,
} from './elements.js';
import { plain, text, type Locale } from './i18n.js';
import { meetingLink, tabDeepLink, type LinkConfig } from './links.js';
import { filingLine, signatureSection, viewerLine, wayOutSection, type SignatureView } from './signatures.js';

interface NoticeBase {
  conversation: Conversation;
  links: LinkConfig;
  locale: Locale;
}

/**
 * Both parties: the version is final and filed, with who chose what ("Medewerker: voor gezien, met opmerking.
 * Leidinggevende: akkoord."), where it is kept and who can open it: the personnel file (Reflectiegesprek, Het
 * Goede Gesprek) or kept confidentially (Vitaliteitsgesprek).
 */
export function archivedCard(
  input: NoticeBase & {
    recipientIsEmployee: boolean;
    /** Display names by user id (employee, manager, a delegate who signed); without them ids are shown. */
    names?: Record<string, string>;
    /** The recipient's id, so their own choice reads "je"; without it the recipient is taken from the party. */
    recipientId?: string;
  },
): BuiltCard {
  const { conversation, links, locale } = input;
  const names = input.names ?? {};
  const version = currentVersion(conversation)?.number ?? 0;
  const confidential = filingOf(conversation.type) === 'confidential';
  const party = input.recipientIsEmployee ? 'employee' : 'manager';
  const recipientId =
    input.recipientId ?? (input.recipientIsEmployee ? conversation.employeeId : conversation.managerId);
  const view: SignatureView = { conversation, version, names, locale, viewer: { id: recipientId, party } };
  const title = plain(confidential ? 'confidentialTitle' : 'archivedTitle', locale);
  const body: CardElementArray = [
    heading(text(confidential ? 'confidentialTitle' : 'archivedTitle', locale)),
    paragraph(
      text('archivedBody', locale, {
        version,
        documentDef: documentDefinite(conversation.type, locale),
        typeDef: typeDefinite(conversation.type, locale),
      }),
    ),
  ];
  if (version > 0) {
    const own = viewerLine(view);
    if (own) body.push(paragraph(own.text));
    const filing = filingLine(view);
    if (filing) body.push(paragraph(filing, { subtle: true }));
    body.push(signatureSection(view));
  }
  if (input.recipientIsEmployee && conversation.type === 'vitaliteit' && !conversation.pop?.items.length) {
    body.push(paragraph(text('archivedPop', locale), { color: 'Accent' }));
  }
  const actions: ActionArray = [];
  if (isWebUrl(conversation.archive?.url)) {
    actions.push(openUrl(plain('archivedOpenDocument', locale), conversation.archive.url, 'positive'));
  }
  actions.push(
    openUrl(
      plain('openConversation', locale),
      tabDeepLink(links, 'gesprek', { conversationId: conversation.id }),
    ),
  );
  const summary = plain('archivedSummary', locale, {
    title,
    document: documentName(conversation.type, locale, conversation.formatVersion),
    employee: names[conversation.employeeId] ?? conversation.employeeId,
  });
  return { card: adaptiveCard(locale, summary, body, actions), summary };
}

/** The other party: the conversation was cancelled, by whom and why. */
export function cancelledCard(input: NoticeBase & { byName: string }): BuiltCard {
  const { conversation, links, locale } = input;
  const type = typeName(conversation.type, locale, conversation.formatVersion);
  const body: CardElementArray = [
    heading(text('cancelledTitle', locale)),
    paragraph(
      text('cancelledBody', locale, {
        name: input.byName,
        typeDef: typeDefinite(conversation.type, locale),
        date: scheduleText(conversation.schedule?.start, locale),
      }),
    ),
  ];
  const reason = conversation.cancellation?.reason;
  if (reason?.trim())
    body.push(
      facts([{ title: text('cancelledReason', locale), value: userText(reason, limits.commentLength) }]),
    );
  const summary = plain('cancelledSummary', locale, { type });
  const actions = [
    openUrl(
      plain('openConversation', locale),
      tabDeepLink(links, 'gesprek', { conversationId: conversation.id }),
    ),
  ];
  return { card: adaptiveCard(locale, summary, body, actions), summary };
}

/** The employee: a new date (the Teams meeting stays the same). */
export function rescheduledCard(input: NoticeBase & { otherName: string; previous?: Schedule }): BuiltCard {
  const { conversation, links, locale } = input;
  const start = conversation.schedule?.start;
  const body: CardElementArray = [
    heading(text('rescheduledTitle', locale)),
    paragraph(
      text('rescheduledBody', locale, {
        other: input.otherName,
        type: typeName(conversation.type, locale, conversation.formatVersion),
        date: scheduleText(start, locale),
      }),
    ),
  ];
  if (input.previous?.start) {
    body.push(
      facts([
        {
          title: text('rescheduledPrevious', locale),
          value: escapeCardText(scheduleText(input.previous.start, locale)),
        },
      ]),
    );
  }
  const actions: ActionArray = [
    openUrl(
      plain('openConversation', locale),
      tabDeepLink(links, 'gesprek', { conversationId: conversation.id }),
    ),
  ];
  const meetingUrl = conversation.schedule?.meetingUrl;
  if (isWebUrl(meetingUrl))
    actions.push(openUrl(plain('joinMeeting', locale), meetingLink(links, meetingUrl)));
  const summary = plain('rescheduledSummary', locale, {
    date: start ? formatShortDateTime(start, locale) : plain('notPlanned', locale),
  });
  return { card: adaptiveCard(locale, summary, body, actions), summary };
}

/** The manager: the employee submitted the preparation. */
export function preparedCard(input: NoticeBase & { employeeName: string }): BuiltCard {
  const { conversation, links, locale } = input;
  const body: CardElementArray = [
    heading(text('preparedTitle', locale)),
    paragraph(
      text('preparedBody', locale, {
        employee: input.employeeName,
        typeDef: typeDefinite(conversation.type, locale),
        date: scheduleText(conversation.schedule?.start, locale),
      }),
    ),
  ];
  if (conversation.type === 'vitaliteit')
    body.push(paragraph(text('vitalityNotAssessmentManager', locale), { subtle: true }));
  const summary = plain('preparedSummary', locale, { employee: input.employeeName });
  const actions = [
    openUrl(
      plain('openConversation', locale),
      tabDeepLink(links, 'gesprek', { conversationId: conversation.id }),
      'positive',
    ),
  ];
  return { card: adaptiveCard(locale, summary, body, actions), summary };
}

/**
 * The author: a version was sent back ("niet akkoord"), with who chose what, the comment, and a link to make the
 * next version. In the second person when the author sent back their own version.
 */
export function revisionCard(
  input: NoticeBase & {
    version: number;
    names: Record<string, string>;
    /** The recipient; without it, the author of the document (who makes the next version). */
    recipientId?: string;
    /** The organisation's way out, shown after three versions sent back (see `needsWayOut`). */
    wayOut?: string;
  },
): BuiltCard {
  const { conversation, links, locale, version, names } = input;
  const author = formatOf(conversation).report.author;
  const recipientId =
    input.recipientId ?? (author === 'employee' ? conversation.employeeId : conversation.managerId);
  const party = sideOf(conversation, recipientId);
  const view: SignatureView = { conversation, version, names, locale, viewer: { id: recipientId, party } };
  const returned = returnedLine(conversation, version);
  const name = returned ? (names[returned.actorId] ?? returned.actorId) : '';
  const body: CardElementArray = [heading(text('revisionTitle', locale))];
  const own = viewerLine(view);
  if (own) body.push(paragraph(own.text, { bold: true }));
  const wayOut = wayOutSection(conversation, input.wayOut, locale);
  if (wayOut) body.push(wayOut);
  if (conversation.versions.some((v) => v.number === version)) body.push(signatureSection(view));
  const summary =
    returned?.actorId === recipientId
      ? plain('revisionSummaryYou', locale, { version })
      : plain('revisionSummary', locale, { name, version });
  const actions = [
    openUrl(
      plain(party === author ? 'revisionAction' : 'openConversation', locale),
      tabDeepLink(links, party === author ? 'verslag' : 'gesprek', { conversationId: conversation.id }),
      'positive',
    ),
  ];
  return { card: adaptiveCard(locale, summary, body, actions), summary };
}

function returnedLine(conversation: Conversation, version: number) {
  const found = versionOf(conversation, version);
  if (!found) return undefined;
  return signatureSummary(conversation, found).lines.find(
    (l): l is Extract<typeof l, { kind: 'decided' }> => l.kind === 'decided' && l.decision === 'niet_akkoord',
  );
}

/** The signer who did not write it: the report (or final format) is offered; the signing card follows. */
export function reportReadyCard(input: NoticeBase & { authorName: string; version: number }): BuiltCard {
  const { conversation, links, locale, version } = input;
  const document = documentName(conversation.type, locale, conversation.formatVersion);
  const body: CardElementArray = [
    heading(text('reportTitle', locale, { document })),
    paragraph(
      text(conversation.type === 'vitaliteit' ? 'reportBodyCosign' : 'reportBody', locale, {
        name: input.authorName,
        version,
        documentDef: documentDefinite(conversation.type, locale),
      }),
    ),
  ];
  // The manager reads whose report it is; the employee reads the final format is ready for her.
  const summary =
    conversation.type === 'vitaliteit'
      ? plain('reportSummary', locale, { document, employee: input.authorName })
      : plain('reportTitle', locale, { document });
  const actions = [
    openUrl(
      plain('openDocument', locale),
      tabDeepLink(links, 'akkoord', { conversationId: conversation.id }),
    ),
  ];
  return { card: adaptiveCard(locale, summary, body, actions), summary };
}
