/**
 * Invitation fan-out along the product's own path: planning over the API → calendar job → meeting attached →
 * notify job → `TeamsMessenger` → the fake Bot Connector. Measures how fast invitations arrive end to end.
 */
import { performance } from 'node:perf_hooks';
import { FakeConnector } from './fake-connector.js';
import type { BenchOrganisation } from './organisation.js';
import { planFor, startBenchServer } from './scenario.js';

/** Figures of one outbox fan-out. */
export interface OutboxFanoutResult {
  planned: number;
  delivered: number;
  seconds: number;
  perSecond: number;
  duplicates: number;
  pollSeconds: number;
}

/** Plans `n` conversations and waits (at most `timeoutSeconds`) until every invitation arrived at the fake. */
export async function benchOutboxFanout(
  organisation: BenchOrganisation,
  n: number,
  timeoutSeconds: number,
  pollSeconds = 1,
): Promise<OutboxFanoutResult> {
  const fake = await FakeConnector.start();
  const server = await startBenchServer('pglite', organisation, {
    BENCH_CONNECTOR_URL: fake.url,
    JOB_POLL_SECONDS: String(pollSeconds),
  });
  try {
    const employees = organisation.employees.slice(0, n);
    const started = performance.now();
    await planFor(server.url, organisation, employees);
    const deadline = started + timeoutSeconds * 1000;
    const delivered = () => employees.filter((e) => (fake.postsPerChat.get(`a:chat-${e}`) ?? 0) > 0).length;
    while (delivered() < n && performance.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    const seconds = (performance.now() - started) / 1000;
    const count = delivered();
    return {
      planned: n,
      delivered: count,
      seconds,
      perSecond: count / seconds,
      duplicates: fake.snapshot().duplicates.length,
      pollSeconds,
    };
  } finally {
    await server.stop();
    await fake.close();
  }
}
