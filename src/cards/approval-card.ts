/**
 * The signing card. Each party has a copy in their own chat; `refresh` makes every viewer see the current state:
 * buttons only for a signer (`choicesFor`) who has not reacted on the current version, who chose what so far
 * (`signatureSummary`), and a heading that follows the state. In a Vitaliteitsgesprek the employee signed by
 * offering her report, so her copy is a status card; the manager co-signs or sends it back.
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
  choicesFor,
  currentVersion,
  decisionOf,
  fieldsOf,
  filingOf,
  formatOf,
  limits,
  smileyLabels,
  smileyValues,
  type AnswerValue,
  type Conversation,
  type DecisionKind,
  type FieldDef,
  type LocalizedText,
  type Smiley,
  versionOf,
  type DecideInput,
} from '../domain/index.js';
import { escapeCardText, type CardText } from './escape.js';
import {
  adaptiveCard,
  documentName,
  facts,
  formatDate,
  formatDay,
  formatShortDateTime,
  heading,
  isWebUrl,
  openUrl,
  paragraph,
  typeName,
  userText,
  type BuiltCard,
} from './elements.js';
import { plain, text, type Locale, type MessageKey } from './i18n.js';
import {
  authorPhrase,
  filingLine,
  isFinalOutcome,
  signatureSection,
  summaryOf,
  viewerLine,
  wayOutSection,
  type SignatureView,
} from './signatures.js';
import { tabDeepLink, type LinkConfig } from './links.js';

/** The verbs of the card's `Action.Execute` actions; the bot routes on them. */
export const approvalVerbs = { decide: 'decide', refresh: 'refresh' } as const;

/** Data every `decide` action carries: the reaction's shape (`DecideInput`), less the comment typed in the card. */
export type DecideActionData = { conversationId: string } & Pick<DecideInput, 'version' | 'decision'>;

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
  /**
   * The organisation's way out of a disagreement (HR, the vertrouwenspersoon), shown after three versions sent
   * back (`needsWayOut`). The default text lives with the server configuration.
   */
  wayOut?: string;
}

/** The approval card for one version as one viewer should see it now. */
export function approvalCard(input: ApprovalCardInput): BuiltCard {
  const { conversation, version, viewer, names, links, locale } = input;
  const cardVersion = versionOf(conversation, version);
  if (!cardVersion) throw new Error(`Conversation ${conversation.id} has no version ${version}`);
  const latest = currentVersion(conversation);
  const stale = latest !== undefined && latest.number > version;
  const document = documentName(conversation.type, locale, conversation.formatVersion);
  const employeeName = names[conversation.employeeId] ?? conversation.employeeId;
  const id = conversation.id;
  const view: SignatureView = { conversation, version, names, locale, ...(viewer ? { viewer } : {}) };
  const summary = summaryOf(conversation, version);

  const canReact =
    viewer !== undefined &&
    !stale &&
    conversation.stage === 'awaiting_approval' &&
    summary.outcome === 'pending' &&
    choicesFor(conversation.type, viewer.party).length > 0 &&
    !decisionOf(conversation, version, viewer.party);
  const titleKey = headingKey();
  // A final or filed document is named by its conversation ("Definitief: Reflectiegesprek"), never
  // "Definitief: Definitief format"; while it is being signed, by the document itself.
  const titled = (
    [
      'approvalTitleFinal',
      'approvalTitleFiled',
      'approvalTitleConfidential',
      'approvalTitleCancelled',
    ] as const
  ).includes(titleKey as 'approvalTitleFinal')
    ? typeName(conversation.type, locale, conversation.formatVersion)
    : document;
  const title = text(titleKey, locale, { document: titled });

  const body: CardElementArray = [];
  if (input.notice) {
    body.push({
      type: 'Container',
      style:
        input.notice.tone === 'good' ? 'good' : input.notice.tone === 'warning' ? 'warning' : 'attention',
      items: [paragraph(escapeCardText(input.notice.text[locale]), { bold: true })],
    });
  }
  body.push(heading(title), facts(contextFacts(conversation, cardVersion, names, locale)));
  const line = viewerLine(view);
  if (line)
    body.push(paragraph(line.text, { ...(line.color ? { color: line.color } : {}), bold: line.bold }));
  const filing = conversation.stage !== 'cancelled' ? filingLine(view) : undefined;
  if (filing) body.push(paragraph(filing, { subtle: true }));
  const wayOut = stale ? undefined : wayOutSection(conversation, input.wayOut, locale);
  if (wayOut) body.push(wayOut);

  const contentSummary = summarySection(conversation, version, locale);
  // The document link sits under the summary, so the decision buttons keep the action row to themselves.
  const documentLink = stale
    ? openUrl(plain('approvalOpenCurrent', locale), tabDeepLink(links, 'akkoord', { conversationId: id }))
    : conversation.stage === 'archived' && isWebUrl(conversation.archive?.url)
      ? openUrl(plain('archivedOpenDocument', locale), conversation.archive.url)
      : openUrl(plain('approvalOpenDocument', locale), tabDeepLink(links, 'akkoord', { conversationId: id }));
  body.push(contentSummary, { type: 'ActionSet', actions: [documentLink] }, signatureSection(view));

  const actions: ActionArray =
    canReact && viewer ? decisionActions(conversation, version, viewer.party, view, locale) : [];

  const refreshAction: IExecuteAction = {
    type: 'Action.Execute',
    verb: approvalVerbs.refresh,
    data: { conversationId: id, version } satisfies RefreshActionData,
  };
  const summaryLine = plain('approvalSummaryLine', locale, {
    title: plain(titleKey, locale, { document: titled }),
    employee: employeeName,
    version,
  });
  const card: IAdaptiveCard = adaptiveCard(locale, summaryLine, body, actions, {
    refresh: { action: refreshAction, userIds: [...new Set(input.refreshUserIds)] },
  });
  return { card, summary: summaryLine };

  /** The heading follows the state: never "ter ondertekening" once the version is final or sent back. */
  function headingKey(): MessageKey {
    if (conversation.stage === 'cancelled') return 'approvalTitleCancelled';
    if (stale) return 'approvalTitleSuperseded';
    if (summary.outcome === 'returned') return 'approvalTitleReturned';
    if (isFinalOutcome(summary)) {
      if (conversation.stage !== 'archived') return 'approvalTitleFinal';
      return filingOf(conversation.type) === 'confidential'
        ? 'approvalTitleConfidential'
        : 'approvalTitleFiled';
    }
    if (canReact) return conversation.type === 'vitaliteit' ? 'approvalTitleCosign' : 'approvalTitleSign';
    if (conversation.type === 'vitaliteit' && viewer?.party === 'employee') return 'approvalTitleOffered';
    return 'approvalTitleWaiting';
  }
}

