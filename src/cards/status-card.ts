/** "Mijn gesprekken": the viewer's conversations with their stage and next step. */
import type { ActionArray, CardElementArray, IContainer } from '@microsoft/teams.cards';
import type { ConversationType, NextStep, Stage } from '../domain/index.js';
import { escapeCardText } from './escape.js';
import {
  adaptiveCard,
  formatShortDateTime,
  heading,
  nextStepName,
  openUrl,
  paragraph,
  stageName,
  typeName,
  type BuiltCard,
} from './elements.js';
import { plain, text, type Locale } from './i18n.js';
import { tabDeepLink, type LinkConfig } from './links.js';

/** One conversation in the list (a `ConversationSummary` with names resolved). */
export interface StatusItem {
  id: string;
  type: ConversationType;
  stage: Stage;
  /** The viewer's side in this conversation. */
  party: 'employee' | 'manager';
  employeeName: string;
  managerName?: string;
  nextStep: NextStep;
  start?: string;
}

export interface StatusCardInput {
  items: readonly StatusItem[];
  /** Whether to offer the team overview. */
  isManager: boolean;
  links: LinkConfig;
  locale: Locale;
  /** How many items to show; the rest is in the app. */
  limit?: number;
}

/** A compact list; each item opens the conversation in the tab. Items needing action come first. */
export function statusCard(input: StatusCardInput): BuiltCard {
  const { links, locale } = input;
  const limit = input.limit ?? 8;
  const sorted = [...input.items].sort(
    (a, b) => rank(a) - rank(b) || (a.start ?? '').localeCompare(b.start ?? ''),
  );
  const body: CardElementArray = [heading(text('statusTitle', locale))];
  if (sorted.length === 0) body.push(paragraph(text('statusEmpty', locale)));
  for (const item of sorted.slice(0, limit)) body.push(itemContainer(item, links, locale));
  if (sorted.length > limit)
    body.push(paragraph(text('statusMore', locale, { count: sorted.length - limit }), { subtle: true }));
  const actions: ActionArray = [openUrl(plain('openApp', locale), tabDeepLink(links, 'home'))];
  if (input.isManager) actions.push(openUrl(plain('statusOpenTeam', locale), tabDeepLink(links, 'team')));
  const summary = plain('statusSummary', locale);
  return { card: adaptiveCard(locale, summary, body, actions), summary };
}

function rank(item: StatusItem): number {
  if (item.nextStep === 'none') return 2;
  return item.nextStep === 'wait' ? 1 : 0;
}

function itemContainer(item: StatusItem, links: LinkConfig, locale: Locale): IContainer {
  const type = typeName(item.type, locale);
  const title =
    item.party === 'employee'
      ? text('statusItemAsEmployee', locale, { type, manager: item.managerName ?? '—' })
      : text('statusItemAsManager', locale, { type, employee: item.employeeName });
  const details = [
    stageName(item.stage, locale, item.type),
    item.start ? formatShortDateTime(item.start, locale) : undefined,
  ]
    .filter((part): part is string => Boolean(part))
    .join(' · ');
  const needsAction = item.nextStep !== 'wait' && item.nextStep !== 'none';
  return {
    type: 'Container',
    separator: true,
    selectAction: {
      type: 'Action.OpenUrl',
      url: tabDeepLink(links, 'gesprek', { conversationId: item.id }),
      title: plain('openConversation', locale),
    },
    items: [
      paragraph(title, { bold: true }),
      paragraph(escapeCardText(details, { singleLine: true }), { subtle: true, spacing: 'None' }),
      paragraph(
        escapeCardText(`${plain('nextStepLabel', locale)}: ${nextStepName(item.nextStep, locale)}`, {
          singleLine: true,
        }),
        { spacing: 'None', ...(needsAction ? { color: 'Accent' as const } : {}) },
      ),
    ],
  };
}
