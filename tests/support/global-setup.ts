/** Jest's global setup: a throwaway PostgreSQL server for the integration suites. */
import { startPostgresServer } from './postgres-server.ts';

/**
 * Starts a throwaway PostgreSQL server for the integration suites, unless TEST_DATABASE_URL already points at
 * one. The same suites also run against embedded PGlite.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const { url, stateFile } = await startPostgresServer();
  process.env.TEST_DATABASE_URL = url;
  process.env.TEST_PG_STATE = stateFile;
}
