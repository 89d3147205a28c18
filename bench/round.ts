/**
 * A round's invitations along the product path on one or several instances sharing one PostgreSQL: plan over the
 * API (spread over the instances) → calendar job → notify job → `TeamsMessenger` with the per-app pace in the
 * database → a fake Bot Connector enforcing Teams' limits; optionally the round itself is started first (the
 * director's, whose cards reach every manager through the same pace). Measured from the round's start (or the
 * first plan) to the last invitation;
 * optionally one instance is killed (`kill -9`) mid-way and restarted. Used by `npm run bench` (`round`) and by
 * `tests/hardening/instances.test.ts` with a scaled-down limit.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawnServer, type ServerProcess } from './child.js';
import { FakeConnector, type ConnectorLimits, teamsLimits } from './fake-connector.js';
import { callAs, inParallel } from './load.js';
import type { BenchOrganisation } from './organisation.js';

export interface RoundBenchOptions {
  organisation: BenchOrganisation;
  /** Invitations to send: the first `n` employees of the organisation. */
  n: number;
  instances: number;
  databaseUrl: string;
  /** The fake's limits; scaled down in tests. */
  limits?: ConnectorLimits;
  /** The pace the instances share (requests per second), below the fake's per-app limit. */
  appRate?: number;
  /** Kill one instance with SIGKILL once this share of the invitations has arrived, then start it again. */
  killAt?: number;
  timeoutSeconds?: number;
  env?: Record<string, string>;
  /**
   * Starts the round first, as the director for everyone below them (`POST /api/rounds`): every manager gets the
   * round's card through the same pace, and the clock starts at that request.
   */
  startRound?: boolean;
  /** Runs once every invitation has arrived, with the instances still up (the decision burst of the instance test). */
  afterFanOut?: (cluster: RoundCluster) => Promise<void>;
}

/** The running instances, for what a test does after the fan-out. */
export interface RoundCluster {
  urls(): string[];
  fake: FakeConnector;
  /** SIGKILL instance `index`; the others carry on (it is not started again). */
  crash(index: number): Promise<void>;
}

export interface RoundBenchResult {
  instances: number;
  planned: number;
  delivered: number;
  lost: number;
  /** Chats that got their invitation more than once. */
  duplicates: number;
  /**
   * Posts Teams took in the instant of the kill whose answer died with the process: each is found by reading the
   * chat back (Graph) instead of being sent again.
   */
  answersLost: number;
  /** Graph requests that read a chat back. */
  chatReads: number;
  planSeconds: number;
  /** From the first plan to the first invitation: the pipeline's latency (job polling, calendar, notify). */
  firstSeconds: number;
  seconds: number;
  perSecond: number;
  /** Achieved rate as a share of the fake's per-app limit. */
  share: number;
  throttled: number;
  throttledPerApp: number;
  /** Most requests the instances together sent within one per-app window (accepted or not). */
  peakAttempts: number;
  limit: number;
  killed: boolean;
  /** Managers (and the director) who got the round's card, and how many got it more than once. */
  roundCards: number;
  roundCardRepeats: number;
  /** TCP connections the instances opened to the connector. */
  connections: number;
  /** Invitations accepted per second from the first one. */
  postsPerSecond: number[];
}

const inDays = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

