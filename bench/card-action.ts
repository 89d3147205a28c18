/**
 * Approval card actions under load: `adaptiveCard/action` invokes (`decide`) posted to the bot's
 * `/api/messages` in local mode, all at once, first by the employees, then by their managers (which approves
 * every document and starts the archive jobs in the background).
 */
import { performance } from 'node:perf_hooks';
import { summarise, type LoadResult } from './load.js';
import type { BenchOrganisation } from './organisation.js';
import { planFor, startBenchServer, toAwaitingApproval, type BenchBackend } from './scenario.js';

/** One wave of simultaneous decisions. */
export interface CardActionRow extends LoadResult {
  backend: BenchBackend;
  wave: 'employee' | 'manager';
  approvals: number;
}

let sequence = 0;

/** A Teams `adaptiveCard/action` invoke from a user's personal chat with the bot. */
export function decideInvoke(userId: string, conversationId: string): Record<string, unknown> {
  sequence += 1;
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `bench-${sequence}`,
    channelId: 'msteams',
    serviceUrl: 'https://smba.invalid/teams/',
    timestamp: new Date().toISOString(),
    locale: 'nl-NL',
    from: { id: `29:${userId}`, aadObjectId: userId, name: userId },
    recipient: { id: '28:bench-bot', name: 'Gesprekken' },
    conversation: { id: `a:chat-${userId}`, conversationType: 'personal', tenantId: 'bench-tenant' },
    channelData: { tenant: { id: 'bench-tenant' } },
    value: {
      action: {
        type: 'Action.Execute',
        verb: 'decide',
        data: { conversationId, version: 1, decision: 'akkoord' },
      },
    },
  };
}

async function wave(url: string, actors: readonly string[], ids: readonly string[]): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    ids.map(async (id, i) => {
      const t0 = performance.now();
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(decideInvoke(actors[i] as string, id)),
      }).catch(() => undefined);
      const body = response
        ? ((await response.json().catch(() => ({}))) as { statusCode?: number; type?: string })
        : {};
      latencies.push(performance.now() - t0);
      if (
        response?.status !== 200 ||
        body.statusCode !== 200 ||
        body.type !== 'application/vnd.microsoft.card.adaptive'
      )
        errors += 1;
    }),
  );
  return summarise(latencies, errors, (performance.now() - started) / 1000);
}

/** `approvals` conversations awaiting approval; every employee decides at once, then every manager. */
export async function benchCardAction(
  backend: BenchBackend,
  organisation: BenchOrganisation,
  approvals: number,
  databaseUrl?: string,
): Promise<CardActionRow[]> {
  const server = await startBenchServer(backend, organisation, { BENCH_BOT: '1' }, databaseUrl);
  try {
    const employees = organisation.employees.slice(0, approvals);
    const ids = await planFor(server.url, organisation, employees);
    await toAwaitingApproval(server.url, organisation, employees, ids);
    // Let the approval notifications and tasks the submissions caused run off first.
    await new Promise((r) => setTimeout(r, 3_000));
    const first = await wave(server.url, employees, ids);
    const managers = employees.map((e) => organisation.managerOf.get(e) as string);
    const second = await wave(server.url, managers, ids);
    return [
      { backend, wave: 'employee', approvals, ...first },
      { backend, wave: 'manager', approvals, ...second },
    ];
  } finally {
    await server.stop();
  }
}
