/**
 * Who chose what on a version, as every card says it: one source (the domain's `signatureSummary`), one set of
 * words. "Beiden akkoord" only when both chose akkoord; voor gezien is never reported as agreement; the vitality
 * report is signed by its author when she offers it and co-signed by the manager. A viewer's own actions are
 * written in the second person.
 */
import type { CardElementArray, IContainer, TextColor } from '@microsoft/teams.cards';
import {
  filingOf,
  formatOf,
  limits,
  needsWayOut,
  returnedCount,
  signatureSummary,
  versionOf,
  type Conversation,
  type SignatureLine,
  type SignatureSummary,
  type Signer,
} from '../domain/index.js';
import { escapeCardText, type CardText } from './escape.js';
import {
  decisionName,
  documentDefinite,
  facts,
  formatShortDateTime,
  paragraph,
  userText,
} from './elements.js';
import { plain, text, type Locale } from './i18n.js';

/** Who reads a card: their own actions are "je", everyone else's carry a name. */
export interface SignatureViewer {
  id: string;
  party: Signer;
}

/** What the signature helpers need: the conversation, the version, names by user id, the reader. */
export interface SignatureView {
  conversation: Conversation;
  version: number;
  names: Record<string, string>;
  locale: Locale;
  viewer?: SignatureViewer;
}

type Decided = Extract<SignatureLine, { kind: 'decided' }>;

/** The domain's summary of one version of the conversation. */
export function summaryOf(conversation: Conversation, version: number): SignatureSummary {
  const found = versionOf(conversation, version);
  if (!found) throw new Error(`Conversation ${conversation.id} has no version ${version}`);
  return signatureSummary(conversation, found);
}

/** Whether a version's outcome makes it final. */
export function isFinalOutcome(summary: SignatureSummary): boolean {
  return summary.outcome === 'agreed' || summary.outcome === 'acknowledged' || summary.outcome === 'cosigned';
}

/** The party who writes and offers the document: the employee (vitality) or the manager. */
export function authorParty(conversation: Conversation): Signer {
  return formatOf(conversation).report.author;
}

/** A person's display name; without one, the role ("de medewerker") rather than an internal id. */
function nameOf(view: SignatureView, id: string): string {
  const name = view.names[id];
  if (name) return name;
  if (id === view.conversation.employeeId) return plain('theEmployee', view.locale);
  if (id === view.conversation.managerId) return plain('theManager', view.locale);
  return id;
}

function partyId(conversation: Conversation, party: Signer): string {
  return party === 'employee' ? conversation.employeeId : conversation.managerId;
}

function decidedLines(summary: SignatureSummary): Decided[] {
  return summary.lines.filter((l): l is Decided => l.kind === 'decided');
}

/** The person who makes the next version, as the reader would call them ("je leidinggevende", a name). */
export function authorPhrase(view: SignatureView): string {
  const author = authorParty(view.conversation);
  if (view.viewer?.party === 'employee' && author === 'manager') return plain('yourManager', view.locale);
  return nameOf(view, partyId(view.conversation, author));
}

/** The name of a decision's actor, with "namens" for a delegate, in plain text. */
function actorName(view: SignatureView, line: Decided): string {
  return nameOf(view, line.actorId);
}

/** "voor gezien, met opmerking" / "akkoord" / "medeondertekend" for one reaction. */
function choiceWords(view: SignatureView, line: Decided): string {
  const { locale } = view;
  if (view.conversation.type === 'vitaliteit' && line.decision === 'akkoord')
    return plain('decisionCosigned', locale);
  const decision = decisionName(line.decision, locale);
  if (!line.comment) return decision;
  return plain(line.decision === 'niet_akkoord' ? 'decisionWithComment' : 'decisionWithRemark', locale, {
    decision,
  });
}

/** The first sentence: what the version's outcome is. */
function outcomeSentence(view: SignatureView, summary: SignatureSummary): string {
  const { locale, conversation } = view;
  const version = summary.version;
  switch (summary.outcome) {
    case 'agreed':
      // Both reacted and both chose akkoord: the one case that may say so.
      return plain('sigFinalBothAgreed', locale, { version });
    case 'acknowledged':
    case 'cosigned':
      return plain('sigFinal', locale, { version });
    case 'returned':
      return plain('sigReturned', locale, { version });
    case 'superseded':
      return plain('sigSuperseded', locale, {
        version,
        current: conversation.versions.at(-1)?.number ?? version,
      });
    case 'pending':
      return plain(conversation.type === 'vitaliteit' ? 'sigPendingCosign' : 'sigPending', locale, {
        version,
      });
  }
}

