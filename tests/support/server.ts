import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/server/config.js';
import { jest } from '@jest/globals';
import { startApp, type ContextOverrides, type RunningApp } from '../../src/server/app.js';

export interface TestServerOptions {
  env?: Record<string, string>;
  overrides?: ContextOverrides;
  workers?: boolean;
  /** Mount the bot on /api/messages (default true). */
  bot?: boolean;
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

/** A small JSON client acting as one demo user. */
export function as(baseUrl: string, userId: string, locale = 'nl') {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        'x-demo-user': userId,
        'accept-language': locale,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: response.status, body: json as Record<string, any>, headers: response.headers }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body ?? {}),
    raw: call,
  };
}

/** Polls until `check` returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
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
