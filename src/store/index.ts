/** The store: conversations, audit, delegations and outbox on PGlite or PostgreSQL, one set of migrations. */
import { join } from 'node:path';
import { openPglite, openPostgres, type Database } from './database.js';
import { createSqlStore } from './sql-store.js';
import type { Store } from './store.js';

export * from './store.js';
export { StaleRevisionError } from './sql-store.js';
export type { Database } from './database.js';
export { transactionalJobDatabase } from './database.js';

/** Opens the store: PostgreSQL at `databaseUrl` when given, otherwise embedded PGlite under `dataDir/db`. */
export async function openStore(options: {
  databaseUrl?: string;
  dataDir: string;
}): Promise<Store & { db: Database }> {
  const db: Database = options.databaseUrl
    ? await openPostgres(options.databaseUrl)
    : await openPglite(
        options.dataDir.startsWith('memory://') ? options.dataDir : join(options.dataDir, 'db'),
      );
  return createSqlStore(db);
}