/** Vitality: "Fatima heeft het verslag ondertekend en aangeboden; Jeroen heeft medeondertekend." */
function vitalitySentence(view: SignatureView, summary: SignatureSummary): string {
  const { locale, viewer, conversation } = view;
  const offered = summary.lines.find((l) => l.kind === 'offered');
  const offeredText =
    offered && offered.actorId === viewer?.id
      ? plain('sigVitalityOfferedYou', locale)
      : plain('sigVitalityOffered', locale, {
          name: nameOf(view, offered?.actorId ?? conversation.employeeId),
        });
  const manager = summary.lines.find((l) => l.party === 'manager' && l.kind !== 'offered');
  let second: string;
  if (manager?.kind === 'decided') {
    const mine = manager.actorId === viewer?.id;
    if (manager.decision === 'niet_akkoord') {
      second = mine
        ? plain('sigVitalityReturnedYou', locale)
        : plain('sigVitalityReturned', locale, { name: actorName(view, manager) });
    } else if (mine) second = plain('sigVitalityCosignedYou', locale);
    else if (manager.onBehalfOf)
      second = plain('sigVitalityCosignedFor', locale, {
        name: actorName(view, manager),
        manager: nameOf(view, manager.onBehalfOf),
      });
    else second = plain('sigVitalityCosigned', locale, { name: actorName(view, manager) });
  } else {
    second =
      viewer?.party === 'manager'
        ? plain('sigVitalityPendingYou', locale)
        : plain('sigVitalityPending', locale, { name: nameOf(view, conversation.managerId) });
  }
  return `${offeredText}; ${second}.`;
}

/** Reflection and Het Goede Gesprek: "Medewerker: voor gezien, met opmerking. Leidinggevende: akkoord." */
function choicesSentence(view: SignatureView, summary: SignatureSummary): string {
  const { locale } = view;
  return summary.lines
    .filter((l) => l.kind !== 'offered')
    .map((line) => {
      const role = plain(line.party === 'employee' ? 'roleEmployee' : 'roleManager', locale);
      if (line.kind !== 'decided') return plain('sigChoicePending', locale, { role });
      const decision = decisionName(line.decision, locale);
      if (!line.comment) return plain('sigChoice', locale, { role, decision });
      return plain(line.decision === 'niet_akkoord' ? 'sigChoiceComment' : 'sigChoiceRemark', locale, {
        role,
        decision,
      });
    })
    .join(' ');
}

/**
 * Who chose what on a version, in plain text: "Versie 2 is definitief. Medewerker: voor gezien, met opmerking.
 * Leidinggevende: akkoord." For summaries, fallback text and the signature block's first line.
 */
export function signatureText(view: SignatureView): string {
  const summary = summaryOf(view.conversation, view.version);
  const who =
    view.conversation.type === 'vitaliteit'
      ? vitalitySentence(view, summary)
      : choicesSentence(view, summary);
  return `${outcomeSentence(view, summary)} ${who}`;
}

function outcomeColor(summary: SignatureSummary): TextColor {
  if (isFinalOutcome(summary)) return 'Good';
  if (summary.outcome === 'returned' || summary.outcome === 'superseded') return 'Warning';
  return 'Default';
}

/** One fact per line of the summary: the role, then name, choice and date. */
function signatureFacts(view: SignatureView, summary: SignatureSummary) {
  const { locale, conversation } = view;
  const vitality = conversation.type === 'vitaliteit';
  return summary.lines.map((line) => {
    const role = text(line.party === 'employee' ? 'roleEmployee' : 'roleManager', locale);
    if (line.kind === 'offered') {
      const date = formatShortDateTime(line.at, locale);
      const name = nameOf(view, line.actorId);
      return vitality
        ? { title: role, value: text('factSignedOffered', locale, { name, date }) }
        : { title: text('offeredBy', locale), value: text('factOffered', locale, { name, date }) };
    }
    if (line.kind === 'pending') {
      return {
        title: role,
        value: text('factPending', locale, { name: nameOf(view, partyId(conversation, line.party)) }),
      };
    }
    const vars = {
      name: actorName(view, line),
      decision: choiceWords(view, line),
      date: formatShortDateTime(line.at, locale),
    };
    return {
      title: role,
      value: line.onBehalfOf
        ? text('factDecidedFor', locale, { ...vars, manager: nameOf(view, line.onBehalfOf) })
        : text('factDecided', locale, vars),
    };
  });
}

/**
 * The signature block ("Ondertekening"): who chose what in one sentence, then each person with their choice and
 * when, then every remark or comment in full.
 */
export function signatureSection(view: SignatureView): IContainer {
  const summary = summaryOf(view.conversation, view.version);
  const { locale } = view;
  const items: CardElementArray = [
    paragraph(text('signaturesHeading', locale), { bold: true }),
    paragraph(escapeCardText(signatureText(view)), {
      bold: true,
      color: outcomeColor(summary),
      spacing: 'Small',
    }),
    facts(signatureFacts(view, summary)),
  ];
  for (const line of decidedLines(summary)) {
    if (!line.comment) continue;
    const vars = { name: actorName(view, line), decision: decisionName(line.decision, locale) };
    items.push(
      paragraph(text(line.decision === 'niet_akkoord' ? 'commentBy' : 'remarkBy', locale, vars), {
        subtle: true,
      }),
      paragraph(userText(line.comment, limits.commentLength), { spacing: 'None' }),
    );
  }
  return { type: 'Container', separator: true, items };
}

