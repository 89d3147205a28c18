/** A conversation as one viewer may see it: the presenter behind every command and read. */
import {
  choicesFor,
  conversationAsSeenBy,
  currentVersion,
  decisionOf,
  filingOf,
  formatOf,
  needsWayOut,
  nextStepFor,
  partyOf,
  preparationStatus,
  signatureSummary,
  type Conversation,
  type DecisionKind,
  type Filing,
  type FormatDef,
  type LocalizedText,
  type NextStep,
  type PreparationStatus,
  type SignatureSummary,
} from '../../domain/index.js';
import type { DirectoryUser } from '../../ports/index.js';
import type { StoredConversation } from '../../store/index.js';
import type { ContentRelation } from '../access.js';
import type { AppContext } from '../context.js';
import { namesFor, unknownUser } from './people.js';
import { previousSummary, type PreviousSummary } from './previous-summary.js';

/** A conversation as one viewer may see it. */
export interface ConversationView {
  /** The conversation with only what this viewer may read (an unshared draft is left out). */
  conversation: Conversation & { revision: number };
  format: FormatDef;
  relation: ContentRelation;
  party: 'employee' | 'manager';
  nextStep: NextStep;
  /** That the employee prepares, never what: all her manager knows until she shares. */
  preparationStatus: PreparationStatus;
  /** Who chose what, per offered version (oldest first). */
  signatures: SignatureSummary[];
  /** What this viewer may choose on the current version now; empty when it is not their turn. */
  choices: DecisionKind[];
  /** Where both can turn after three versions went back, or null. */
  wayOut: LocalizedText | null;
  /** Where the signed document is kept. */
  filing: Filing;
  /** Display names of everyone the signatures mention, by id. */
  names: Record<string, string>;
  people: { employee: DirectoryUser; manager: DirectoryUser | null };
  previous: PreviousSummary | null;
}

/** What the viewer may choose on the current version now. */
function choicesNow(conversation: Conversation, party: 'employee' | 'manager'): DecisionKind[] {
  const version = currentVersion(conversation);
  if (conversation.stage !== 'awaiting_approval' || !version) return [];
  if (decisionOf(conversation, version.number, party)) return [];
  return [...choicesFor(conversation.type, party)];
}

/** Presents a stored conversation to a viewer with the given relation. */
export async function present(
  ctx: AppContext,
  stored: StoredConversation,
  relation: ContentRelation,
): Promise<ConversationView> {
  const { conversation, editRevision: revision } = stored;
  const party = partyOf(relation);
  const employee =
    (await ctx.directory.getUser(conversation.employeeId)) ?? unknownUser(conversation.employeeId);
  const manager =
    (await ctx.directory.managerOf(conversation.employeeId)) ??
    (await ctx.directory.getUser(conversation.managerId)) ??
    null;
  return {
    conversation: { ...conversationAsSeenBy(conversation, relation), revision },
    format: formatOf(conversation),
    relation,
    party,
    nextStep: nextStepFor(conversation, party),
    preparationStatus: preparationStatus(conversation),
    signatures: conversation.versions.map((v) => signatureSummary(conversation, v)),
    choices: choicesNow(conversation, party),
    wayOut: needsWayOut(conversation) ? ctx.config.wayOut : null,
    filing: filingOf(conversation.type),
    names: await namesFor(ctx, conversation),
    people: { employee, manager },
    previous: await previousSummary(ctx, conversation),
  };
}
