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
import { StaleRevisionError } from '../../store/index.js';
import { accessFactsFor, loadViewer, type ContentRelation } from '../access.js';
import type { AppContext } from '../context.js';
import { present, type ConversationView } from '../views/present.js';
import { commit } from './commit.js';

/**
 * A command as a person sends it (HTTP body, bot card): a domain command, or `submit-report` without the
 * report's hash, which is computed here from what is stored.
 */
export type PersonCommand = Command | { type: 'submit-report' };

/** Runs one domain command for a person. `expectedRevision` guards against overwriting someone else's edit. */
export async function runCommand(
  ctx: AppContext,
  viewerId: string,
  conversationId: string,
  command: PersonCommand,
  expectedRevision?: number,
): Promise<ConversationView> {
  // Checked here, not only in HTTP, because the bot hands comments from cards straight to this function.
  if (!isStorableText(command)) throw errors.unstorableText();
  // Directory facts come before the transaction, so no row stays locked while the directory answers; the
  // employee of a conversation never changes, so reading only that is enough.
  const employeeId = await ctx.store.employeeOf(conversationId);
  if (!employeeId) throw errors.notFound();
  const viewer = await loadViewer(ctx, viewerId);
  const facts = await accessFactsFor(ctx, employeeId);
  const { saved, relation } = await ctx.store.transaction(async (tx) => {
    const current = await tx.getConversation(conversationId, true);
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
      saved: await commit(ctx, tx, current, result, actor),
      relation: relationOf(viewer, current.conversation, facts) as ContentRelation,
    };
  });
  return present(ctx, saved, relation);
}
