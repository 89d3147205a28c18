/**
 * Cost against its floor, side by side in one run, on PostgreSQL:
 * - CPU per card decision: the real app (`bench/floor-serve.ts`, bot mounted as `npm start` mounts it, its own
 *   process) against a bare Teams SDK app answering the same invoke with the same card, static
 *   (`bench/floor-bot.ts`, its own process); each reports `process.cpuUsage()`, read before and after every
 *   batch, batches taken in turns so the machine's noise falls on both;
 * - autosave throughput at saturation: `save-preparation` over the API against a bare route on the same Express
 *   app, auth middleware and database pool doing the one-row update (`POST /floor/save/:id`), in turns;
 * - paced autosave at 500 editors (one save each every 2 s), the real route and the bare one in turns, once the
 *   outbox has worked off what planning queued.
 * The decision and saturation runs leave the outbox workers off (`WORKER_QUEUES=none`), so the CPU counted is
 * the request's own; the paced run has them on, as the product runs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { spawnServer, type ServerProcess } from './child.js';
import { decideInvoke } from './card-action.js';
import { callAs, closedLoop, inParallel, summarise, type LoadResult } from './load.js';
import type { BenchOrganisation } from './organisation.js';
import { planFor, toAwaitingApproval } from './scenario.js';

const floorServe = fileURLToPath(new URL('./floor-serve.ts', import.meta.url));
const floorBot = fileURLToPath(new URL('./floor-bot.ts', import.meta.url));

/** What the floor bench is asked to do. */
export interface FloorOptions {
  organisation: BenchOrganisation;
  /** A fresh, empty PostgreSQL database each time it is called. */
  freshDatabase: () => Promise<string>;
  /** Decisions measured on each side: managers co-signing their employees' vitality reports. */
  decisions: number;
  /** Concurrent editors of the saturation run, per side. */
  editors: number;
  /** Seconds per side and turn of the saturation run. */
  seconds: number;
  /** Turns of the saturation run (each side once per turn). */
  turns: number;
  /** Editors of the paced run, and the pause between one editor's saves. */
  pacedEditors: number;
  thinkMs: number;
  /** Saves per editor in the paced run. */
  pacedSaves: number;
  /** Writes V8 CPU profiles of the real app's processes into this directory. */
  profileDir?: string;
}

/** One side of a comparison. */
export interface Side extends LoadResult {
  /** Process CPU per request, milliseconds. */
  cpuMs: number;
  /** Statements sent to PostgreSQL per request (0 for the bare SDK app, which has no database). */
  statements: number;
}

export interface FloorResult {
  decisions: { real: Side; bare: Side; ratio: number };
  saturation: { real: Side; bare: Side; ratio: number; editors: number };
  paced: { real: Side; bare: Side; editors: number; thinkMs: number };
}

/** CPU time (user + system, all threads) of a floor peer, in microseconds. */
async function cpuOf(url: string): Promise<number> {
  const response = await fetch(`${url}/floor/cpu`);
  const { user, system } = (await response.json()) as { user: number; system: number };
  return user + system;
}

/** Statements the real app has sent to PostgreSQL so far. */
async function statementsOf(url: string): Promise<number> {
  const response = await fetch(`${url}/floor/queries`);
  return ((await response.json()) as { statements: number }).statements;
}

/** Sums the figures of several measured batches of one side. */
class Tally {
  readonly latencies: number[] = [];
  errors = 0;
  seconds = 0;
  cpuMicros = 0;
  statements = 0;

  /** `countStatements`: the side is the real app, which counts its statements to PostgreSQL. */
  constructor(private readonly countStatements: boolean) {}

  /** Runs `work` between two CPU readings of `url` and adds what it cost. */
  async measure<T>(url: string, work: () => Promise<T>): Promise<T> {
    const statements0 = this.countStatements ? await statementsOf(url) : 0;
    const cpu0 = await cpuOf(url);
    const t0 = performance.now();
    const result = await work();
    this.seconds += (performance.now() - t0) / 1000;
    this.cpuMicros += (await cpuOf(url)) - cpu0;
    if (this.countStatements) this.statements += (await statementsOf(url)) - statements0;
    return result;
  }

  summary(): Side {
    const load = summarise(this.latencies, this.errors, this.seconds);
    const each = (total: number) => total / Math.max(1, load.requests);
    return { ...load, cpuMs: each(this.cpuMicros / 1000), statements: each(this.statements) };
  }
}

/** Posts one decide invoke; true when it was answered with a card. */
async function postInvoke(
  url: string,
  invoke: Record<string, unknown>,
): Promise<{ ok: boolean; card?: unknown }> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(invoke),
  }).catch(() => undefined);
  const body = response
    ? ((await response.json().catch(() => ({}))) as { statusCode?: number; type?: string; value?: unknown })
    : {};
  const ok =
    response?.status === 200 &&
    body.statusCode === 200 &&
    body.type === 'application/vnd.microsoft.card.adaptive';
  return { ok, card: body.value };
}

