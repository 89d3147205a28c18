/**
 * Approval card actions under load: `adaptiveCard/action` invokes (`decide`) posted to the bot's
 * `/api/messages` in local mode, first by the employees, then by their managers (which approves every document
 * and starts the archive jobs in the background). Two arrival patterns, each on its own conversations: all at
 * the same instant (a burst), and spread at random over a window, as when 200 people approve in the same few
 * seconds.
 */
import { performance } from 'node:perf_hooks';
import { summarise, type LoadResult } from './load.js';
import type { BenchOrganisation } from './organisation.js';
import { planFor, startBenchServer, toAwaitingApproval, type BenchBackend } from './scenario.js';

/** One wave of simultaneous decisions. */
export interface CardActionRow extends LoadResult {
  backend: BenchBackend;
  wave: 'employee' | 'manager';
  /** 0 for a burst; otherwise the window the approvals arrive in at random. */
  spreadMs: number;
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

/** A small seeded generator, so every run uses the same arrival times. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function wave(
  url: string,
  actors: readonly string[],
  ids: readonly string[],
  spreadMs: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const random = seeded(ids.length);
  const arrivals = ids.map(() => random() * spreadMs);
  const started = performance.now();
  await Promise.all(
    ids.map(async (id, i) => {
      const wait = (arrivals[i] as number) - (performance.now() - started);
      if (wait > 0) await sleep(wait);
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

/**
 * `approvals` conversations per arrival pattern, awaiting approval; every employee decides, then every manager.
 * `spreadMs` is the window of the spread pattern.
 */
export async function benchCardAction(
  backend: BenchBackend,
  organisation: BenchOrganisation,
  approvals: number,
  databaseUrl?: string,
  spreadMs = 10_000,
): Promise<CardActionRow[]> {
  // Local mode answers only activities from the bot's own service URL: the one `decideInvoke` carries.
  const server = await startBenchServer(
    backend,
    organisation,
    { BENCH_BOT: '1', BOT_SERVICE_URL: 'https://smba.invalid/teams/' },
    databaseUrl,
  );
  try {
    const employees = organisation.employees.slice(0, approvals * 2);
    if (employees.length < approvals * 2)
      throw new Error(
        `the card bench needs ${approvals * 2} employees, the organisation has ${employees.length}`,
      );
    const ids = await planFor(server.url, organisation, employees);
    await toAwaitingApproval(server.url, organisation, employees, ids);
    // Let the approval notifications and tasks the submissions caused run off first.
    await new Promise((r) => setTimeout(r, 3_000));
    const rows: CardActionRow[] = [];
    // The spread pattern first: the burst leaves hundreds of archive jobs behind that would run under it.
    for (const [pattern, spread] of [
      [0, spreadMs],
      [1, 0],
    ] as const) {
      const part = employees.slice(pattern * approvals, (pattern + 1) * approvals);
      const partIds = ids.slice(pattern * approvals, (pattern + 1) * approvals);
      const managers = part.map((e) => organisation.managerOf.get(e) as string);
      const first = await wave(server.url, part, partIds, spread);
      const second = await wave(server.url, managers, partIds, spread);
      rows.push(
        { backend, wave: 'employee', spreadMs: spread, approvals, ...first },
        { backend, wave: 'manager', spreadMs: spread, approvals, ...second },
      );
    }
    return rows;
  } finally {
    await server.stop();
  }
}
