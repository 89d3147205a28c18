/** Microsoft 365 Agents Playground for the bot's e2e test: started on a free port, loopback only. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';

const cli = join(process.cwd(), 'node_modules/@microsoft/m365agentsplayground/cli.js');

/** A running Microsoft 365 Agents Playground. */
export interface Playground {
  url: string;
  port: number;
  /** Where the Playground writes its log (outside the checkout). */
  logFile: string;
  /** Everything it printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the Playground for the bot at `endpoint` in the Teams channel on `port`. It runs from a temporary
 * directory (its log and `.m365agentsplayground.yml` lookup stay out of the checkout), opens no browser, sends
 * no telemetry events (`--disable-telemetry`) and starts no Application Insights statsbeat, so it only ever
 * talks to loopback.
 */
export async function startPlayground(
  endpoint: string,
  port: number,
  timeoutMs = 30_000,
): Promise<Playground> {
  const dir = mkdtempSync(join(tmpdir(), 'playground-'));
  const logFile = join(dir, 'playground.log');
  const child: ChildProcess = spawn(
    process.execPath,
    [cli, 'start', '-e', endpoint, '-c', 'msteams', '-p', String(port), '--disable-telemetry'],
    {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: dir,
        TEAMSAPPTESTER_BROWSER: 'none',
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
        M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: join(dir, '.m365agentsplayground.yml'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = `http://localhost:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Playground exited (${child.exitCode}):\n${printed}`);
    // It falls back to a random port when the one asked for is taken; the bot's service URL would then be wrong.
    const listening = /Listening on (\d+)/.exec(printed);
    if (listening && listening[1] !== String(port)) {
      child.kill('SIGTERM');
      throw new Error(`Playground listens on ${listening[1]} instead of ${port}`);
    }
    try {
      if (listening && (await fetch(`${url}/_debug/ping`)).ok) break;
    } catch {
      // Not accepting connections yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`Playground did not start on ${port}:\n${printed}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  return {
    url,
    port,
    logFile,
    output: () => {
      let log = '';
      try {
        log = readFileSync(logFile, 'utf8');
      } catch {
        // No log written yet.
      }
      return `${printed}\n--- log ---\n${log}`;
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Lets the browser reach loopback only. The Playground's page asks a CDN for fonts and icons; those requests
 * are refused (and listed), so the test shows the Playground works offline.
 */
export async function loopbackOnly(context: BrowserContext): Promise<string[]> {
  const blocked: string[] = [];
  await context.route('**/*', async (route) => {
    const { protocol, hostname } = new URL(route.request().url());
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
    if (local || protocol === 'data:' || protocol === 'blob:') return route.continue();
    blocked.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  return blocked;
}