/** Runs one round fan-out and returns its figures. */
export async function benchRound(options: RoundBenchOptions): Promise<RoundBenchResult> {
  const { organisation, n, instances, databaseUrl } = options;
  const limits = options.limits ?? teamsLimits;
  const limit = limits.perApp[0]?.limit ?? 50;
  const fake = await FakeConnector.start(limits);
  // One data folder for all: in local mode the archive and the outbox files live there, as one SharePoint would.
  const env = {
    DATA_DIR: mkdtempSync(join(tmpdir(), 'round-')),
    DEMO_ORGANISATION: organisation.path,
    DATABASE_URL: databaseUrl,
    BENCH_CONNECTOR_URL: fake.url,
    ...(options.appRate ? { BENCH_APP_RATE: String(options.appRate) } : {}),
    ...options.env,
  };
  const servers: ServerProcess[] = [];
  try {
    // The first migrates the database; the others then start side by side.
    const named = (i: number) => ({ ...env, BENCH_INSTANCE: `instance-${i}` });
    servers.push(await spawnServer(named(0)));
    servers.push(
      ...(await Promise.all(Array.from({ length: instances - 1 }, (_, i) => spawnServer(named(i + 1))))),
    );
    const employees = organisation.employees.slice(0, n);
    // Everyone has the app installed: their chat with the bot is known, as after the install event. (Opening
    // a chat is a request Teams counts too: 5,000 new chats would halve the invitations per second.)
    const managers = ['director', ...new Set(employees.map((e) => organisation.managerOf.get(e) as string))];
    await seedChats(databaseUrl, [...employees, ...managers], fake.url);
    const chats = employees.map((e) => `a:chat-${e}`);
    const delivered = () => chats.filter((c) => (fake.postsPerChat.get(c) ?? 0) > 0).length;
    const started = performance.now();
    if (options.startRound) {
      const from = new Date().toISOString().slice(0, 10);
      const until = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
      const reply = await callAs((servers[0] as ServerProcess).url, 'director', 'POST', '/api/rounds', {
        type: 'vitaliteit',
        audience: { kind: 'manager', managerId: 'director' },
        period: { from, until },
      });
      if (reply.status !== 201) throw new Error(`start round: ${reply.status} ${JSON.stringify(reply.body)}`);
    }
    await inParallel(employees.length, 16, async (i) => {
      const employee = employees[i] as string;
      const server = servers[i % servers.length] as ServerProcess;
      const reply = await callAs(
        server.url,
        organisation.managerOf.get(employee) as string,
        'POST',
        '/api/conversations',
        {
          employeeId: employee,
          type: 'vitaliteit',
          start: inDays(14, 9),
          end: inDays(14, 10),
        },
      );
      if (reply.status !== 201)
        throw new Error(`plan ${employee}: ${reply.status} ${JSON.stringify(reply.body)}`);
    });
    const planSeconds = (performance.now() - started) / 1000;
    const deadline = started + (options.timeoutSeconds ?? 600) * 1000;
    let killed = false;
    let answersLost = 0;
    if (options.killAt !== undefined && instances > 1) {
      const at = Math.floor(n * options.killAt);
      while (delivered() < at && performance.now() < deadline) await sleep(20);
      const victim = servers[instances - 1] as ServerProcess;
      // The kill lands in the instant Teams has taken posts whose answers are still on their way: the fake takes
      // the victim's next posts without answering them (a few, at most for three seconds), then it dies.
      const victimName = `instance-${instances - 1}`;
      fake.swallow = (_, sender) => sender === victimName;
      const window = performance.now() + 3_000;
      while (fake.swallowed < 3 && performance.now() < window) await sleep(5);
      await victim.kill();
      fake.swallow = () => false;
      // Its connections' ends reach the fake's event loop a moment after the process is gone.
      await sleep(200);
      answersLost = fake.answerSwallowed();
      killed = true;
      // Started again, as App Service would: it joins the others in the same queues.
      servers[instances - 1] = await spawnServer(named(instances - 1));
    }
    while (delivered() < n && performance.now() < deadline) await sleep(50);
    const stats = fake.snapshot();
    const cardsOf = (id: string) => fake.postsPerChat.get(`a:chat-${id}`) ?? 0;
    const roundCards = managers.filter((m) => cardsOf(m) > 0).length;
    const roundCardRepeats = managers.filter((m) => cardsOf(m) > 1).length;
    if (options.afterFanOut)
      await options.afterFanOut({
        urls: () => servers.map((s) => s.url),
        fake,
        async crash(index) {
          const [victim] = servers.splice(index, 1);
          await victim?.kill();
        },
      });
    const count = delivered();
    // From the first plan to the last invitation.
    const startedAt = Date.now() - (performance.now() - started);
    const seconds = ((stats.lastPostAt ?? Date.now()) - startedAt) / 1000;
    const firstSeconds = ((stats.firstPostAt ?? Date.now()) - startedAt) / 1000;
    const repeated = chats.filter((c) => (fake.postsPerChat.get(c) ?? 0) > 1);
    return {
      instances,
      planned: n,
      delivered: count,
      lost: n - count,
      duplicates: repeated.length,
      answersLost,
      chatReads: fake.chatReads,
      planSeconds,
      firstSeconds,
      seconds,
      perSecond: count / seconds,
      share: count / seconds / limit,
      throttled: stats.throttled,
      throttledPerApp: stats.throttled - stats.throttledPerConversation,
      peakAttempts: stats.peakAttempts,
      limit,
      killed,
      roundCards: options.startRound ? roundCards : 0,
      roundCardRepeats,
      connections: stats.connections,
      postsPerSecond: stats.postsPerSecond,
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop().catch(() => s.kill())));
    await fake.close();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function seedChats(
  databaseUrl: string,
  employees: readonly string[],
  serviceUrl: string,
): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO chat_references (user_id, conversation_id, service_url, tenant_id)
       SELECT u, 'a:chat-' || u, $2, 'bench-tenant' FROM unnest($1::text[]) AS u ON CONFLICT DO NOTHING`,
      [employees, serviceUrl],
    );
  } finally {
    await client.end();
  }
}
