/**
 * The approval card ("ter akkoord"). Each party has a copy in their own chat; `refresh` makes every viewer
 * see the current state: buttons only for an approver who has not decided on the current version, the
 * decisions taken so far, and an explanation when the card is about an older version.
 */
import type {
  ActionArray,
  CardElementArray,
  IAdaptiveCard,
  IContainer,
  IExecuteAction,
  IShowCardAction,
  ITextInput,
} from '@microsoft/teams.cards';
import {
  currentVersion,
  decisionOf,
  fieldsOf,
  formatOf,
  type AnswerValue,
  type Conversation,
  type Decision,
  type DecisionKind,
  type LocalizedText,
} from '../domain/index.js';
import { escapeCardText, type CardText } from './escape.js';
import {
  adaptiveCard,
  decisionName,
  documentName,
  facts,
  formatDate,
  formatShortDateTime,
  heading,
  isWebUrl,
  openUrl,
  paragraph,
  typeName,
  userText,
  type BuiltCard,
} from './elements.js';
import { plain, text, type Locale } from './i18n.js';
import { tabDeepLink, type LinkConfig } from './links.js';

/** The verbs of the card's `Action.Execute` actions; the bot routes on them. */
export const approvalVerbs = { decide: 'decide', refresh: 'refresh' } as const;

/** Data every `decide` action carries; the comment comes from the input named by {@link commentInputId}. */
export interface DecideActionData {
  conversationId: string;
  version: number;
  decision: DecisionKind;
}

/** Data the `refresh` action carries. */
export interface RefreshActionData {
  conversationId: string;
  version: number;
}

/** The id of the comment input for a decision; separate ids keep the two show-cards' inputs apart. */
export function commentInputId(decision: DecisionKind): string {
  return `comment_${decision}`;
}

export interface ApprovalViewer {
  id: string;
  party: 'employee' | 'manager';
}

export interface ApprovalCardInput {
  conversation: Conversation;
  /** The version this copy of the card is about. */
  version: number;
  /** Who looks at this copy; without a viewer the card shows the state only, never buttons. */
  viewer?: ApprovalViewer;
  /** Display names by user id: employee, manager, and anyone who decided (a delegate). */
  names: Record<string, string>;
  links: LinkConfig;
  locale: Locale;
  /** Ids for `refresh.userIds` (both parties), so Teams refreshes the card for them automatically. */
  refreshUserIds: string[];
  /** A message to show on top, e.g. why a button press was refused. */
  notice?: { text: LocalizedText; tone: 'good' | 'warning' | 'attention' };
}

