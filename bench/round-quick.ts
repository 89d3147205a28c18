/** A quick round fan-out outside `npm run bench`: `tsx bench/round-quick.ts [n] [instances] [killAt]`. */
import { freshPostgresUrl } from '../tests/support/databases.js';
import { startPostgresServer, stopPostgresServer } from '../tests/support/postgres-server.js';
import { writeBenchOrganisation } from './organisation.js';
import { benchRound } from './round.js';

const [n = 500, instances = 1, killAt] = process.argv.slice(2).map(Number);
const postgres = process.env.TEST_DATABASE_URL
  ? undefined
  : await startPostgresServer({ maxConnections: 300 });
if (postgres) process.env.TEST_DATABASE_URL = postgres.url;
try {
  const result = await benchRound({
    organisation: writeBenchOrganisation(n),
    n,
    instances,
    databaseUrl: await freshPostgresUrl(),
    ...(killAt !== undefined && !Number.isNaN(killAt) ? { killAt } : {}),
  });
  console.log(JSON.stringify(result, null, 1));
} finally {
  if (postgres) stopPostgresServer(postgres.stateFile);
}
process.exit(0);
