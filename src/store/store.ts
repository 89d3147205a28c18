/**
 * The durable store: conversations (optimistic concurrency), the append-only audit log, chat references and
 * card copies for the bot, delegations. One PostgreSQL schema; PGlite embedded or a real server.
 */
import type { Conversation, Delegation } from '../domain/index.js';

/** A conversation as stored, with the revision used for optimistic concurrency. */
/** A message key's record: sent, or attempted and not known to have landed. */
export type MessageState = { activityId: string } | { attempt: { at: string; digests: string[] } };

export interface StoredConversation {
  conversation: Conversation;
  /** Bumped by every write; guards the row itself. */
  revision: number;
  /** Bumped only by people's changes: what clients edit against (a stale one is a real conflict). */
  editRevision: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string;
  conversationId: string | null;
  /** Subject of the entry: whose data it is about. */
  subjectId: string | null;
  action: string;
  details: Record<string, unknown>;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'> & { at?: string };

/** Where the bot can reach a person proactively (saved on install or on their first message). */
export interface ChatReference {
  userId: string;
  conversationId: string;
  serviceUrl: string;
  tenantId?: string;
  updatedAt?: string;
}

/** One posted copy of a card, so it can be updated later (each party has their own 1:1 chat). */
export interface CardCopy {
  conversationId: string;
  recipientId: string;
  kind: string;
  version: number | null;
  activityId: string;
  chatId: string;
}

/** A To Do task created for an approver, so it can be completed when they decide. */
export interface ApprovalTask {
  conversationId: string;
  assigneeId: string;
  version: number;
  taskId: string;
  completedAt?: string;
}

/** Raw SQL access used inside a transaction; also handed to pg-boss so jobs commit with the change. */
export interface SqlExecutor {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /**
   * `query` for a statement sent again and again with other values (pg-boss's job insert, a few kilobytes of
   * SQL): on a server it is prepared once per connection, so neither its text nor its planning is repeated.
   */
  queryRepeated?<T = Record<string, unknown>>(text: string, params: unknown[]): Promise<{ rows: T[] }>;
}

/** Operations available inside one transaction. */
export interface StoreTransaction extends SqlExecutor {
  /** Runs parameterless SQL (used by pg-boss for multi-statement plans). */
  exec(text: string): Promise<void>;
  getConversation(id: string, forUpdate?: boolean): Promise<StoredConversation | undefined>;
  insertConversation(conversation: Conversation): Promise<StoredConversation>;
  /**
   * Writes the next state if the stored revision is still `expectedRevision`; otherwise throws a conflict.
   * `byPerson` also bumps the edit revision; `audit` entries are appended by the same statement.
   */
  updateConversation(
    conversation: Conversation,
    expectedRevision: number,
    byPerson?: boolean,
    audit?: readonly NewAuditEntry[],
  ): Promise<StoredConversation>;
  appendAudit(entry: NewAuditEntry): Promise<void>;
}

export interface Store {
  /** Runs `work` in one transaction: everything in it commits together or not at all. */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  getConversation(id: string): Promise<StoredConversation | undefined>;
  /**
   * The conversation as this instance last read it outside a transaction or committed a write of it, if it still
   * remembers: it may have changed since, so it is only ever the basis of a write that checks its revision.
   */
  lastKnown(id: string): StoredConversation | undefined;
  /**
   * `StoreTransaction.updateConversation` as one statement of its own, outside any transaction: for a change
   * whose audit entries are all it brings with it.
   */
  updateConversation: StoreTransaction['updateConversation'];
  /** Whose conversation it is (never changes), without reading the document itself. */
  employeeOf(conversationId: string): Promise<string | undefined>;
  /** Conversations where the person is the employee, or whose employee is in `employeeIds`. */
  listConversations(filter: { employeeIds: string[] }): Promise<StoredConversation[]>;
  /** Every conversation of one employee, newest first. */
  conversationsOf(employeeId: string): Promise<StoredConversation[]>;
  listArchived(): Promise<StoredConversation[]>;
  appendAudit(entry: NewAuditEntry): Promise<void>;
  auditOf(conversationId: string): Promise<AuditEntry[]>;
  auditBySubject(subjectId: string): Promise<AuditEntry[]>;
  saveChatReference(ref: ChatReference): Promise<void>;
  chatReference(userId: string): Promise<ChatReference | undefined>;
  recordCardCopy(copy: CardCopy): Promise<void>;
  cardCopies(conversationId: string, kind?: string): Promise<CardCopy[]>;
  /** What is known of a message key: sent (its activity id), or attempted (when, and the cards' digests). */
  messageState(key: string): Promise<MessageState | undefined>;
  /**
   * Records, before a post, that the message is about to be sent with a card of this digest (durably: the post
   * may land while its answer dies with the process). The first attempt's time is kept; digests accumulate.
   */
  recordSendAttempt(key: string, recipientId: string, digest: string): Promise<void>;
  /** Activity ids recorded as sent to a person since `since`: posts a read-back must not take for another's. */
  sentActivities(recipientId: string, since: string): Promise<Set<string>>;
  recordSentMessage(key: string, recipientId: string, activityId: string): Promise<void>;
  /**
   * Claims a message key before sending, so two events racing for the same message send it once: true for
   * the one that got it. `releaseMessage` gives an unsent claim back after a failed send.
   */
  claimMessage(key: string, recipientId: string): Promise<boolean>;
  releaseMessage(key: string): Promise<void>;
  saveApprovalTask(task: ApprovalTask): Promise<void>;
  approvalTask(
    conversationId: string,
    assigneeId: string,
    version: number,
  ): Promise<ApprovalTask | undefined>;
  saveDelegation(delegation: Delegation): Promise<void>;
  delegationsFrom(managerId: string): Promise<Delegation[]>;
  delegationsTo(delegateId: string): Promise<Delegation[]>;
  /** Archived conversations archived before `archivedBefore`, and cancelled ones untouched since, not yet purged. */
  retentionCandidates(archivedBefore: string): Promise<StoredConversation[]>;
  /**
   * Removes everything the app holds about an employee's conversations (erasure on request), and takes them out
   * of every round they were a member of.
   */
  eraseEmployee(employeeId: string): Promise<{
    conversations: number;
    cardCopies: number;
    tasks: number;
    messages: number;
    roundMemberships: number;
  }>;
  /** The executor pg-boss uses outside transactions. */
  executor: SqlExecutor;
  close(): Promise<void>;
}
