/** The one write path of every command: state, audit entries and outbox jobs in one transaction. */
import type { Actor, Conversation, DomainEvent } from '../../domain/index.js';
import type { StoreTransaction, StoredConversation } from '../../store/index.js';
import type { AppContext } from '../context.js';
import { effectsOf } from '../effects.js';

/** Free text never goes into the audit log: it holds who did what and when, so erasure and retention can leave it. */
const freeTextKeys = new Set(['comment', 'note', 'reason']);

function auditDetails(event: DomainEvent): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) {
    if (key === 'type') continue;
    if (freeTextKeys.has(key)) details[`has${key[0]?.toUpperCase()}${key.slice(1)}`] = true;
    else details[key] = value;
  }
  return details;
}

function auditEntriesFor(
  events: readonly DomainEvent[],
  actor: Actor,
  conversation: Conversation,
): Parameters<StoreTransaction['appendAudit']>[0][] {
  return events.map((event) => ({
    actorId: actor.id,
    conversationId: conversation.id,
    subjectId: conversation.employeeId,
    action: `conversation.${event.type}`,
    details: { ...auditDetails(event), ...(actor.onBehalfOf ? { onBehalfOf: actor.onBehalfOf } : {}) },
  }));
}

type Change = { conversation: Conversation; events: DomainEvent[] };

function jobsOf(ctx: AppContext, result: Change, revision: number, actor: Actor) {
  return effectsOf(result.conversation, result.events, revision, actor.id, {
    now: ctx.now(),
    reminderDaysBefore: ctx.config.reminderDaysBefore,
    approvalReminderDays: ctx.config.approvalReminderDays,
  });
}

/**
 * Writes a state change, its audit entries and its side effects in one transaction. Nothing is
 * acknowledged before all three are committed.
 */
export async function commit(
  ctx: AppContext,
  tx: StoreTransaction,
  stored: StoredConversation | undefined,
  result: Change,
  actor: Actor,
): Promise<StoredConversation> {
  const byPerson = actor.party !== 'system';
  const audit = auditEntriesFor(result.events, actor, result.conversation);
  let saved: StoredConversation;
  if (stored) {
    // One statement writes the row and its audit entries: a round trip fewer on every save and decision.
    saved = await tx.updateConversation(result.conversation, stored.revision, byPerson, audit);
  } else {
    saved = await tx.insertConversation(result.conversation);
    for (const entry of audit) await tx.appendAudit(entry);
  }
  for (const job of jobsOf(ctx, result, saved.revision, actor)) await ctx.outbox.enqueue(tx, job);
  return saved;
}

/**
 * Writes a change that brings no side effect — an autosave — as one statement without a transaction: the row,
 * if it is still at the revision `stored` was read at, and its audit entries. Undefined, with nothing written,
 * when the change has side effects, which only `commit` writes; a `StaleRevisionError` when the row moved.
 */
export async function commitAlone(
  ctx: AppContext,
  stored: StoredConversation,
  result: Change,
  actor: Actor,
): Promise<StoredConversation | undefined> {
  // The update makes the row's revision exactly one more than the one it was read at.
  if (jobsOf(ctx, result, stored.revision + 1, actor).length > 0) return undefined;
  const audit = auditEntriesFor(result.events, actor, result.conversation);
  return ctx.store.updateConversation(result.conversation, stored.revision, actor.party !== 'system', audit);
}