async function decideBatch(
  url: string,
  tally: Tally,
  invokes: readonly Record<string, unknown>[],
  parallel: number,
): Promise<void> {
  await tally.measure(url, () =>
    inParallel(invokes.length, parallel, async (i) => {
      const t0 = performance.now();
      const { ok } = await postInvoke(url, invokes[i] as Record<string, unknown>);
      tally.latencies.push(performance.now() - t0);
      if (!ok) tally.errors += 1;
    }),
  );
}

/** Runs `work` under a CPU profile of the real app, written as `name`, when the bench profiles. */
async function profiled<T>(
  options: FloorOptions,
  url: string,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  if (!options.profileDir) return work();
  await fetch(`${url}/floor/profile/start`, { method: 'POST' });
  const result = await work();
  await fetch(`${url}/floor/profile/stop/${name}`, { method: 'POST' });
  return result;
}

/** The real app for the floor bench on a fresh database; `workers` false leaves the outbox workers off. */
async function startReal(
  options: FloorOptions,
  workers: boolean,
  databaseUrl?: string,
): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
  return spawnServer(
    {
      DATA_DIR: dataDir,
      DEMO_ORGANISATION: options.organisation.path,
      DATABASE_URL: databaseUrl ?? (await options.freshDatabase()),
      // Counted as always, never refused: the saturation run asks far more than a person would.
      RATE_LIMIT_REQUESTS_PER_MINUTE: '100000000',
      // The service URL the bench's invokes carry (`decideInvoke`); local mode ignores activities from any other.
      BOT_SERVICE_URL: 'https://smba.invalid/teams/',
      ...(workers ? {} : { WORKER_QUEUES: 'none' }),
      ...(options.profileDir ? { BENCH_FLOOR_PROFILE: options.profileDir } : {}),
    },
    120_000,
    floorServe,
  );
}

const warmUp = 10;
const decisionBatch = 25;
const decisionParallel = 4;

/** CPU per decision, real app against the bare SDK app, in turns. */
async function benchDecisions(options: FloorOptions): Promise<FloorResult['decisions']> {
  const real = await startReal(options, false);
  let bare: ServerProcess | undefined;
  try {
    const { organisation } = options;
    const count = options.decisions + warmUp;
    const employees = organisation.employees.slice(0, count);
    if (employees.length < count)
      throw new Error(`the floor bench needs ${count} employees, the organisation has ${employees.length}`);
    const ids = await planFor(real.url, organisation, employees);
    await toAwaitingApproval(real.url, organisation, employees, ids);
    // Her own vitality report she signed by offering it; each decision is her manager co-signing it: the
    // fullest path (the report approved, its archiving and task and card refreshes queued in the transaction).
    const invokes = employees.map((e, i) =>
      decideInvoke(organisation.managerOf.get(e) as string, ids[i] as string),
    );
    // Warm-up on both sides; the real app's first answer is the card the bare one sends back every time.
    const first = await postInvoke(real.url, invokes[0] as Record<string, unknown>);
    if (!first.ok) throw new Error(`the real app did not answer the decision with a card:\n${real.output()}`);
    for (let i = 1; i < warmUp; i++) await postInvoke(real.url, invokes[i] as Record<string, unknown>);
    const cardFile = join(mkdtempSync(join(tmpdir(), 'bench-floor-card-')), 'card.json');
    writeFileSync(cardFile, JSON.stringify(first.card));
    bare = await spawnServer({ BENCH_FLOOR_CARD: cardFile }, 60_000, floorBot);
    for (let i = 0; i < 200; i++)
      await postInvoke(bare.url, invokes[i % invokes.length] as Record<string, unknown>);

    const measured = invokes.slice(warmUp);
    const realTally = new Tally(true);
    const bareTally = new Tally(false);
    const bareUrl = bare.url;
    await profiled(options, real.url, 'decisions', async () => {
      for (let start = 0; start < measured.length; start += decisionBatch) {
        const batch = measured.slice(start, start + decisionBatch);
        await decideBatch(real.url, realTally, batch, decisionParallel);
        await decideBatch(bareUrl, bareTally, batch, decisionParallel);
      }
    });
    const r = realTally.summary();
    const b = bareTally.summary();
    return { real: r, bare: b, ratio: r.cpuMs / b.cpuMs };
  } finally {
    await Promise.all([real.stop(), bare?.stop()]);
  }
}

const saveText = (iteration: number) => `Versie ${iteration}: ${'energie en werkplezier '.repeat(20)}`;

/** Autosave steps for a closed loop: the real command route and the bare one, each on its own conversations. */
function saveSteps(
  url: string,
  editors: readonly string[],
  realIds: readonly string[],
  bareIds: readonly string[],
) {
  const revisions = new Map<string, number>();
  const real = async (worker: number, iteration: number): Promise<boolean> => {
    const id = realIds[worker] as string;
    const revision = revisions.get(id);
    const reply = await callAs(url, editors[worker] as string, 'POST', `/api/conversations/${id}/commands`, {
      ...(revision ? { revision } : {}),
      command: { type: 'save-preparation', answers: { 'kwaliteit.betekenis': saveText(iteration) } },
    });
    if (reply.status !== 200) return false;
    revisions.set(id, (reply.body.conversation as { revision: number }).revision);
    return true;
  };
  const bare = async (worker: number, iteration: number): Promise<boolean> => {
    const reply = await callAs(url, editors[worker] as string, 'POST', `/floor/save/${bareIds[worker]}`, {
      answers: { 'kwaliteit.betekenis': saveText(iteration) },
    });
    return reply.status === 200 && typeof reply.body.revision === 'number';
  };
  return { real, bare };
}