/** The approval card for one version as one viewer should see it now. */
export function approvalCard(input: ApprovalCardInput): BuiltCard {
  const { conversation, version, viewer, names, links, locale } = input;
  const cardVersion = conversation.versions.find((v) => v.number === version);
  if (!cardVersion) throw new Error(`Conversation ${conversation.id} has no version ${version}`);
  const latest = currentVersion(conversation);
  const stale = latest !== undefined && latest.number > version;
  const document = documentName(conversation.type, locale, conversation.formatVersion);
  const employeeName = names[conversation.employeeId] ?? conversation.employeeId;
  const managerName = names[conversation.managerId] ?? conversation.managerId;
  const id = conversation.id;

  const body: CardElementArray = [];
  if (input.notice) {
    body.push({
      type: 'Container',
      style:
        input.notice.tone === 'good' ? 'good' : input.notice.tone === 'warning' ? 'warning' : 'attention',
      items: [paragraph(escapeCardText(input.notice.text[locale]), { bold: true })],
    });
  }
  body.push(
    heading(text('approvalTitle', locale, { document })),
    paragraph(
      text('approvalIntro', locale, {
        type: typeName(conversation.type, locale, conversation.formatVersion),
        employee: employeeName,
        manager: managerName,
      }),
    ),
    facts([{ title: text('versionLabel', locale), value: escapeCardText(String(version)) }]),
  );
  const summary = summarySection(conversation, version, locale);
  body.push(summary, decisionsSection(conversation, version, names, locale));

  const employeeDecision = decisionOf(conversation, version, 'employee');
  const managerDecision = decisionOf(conversation, version, 'manager');
  const revision =
    employeeDecision?.decision === 'niet_akkoord' || managerDecision?.decision === 'niet_akkoord';
  const actions: ActionArray = [];
  const state = stateText();
  if (state) body.push(state);

  const canDecide =
    viewer !== undefined &&
    !stale &&
    conversation.stage === 'awaiting_approval' &&
    !decisionOf(conversation, version, viewer.party);
  if (canDecide) actions.push(...decisionActions(id, version, viewer.party, locale));

  // The document link sits under the summary, so the decision buttons keep the action row to themselves.
  const documentLink = stale
    ? openUrl(plain('approvalOpenCurrent', locale), tabDeepLink(links, 'akkoord', { conversationId: id }))
    : conversation.stage === 'archived' && isWebUrl(conversation.archive?.url)
      ? openUrl(plain('archivedOpenDocument', locale), conversation.archive.url)
      : openUrl(plain('approvalOpenDocument', locale), tabDeepLink(links, 'akkoord', { conversationId: id }));
  body.splice(body.indexOf(summary) + 1, 0, { type: 'ActionSet', actions: [documentLink] });

  const refreshAction: IExecuteAction = {
    type: 'Action.Execute',
    verb: approvalVerbs.refresh,
    data: { conversationId: id, version } satisfies RefreshActionData,
  };
  const line = plain('approvalSummary', locale, { document, version });
  const card: IAdaptiveCard = adaptiveCard(locale, line, body, actions, {
    refresh: { action: refreshAction, userIds: [...new Set(input.refreshUserIds)] },
  });
  return { card, summary: line };

  function stateText() {
    const other = viewer?.party === 'employee' ? managerName : employeeName;
    if (conversation.stage === 'cancelled')
      return paragraph(text('approvalCancelled', locale), { color: 'Attention', bold: true });
    if (stale && latest) {
      return paragraph(text('approvalStale', locale, { current: latest.number, version }), {
        color: 'Warning',
        bold: true,
      });
    }
    if (conversation.stage === 'archived')
      return paragraph(text('approvalArchived', locale), { color: 'Good', bold: true });
    if (conversation.stage === 'approved')
      return paragraph(text('approvalFinal', locale), { color: 'Good', bold: true });
    if (revision) return paragraph(text('approvalRevision', locale), { color: 'Warning', bold: true });
    if (viewer && decisionOf(conversation, version, viewer.party)) {
      return paragraph(text('approvalWaitingForOther', locale, { name: other }), { color: 'Accent' });
    }
    return undefined;
  }
}

function decisionActions(
  conversationId: string,
  version: number,
  party: 'employee' | 'manager',
  locale: Locale,
): ActionArray {
  const execute = (
    decision: DecisionKind,
    title: string,
    style?: IExecuteAction['style'],
  ): IExecuteAction => ({
    type: 'Action.Execute',
    verb: approvalVerbs.decide,
    title,
    data: { conversationId, version, decision } satisfies DecideActionData,
    // Akkoord needs no input; the confirm buttons take the comment of their own show-card.
    associatedInputs: decision === 'akkoord' ? 'none' : 'auto',
    ...(style ? { style } : {}),
  });
  const withComment = (
    decision: DecisionKind,
    title: string,
    label: string,
    error: string,
    confirm: string,
    style?: IExecuteAction['style'],
  ): IShowCardAction => {
    const input: ITextInput = {
      type: 'Input.Text',
      id: commentInputId(decision),
      label,
      isRequired: true,
      errorMessage: error,
      isMultiline: true,
      maxLength: 2000,
    };
    return {
      type: 'Action.ShowCard',
      title,
      card: { type: 'AdaptiveCard', body: [input], actions: [execute(decision, confirm, style)] },
    };
  };
  const actions: ActionArray = [execute('akkoord', plain('approvalAkkoord', locale), 'positive')];
  if (party === 'employee') {
    actions.push(
      withComment(
        'voor_gezien',
        plain('approvalVoorGezien', locale),
        plain('approvalRemarkLabel', locale),
        plain('approvalRemarkError', locale),
        plain('approvalConfirmVoorGezien', locale),
      ),
    );
  }
  actions.push(
    withComment(
      'niet_akkoord',
      plain('approvalNietAkkoord', locale),
      plain('approvalCommentLabel', locale),
      plain('approvalCommentError', locale),
      plain('approvalConfirmNietAkkoord', locale),
      'destructive',
    ),
  );
  return actions;
}

