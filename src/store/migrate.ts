/** Applies the SQL migrations in order, once each, on PGlite and PostgreSQL alike. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

/** The advisory lock every migrating instance takes, so instances starting at once migrate one after another. */
const migrationLock = 727_001;

/**
 * Applies every migration not yet applied, each in its own transaction, in file-name order. Several instances
 * may start at once on one PostgreSQL: each transaction holds an advisory lock and checks again, so every
 * migration runs once and no instance sees another's half-made schema.
 */
export async function migrate(db: Database): Promise<string[]> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
  });
  const applied = new Set(
    (await db.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name),
  );
  const pending = readdirSync(migrationsDir)
    .filter((f) => f.endsWith('.sql') && !applied.has(f))
    .sort();
  const ran: string[] = [];
  for (const name of pending) {
    const sql = readFileSync(`${migrationsDir}${name}`, 'utf8');
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [name]);
      if (done.rows.length > 0) return;
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
      ran.push(name);
    });
  }
  return ran;
}
