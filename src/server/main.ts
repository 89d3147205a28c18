/** Entry point of `npm start` and of the container: configuration, start-up, the demo year, shutdown. */
import { loadConfig } from './config.js';
import { startServer } from './start.js';
import { demoStartUser, seedDemoIfEmpty } from './demo-seed.js';

/** Entry point: `npm start`. Fails fast on invalid configuration; drains jobs on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await startServer(config);
  if (await seedDemoIfEmpty(app.ctx, config.demoSeed)) {
    console.log('Demo-organisatie gevuld met een jaar aan gesprekken (DEMO_SEED=off start leeg).');
  }
  if (config.authMode === 'local') {
    const start = await app.ctx.directory.getUser(demoStartUser);
    if (start) {
      console.log(
        `Probeer eerst ${start.displayName} (${start.jobTitle ?? 'teamleider'}): ${app.url}/tabs/home/?user=${start.id} — wissel rechtsboven naar een medewerker of HR.`,
      );
    }
  }
  console.log(
    `Gesprekscyclus draait op ${app.url}/tabs/home/ (API ${app.url}/api, bot ${app.url}/api/messages, ${config.authMode === 'local' ? 'demo-identiteiten' : 'Microsoft Entra ID'}, ${config.databaseUrl ? 'PostgreSQL' : 'PGlite in ' + config.dataDir})`,
  );
  const shutdown = (signal: string) => {
    console.log(`${signal}: stopping…`);
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
