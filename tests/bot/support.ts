/**
 * A real app context for bot tests: the SQL store on in-memory PGlite with the outbox, the demo
 * directory, the local messenger; calendar, tasks, archive and renderer are never reached by the bot.
 */
import { jest } from '@jest/globals';
import type { Server } from 'node:http';
import express from 'express';
import { LocalCalendar } from '../../src/adapters/local/calendar.js';
import { LocalDirectory, readDemoOrganisation } from '../../src/adapters/local/directory.js';
import { LocalTasks } from '../../src/adapters/local/tasks.js';
import { LocalMessenger } from '../../src/bot/local-messenger.js';
import { loadConfig, type Config } from '../../src/server/config.js';
import { Outbox, type AppContext } from '../../src/app/index.js';
import { openStore } from '../../src/store/index.js';
import type { Archive } from '../../src/ports/index.js';

export interface TestContext {
  ctx: AppContext;
  messenger: LocalMessenger;
  close(): Promise<void>;
}

const unusedArchive: Archive = {
  find: async () => undefined,
  store: async () => {
    throw new Error('archive not used in bot tests');
  },
  read: async () => undefined,
  changeReaders: async () => {},
};

/** The Bot Connector address of the test activities, and of the bot in the test context. */
export const testServiceUrl = 'https://smba.test/teams/';

/** A context with the given environment on top of local defaults. */
export async function testContext(
  env: Record<string, string> = {},
  now = () => new Date('2026-12-01T08:00:00Z'),
): Promise<TestContext> {
  const config: Config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: 'memory://',
    DEMO_ORGANISATION: 'demo/organisation.json',
    // In local mode the bot takes activities only from its own service URL: the one `activity()` sends from.
    BOT_SERVICE_URL: testServiceUrl,
    ...env,
  });
  const store = await openStore({ dataDir: 'memory://' });
  const outbox = await Outbox.start(store.db, { archiveHeartbeatSeconds: 10 });
  const messenger = new LocalMessenger('memory://', now);
  const ctx: AppContext = {
    config,
    store,
    outbox,
    directory: new LocalDirectory(readDemoOrganisation(config.demoOrganisationPath)),
    calendar: new LocalCalendar(config.publicUrl),
    tasks: new LocalTasks(),
    archive: unusedArchive,
    renderer: { render: async () => new Uint8Array() },
    messenger,
    organisationName: 'Gemeente Dijkstad',
    now,
  };
  return {
    ctx,
    messenger,
    close: async () => {
      await outbox.stop();
      await store.close();
    },
  };
}

/** Listens on an ephemeral port. */
export async function listen(
  app: express.Express,
): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

export function newExpress(): express.Express {
  return express();
}

let sequence = 0;

/** A Teams-shaped activity from a user in their personal chat with the bot. */
export function activity(
  from: { id: string; aadObjectId?: string },
  fields: Record<string, unknown>,
  serviceUrl = testServiceUrl,
): Record<string, unknown> {
  sequence += 1;
  return {
    id: `act-${sequence}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale: 'nl-NL',
    from: { id: from.id, ...(from.aadObjectId ? { aadObjectId: from.aadObjectId } : {}), name: 'Test' },
    recipient: { id: '28:bot-app-id', name: 'Gesprekken' },
    conversation: {
      id: `a:chat-${from.aadObjectId ?? from.id}`,
      conversationType: 'personal',
      tenantId: 'tenant-1',
    },
    channelData: { tenant: { id: 'tenant-1' } },
    ...fields,
  };
}

/**
 * Loads the bot module. jwks-rsa (inside the Teams SDK) `require`s the ESM-only `jose`; Node 22 does that
 * natively, Jest's module runtime does not, so Jest is handed the real module for that require.
 */
export async function loadBot(): Promise<typeof import('../../src/bot/bot.js')> {
  const jose = await import('jose');
  jest.mock('jose', () => jose);
  return import('../../src/bot/bot.js');
}

/** How many decide buttons a card offers (a reacting signer gets one per choice, anyone else none). */
export function decideButtons(card: unknown): number {
  return JSON.stringify(card).match(/"verb":"decide"/g)?.length ?? 0;
}
