/**
 * Starts `bench/serve.ts` (or another bench entry point) as a child process and waits until it listens; and, inside
 * such a child, the start-up tail every entry point shares (`serveForBench`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A running server process. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process wrote, for error messages. */
  output(): string;
  /** SIGTERM and wait for the exit (graceful: jobs drain). */
  stop(): Promise<void>;
  /** SIGKILL and wait for the exit (a crash). */
  kill(): Promise<void>;
}

const serveScript = fileURLToPath(new URL('./serve.ts', import.meta.url));
const running = new Set<ChildProcess>();
// A bench stopped half-way must not leave servers behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Spawns the server with `env` on top of a local, quiet default; fails after `timeoutMs` without READY. `script`
 * is another entry point that prints READY the same way (the floor bench's bare peers).
 */
export async function spawnServer(
  env: Record<string, string>,
  timeoutMs = 60_000,
  script = serveScript,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      AUTH_MODE: 'local',
      HOST: '127.0.0.1',
      PORT: '0',
      JOB_POLL_SECONDS: '0.5',
      LOG_LEVEL: 'silent',
      NODE_OPTIONS: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      const match = /READY (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { child, url, output: () => output, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}

/**
 * Inside a bench child: starts the app, prints `READY <url>` once it listens, stops it gracefully on SIGTERM, and
 * exits 1 on a failure either way (the parent then sees the output).
 */
export function serveForBench(start: () => Promise<{ url: string; stop(): Promise<void> }>): void {
  const fail = (error: unknown) => {
    console.error(error);
    process.exit(1);
  };
  start().then((app) => {
    process.stdout.write(`READY ${app.url}\n`);
    process.once('SIGTERM', () => {
      app.stop().then(() => process.exit(0), fail);
    });
  }, fail);
}
