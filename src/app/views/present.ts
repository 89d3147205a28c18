/** A conversation as one viewer may see it: the presenter behind every command and read. */
import {
  formatOf,
  nextStepFor,
  type Conversation,
  type FormatDef,
  type NextStep,
} from '../../domain/index.js';
import type { DirectoryUser } from '../../ports/index.js';
import type { StoredConversation } from '../../store/index.js';
import type { ContentRelation } from '../access.js';
import type { AppContext } from '../context.js';
import { unknownUser } from './people.js';
import { previousSummary, type PreviousSummary } from './previous-summary.js';

/** A conversation as one viewer may see it. */
export interface ConversationView {
  conversation: Conversation & { revision: number };
  format: FormatDef;
  relation: ContentRelation;
  party: 'employee' | 'manager';
  nextStep: NextStep;
  people: { employee: DirectoryUser; manager: DirectoryUser | null };
  previous: PreviousSummary | null;
}

/** The side a reader acts on: a delegate acts as the manager. */
export function partyOfRelation(relation: ContentRelation): 'employee' | 'manager' {
  return relation === 'employee' ? 'employee' : 'manager';
}

/** Presents a stored conversation to a viewer with the given relation. */
export async function present(
  ctx: AppContext,
  stored: StoredConversation,
  relation: ContentRelation,
): Promise<ConversationView> {
  const { conversation, editRevision: revision } = stored;
  const party = partyOfRelation(relation);
  const employee =
    (await ctx.directory.getUser(conversation.employeeId)) ?? unknownUser(conversation.employeeId);
  const manager =
    (await ctx.directory.managerOf(conversation.employeeId)) ??
    (await ctx.directory.getUser(conversation.managerId)) ??
    null;
  return {
    conversation: { ...conversation, revision },
    format: formatOf(conversation),
    relation,
    party,
    nextStep: nextStepFor(conversation, party),
    people: { employee, manager },
    previous: await previousSummary(ctx, conversation),
  };
}
