/**
 * Autosave under load: each editor saves their own preparation (`save-preparation` with the revision they
 * last read) in a closed loop over real HTTP on loopback, against the app in its own process.
 */
import { closedLoop, callAs, type LoadResult } from './load.js';
import type { BenchOrganisation } from './organisation.js';
import { planFor, startBenchServer, type BenchBackend } from './scenario.js';

/** One row: a backend at a number of concurrent editors. */
export interface AutosaveRow extends LoadResult {
  backend: BenchBackend;
  editors: number;
  /** Pause between one editor's saves (0: back to back). */
  thinkMs: number;
}

/** Measures autosave at each level of concurrent editors, on one backend. */
export async function benchAutosave(
  backend: BenchBackend,
  organisation: BenchOrganisation,
  levels: readonly number[],
  limits: { iterations: number; seconds: number },
  thinkTimes: readonly number[],
  databaseUrl?: string,
): Promise<AutosaveRow[]> {
  const server = await startBenchServer(backend, organisation, {}, databaseUrl);
  try {
    const editors = organisation.employees.slice(0, Math.max(...levels));
    const ids = await planFor(server.url, organisation, editors);
    // The outbox works off one job per poll per queue (src/app/jobs/workers.ts), so the meetings and
    // invitations planning caused trickle on in the background during the run: a light, realistic load.
    await new Promise((r) => setTimeout(r, 2_000));
    const revisions = new Map<string, number>();
    const rows: AutosaveRow[] = [];
    for (const thinkMs of thinkTimes)
      for (const level of levels) {
        const result = await closedLoop(level, { ...limits, thinkMs }, async (worker, iteration) => {
          const id = ids[worker] as string;
          const revision = revisions.get(id);
          const text = `Versie ${iteration}: ${'energie en werkplezier '.repeat(20)}`;
          const reply = await callAs(
            server.url,
            editors[worker] as string,
            'POST',
            `/api/conversations/${id}/commands`,
            {
              ...(revision ? { revision } : {}),
              command: { type: 'save-preparation', answers: { 'kwaliteit.betekenis': text } },
            },
          );
          if (reply.status !== 200) return false;
          revisions.set(id, (reply.body.conversation as { revision: number }).revision);
          return true;
        });
        rows.push({ backend, editors: level, thinkMs, ...result });
      }
    return rows;
  } finally {
    await server.stop();
  }
}
