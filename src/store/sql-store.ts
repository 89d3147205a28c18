/** The Store on SQL: conversations with revisions, audit entries, delegations, card copies and tasks. */
import type { Conversation, Delegation } from '../domain/index.js';
import { DomainError } from '../domain/index.js';
import type { Database } from './database.js';
import { migrate } from './migrate.js';
import { eraseRoundMember } from './round-store.js';
import type {
  ApprovalTask,
  AuditEntry,
  CardCopy,
  ChatReference,
  NewAuditEntry,
  SqlExecutor,
  Store,
  StoreTransaction,
  StoredConversation,
} from './store.js';

interface ConversationRow {
  data: Conversation;
  revision: number;
  edit_revision: number;
}

interface AuditRow {
  id: string | number;
  at: Date | string;
  actor_id: string;
  conversation_id: string | null;
  subject_id: string | null;
  action: string;
  details: Record<string, unknown>;
}

const iso = (value: Date | string): string =>
  value instanceof Date ? value.toISOString() : new Date(value).toISOString();

/** Thrown when a write was based on a revision that is no longer current. */
export class StaleRevisionError extends DomainError {
  /**
   * `current`: the row as it stood when a write found it moved, when the write could bring it back; never part
   * of what a person is answered (only `expected` and `actual` are).
   */
  constructor(
    readonly expected: number,
    readonly actual: number | undefined,
    readonly current?: StoredConversation,
  ) {
    super(
      'conflict',
      'stale_revision',
      {
        nl: 'Iemand anders heeft dit gesprek intussen gewijzigd. Bekijk de nieuwste versie en kies wat je wilt bewaren.',
        en: 'Someone else changed this conversation in the meantime. Look at the newest version and choose what to keep.',
      },
      { expected, actual },
    );
  }
}

/** A map that forgets its oldest entry once it holds `capacity`. */
class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly capacity: number) {
    super();
  }

  /** Sets `key` as the newest entry. */
  remember(key: K, value: V): void {
    this.delete(key);
    if (this.size >= this.capacity) this.delete(this.keys().next().value as K);
    this.set(key, value);
  }
}

function toStored(row: ConversationRow): StoredConversation {
  return { conversation: row.data, revision: row.revision, editRevision: row.edit_revision };
}

function toAudit(row: AuditRow): AuditEntry {
  return {
    id: Number(row.id),
    at: iso(row.at),
    actorId: row.actor_id,
    conversationId: row.conversation_id,
    subjectId: row.subject_id,
    action: row.action,
    details: row.details,
  };
}

async function appendAudit(sql: SqlExecutor, entry: NewAuditEntry): Promise<void> {
  await sql.query(
    'INSERT INTO audit_log (at, actor_id, conversation_id, subject_id, action, details) VALUES (COALESCE($1::timestamptz, now()), $2, $3, $4, $5, $6)',
    [
      entry.at ?? null,
      entry.actorId,
      entry.conversationId,
      entry.subjectId,
      entry.action,
      JSON.stringify(entry.details),
    ],
  );
}

