/** One line in a list of conversations: the presenter behind the list, the team overview and the bot's status card. */
import {
  currentVersion,
  nextStepFor,
  preparationStatus,
  signatureSummary,
  type ArchiveRecord,
  type PreparationStatus,
  type SignatureOutcome,
  type Conversation,
  type NextStep,
  type Stage,
} from '../../domain/index.js';
import type { DirectoryUser } from '../../ports/index.js';
import type { StoredConversation } from '../../store/index.js';
import type { AppContext } from '../context.js';
import { unknownUser } from './people.js';

/** One line in a list of conversations. */
export interface ConversationSummary {
  id: string;
  type: Conversation['type'];
  stage: Stage;
  requestedBy: Conversation['requestedBy'];
  employee: DirectoryUser;
  manager: DirectoryUser | null;
  schedule?: Conversation['schedule'];
  party: 'employee' | 'manager';
  nextStep: NextStep;
  revision: number;
  updatedAt: string;
  currentVersion?: number;
  /** Who chose what on the current version, in one word (e.g. `acknowledged` for voor gezien). */
  outcome?: SignatureOutcome;
  /** That the employee prepares, never what. */
  preparationStatus: PreparationStatus;
  archive?: ArchiveRecord;
}

/** Summarizes a stored conversation for the side `party` looks from. */
export async function summarize(
  ctx: AppContext,
  stored: StoredConversation,
  party: 'employee' | 'manager',
): Promise<ConversationSummary> {
  const { conversation } = stored;
  const version = currentVersion(conversation);
  return {
    id: conversation.id,
    type: conversation.type,
    stage: conversation.stage,
    requestedBy: conversation.requestedBy,
    employee: (await ctx.directory.getUser(conversation.employeeId)) ?? unknownUser(conversation.employeeId),
    manager: (await ctx.directory.managerOf(conversation.employeeId)) ?? null,
    ...(conversation.schedule ? { schedule: conversation.schedule } : {}),
    party,
    nextStep: nextStepFor(conversation, party),
    revision: stored.editRevision,
    updatedAt: conversation.updatedAt,
    ...(version
      ? { currentVersion: version.number, outcome: signatureSummary(conversation, version).outcome }
      : {}),
    preparationStatus: preparationStatus(conversation),
    ...(conversation.archive ? { archive: conversation.archive } : {}),
  };
}
