/** What the live channel reads: the row revision of the conversations someone has open. */
import type { SqlExecutor } from './store.js';

/** The row revision (bumped by every write) of each conversation in `ids` that still exists. */
export async function conversationRevisions(
  sql: SqlExecutor,
  ids: readonly string[],
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql.query<{ id: string; revision: number }>(
    'SELECT id, revision FROM conversations WHERE id = ANY($1::text[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, Number(r.revision)]));
}
