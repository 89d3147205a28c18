/**
 * Rounds in the database: the round itself and its members, fixed at the start. Plain functions on an SQL
 * executor, so they run inside the transaction of a command (with its audit entry and outbox jobs) or outside it.
 */
import type { ConversationFacts, Round, RoundMember } from '../domain/index.js';
import type { SqlExecutor } from './store.js';

interface RoundRow {
  data: Round;
}

/** Rows per INSERT of members: well under PostgreSQL's parameter limit. */
const memberBatch = 1000;

/** Writes a new round and its members. */
export async function insertRound(
  exec: SqlExecutor,
  round: Round,
  members: readonly RoundMember[],
): Promise<void> {
  await exec.query('INSERT INTO rounds (id, type, state, data, started_at) VALUES ($1, $2, $3, $4, $5)', [
    round.id,
    round.type,
    round.state,
    JSON.stringify(round),
    round.startedAt,
  ]);
  for (let i = 0; i < members.length; i += memberBatch) {
    const batch = members.slice(i, i + memberBatch);
    await exec.query(
      `INSERT INTO round_members (round_id, employee_id, manager_id, department)
       SELECT $1, e, m, d FROM unnest($2::text[], $3::text[], $4::text[]) AS t(e, m, d)`,
      [
        round.id,
        batch.map((m) => m.employeeId),
        batch.map((m) => m.managerId),
        batch.map((m) => m.department),
      ],
    );
  }
}

/** Writes a changed round (period, state). */
export async function updateRound(exec: SqlExecutor, round: Round): Promise<void> {
  await exec.query('UPDATE rounds SET state = $2, data = $3 WHERE id = $1', [
    round.id,
    round.state,
    JSON.stringify(round),
  ]);
}

