/** The invitation an employee receives when a conversation is planned. */
import type { IContainer, ActionArray, CardElementArray } from '@microsoft/teams.cards';
import { formatOf, type Conversation } from '../domain/index.js';
import { escapeCardText } from './escape.js';
import {
  adaptiveCard,
  facts,
  heading,
  isWebUrl,
  openUrl,
  paragraph,
  scheduleText,
  typeIndefinite,
  typeName,
  userName,
  formatShortDateTime,
  type BuiltCard,
} from './elements.js';
import { plain, text, type Locale } from './i18n.js';
import { meetingLink, tabDeepLink, type LinkConfig } from './links.js';

export interface InvitationCardInput {
  conversation: Conversation;
  managerName: string;
  links: LinkConfig;
  locale: Locale;
}

/** Type, date and time (Europe/Amsterdam), the Teams meeting, and a deep link to the format to prepare. */
export function invitationCard(input: InvitationCardInput): BuiltCard {
  const { conversation, managerName, links, locale } = input;
  const format = formatOf(conversation);
  const type = typeName(conversation.type, locale, conversation.formatVersion);
  const start = conversation.schedule?.start;
  const body: CardElementArray = [
    heading(text('invitationTitle', locale, { type })),
    paragraph(
      text('invitationIntro', locale, {
        manager: managerName,
        typeIndef: typeIndefinite(conversation.type, locale),
      }),
    ),
    facts([
      { title: text('dateLabel', locale), value: escapeCardText(scheduleText(start, locale)) },
      { title: text('withLabel', locale), value: userName(managerName) },
    ]),
    paragraph(text('invitationPrepare', locale)),
  ];
  if (conversation.type === 'vitaliteit') {
    body.push(paragraph(text('vitalityNotAssessment', locale), { color: 'Accent' }));
  }
  if (format.tip) {
    const tip: IContainer = {
      type: 'Container',
      style: 'emphasis',
      items: [paragraph(escapeCardText(format.tip[locale]))],
    };
    body.push(tip);
  }
  const actions: ActionArray = [
    openUrl(
      plain('openFormat', locale),
      tabDeepLink(links, 'voorbereiden', { conversationId: conversation.id }),
      'positive',
    ),
  ];
  const meetingUrl = conversation.schedule?.meetingUrl;
  if (isWebUrl(meetingUrl))
    actions.push(openUrl(plain('joinMeeting', locale), meetingLink(links, meetingUrl)));
  const summary = plain('invitationSummary', locale, {
    type,
    date: start ? formatShortDateTime(start, locale) : plain('notPlanned', locale),
  });
  return { card: adaptiveCard(locale, summary, body, actions), summary };
}
