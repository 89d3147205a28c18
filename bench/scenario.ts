/**
 * Shared set-up for the HTTP benches: a server process on a chosen backend with a synthetic organisation,
 * and conversations brought to a stage through the public API.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer, type ServerProcess } from './child.js';
import { callAs, inParallel } from './load.js';
import type { BenchOrganisation } from './organisation.js';

/** Where the app keeps its data in a bench run. */
export type BenchBackend = 'pglite' | 'postgres';

/** Answers that satisfy every required field of the vitality preparation. */
export const preparationAnswers = {
  'kwaliteit.betekenis': 'Energie hebben voor werk én thuis.',
  'huis.gezondheid.1': 'happy',
  'huis.werk.1': 'neutral',
  'behoeften.verbeterpunten': 'Minder avondwerk.',
  'werknemerschap.zelf': 'Vaker pauze nemen.',
  'werkgeverschap.steun': 'Een vaste thuiswerkdag.',
};

/** A complete vitality report. */
export const reportAnswers = {
  'verslag.samenvatting': 'We spraken over energie en werkdruk.',
  'verslag.afspraken': [{ id: 'a1', text: 'Vaste thuiswerkdag op woensdag', owner: 'both' }],
};

/** Starts the app for `backend`; `databaseUrl` is a fresh PostgreSQL database when the backend is postgres. */
export async function startBenchServer(
  backend: BenchBackend,
  organisation: BenchOrganisation,
  extra: Record<string, string> = {},
  databaseUrl?: string,
): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), `bench-${backend}-`));
  if (backend === 'postgres' && !databaseUrl) throw new Error('the postgres backend needs a database URL');
  return spawnServer({
    DATA_DIR: dataDir,
    DEMO_ORGANISATION: organisation.path,
    ...(backend === 'postgres' && databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...extra,
  });
}

const inDays = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

async function ok(
  call: Promise<{ status: number; body: Record<string, unknown> }>,
  what: string,
): Promise<Record<string, unknown>> {
  const reply = await call;
  if (reply.status >= 300)
    throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`);
  return reply.body;
}

/** Plans a Vitaliteitsgesprek for each of `employees` (by their manager) and returns the conversation ids. */
export async function planFor(
  url: string,
  organisation: BenchOrganisation,
  employees: readonly string[],
): Promise<string[]> {
  return inParallel(employees.length, 16, async (i) => {
    const employee = employees[i] as string;
    const manager = organisation.managerOf.get(employee) as string;
    const body = await ok(
      callAs(url, manager, 'POST', '/api/conversations', {
        employeeId: employee,
        type: 'vitaliteit',
        start: inDays(14, 9),
        end: inDays(14, 10),
      }),
      'plan',
    );
    return (body.conversation as { id: string }).id;
  });
}

/** Brings each planned conversation to `awaiting_approval` of version 1 (the employee writes the report). */
export async function toAwaitingApproval(
  url: string,
  organisation: BenchOrganisation,
  employees: readonly string[],
  ids: readonly string[],
): Promise<void> {
  await inParallel(ids.length, 16, async (i) => {
    const employee = employees[i] as string;
    const manager = organisation.managerOf.get(employee) as string;
    const path = `/api/conversations/${ids[i]}/commands`;
    await ok(
      callAs(url, employee, 'POST', path, {
        command: { type: 'save-preparation', answers: preparationAnswers },
      }),
      'prepare',
    );
    await ok(callAs(url, manager, 'POST', path, { command: { type: 'complete-meeting' } }), 'complete');
    await ok(
      callAs(url, employee, 'POST', path, { command: { type: 'save-report', answers: reportAnswers } }),
      'report',
    );
    await ok(callAs(url, employee, 'POST', path, { command: { type: 'submit-report' } }), 'submit');
  });
}
