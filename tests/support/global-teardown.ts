/** Jest's global teardown: stops the throwaway PostgreSQL server. */
import { stopPostgresServer } from './postgres-server.ts';

/** Stops the throwaway PostgreSQL server the global setup started. */
export default async function globalTeardown(): Promise<void> {
  const file = process.env.TEST_PG_STATE;
  if (file) stopPostgresServer(file);
}