function decisionsSection(
  conversation: Conversation,
  version: number,
  names: Record<string, string>,
  locale: Locale,
): IContainer {
  const line = (party: 'employee' | 'manager', decision: Decision | undefined) => {
    const partyId = party === 'employee' ? conversation.employeeId : conversation.managerId;
    const title = text(party === 'employee' ? 'approvalPartyEmployee' : 'approvalPartyManager', locale, {
      name: names[partyId] ?? partyId,
    });
    if (!decision) return { title, value: text('approvalPending', locale) };
    let value = text('approvalDecidedAt', locale, {
      decision: decisionName(decision.decision, locale),
      date: formatShortDateTime(decision.at, locale),
    });
    if (decision.onBehalfOf) {
      value =
        `${value} ${text('approvalOnBehalfOf', locale, { name: names[decision.actorId] ?? decision.actorId })}` as CardText;
    }
    return { title, value };
  };
  const employee = decisionOf(conversation, version, 'employee');
  const manager = decisionOf(conversation, version, 'manager');
  const items: CardElementArray = [
    paragraph(text('statusLabel', locale), { bold: true }),
    facts([line('employee', employee), line('manager', manager)]),
  ];
  for (const decision of [employee, manager]) {
    if (decision?.comment) {
      items.push(
        paragraph(text('approvalCommentBy', locale, { name: names[decision.actorId] ?? decision.actorId }), {
          subtle: true,
        }),
        paragraph(userText(decision.comment, 2000), { spacing: 'None' }),
      );
    }
  }
  return { type: 'Container', separator: true, items };
}

function summarySection(conversation: Conversation, version: number, locale: Locale): IContainer {
  const content = conversation.versions.find((v) => v.number === version)?.content.report ?? {};
  const fields = fieldsOf(formatOf(conversation).report.sections);
  const items: CardElementArray = [paragraph(text('approvalSummaryHeading', locale), { bold: true })];
  for (const field of fields) {
    const lines = answerLines(content[field.id], locale);
    if (lines.length === 0) continue;
    items.push(
      paragraph(escapeCardText(field.label[locale], { singleLine: true }), {
        subtle: true,
        spacing: 'Small',
      }),
    );
    for (const line of lines.slice(0, 8)) items.push(paragraph(line, { spacing: 'None' }));
    if (lines.length > 8) items.push(paragraph(escapeCardText('…'), { spacing: 'None', subtle: true }));
  }
  return { type: 'Container', style: 'emphasis', items };
}

/** Turns one answer into short card-safe lines: a text excerpt, or one bullet per agreement or goal. */
function answerLines(value: AnswerValue | undefined, locale: Locale): CardText[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return value.trim() ? [userText(value, 600)] : [];
  return value.map((item) => {
    const label = escapeCardText('text' in item ? item.text : item.title, {
      singleLine: true,
      maxLength: 300,
    });
    const due =
      'due' in item && item.due
        ? ` ${text('agreementDue', locale, { date: formatDate(item.due, locale) })}`
        : '';
    return `• ${label}${due}` as CardText;
  });
}
