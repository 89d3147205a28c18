/** Start-up wiring: the context from configuration, then API, tab, bot and workers on one HTTP server. */
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type express from 'express';
import type { JWTVerifyGetKey } from 'jose';
import { LocalArchive } from '../adapters/local/archive.js';
import { LocalCalendar } from '../adapters/local/calendar.js';
import { LocalDirectory, readDemoOrganisation } from '../adapters/local/directory.js';
import { LocalTasks } from '../adapters/local/tasks.js';
import { LocalMessenger } from '../bot/local-messenger.js';
import { PdfRenderer } from '../documents/pdf-renderer.js';
import { WorkerPdfRenderer } from '../documents/worker-renderer.js';
import { openStore } from '../store/index.js';
import type { Database } from '../store/database.js';
import { inBackground } from '../store/priority.js';
import { entraAuthenticator } from './auth.js';
import type { Config } from './config.js';
import { Outbox, scheduledMeetings, startWorkers, type AppContext } from '../app/index.js';
import { createHttpApp, finishHttpApp } from './http.js';
import { stopLive } from './live.js';

/** Parts a caller may replace (tests, the Graph/Teams wiring). */
export type ContextOverrides = Partial<Omit<AppContext, 'config' | 'store' | 'outbox'>>;

export interface RunningApp {
  ctx: AppContext;
  http: express.Express;
  server: Server;
  url: string;
  /** Stops accepting requests, lets running jobs finish, closes the database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  overrides?: ContextOverrides;
  /** Start the outbox workers (default true); tests of the API alone may leave them off. */
  workers?: boolean;
  /** Registers the bot's route on the shared Express app before the API. */
  mountBot?: (ctx: AppContext, app: express.Express) => Promise<void>;
  /** The keys Entra tokens are checked against; the tenant's published key set otherwise. */
  keys?: JWTVerifyGetKey;
}

const defaultTabDir = fileURLToPath(new URL('../../dist/tab/', import.meta.url));
const defaultOutlookDir = fileURLToPath(new URL('../../dist/outlook/', import.meta.url));

/** Builds the context from configuration: local adapters by default, overridable per port. */
export async function buildContext(
  config: Config,
  overrides: ContextOverrides = {},
): Promise<AppContext & { store: { db: Database } }> {
  const store = await openStore({
    dataDir: config.dataDir,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
  });
  // pg-boss's timers (polling, maintenance) keep the lane they were started in: the background one.
  const outbox = await inBackground(() =>
    Outbox.start(store.db, { archiveHeartbeatSeconds: config.archiveHeartbeatSeconds }),
  );
  // The demo organisation is read only where it is used: a tenant deployment carries no demo files.
  const demo =
    overrides.directory && (overrides.organisationName ?? config.organisationName)
      ? undefined
      : readDemoOrganisation(config.demoOrganisationPath);
  const directory = overrides.directory ?? new LocalDirectory(demo!);
  return {
    config,
    store,
    outbox,
    directory,
    // Locally the stored conversations are the calendar's memory: seeded and planned meetings are busy time.
    calendar:
      overrides.calendar ??
      new LocalCalendar(config.publicUrl, (ids, period) =>
        scheduledMeetings({ store, directory }, ids, period),
      ),
    tasks: overrides.tasks ?? new LocalTasks(),
    archive: overrides.archive ?? new LocalArchive({ dataDir: config.dataDir }),
    renderer:
      overrides.renderer ??
      (config.pdfWorkers > 0 ? new WorkerPdfRenderer(config.pdfWorkers) : new PdfRenderer()),
    messenger: overrides.messenger ?? new LocalMessenger(config.dataDir),
    ...(overrides.appInstaller ? { appInstaller: overrides.appInstaller } : {}),
    ...(overrides.chatHistory ? { chatHistory: overrides.chatHistory } : {}),
    organisationName: overrides.organisationName ?? config.organisationName ?? demo!.organisation.name,
    now: overrides.now ?? (() => new Date()),
  };
}

/** Starts the whole app: API, tab, bot and outbox workers on one HTTP server. */
export async function startApp(config: Config, options: StartOptions = {}): Promise<RunningApp> {
  const ctx = await buildContext(config, options.overrides);
  const verify = config.authMode === 'entra' ? entraAuthenticator(config, options.keys) : undefined;
  const http = createHttpApp(ctx, { tabDir: defaultTabDir, outlookDir: defaultOutlookDir });
  if (options.mountBot) await options.mountBot(ctx, http);
  const api = finishHttpApp(http, ctx, verify, { db: ctx.store.db });
  if (options.workers !== false) await inBackground(() => startWorkers(ctx));
  const server = await new Promise<Server>((resolve) => {
    const s = http.listen(config.port, config.host, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  let stopping: Promise<void> | undefined;
  return {
    ctx,
    http,
    server,
    url,
    stop: () =>
      (stopping ??= (async () => {
        // Open event streams would keep the server from closing.
        stopLive(ctx);
        await new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections?.();
        await api.close();
        await ctx.outbox.stop();
        await ctx.renderer.close?.();
        await ctx.store.close();
      })()),
  };
}
