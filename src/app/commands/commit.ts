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

/**
 * Writes a state change, its audit entries and its side effects in one transaction. Nothing is
 * acknowledged before all three are committed.
 */
export async function commit(
  ctx: AppContext,
  tx: StoreTransaction,
  stored: StoredConversation | undefined,
  result: { conversation: Conversation; events: DomainEvent[] },
  actor: Actor,
): Promise<StoredConversation> {
  const byPerson = actor.party !== 'system';
  const saved = stored
    ? await tx.updateConversation(result.conversation, stored.revision, byPerson)
    : await tx.insertConversation(result.conversation);
  for (const entry of auditEntriesFor(result.events, actor, result.conversation)) await tx.appendAudit(entry);
  const jobs = effectsOf(result.conversation, result.events, saved.revision, actor.id, {
    now: ctx.now(),
    reminderDaysBefore: ctx.config.reminderDaysBefore,
    approvalReminderDays: ctx.config.approvalReminderDays,
  });
  for (const job of jobs) await ctx.outbox.enqueue(tx, job);
  return saved;
}
