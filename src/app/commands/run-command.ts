/** A person's command on a conversation (prepare, meet, report, decide, follow up): one runner for HTTP and the bot. */
import {
  actorFor,
  errors,
  isStorableText,
  relationOf,
  reportContent,
  transition,
  type Command,
} from '../../domain/index.js';
import { contentHash } from '../../documents/archive-json.js';
import { StaleRevisionError, type StoredConversation } from '../../store/index.js';
import { accessFactsFor, loadViewer, type ContentRelation } from '../access.js';
import type { AppContext } from '../context.js';
import { present, type ConversationView } from '../views/present.js';
import { commit, commitAlone } from './commit.js';

/**
 * A command as a person sends it (HTTP body, bot card): a domain command, or `submit-report` without the
 * report's hash, which is computed here from what is stored.
 */
export type PersonCommand = Command | { type: 'submit-report' };

/** What a person's command stored, and how that person relates to the conversation. */
export interface AppliedCommand {
  saved: StoredConversation;
  relation: ContentRelation;
}

/** Changes that bring nothing with them but the change itself: written without a transaction. */
const alone = new Set<PersonCommand['type']>([
  'save-preparation',
  'save-completion',
  'save-report',
  'save-follow-up',
  'save-pop',
  'save-evaluation',
]);
/** Reads again after a write that lost a race for the row, at most this often, before giving the conflict back. */
const attemptsAlone = 3;

/** Runs one domain command for a person. `expectedRevision` guards against overwriting someone else's edit. */
export async function runCommand(
  ctx: AppContext,
  viewerId: string,
  conversationId: string,
  command: PersonCommand,
  expectedRevision?: number,
): Promise<ConversationView> {
  const { saved, relation } = await applyCommand(ctx, viewerId, conversationId, command, expectedRevision);
  return present(ctx, saved, relation);
}

/**
 * `runCommand` without presenting the result: for a caller that shows it its own way (the bot's card). An
 * autosave is written as one statement against the revision it read, and read again if the row moved meanwhile
 * (the system attached a meeting, say); everything else runs in a transaction that locks the row.
 */
export async function applyCommand(
  ctx: AppContext,
  viewerId: string,
  conversationId: string,
  command: PersonCommand,
  expectedRevision?: number,
): Promise<AppliedCommand> {
  // Checked here, not only in HTTP, because the bot hands comments from cards straight to this function.
  if (!isStorableText(command)) throw errors.unstorableText();
  // Directory facts come before the transaction, so no row stays locked while the directory answers; the
  // employee of a conversation never changes, so reading only that is enough.
  const employeeId = await ctx.store.employeeOf(conversationId);
  if (!employeeId) throw errors.notFound();
  const viewer = await loadViewer(ctx, viewerId);
  const facts = await accessFactsFor(ctx, employeeId, viewerId);
  const decide = (current: StoredConversation | undefined) => {
    if (!current) throw errors.notFound();
    const actor = actorFor(viewer, current.conversation, facts);
    if (expectedRevision !== undefined && current.editRevision !== expectedRevision) {
      throw new StaleRevisionError(expectedRevision, current.editRevision);
    }
    const domainCommand: Command =
      command.type === 'submit-report'
        ? { type: 'submit-report', hash: contentHash(reportContent(current.conversation)) }
        : command;
    const result = transition(current.conversation, domainCommand, actor, ctx.now().toISOString());
    return {
      current,
      actor,
      result,
      relation: relationOf(viewer, current.conversation, facts) as ContentRelation,
    };
  };
  if (alone.has(command.type)) {
    for (let attempt = 1; attempt <= attemptsAlone; attempt++) {
      const { current, actor, result, relation } = decide(await ctx.store.getConversation(conversationId));
      let saved: StoredConversation | undefined;
      try {
        saved = await commitAlone(ctx, current, result, actor);
      } catch (error) {
        // The row moved between reading and writing: read again (a person's edit meanwhile fails the check above).
        if (error instanceof StaleRevisionError && attempt < attemptsAlone) continue;
        throw error;
      }
      if (saved) return { saved, relation };
      // The change has side effects after all: it goes through the transaction below.
      break;
    }
  }
  return ctx.store.transaction(async (tx) => {
    const { current, actor, result, relation } = decide(await tx.getConversation(conversationId, true));
    return { saved: await commit(ctx, tx, current, result, actor), relation };
  });
}
