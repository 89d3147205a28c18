/** The manager's card when an employee asks for a Vitaliteitsgesprek. */
import type { CardElementArray } from '@microsoft/teams.cards';
import { limits, type Conversation } from '../domain/index.js';
import { adaptiveCard, facts, heading, openUrl, paragraph, userText, type BuiltCard } from './elements.js';
import { plain, text, type Locale } from './i18n.js';
import { tabDeepLink, type LinkConfig } from './links.js';

export interface RequestCardInput {
  conversation: Conversation;
  employeeName: string;
  links: LinkConfig;
  locale: Locale;
}

/** "Fatima vraagt om een Vitaliteitsgesprek", her note, and "Gesprek plannen" into the tab's planning page. */
export function requestCard(input: RequestCardInput): BuiltCard {
  const { conversation, employeeName, links, locale } = input;
  const body: CardElementArray = [
    heading(text('requestTitle', locale)),
    paragraph(text('requestIntro', locale, { employee: employeeName })),
  ];
  if (conversation.requestNote?.trim()) {
    body.push(
      facts([
        {
          title: text('requestNote', locale),
          value: userText(conversation.requestNote, limits.commentLength),
        },
      ]),
    );
  }
  body.push(paragraph(text('vitalityNotAssessmentManager', locale), { subtle: true }));
  const summary = plain('requestSummary', locale, { employee: employeeName });
  const plan = tabDeepLink(links, 'plannen', {
    employeeId: conversation.employeeId,
    conversationId: conversation.id,
  });
  return {
    card: adaptiveCard(locale, summary, body, [openUrl(plain('requestPlan', locale), plan, 'positive')]),
    summary,
  };
}