/** A line for the reader about where they stand, in the second person where it is about them. */
export interface ViewerLine {
  text: CardText;
  color?: TextColor;
  bold?: boolean;
}

/** Where the reader stands on this version, or undefined when the outcome says it all. */
export function viewerLine(view: SignatureView): ViewerLine | undefined {
  const { conversation, version, locale, viewer } = view;
  const summary = summaryOf(conversation, version);
  const latest = conversation.versions.at(-1)?.number ?? version;
  const author = authorParty(conversation);
  const vitality = conversation.type === 'vitaliteit';
  if (conversation.stage === 'cancelled')
    return { text: text('approvalCancelled', locale), color: 'Attention', bold: true };
  if (version < latest)
    return {
      text: text('approvalStale', locale, { current: latest, version }),
      color: 'Warning',
      bold: true,
    };
  if (summary.outcome === 'returned') {
    const returned = decidedLines(summary).find((l) => l.decision === 'niet_akkoord');
    if (!returned) return undefined;
    const mine = returned.actorId === viewer?.id;
    const isAuthor = viewer?.party === author;
    let line: CardText;
    if (mine)
      line = isAuthor
        ? text('youReturnedOwn', locale, { version })
        : text('youReturned', locale, { version, author: authorPhrase(view) });
    else
      line = isAuthor
        ? text('otherReturnedYouAuthor', locale, { version, name: actorName(view, returned) })
        : text('otherReturned', locale, {
            version,
            name: actorName(view, returned),
            author: authorPhrase(view),
          });
    return { text: line, color: 'Warning', bold: true };
  }
  if (summary.outcome === 'acknowledged') {
    const seen = decidedLines(summary).find((l) => l.decision === 'voor_gezien');
    if (!seen) return undefined;
    return seen.actorId === viewer?.id
      ? { text: text('youAcknowledged', locale) }
      : { text: text('otherAcknowledged', locale, { name: actorName(view, seen) }) };
  }
  if (summary.outcome !== 'pending' || !viewer) return undefined;
  const own = summary.lines.find((l) => l.kind !== 'offered' && l.party === viewer.party);
  if (!own) {
    // Not a signer: the vitality author, who signed by offering.
    if (vitality && viewer.party === 'employee') {
      return {
        text: text('youAwaitingCosign', locale, {
          version,
          manager: nameOf(view, conversation.managerId),
        }),
        color: 'Accent',
      };
    }
    return undefined;
  }
  if (own.kind === 'decided') {
    const waiting = summary.lines
      .filter((l) => l.kind === 'pending')
      .map((l) => nameOf(view, partyId(conversation, l.party)));
    return {
      text: text('youResponded', locale, {
        decision: choiceWords(view, own),
        name: waiting.join(locale === 'nl' ? ' en ' : ' and '),
      }),
      color: 'Accent',
    };
  }
  const documentDef = documentDefinite(conversation.type, locale);
  return vitality
    ? {
        text: text('approvalAskCosign', locale, {
          employee: nameOf(view, conversation.employeeId),
          documentDef,
        }),
      }
    : { text: text('approvalAskSign', locale, { documentDef }) };
}

/**
 * Where the final document goes and who can open it: the personnel file, where HR can open it, or (vitality)
 * kept confidentially, where HR cannot. Undefined until the version is final.
 */
export function filingLine(view: SignatureView): CardText | undefined {
  const { conversation, locale, viewer } = view;
  if (!isFinalOutcome(summaryOf(conversation, view.version))) return undefined;
  if (filingOf(conversation.type) === 'personnel-file')
    return text(conversation.stage === 'archived' ? 'filedPersonnel' : 'filingPersonnel', locale);
  return viewer?.party === 'employee'
    ? text('filingConfidentialEmployee', locale)
    : text('filingConfidential', locale, { employee: nameOf(view, conversation.employeeId) });
}

/**
 * After three versions sent back: how many, and the organisation's way out (HR, the vertrouwenspersoon). Shown
 * only while the conversation is still open and a text was configured.
 */
export function wayOutSection(
  conversation: Conversation,
  wayOut: string | undefined,
  locale: Locale,
): IContainer | undefined {
  if (!wayOut?.trim() || !needsWayOut(conversation)) return undefined;
  if (['approved', 'archived', 'cancelled'].includes(conversation.stage)) return undefined;
  return {
    type: 'Container',
    style: 'warning',
    items: [
      paragraph(text('wayOutCount', locale, { count: returnedCount(conversation) }), { bold: true }),
      paragraph(userText(wayOut, limits.commentLength), { spacing: 'Small' }),
    ],
  };
}