/** One round; `forUpdate` locks it for the rest of the transaction. */
export async function getRound(exec: SqlExecutor, id: string, forUpdate = false): Promise<Round | undefined> {
  const { rows } = await exec.query<RoundRow>(
    `SELECT data FROM rounds WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0]?.data;
}

/** Every round, newest first. */
export async function listRounds(exec: SqlExecutor): Promise<Round[]> {
  const { rows } = await exec.query<RoundRow>('SELECT data FROM rounds ORDER BY started_at DESC', []);
  return rows.map((r) => r.data);
}

/** Rounds in which a manager plans with at least one report, newest first. */
export async function roundsOfManager(exec: SqlExecutor, managerId: string): Promise<Round[]> {
  const { rows } = await exec.query<RoundRow>(
    `SELECT r.data FROM rounds r
      WHERE EXISTS (SELECT 1 FROM round_members m WHERE m.round_id = r.id AND m.manager_id = $1)
      ORDER BY r.started_at DESC`,
    [managerId],
  );
  return rows.map((r) => r.data);
}

interface MemberRow {
  employee_id: string;
  manager_id: string;
  department: string;
}

/** A round's members; with `managerId` only that manager's reports. */
export async function roundMembers(
  exec: SqlExecutor,
  roundId: string,
  managerId?: string,
): Promise<RoundMember[]> {
  const { rows } = await exec.query<MemberRow>(
    `SELECT employee_id, manager_id, department FROM round_members
      WHERE round_id = $1${managerId === undefined ? '' : ' AND manager_id = $2'}
      ORDER BY employee_id`,
    managerId === undefined ? [roundId] : [roundId, managerId],
  );
  return rows.map((r) => ({ employeeId: r.employee_id, managerId: r.manager_id, department: r.department }));
}

/** The managers of a round's members. */
export async function roundManagers(exec: SqlExecutor, roundId: string): Promise<string[]> {
  const { rows } = await exec.query<{ manager_id: string }>(
    'SELECT DISTINCT manager_id FROM round_members WHERE round_id = $1 ORDER BY manager_id',
    [roundId],
  );
  return rows.map((r) => r.manager_id);
}

interface FactsRow {
  id: string;
  employee_id: string;
  type: ConversationFacts['type'];
  stage: ConversationFacts['stage'];
  created_at: Date | string;
  schedule_start: string | null;
  shared: boolean;
}

/**
 * The content-free facts of the conversations of a round's type with its members (or one manager's reports):
 * the stage, when it was made, when it is planned and whether a preparation was shared. No answers are read.
 */
export async function roundConversationFacts(
  exec: SqlExecutor,
  round: Pick<Round, 'id' | 'type'>,
  managerId?: string,
): Promise<ConversationFacts[]> {
  const { rows } = await exec.query<FactsRow>(
    `SELECT c.id, c.employee_id, c.type, c.stage, c.created_at,
            c.data #>> '{schedule,start}' AS schedule_start,
            (c.data ? 'preparationSharedAt') AS shared
       FROM conversations c
       JOIN round_members m ON m.employee_id = c.employee_id AND m.round_id = $1
      WHERE c.type = $2${managerId === undefined ? '' : ' AND m.manager_id = $3'}`,
    managerId === undefined ? [round.id, round.type] : [round.id, round.type, managerId],
  );
  return rows.map((r) => ({
    id: r.id,
    employeeId: r.employee_id,
    type: r.type,
    stage: r.stage,
    createdAt:
      r.created_at instanceof Date ? r.created_at.toISOString() : new Date(r.created_at).toISOString(),
    ...(r.schedule_start ? { scheduleStart: r.schedule_start } : {}),
    preparationShared: Boolean(r.shared),
  }));
}

/**
 * Erasure: takes an employee out of every round they were a member of, and brings those rounds' member and
 * manager counts in line with who is left, so progress and reminders never count a person who is gone.
 * Returns how many memberships were removed.
 */
export async function eraseRoundMember(exec: SqlExecutor, employeeId: string): Promise<number> {
  const { rows } = await exec.query<{ round_id: string }>(
    'DELETE FROM round_members WHERE employee_id = $1 RETURNING round_id',
    [employeeId],
  );
  const roundIds = [...new Set(rows.map((r) => r.round_id))];
  if (roundIds.length > 0) {
    await exec.query(
      `UPDATE rounds r
          SET data = r.data || jsonb_build_object('memberCount', c.members, 'managerCount', c.managers)
         FROM (SELECT r2.id, count(m.employee_id)::int AS members, count(DISTINCT m.manager_id)::int AS managers
                 FROM rounds r2 LEFT JOIN round_members m ON m.round_id = r2.id
                WHERE r2.id = ANY($1::text[])
                GROUP BY r2.id) c
        WHERE r.id = c.id`,
      [roundIds],
    );
  }
  return rows.length;
}

/** A round card as sent to a manager: its message key and the activity to update. */
export interface RoundCardCopy {
  roundId: string;
  managerId: string;
  messageKey: string;
  activityId: string;
}

/** Remembers a sent round card (idempotent by its message key), so it can be updated when the round is cancelled. */
export async function recordRoundCard(exec: SqlExecutor, copy: RoundCardCopy): Promise<void> {
  await exec.query(
    `INSERT INTO round_cards (round_id, message_key, manager_id, activity_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (round_id, message_key) DO NOTHING`,
    [copy.roundId, copy.messageKey, copy.managerId, copy.activityId],
  );
}

/** The round cards one manager was sent in a round, oldest first. */
export async function roundCardsOf(
  exec: SqlExecutor,
  roundId: string,
  managerId: string,
): Promise<RoundCardCopy[]> {
  const { rows } = await exec.query<{ message_key: string; activity_id: string }>(
    `SELECT message_key, activity_id FROM round_cards WHERE round_id = $1 AND manager_id = $2
      ORDER BY sent_at, message_key`,
    [roundId, managerId],
  );
  return rows.map((r) => ({ roundId, managerId, messageKey: r.message_key, activityId: r.activity_id }));
}
