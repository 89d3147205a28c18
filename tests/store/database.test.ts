/** A statement sent again and again (pg-boss's job insert) is prepared once per server connection. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { openPglite, openPostgres, type Database } from '../../src/store/database.js';
import { freshPostgresUrl } from '../support/databases.js';

describe('repeated statements', () => {
  let db: Database | undefined;
  afterEach(async () => {
    await db?.close();
  });
  const statement = 'SELECT $1::int + 1 AS next, $2::text AS label /* repeated by the test */';

  it('are prepared once on a PostgreSQL connection and answer for every set of values', async () => {
    db = await openPostgres(await freshPostgresUrl(), 1);
    const seen = await db.transaction(async (tx) => {
      const first = await tx.queryRepeated!<{ next: number; label: string }>(statement, [1, 'een']);
      const second = await tx.queryRepeated!<{ next: number; label: string }>(statement, [41, 'twee']);
      const { rows } = await tx.query<{ statement: string }>(
        'SELECT statement FROM pg_prepared_statements WHERE statement LIKE $1',
        ['%repeated by the test%'],
      );
      return { answers: [...first.rows, ...second.rows], prepared: rows.length };
    });
    expect(seen.answers).toEqual([
      { next: 2, label: 'een' },
      { next: 42, label: 'twee' },
    ]);
    expect(seen.prepared).toBe(1);
    // The same connection, a later transaction: still that one prepared statement.
    const later = await db.transaction(async (tx) => {
      await tx.queryRepeated!(statement, [2, 'drie']);
      return (await tx.query('SELECT name FROM pg_prepared_statements')).rows.length;
    });
    expect(later).toBe(1);
  });

  it('are plain queries on PGlite', async () => {
    db = await openPglite('memory://');
    const rows = await db.transaction(async (tx) => {
      expect(tx.queryRepeated).toBeUndefined();
      return (await tx.query<{ next: number }>(statement, [1, 'een'])).rows;
    });
    expect(rows).toEqual([{ next: 2, label: 'een' }]);
  });
});
