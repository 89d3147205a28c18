/** The real app on an ephemeral port for HTTP suites, with the JSON client re-exported beside it. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/server/config.js';
import { jest } from '@jest/globals';
import { startApp, type ContextOverrides, type RunningApp } from '../../src/server/app.js';

export { as, eventually } from './client.js';

export interface TestServerOptions {
  env?: Record<string, string>;
  overrides?: ContextOverrides;
  workers?: boolean;
  /** Mount the bot on /api/messages (default true). */
  bot?: boolean;
}

/**
 * What the local messenger wrote to a data directory's outbox file: every card sent or updated, in order (the
 * lines' shape is the test's to name).
 */
export function sentMessages<T>(dataDir: string): T[] {
  const file = join(dataDir, 'outbox', 'messages.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);
}

/** Starts the real app on an ephemeral port with a fresh data directory, in local identity mode. */
export async function startTestServer(
  options: TestServerOptions = {},
): Promise<RunningApp & { dataDir: string }> {
  const dataDir = options.env?.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'gesprek-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    AUTH_MODE: 'local',
    DATA_DIR: dataDir,
    JOB_POLL_SECONDS: '0.5',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const app = await startApp(config, {
    ...(options.bot === false ? {} : { mountBot: await loadMountBot() }),
    ...(options.overrides ? { overrides: options.overrides } : {}),
    ...(options.workers === false ? { workers: false } : {}),
  });
  return { ...app, dataDir };
}

/**
 * Loads the bot wiring. The Teams SDK (through jwks-rsa) `require`s the ESM-only `jose`: Node 22 does that
 * natively, Jest's module runtime does not, so Jest is handed the real module for that require.
 */
async function loadMountBot(): Promise<typeof import('../../src/server/bot-mount.js').mountBot> {
  const jose = await import('jose');
  jest.mock('jose', () => jose);
  return (await import('../../src/server/bot-mount.js')).mountBot;
}
