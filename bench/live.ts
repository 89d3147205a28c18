/**
 * Live-update latency: the employee shares her preparation through one instance; the manager's event stream
 * (on another instance on the same PostgreSQL, or the same PGlite instance) reports the change and his page
 * re-reads the view. Measured per conversation: share sent → event received, and → view re-read (visible).
 */
import { openLiveStream } from '../tests/support/live-stream.js';
import { callAs, percentile } from './load.js';
import type { BenchOrganisation } from './organisation.js';
import { planFor, preparationAnswers, startBenchServer, type BenchBackend } from './scenario.js';

export interface LiveRow {
  backend: BenchBackend;
  instances: number;
  samples: number;
  eventP50: number;
  eventP99: number;
  visibleP50: number;
  visibleP99: number;
}

export async function benchLive(
  backend: BenchBackend,
  organisation: BenchOrganisation,
  samples: number,
  databaseUrl?: string,
): Promise<LiveRow> {
  const writer = await startBenchServer(backend, organisation, {}, databaseUrl);
  // On PostgreSQL the manager's page is served by a second instance; PGlite is one process by nature.
  const reader =
    backend === 'postgres'
      ? await startBenchServer(backend, organisation, { JOB_POLL_SECONDS: '5' }, databaseUrl)
      : writer;
  try {
    const employees = organisation.employees.slice(0, samples);
    const ids = await planFor(writer.url, organisation, employees);
    const toEvent: number[] = [];
    const toVisible: number[] = [];
    for (const [i, id] of ids.entries()) {
      const employee = employees[i] as string;
      const manager = organisation.managerOf.get(employee) as string;
      const cmd = (command: object) =>
        callAs(writer.url, employee, 'POST', `/api/conversations/${id}/commands`, { command });
      await cmd({ type: 'save-preparation', answers: preparationAnswers });
      // Let the calendar job's write settle, so the change measured is hers.
      await new Promise((r) => setTimeout(r, 300));
      const stream = await openLiveStream(reader.url, manager, id);
      const hello = await stream.next((e) => e.event === 'view');
      const sent = performance.now();
      const reply = await cmd({ type: 'submit-preparation' });
      if (reply.status !== 200) throw new Error(`share: ${reply.status}`);
      const changed = await stream.next((e) => e.event === 'view' && e.data.tag !== hello.data.tag, 1);
      const eventAt = performance.now();
      await callAs(reader.url, manager, 'GET', `/api/conversations/${id}`);
      toVisible.push(performance.now() - sent);
      toEvent.push(eventAt - sent);
      void changed;
      stream.close();
    }
    return {
      backend,
      instances: reader === writer ? 1 : 2,
      samples: ids.length,
      eventP50: percentile(toEvent, 0.5),
      eventP99: percentile(toEvent, 0.99),
      visibleP50: percentile(toVisible, 0.5),
      visibleP99: percentile(toVisible, 0.99),
    };
  } finally {
    if (reader !== writer) await reader.stop();
    await writer.stop();
  }
}