/** Which conversation this is, so a manager's cards for three people are told apart: who, what, when. */
function contextFacts(
  conversation: Conversation,
  version: Conversation['versions'][number],
  names: Record<string, string>,
  locale: Locale,
) {
  const rows = [
    {
      title: text('typeLabel', locale),
      value: text('conversationOfWith', locale, {
        type: typeName(conversation.type, locale, conversation.formatVersion),
        employee: names[conversation.employeeId] ?? conversation.employeeId,
        manager: names[conversation.managerId] ?? conversation.managerId,
      }),
    },
  ];
  const met = conversation.schedule?.start ?? conversation.heldAt;
  if (met)
    rows.push({ title: text('meetingDateLabel', locale), value: escapeCardText(formatDay(met, locale)) });
  rows.push({
    title: text('versionLabel', locale),
    value: text('approvalVersionValue', locale, {
      version: version.number,
      date: formatShortDateTime(version.submittedAt, locale),
    }),
  });
  return rows;
}

function decisionActions(
  conversation: Conversation,
  version: number,
  party: 'employee' | 'manager',
  view: SignatureView,
  locale: Locale,
): ActionArray {
  const conversationId = conversation.id;
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
    explanation: CardText,
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
      maxLength: limits.commentLength,
    };
    return {
      type: 'Action.ShowCard',
      title,
      card: {
        type: 'AdaptiveCard',
        body: [paragraph(explanation), input],
        actions: [execute(decision, confirm, style)],
      },
    };
  };
  const actions: ActionArray = [];
  for (const choice of choicesFor(conversation.type, party)) {
    if (choice === 'akkoord') {
      actions.push(
        execute(
          'akkoord',
          plain(conversation.type === 'vitaliteit' ? 'approvalCosign' : 'approvalAkkoord', locale),
          'positive',
        ),
      );
    } else if (choice === 'voor_gezien') {
      // Before confirming she reads what voor gezien does: final, filed with her remark, not agreement.
      actions.push(
        withComment(
          'voor_gezien',
          plain('approvalVoorGezien', locale),
          text('approvalVoorGezienExplain', locale),
          plain('approvalRemarkLabel', locale),
          plain('approvalRemarkError', locale),
          plain('approvalConfirmVoorGezien', locale),
        ),
      );
    } else {
      const own = party === formatOf(conversation).report.author;
      actions.push(
        withComment(
          'niet_akkoord',
          plain('approvalNietAkkoord', locale),
          own
            ? text('approvalNietAkkoordExplainOwn', locale)
            : text('approvalNietAkkoordExplain', locale, { author: authorPhrase(view) }),
          plain('approvalCommentLabel', locale),
          plain('approvalCommentError', locale),
          plain('approvalConfirmNietAkkoord', locale),
          'destructive',
        ),
      );
    }
  }
  return actions;
}

function summarySection(conversation: Conversation, version: number, locale: Locale): IContainer {
  const content = versionOf(conversation, version)?.content.report ?? {};
  const fields = fieldsOf(formatOf(conversation).report.sections);
  const items: CardElementArray = [paragraph(text('approvalSummaryHeading', locale), { bold: true })];
  for (const field of fields) {
    const lines = answerLines(field, content[field.id], locale);
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
function answerLines(field: FieldDef, value: AnswerValue | undefined, locale: Locale): CardText[] {
  if (value === undefined) return [];
  if (field.kind === 'smiley' && (smileyValues as readonly string[]).includes(value as string))
    return [escapeCardText(smileyLabels[value as Smiley][locale])];
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
