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
/** Tries of a write (on a remembered copy, then on the row as it stands after each lost race) before a conflict. */
const attempts = 4;

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
 * `runCommand` without presenting the result: for a caller that shows it its own way (the bot's card). Every
 * write checks the revision it was based on, so it may start from the copy this instance remembers and try again
 * on the row as it stands when that moved. An autosave is one statement without a transaction; everything else
 * writes its change, audit entries and jobs in one transaction.
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
  /**
   * Decides on the copy this instance remembers, else on the row as `read` gives it, and writes with `write`,
   * which checks the revision the decision was based on. A refusal or a lost race is decided again on the row as
   * it stands: the failed write brings it back, or it is read.
   */
  const settle = async (
    read: () => Promise<StoredConversation | undefined>,
    write: (step: ReturnType<typeof decide>) => Promise<StoredConversation | undefined>,
  ): Promise<AppliedCommand | undefined> => {
    let current = ctx.store.lastKnown(conversationId);
    let fresh = current === undefined;
    current ??= await read();
    for (let attempt = 1; ; attempt++) {
      let step: ReturnType<typeof decide>;
      try {
        step = decide(current);
      } catch (error) {
        if (fresh) throw error;
        current = await read();
        fresh = true;
        continue;
      }
      try {
        const saved = await write(step);
        return saved && { saved, relation: step.relation };
      } catch (error) {
        // The row moved since (the system attached a meeting, another instance saved); a person's edit meanwhile
        // fails the revision check in `decide`.
        if (!(error instanceof StaleRevisionError) || attempt >= attempts) throw error;
        current = error.current ?? (await read());
        fresh = true;
      }
    }
  };
  if (alone.has(command.type)) {
    const applied = await settle(
      () => ctx.store.getConversation(conversationId),
      (step) => commitAlone(ctx, step.current, step.result, step.actor),
    );
    // Undefined when the change has side effects after all: it goes through the transaction below.
    if (applied) return applied;
  }
  // Without a remembered copy the row is read with a lock, so the write cannot lose a race.
  return ctx.store.transaction(async (tx) => {
    const applied = await settle(
      () => tx.getConversation(conversationId, true),
      async (step) => commit(ctx, tx, step.current, step.result, step.actor),
    );
    return applied as AppliedCommand;
  });
}