async function getConversation(
  sql: SqlExecutor,
  id: string,
  forUpdate = false,
): Promise<StoredConversation | undefined> {
  const { rows } = await sql.query<ConversationRow>(
    `SELECT data, revision, edit_revision FROM conversations WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toStored(rows[0]) : undefined;
}

/** The optimistic update of a conversation row, as a CTE named `saved` the caller selects from. */
const updateStatement = `WITH saved AS (
  UPDATE conversations SET manager_id = $2, stage = $3, data = $4, updated_at = $5, revision = revision + 1,
    edit_revision = edit_revision + $7 WHERE id = $1 AND revision = $6 RETURNING revision, edit_revision)`;

/**
 * Writes the next state of a conversation if its row is still at `expectedRevision`, with its audit entries in
 * the same statement (appended only when the update matched); a `StaleRevisionError` otherwise, which carries
 * the row as the same statement found it when that is newer than the one the write was based on.
 */
async function updateConversation(
  sql: SqlExecutor,
  c: Conversation,
  expectedRevision: number,
  byPerson = true,
  audit: readonly NewAuditEntry[] = [],
): Promise<StoredConversation> {
  const params = [
    c.id,
    c.managerId,
    c.stage,
    JSON.stringify(c),
    c.updatedAt,
    expectedRevision,
    byPerson ? 1 : 0,
  ];
  const logged =
    audit.length === 0
      ? ''
      : `, logged AS (
           INSERT INTO audit_log (at, actor_id, conversation_id, subject_id, action, details)
           SELECT COALESCE((e.entry->>'at')::timestamptz, now()), e.entry->>'actorId', e.entry->>'conversationId',
                  e.entry->>'subjectId', e.entry->>'action', e.entry->'details'
             FROM saved, jsonb_array_elements($8::jsonb) WITH ORDINALITY AS e(entry, n) ORDER BY e.n)`;
  // When the update matched nothing, the same round trip brings back the row as it stands.
  const { rows } = await sql.query<ConversationRow & { written: boolean }>(
    `${updateStatement}${logged}
     SELECT true AS written, NULL::jsonb AS data, revision, edit_revision FROM saved
     UNION ALL
     SELECT false, data, revision, edit_revision FROM conversations
      WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM saved)`,
    audit.length === 0 ? params : [...params, JSON.stringify(audit)],
  );
  const row = rows[0];
  if (!row?.written) {
    // A row that was being changed at that moment still shows its earlier revision here: read it then.
    const current =
      row && row.revision !== expectedRevision ? toStored(row) : await getConversation(sql, c.id);
    throw new StaleRevisionError(expectedRevision, current?.revision, current);
  }
  return { conversation: c, revision: row.revision, editRevision: row.edit_revision };
}

/**
 * The store inside one transaction. `wrote` hears of every conversation it writes: before the statement (`saved`
 * undefined), and with what it stored once that statement succeeded, which holds only if the transaction commits.
 */
function transactionOf(
  tx: SqlExecutor & { exec(text: string): Promise<void> },
  wrote: (id: string, saved?: StoredConversation) => void,
): StoreTransaction {
  return {
    query: tx.query,
    ...(tx.queryRepeated ? { queryRepeated: tx.queryRepeated } : {}),
    exec: tx.exec,
    getConversation: (id, forUpdate) => getConversation(tx, id, forUpdate),
    insertConversation: async (c) => {
      wrote(c.id);
      await tx.query(
        'INSERT INTO conversations (id, employee_id, manager_id, type, stage, revision, data, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $8)',
        [c.id, c.employeeId, c.managerId, c.type, c.stage, JSON.stringify(c), c.createdAt, c.updatedAt],
      );
      const saved = { conversation: c, revision: 1, editRevision: 1 };
      wrote(c.id, saved);
      return saved;
    },
    updateConversation: async (c, expectedRevision, byPerson, audit) => {
      wrote(c.id);
      const saved = await updateConversation(tx, c, expectedRevision, byPerson, audit);
      wrote(c.id, saved);
      return saved;
    },
    appendAudit: (entry) => appendAudit(tx, entry),
  };
}

/** The PostgreSQL store, on PGlite or a server: the same SQL and migrations for both. */
export async function createSqlStore(db: Database): Promise<Store & { db: Database }> {
  await migrate(db);
  // Whose a conversation is never changes, so every command after the first reads it from memory; an erased
  // conversation is forgotten here, and on another instance its transaction finds no row and says not found.
  const employees = new BoundedMap<string, string>(50_000);
  // The committed state of the conversations this instance read or wrote last (read outside a transaction, or
  // written by a statement or transaction that committed).
  const known = new BoundedMap<string, StoredConversation>(1_000);
  const list = async (text: string, params: unknown[]) =>
    (await db.query<ConversationRow>(text, params)).rows.map(toStored);
  return {
    db,
    executor: db,
    transaction: async (work) => {
      // A conversation a transaction writes is forgotten at once, and remembered as written once it committed.
      const written = new Map<string, StoredConversation | undefined>();
      const result = await db.transaction((tx) =>
        work(
          transactionOf(tx, (id, saved) => {
            known.delete(id);
            written.set(id, saved);
          }),
        ),
      );
      for (const [id, saved] of written) if (saved) known.remember(id, saved);
      return result;
    },
    getConversation: async (id) => {
      const stored = await getConversation(db, id);
      if (stored) known.remember(id, stored);
      else known.delete(id);
      return stored;
    },
    lastKnown: (id) => known.get(id),
    updateConversation: async (c, expectedRevision, byPerson, audit) => {
      try {
        const saved = await updateConversation(db, c, expectedRevision, byPerson, audit);
        known.remember(c.id, saved);
        return saved;
      } catch (error) {
        if (error instanceof StaleRevisionError && error.current) known.remember(c.id, error.current);
        throw error;
      }
    },
    employeeOf: async (conversationId) => {
      const known = employees.get(conversationId);
      if (known) return known;
      const { rows } = await db.query<{ employee_id: string }>(
        'SELECT employee_id FROM conversations WHERE id = $1',
        [conversationId],
      );
      const employeeId = rows[0]?.employee_id;
      if (employeeId) employees.remember(conversationId, employeeId);
      return employeeId;
    },
    listConversations: ({ employeeIds }) =>
      employeeIds.length === 0
        ? Promise.resolve([])
        : list(
            'SELECT data, revision, edit_revision FROM conversations WHERE employee_id = ANY($1::text[]) ORDER BY created_at DESC',
            [employeeIds],
          ),
    conversationsOf: (employeeId) =>
      list(
        'SELECT data, revision, edit_revision FROM conversations WHERE employee_id = $1 ORDER BY created_at DESC',
        [employeeId],
      ),
    listArchived: () =>
      list(
        "SELECT data, revision, edit_revision FROM conversations WHERE stage = 'archived' ORDER BY updated_at DESC",
        [],
      ),
    appendAudit: (entry) => appendAudit(db, entry),
    auditOf: async (conversationId) =>
      (
        await db.query<AuditRow>('SELECT * FROM audit_log WHERE conversation_id = $1 ORDER BY id', [
          conversationId,
        ])
      ).rows.map(toAudit),
    auditBySubject: async (subjectId) =>
      (
        await db.query<AuditRow>('SELECT * FROM audit_log WHERE subject_id = $1 ORDER BY id', [subjectId])
      ).rows.map(toAudit),
    saveChatReference: async (ref: ChatReference) => {
      await db.query(
        `INSERT INTO chat_references (user_id, conversation_id, service_url, tenant_id, updated_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (user_id) DO UPDATE SET conversation_id = EXCLUDED.conversation_id, service_url = EXCLUDED.service_url, tenant_id = EXCLUDED.tenant_id, updated_at = now()`,
        [ref.userId, ref.conversationId, ref.serviceUrl, ref.tenantId ?? null],
      );
    },
    chatReference: async (userId) => {
      const { rows } = await db.query<{
        user_id: string;
        conversation_id: string;
        service_url: string;
        tenant_id: string | null;
        updated_at: Date;
      }>('SELECT * FROM chat_references WHERE user_id = $1', [userId]);
      const row = rows[0];
      return row
        ? {
            userId: row.user_id,
            conversationId: row.conversation_id,
            serviceUrl: row.service_url,
            ...(row.tenant_id ? { tenantId: row.tenant_id } : {}),
            updatedAt: iso(row.updated_at),
          }
        : undefined;
    },
    recordCardCopy: async (copy: CardCopy) => {
      await db.query(
        'INSERT INTO card_copies (conversation_id, recipient_id, kind, version, activity_id, chat_id) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING',
        [copy.conversationId, copy.recipientId, copy.kind, copy.version, copy.activityId, copy.chatId],
      );
    },
    cardCopies: async (conversationId, kind) => {
      const { rows } = await db.query<{
        conversation_id: string;
        recipient_id: string;
        kind: string;
        version: number | null;
        activity_id: string;
        chat_id: string;
      }>(
        'SELECT * FROM card_copies WHERE conversation_id = $1 AND ($2::text IS NULL OR kind = $2) ORDER BY created_at',
        [conversationId, kind ?? null],
      );
      return rows.map((r) => ({
        conversationId: r.conversation_id,
        recipientId: r.recipient_id,
        kind: r.kind,
        version: r.version,
        activityId: r.activity_id,
        chatId: r.chat_id,
      }));
    },
    messageState: async (key) => {
      const { rows } = await db.query<{ activity_id: string; attempted_at: Date | null; digests: string[] }>(
        'SELECT activity_id, attempted_at, digests FROM sent_messages WHERE idempotency_key = $1',
        [key],
      );
      const row = rows[0];
      if (!row) return undefined;
      if (row.activity_id) return { activityId: row.activity_id };
      return row.attempted_at ? { attempt: { at: iso(row.attempted_at), digests: row.digests } } : undefined;
    },
    recordSendAttempt: async (key, recipientId, digest) => {
      await db.query(
        `INSERT INTO sent_messages (idempotency_key, recipient_id, activity_id, attempted_at, digests)
         VALUES ($1, $2, '', now(), ARRAY[$3::text])
         ON CONFLICT (idempotency_key) DO UPDATE
           SET attempted_at = coalesce(sent_messages.attempted_at, now()),
               digests = CASE WHEN $3::text = ANY(sent_messages.digests) THEN sent_messages.digests
                              ELSE sent_messages.digests || $3::text END
         WHERE sent_messages.activity_id = ''`,
        [key, recipientId, digest],
      );
    },
    sentActivities: async (recipientId, since) => {
      const { rows } = await db.query<{ activity_id: string }>(
        "SELECT activity_id FROM sent_messages WHERE recipient_id = $1 AND activity_id <> '' AND sent_at >= $2",
        [recipientId, since],
      );
      return new Set(rows.map((r) => r.activity_id));
    },
    recordSentMessage: async (key, recipientId, activityId) => {
      // Completes a claim (empty activity id); never overwrites a message already recorded as sent.
      await db.query(
        `INSERT INTO sent_messages (idempotency_key, recipient_id, activity_id) VALUES ($1, $2, $3)
         ON CONFLICT (idempotency_key) DO UPDATE SET activity_id = EXCLUDED.activity_id WHERE sent_messages.activity_id = ''`,
        [key, recipientId, activityId],
      );
    },
    claimMessage: async (key, recipientId) => {
      const { rows } = await db.query<{ idempotency_key: string }>(
        "INSERT INTO sent_messages (idempotency_key, recipient_id, activity_id) VALUES ($1, $2, '') ON CONFLICT DO NOTHING RETURNING idempotency_key",
        [key, recipientId],
      );
      return rows.length === 1;
    },
    releaseMessage: async (key) => {
      await db.query("DELETE FROM sent_messages WHERE idempotency_key = $1 AND activity_id = ''", [key]);
    },
    saveApprovalTask: async (task: ApprovalTask) => {
      await db.query(
        `INSERT INTO approval_tasks (conversation_id, assignee_id, version, task_id, completed_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (conversation_id, assignee_id, version) DO UPDATE SET task_id = EXCLUDED.task_id, completed_at = EXCLUDED.completed_at`,
        [task.conversationId, task.assigneeId, task.version, task.taskId, task.completedAt ?? null],
      );
    },
    approvalTask: async (conversationId, assigneeId, version) => {
      const { rows } = await db.query<{ task_id: string; completed_at: Date | null }>(
        'SELECT task_id, completed_at FROM approval_tasks WHERE conversation_id = $1 AND assignee_id = $2 AND version = $3',
        [conversationId, assigneeId, version],
      );
      const row = rows[0];
      return row
        ? {
            conversationId,
            assigneeId,
            version,
            taskId: row.task_id,
            ...(row.completed_at ? { completedAt: iso(row.completed_at) } : {}),
          }
        : undefined;
    },
    saveDelegation: async (d: Delegation) => {
      await db.query(
        'INSERT INTO delegations (manager_id, delegate_id, from_at, until_at) VALUES ($1, $2, $3, $4) ON CONFLICT (manager_id, delegate_id, from_at) DO UPDATE SET until_at = EXCLUDED.until_at',
        [d.managerId, d.delegateId, d.from, d.until],
      );
    },
    retentionCandidates: (archivedBefore) =>
      list(
        `SELECT data, revision, edit_revision FROM conversations
          WHERE data->>'purgedAt' IS NULL
            AND ((stage = 'archived' AND (data->'archive'->>'archivedAt')::timestamptz < $1::timestamptz)
              OR (stage = 'cancelled' AND updated_at < $1::timestamptz))
          ORDER BY updated_at`,
        [archivedBefore],
      ),
    eraseEmployee: (employeeId) =>
      db.transaction(async (tx) => {
        const ids = (
          await tx.query<{ id: string }>('SELECT id FROM conversations WHERE employee_id = $1', [employeeId])
        ).rows.map((r) => r.id);
        const count = async (text: string, params: unknown[]) =>
          (
            await tx.query<{ n: number }>(
              `WITH gone AS (${text} RETURNING 1) SELECT count(*)::int AS n FROM gone`,
              params,
            )
          ).rows[0]?.n ?? 0;
        const cardCopies = await count('DELETE FROM card_copies WHERE conversation_id = ANY($1::text[])', [
          ids,
        ]);
        const tasks = await count('DELETE FROM approval_tasks WHERE conversation_id = ANY($1::text[])', [
          ids,
        ]);
        const messages = await count('DELETE FROM sent_messages WHERE recipient_id = $1', [employeeId]);
        const conversations = await count('DELETE FROM conversations WHERE employee_id = $1', [employeeId]);
        for (const id of ids) {
          employees.delete(id);
          known.delete(id);
        }
        const roundMemberships = await eraseRoundMember(tx, employeeId);
        return { conversations, cardCopies, tasks, messages, roundMemberships };
      }),
    delegationsFrom: async (managerId) => delegations(db, 'manager_id', managerId),
    delegationsTo: async (delegateId) => delegations(db, 'delegate_id', delegateId),
    close: () => db.close(),
  };
}

async function delegations(
  db: Database,
  column: 'manager_id' | 'delegate_id',
  id: string,
): Promise<Delegation[]> {
  const { rows } = await db.query<{ manager_id: string; delegate_id: string; from_at: Date; until_at: Date }>(
    `SELECT * FROM delegations WHERE ${column} = $1 ORDER BY from_at`,
    [id],
  );
  return rows.map((r) => ({
    managerId: r.manager_id,
    delegateId: r.delegate_id,
    from: iso(r.from_at),
    until: iso(r.until_at),
  }));
}
