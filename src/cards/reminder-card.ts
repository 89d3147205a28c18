/** Reminders that know where the recipient stands: not started, started but not finished, or their reaction. */
import type { ActionArray } from '@microsoft/teams.cards';
import { choicesFor, currentVersion, decisionOf, type Conversation } from '../domain/index.js';
import {
  adaptiveCard,
  documentDefinite,
  heading,
  openUrl,
  paragraph,
  scheduleText,
  typeName,
  type BuiltCard,
} from './elements.js';
import { plain, text, type Locale } from './i18n.js';
import { tabDeepLink, type LinkConfig } from './links.js';

export type ReminderKind = 'not-started' | 'started' | 'approval';

/** Which reminder applies to a party now, or null when there is nothing to remind them of. */
export function reminderKind(conversation: Conversation, party: 'employee' | 'manager'): ReminderKind | null {
  if (conversation.stage === 'awaiting_approval') {
    // Only a signer is reminded: the vitality author signed by offering and has nothing left to do.
    const version = currentVersion(conversation);
    if (choicesFor(conversation.type, party).length === 0) return null;
    return version && !decisionOf(conversation, version.number, party) ? 'approval' : null;
  }
  if (party !== 'employee') return null;
  if (conversation.stage === 'planned') return 'not-started';
  if (conversation.stage === 'preparing') return 'started';
  return null;
}

export interface ReminderCardInput {
  conversation: Conversation;
  party: 'employee' | 'manager';
  /** The other party's display name. */
  otherName: string;
  /** The employee's display name, for a manager's reminder about her document; defaults to `otherName`. */
  employeeName?: string;
  links: LinkConfig;
  locale: Locale;
}

/** A reminder for the current stage; throws when no reminder applies (the job should not have run). */
export function reminderCard(input: ReminderCardInput): BuiltCard {
  const { conversation, party, otherName, links, locale } = input;
  const kind = reminderKind(conversation, party);
  if (!kind) throw new Error(`No reminder applies to ${party} in stage ${conversation.stage}`);
  const type = typeName(conversation.type, locale, conversation.formatVersion);
  const date = scheduleText(conversation.schedule?.start, locale);
  const id = conversation.id;
  if (kind === 'approval') {
    const version = currentVersion(conversation)?.number ?? 0;
    const summary = plain('reminderSummarySign', locale, {
      documentDef: documentDefinite(conversation.type, locale),
    });
    const employee = party === 'employee' ? '' : (input.employeeName ?? otherName);
    const actions: ActionArray = [
      openUrl(
        plain('reviewAndRespond', locale),
        tabDeepLink(links, 'akkoord', { conversationId: id }),
        'positive',
      ),
    ];
    return {
      card: adaptiveCard(
        locale,
        summary,
        [
          heading(text('reminderTitle', locale, { type })),
          paragraph(
            conversation.type === 'vitaliteit'
              ? text('reminderCosign', locale, {
                  employee,
                  version,
                  documentDef: documentDefinite(conversation.type, locale),
                })
              : text(party === 'employee' ? 'reminderSignOwn' : 'reminderSign', locale, {
                  employee,
                  version,
                  documentDef: documentDefinite(conversation.type, locale),
                }),
          ),
        ],
        actions,
      ),
      summary,
    };
  }
  const summary = plain('reminderSummaryPrepare', locale);
  const body = [
    heading(text('reminderTitle', locale, { type })),
    paragraph(
      text(kind === 'not-started' ? 'reminderNotStarted' : 'reminderStarted', locale, {
        other: otherName,
        date,
      }),
    ),
  ];
  if (conversation.type === 'vitaliteit')
    body.push(paragraph(text('vitalityNotAssessment', locale), { subtle: true }));
  const label = plain(kind === 'not-started' ? 'startPreparation' : 'continuePreparation', locale);
  const actions: ActionArray = [
    openUrl(label, tabDeepLink(links, 'voorbereiden', { conversationId: id }), 'positive'),
  ];
  return { card: adaptiveCard(locale, summary, body, actions), summary };
}
