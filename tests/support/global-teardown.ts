import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Stops the throwaway PostgreSQL server the global setup started. */
export default async function globalTeardown(): Promise<void> {
  const file = process.env.TEST_PG_STATE;
  if (!file || !existsSync(file)) return;
  const { data, bin, dir, asRoot } = JSON.parse(readFileSync(file, 'utf8')) as { data: string; bin: string; dir: string; asRoot: boolean };
  const stop = [join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop'];
  try {
    if (asRoot) execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', stop.join(' ')], { stdio: 'ignore' });
    else execFileSync(stop[0] as string, stop.slice(1), { stdio: 'ignore' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
