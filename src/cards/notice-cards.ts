/** Short notices: archived, cancelled, rescheduled, prepared, revision requested, report ready. */
import type { ActionArray, CardElementArray } from '@microsoft/teams.cards';
import { currentVersion, decisionOf, type Conversation, type Schedule } from '../domain/index.js';
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
import { tabDeepLink, type LinkConfig } from './links.js';

interface NoticeBase {
  conversation: Conversation;
  links: LinkConfig;
  locale: Locale;
}

/** Both parties: the approved document is in the personnel file, with the link to the stored document. */
export function archivedCard(input: NoticeBase & { recipientIsEmployee: boolean }): BuiltCard {
  const { conversation, links, locale } = input;
  const version = currentVersion(conversation)?.number ?? 0;
  const body: CardElementArray = [
    heading(text('archivedTitle', locale)),
    paragraph(
      text('archivedBody', locale, {
        version,
        documentDef: documentDefinite(conversation.type, locale),
        typeDef: typeDefinite(conversation.type, locale),
      }),
    ),
  ];
  if (input.recipientIsEmployee && conversation.type === 'vitaliteit' && !conversation.pop) {
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
  const summary = plain('archivedSummary', locale);
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
    body.push(facts([{ title: text('cancelledReason', locale), value: userText(reason, 2000) }]));
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
  if (isWebUrl(meetingUrl)) actions.push(openUrl(plain('joinMeeting', locale), meetingUrl));
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
    body.push(paragraph(text('vitalityNotAssessment', locale), { subtle: true }));
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

/** The author: "niet akkoord" on a version, with the comment, and a link to revise the document. */
export function revisionCard(
  input: NoticeBase & { version: number; names: Record<string, string> },
): BuiltCard {
  const { conversation, links, locale, version } = input;
  const decision =
    decisionOf(conversation, version, 'employee')?.decision === 'niet_akkoord'
      ? decisionOf(conversation, version, 'employee')
      : decisionOf(conversation, version, 'manager');
  const name = decision ? (input.names[decision.actorId] ?? decision.actorId) : '';
  const body: CardElementArray = [
    heading(text('revisionTitle', locale)),
    paragraph(
      text('revisionBody', locale, {
        name,
        version,
        documentDef: documentDefinite(conversation.type, locale),
      }),
    ),
  ];
  if (decision?.comment) {
    body.push({
      type: 'Container',
      style: 'emphasis',
      items: [
        paragraph(text('approvalCommentBy', locale, { name }), { subtle: true }),
        paragraph(userText(decision.comment, 2000), { spacing: 'None' }),
      ],
    });
  }
  const summary = plain('revisionSummary', locale, { name });
  const actions = [
    openUrl(
      plain('revisionAction', locale),
      tabDeepLink(links, 'verslag', { conversationId: conversation.id }),
      'positive',
    ),
  ];
  return { card: adaptiveCard(locale, summary, body, actions), summary };
}

/** The non-author: the report (or final format) is submitted; the approval card follows. */
export function reportReadyCard(input: NoticeBase & { authorName: string; version: number }): BuiltCard {
  const { conversation, links, locale, version } = input;
  const document = documentName(conversation.type, locale, conversation.formatVersion);
  const body: CardElementArray = [
    heading(text('reportTitle', locale, { document })),
    paragraph(
      text('reportBody', locale, {
        name: input.authorName,
        version,
        documentDef: documentDefinite(conversation.type, locale),
      }),
    ),
  ];
  const summary = plain('reportSummary', locale, { document });
  const actions = [
    openUrl(
      plain('openDocument', locale),
      tabDeepLink(links, 'akkoord', { conversationId: conversation.id }),
    ),
  ];
  return { card: adaptiveCard(locale, summary, body, actions), summary };
}
