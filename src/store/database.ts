/** The two ways to reach PostgreSQL: embedded PGlite (default) or a server via DATABASE_URL. */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { fromPglite, type Db as IDatabase } from 'pg-boss';
import { byLane, Gate } from './priority.js';
import type { SqlExecutor } from './store.js';

/** The two ways to reach PostgreSQL: embedded PGlite (default) or a server via DATABASE_URL. */
export interface Database {
  kind: 'pglite' | 'postgres';
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs parameterless SQL that may hold several statements (migrations). */
  exec(text: string): Promise<void>;
  transaction<T>(work: (tx: SqlExecutor & { exec(text: string): Promise<void> }) => Promise<T>): Promise<T>;
  /** The adapter pg-boss uses for its own statements. */
  jobDatabase(): IDatabase;
  close(): Promise<void>;
}

/** Opens embedded PostgreSQL in `dataDir` (created when missing); `memory://` keeps it in memory. */
export async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  // One statement at a time runs in PGlite: background jobs queue at most one in front of a person's.
  const background = new Gate(1);
  return {
    kind: 'pglite',
    query: <T>(text: string, params?: unknown[]) =>
      byLane(background, async () => ({ rows: (await db.query<T>(text, params)).rows })),
    exec: (text) =>
      byLane(background, async () => {
        await db.exec(text);
      }),
    transaction: (work) =>
      byLane(background, () =>
        db.transaction((tx) =>
          work({
            query: async <T>(text: string, params?: unknown[]) => ({
              rows: (await tx.query<T>(text, params)).rows,
            }),
            exec: async (text: string) => {
              await tx.exec(text);
            },
          }),
        ),
      ),
    // pg-boss's own statements (polling, maintenance) queue like any background job's.
    jobDatabase: () => {
      const jobs = fromPglite(db);
      return {
        ...jobs,
        executeSql: (text, values) => byLane(background, () => jobs.executeSql(text, values)),
      };
    },
    close: async () => {
      if (!db.closed) await db.close();
    },
  };
}

/** Names of the statements prepared on the server's connections, by their text; a bounded few. */
const prepared = new Map<string, string>();
const mostPrepared = 100;

/** The name `text` is prepared under, or undefined once `mostPrepared` statements have one (it is then sent whole). */
function preparedName(text: string): string | undefined {
  let name = prepared.get(text);
  if (!name && prepared.size < mostPrepared) {
    name = `repeated_${prepared.size + 1}`;
    prepared.set(text, name);
  }
  return name;
}

/** Connects to a PostgreSQL server through a pool. */
export async function openPostgres(connectionString: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max });
  // Fail fast on a wrong URL instead of on the first request.
  await pool.query('SELECT 1');
  // Background jobs may hold at most half the connections: the rest stay free for people.
  const background = new Gate(Math.max(1, Math.floor(max / 2)));
  const inTransaction = async <T>(
    work: (tx: SqlExecutor & { exec(text: string): Promise<void> }) => Promise<T>,
  ): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work({
        query: async <T>(text: string, params?: unknown[]) => ({
          rows: (await client.query(text, params)).rows as T[],
        }),
        queryRepeated: async <T>(text: string, params: unknown[]) => {
          const name = preparedName(text);
          return {
            rows: (await (name ? client.query({ name, text, values: params }) : client.query(text, params)))
              .rows as T[],
          };
        },
        exec: async (text: string) => {
          await client.query(text);
        },
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  return {
    kind: 'postgres',
    query: <T>(text: string, params?: unknown[]) =>
      byLane(background, async () => ({ rows: (await pool.query(text, params)).rows as T[] })),
    exec: (text) =>
      byLane(background, async () => {
        await pool.query(text);
      }),
    transaction: (work) => byLane(background, () => inTransaction(work)),
    jobDatabase: () => ({
      executeSql: (text: string, values?: unknown[]) =>
        byLane(background, async () => {
          const result = await pool.query(text, values);
          // Multi-statement SQL returns one result per statement: pg-boss needs the rows of every one.
          const results = Array.isArray(result) ? (result as pg.QueryResult[]) : [result];
          return { rows: results.flatMap((r) => r.rows ?? []) };
        }),
    }),
    close: async () => {
      if (!pool.ended) await pool.end();
    },
  };
}

/** A pg-boss adapter that runs inside an open transaction, so a job commits with the change that caused it. */
export function transactionalJobDatabase(tx: SqlExecutor & { exec(text: string): Promise<void> }): IDatabase {
  return {
    executeSql: async (text: string, values?: unknown[]) => {
      // pg-boss sends the same job insert for every job of a queue: prepared once, where the server allows.
      if (values && values.length > 0) return (tx.queryRepeated ?? tx.query)(text, values);
      await tx.exec(text);
      return { rows: [] };
    },
  };
}