/** Adds a closed loop's figures to a tally. */
async function loopInto(
  url: string,
  tally: Tally,
  workers: number,
  limits: { iterations: number; seconds: number; thinkMs?: number },
  step: (worker: number, iteration: number) => Promise<boolean>,
): Promise<void> {
  await tally.measure(url, () =>
    closedLoop(workers, limits, async (worker, iteration) => {
      const t0 = performance.now();
      const ok = await step(worker, iteration).catch(() => false);
      tally.latencies.push(performance.now() - t0);
      if (!ok) tally.errors += 1;
      return ok;
    }),
  );
}

/** Autosave at saturation: the real route and the bare one in turns, each with `editors` back to back. */
async function benchSaturation(options: FloorOptions): Promise<FloorResult['saturation']> {
  const server = await startReal(options, false);
  try {
    const { organisation, editors } = options;
    // Each editor has a conversation for the real route and one for the bare route; the second is someone
    // else's by the directory, which the bare route does not ask.
    const people = organisation.employees.slice(0, 2 * editors);
    const ids = await planFor(server.url, organisation, people);
    const { real, bare } = saveSteps(server.url, people, ids.slice(0, editors), ids.slice(editors));
    // Warm-up, not counted.
    await closedLoop(editors, { iterations: 5, seconds: 5 }, real);
    await closedLoop(editors, { iterations: 5, seconds: 5 }, bare);
    const realTally = new Tally(true);
    const bareTally = new Tally(true);
    const limits = { iterations: Number.MAX_SAFE_INTEGER, seconds: options.seconds };
    for (let turn = 0; turn < options.turns; turn++) {
      // The first real turn alone is profiled: the bare route runs in the same process.
      await (turn === 0
        ? profiled(options, server.url, 'saturation', () =>
            loopInto(server.url, realTally, editors, limits, real),
          )
        : loopInto(server.url, realTally, editors, limits, real));
      await loopInto(server.url, bareTally, editors, limits, bare);
    }
    const r = realTally.summary();
    const b = bareTally.summary();
    return { real: r, bare: b, ratio: r.perSecond / b.perSecond, editors };
  } finally {
    await server.stop();
  }
}

/** Paced autosave: every editor saves every `thinkMs`, on the real route, then on the bare one. */
async function benchPaced(options: FloorOptions): Promise<FloorResult['paced']> {
  const databaseUrl = await options.freshDatabase();
  const server = await startReal(options, true, databaseUrl);
  try {
    const { organisation, pacedEditors: editors, thinkMs } = options;
    // Each editor has a conversation for the real route and one for the bare route, as in the saturation run.
    const people = organisation.employees.slice(0, 2 * editors);
    if (people.length < 2 * editors)
      throw new Error(
        `the paced floor run needs ${2 * editors} employees, the organisation has ${people.length}`,
      );
    const ids = await planFor(server.url, organisation, people);
    // Measured once the outbox has worked off what planning queued: the save itself, beside the job runner's own
    // polling, as an instance runs between bursts (the autosave section measures with that trickle going on).
    await outboxQuiet(databaseUrl, 180_000);
    const { real, bare } = saveSteps(server.url, people, ids.slice(0, editors), ids.slice(editors));
    const turns = Math.max(1, Math.min(4, options.pacedSaves));
    const limits = {
      iterations: Math.ceil(options.pacedSaves / turns),
      seconds: (Math.ceil(options.pacedSaves / turns) * thinkMs) / 1000 + 30,
      thinkMs,
    };
    const realTally = new Tally(true);
    const bareTally = new Tally(true);
    for (let turn = 0; turn < turns; turn++) {
      await (turn === 0
        ? profiled(options, server.url, 'paced', () => loopInto(server.url, realTally, editors, limits, real))
        : loopInto(server.url, realTally, editors, limits, real));
      await loopInto(server.url, bareTally, editors, limits, bare);
    }
    return { real: realTally.summary(), bare: bareTally.summary(), editors, thinkMs };
  } finally {
    await server.stop();
  }
}

/** Waits until no job that is due is waiting or running in the app's outbox (pg-boss, schema `jobs`). */
async function outboxQuiet(databaseUrl: string, timeoutMs: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM jobs.job WHERE state IN ('created', 'retry', 'active') AND start_after <= now()",
      );
      if (rows[0]?.n === 0) return;
      if (performance.now() > deadline) throw new Error(`the outbox still had ${rows[0]?.n} jobs due`);
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await client.end();
  }
}

/** Runs the three comparisons one after the other, each on its own fresh database. */
export async function benchFloor(options: FloorOptions): Promise<FloorResult> {
  const decisions = await benchDecisions(options);
  const saturation = await benchSaturation(options);
  const paced = await benchPaced(options);
  return { decisions, saturation, paced };
}
