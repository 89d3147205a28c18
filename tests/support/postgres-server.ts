import { execFileSync, spawn } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway PostgreSQL server: its connection URL and the state file that {@link stopPostgresServer} reads. */
export interface ThrowawayPostgres {
  url: string;
  stateFile: string;
}

interface ServerState {
  pid: number | undefined;
  dir: string;
  data: string;
  bin: string;
  asRoot: boolean;
}

/**
 * Starts a throwaway PostgreSQL server (Debian's `postgresql` package) in a temporary directory on a random
 * loopback port, without fsync. Shared by the jest global setup and `npm run bench`.
 */
export async function startPostgresServer(
  options: { maxConnections?: number } = {},
): Promise<ThrowawayPostgres> {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root) ? readdirSync(root).sort().at(-1) : undefined;
  if (!version) {
    throw new Error(
      'PostgreSQL is not installed: install it (apt-get install -y postgresql) or set TEST_DATABASE_URL to a server.',
    );
  }
  const bin = join(root, version, 'bin');
  const dir = mkdtempSync(join(tmpdir(), 'pgtest-'));
  const data = join(dir, 'data');
  const port = 20000 + Math.floor(Math.random() * 20000);
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root: run it as the postgres system user the package creates.
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', [cmd, ...args].map(q).join(' ')])
      : execFileSync(cmd, args);
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const args = [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
    '-c',
    `max_connections=${options.maxConnections ?? 200}`,
  ];
  const child = asRoot
    ? spawn('su', ['postgres', '-s', '/bin/sh', '-c', [join(bin, 'postgres'), ...args].map(q).join(' ')], {
        stdio: 'ignore',
        detached: true,
      })
    : spawn(join(bin, 'postgres'), args, { stdio: 'ignore', detached: true });
  child.unref();
  await waitForServer(join(bin, 'pg_isready'), port);
  // Per run: parallel runs on one machine each stop only their own server.
  const stateFile = join(dir, 'state.json');
  const state: ServerState = { pid: child.pid, dir, data, bin, asRoot };
  writeFileSync(stateFile, JSON.stringify(state));
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stateFile };
}

/** Stops a server started by {@link startPostgresServer} and removes its directory. */
export function stopPostgresServer(stateFile: string): void {
  if (!existsSync(stateFile)) return;
  const { data, bin, dir, asRoot } = JSON.parse(readFileSync(stateFile, 'utf8')) as ServerState;
  const stop = [join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop'];
  try {
    if (asRoot)
      execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', stop.map(q).join(' ')], { stdio: 'ignore' });
    else execFileSync(stop[0] as string, stop.slice(1), { stdio: 'ignore' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function q(arg: string): string {
  return `'${arg.replaceAll("'", "'\\''")}'`;
}

async function waitForServer(pgIsReady: string, port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      execFileSync(pgIsReady, ['-h', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`PostgreSQL did not start on port ${port}`);
}
