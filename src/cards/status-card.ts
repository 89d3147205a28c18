/** "Mijn gesprekken": the viewer's conversations with their stage and next step. */
import type {
  ActionArray,
  CardElementArray,
  IContainer,
  IExecuteAction,
  IOpenUrlAction,
} from '@microsoft/teams.cards';
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
import { plain, text, type Locale, type MessageKey } from './i18n.js';
import { approvalVerbs } from './approval-card.js';
import { tabDeepLink, type LinkConfig, type TabLinkParams, type TabPage } from './links.js';

/** One conversation in the list (a `ConversationSummary` with names resolved). */
export interface StatusItem {
  id: string;
  type: ConversationType;
  stage: Stage;
  /** The viewer's side in this conversation. */
  party: 'employee' | 'manager';
  employeeName: string;
  /** The employee's id: planning from a request needs it. */
  employeeId?: string;
  managerName?: string;
  /** The version on the table, when there is one: a reaction to it can be given right here in the chat. */
  currentVersion?: number;
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

/**
 * A compact list, items needing action first. Each item offers its next step: a reaction to the report right here
 * in the chat (the approval card with its buttons replaces this card), anything else on the tab page where it is
 * done.
 */
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

/** The tab page of an item's next step (or, when nothing waits, the page that shows where it stands). */
export function statusTarget(item: StatusItem): { page: TabPage; params: TabLinkParams } {
  const conversation = { conversationId: item.id };
  switch (item.nextStep) {
    case 'plan':
      return {
        page: 'plannen',
        params: { ...(item.employeeId ? { employeeId: item.employeeId } : {}), conversationId: item.id },
      };
    case 'prepare':
      return { page: 'voorbereiden', params: conversation };
    case 'write-report':
      return { page: 'verslag', params: conversation };
    case 'decide':
      return { page: 'akkoord', params: conversation };
    case 'write-pop':
      return { page: 'pop', params: conversation };
    default:
      if (item.stage === 'archived') return { page: 'archief', params: conversation };
      if (item.stage === 'awaiting_approval') return { page: 'akkoord', params: conversation };
      return { page: 'gesprek', params: conversation };
  }
}

/** The button for the next step: in the chat when it can be done there, else the page where it is done. */
function nextStepAction(
  item: StatusItem,
  links: LinkConfig,
  locale: Locale,
): IExecuteAction | IOpenUrlAction {
  if (item.nextStep === 'decide' && item.currentVersion !== undefined)
    return {
      type: 'Action.Execute',
      title: plain('statusReactHere', locale),
      verb: approvalVerbs.refresh,
      data: { conversationId: item.id, version: item.currentVersion },
    };
  const { page, params } = statusTarget(item);
  return openUrl(
    plain(stepButtons[item.nextStep] ?? 'openConversation', locale),
    tabDeepLink(links, page, params),
  );
}

const stepButtons: Partial<Record<NextStep, MessageKey>> = {
  plan: 'statusStepPlan',
  prepare: 'statusStepPrepare',
  'write-report': 'statusStepWriteReport',
  decide: 'statusStepDecide',
  'write-pop': 'statusStepWritePop',
};

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
  const { page, params } = statusTarget(item);
  return {
    type: 'Container',
    separator: true,
    selectAction: {
      type: 'Action.OpenUrl',
      url: tabDeepLink(links, page, params),
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
      { type: 'ActionSet', spacing: 'Small', actions: [nextStepAction(item, links, locale)] },
    ],
  };
}
