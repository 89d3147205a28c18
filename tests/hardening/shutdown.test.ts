/**
 * Shutdown and crashes. A graceful `stop()` lets a running job finish and leaves none active; a `kill -9` in
 * the middle of an invitation fan-out (the real server as a child process, sending through `TeamsMessenger`
 * to a rate-limiting fake Bot Connector) loses nothing once the server is back and posts nothing twice: a post
 * Teams took in the instant before the crash, whose answer died with the process (Teams has no idempotency key
 * for bot messages), is found by reading the person's chat back (Graph) instead of being sent again.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalCalendar } from '../../src/adapters/local/calendar.js';
import type { Calendar } from '../../src/ports/index.js';
import { openStore } from '../../src/store/index.js';
import { spawnServer, type ServerProcess } from '../../bench/child.js';
import { FakeConnector } from '../../bench/fake-connector.js';
import { callAs, inParallel } from '../../bench/load.js';
import { writeBenchOrganisation } from '../../bench/organisation.js';
import { eventually, startTestServer } from '../support/server.js';
import { buildConversation, inDays } from '../support/cycle.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Recipients whose message the store recorded as sent (an activity id came back and was committed). */
async function recordedRecipients(dataDir: string): Promise<Set<string>> {
  const store = await openStore({ dataDir });
  try {
    const { rows } = await store.executor.query<{ recipient_id: string }>(
      "SELECT recipient_id FROM sent_messages WHERE activity_id <> ''",
    );
    return new Set(rows.map((r) => r.recipient_id));
  } finally {
    await store.close();
  }
}

/** Job states per queue, read straight from pg-boss's table. */
async function jobStates(dataDir: string, queue: string): Promise<Record<string, number>> {
  const store = await openStore({ dataDir });
  try {
    const { rows } = await store.executor.query<{ state: string; n: number }>(
      'SELECT state, count(*)::int AS n FROM jobs.job WHERE name = $1 GROUP BY state',
      [queue],
    );
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  } finally {
    await store.close();
  }
}

describe('graceful shutdown', () => {
  it('lets the running job finish and leaves no job active', async () => {
    const local = new LocalCalendar('http://localhost:3978');
    const calls = { started: 0, finished: 0 };
    // A slow Teams meeting creation: stop() arrives while it runs.
    const calendar: Calendar = {
      createMeeting: async (request) => {
        calls.started += 1;
        await sleep(2_000);
        const meeting = await local.createMeeting(request);
        calls.finished += 1;
        return meeting;
      },
      updateMeeting: (...args) => local.updateMeeting(...args),
      cancelMeeting: (...args) => local.cancelMeeting(...args),
      findTimes: (request) => local.findTimes(request),
    };
    const server = await startTestServer({ bot: false, overrides: { calendar } });
    await buildConversation({ type: 'vitaliteit', stage: 'planned', server });
    await eventually(async () => calls.started === 1, 20_000, 'the calendar job to start');
    await server.stop();
    expect(calls.finished).toBe(1);
    const states = await jobStates(server.dataDir, 'calendar');
    expect(states.active ?? 0).toBe(0);
    expect(states.completed).toBe(1);
  }, 60_000);
});

describe('kill -9 during an invitation fan-out', () => {
  const processes: ServerProcess[] = [];
  let fake: FakeConnector | undefined;
  afterAll(async () => {
    for (const p of processes) await p.kill();
    await fake?.close();
  });

  it('delivers every invitation after a restart, once, also the one whose answer died with the process', async () => {
    const employees = 16;
    const organisation = writeBenchOrganisation(employees, employees);
    fake = await FakeConnector.start();
    const env = {
      DATA_DIR: mkdtempSync(join(tmpdir(), 'fanout-crash-')),
      DEMO_ORGANISATION: organisation.path,
      BENCH_CONNECTOR_URL: fake.url,
      JOB_POLL_SECONDS: '0.5',
    };
    const first = await spawnServer(env);
    processes.push(first);
    await inParallel(employees, 4, async (i) => {
      const reply = await callAs(first.url, 'm0', 'POST', '/api/conversations', {
        employeeId: `e${i}`,
        type: 'vitaliteit',
        start: inDays(14),
        end: inDays(14, 10),
      });
      expect(reply.status).toBe(201);
    });
    // Crash in the middle, while invitations are on their way: the fourth post is taken by Teams but its answer
    // never comes, the ones after it are left hanging before Teams takes them, then kill -9. The three answered
    // ones get a moment to be recorded first, however busy the machine: the checks below need them.
    fake.swallow = (arrival) => arrival === 4;
    fake.hold = (arrival) => arrival > 4;
    await eventually(async () => fake!.swallowed === 1 && fake!.held >= 1, 60_000, 'an invitation in flight');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await first.kill();
    fake.hold = () => false;
    const atCrash = fake.snapshot().posts;
    expect(atCrash).toBeLessThan(employees);
    const postedAtCrash = new Map(fake.postsPerChat);
    const recorded = await recordedRecipients(env.DATA_DIR);
    expect(recorded.size).toBeGreaterThanOrEqual(3);
    // Taken by Teams but not recorded when the process died: the post a blind retry would repeat.
    const answerLost = organisation.employees
      .map((e) => `a:chat-${e}`)
      .filter((c) => (postedAtCrash.get(c) ?? 0) > 0 && !recorded.has(c.slice('a:chat-'.length)));
    expect(answerLost).toHaveLength(1);

    // The job that was sending must be retried soon after the restart, not only when pg-boss expires it.
    const second = await spawnServer(env);
    processes.push(second);
    const chats = organisation.employees.map((e) => `a:chat-${e}`);
    await eventually(
      async () => chats.every((c) => (fake!.postsPerChat.get(c) ?? 0) > 0),
      45_000,
      `every invitation after the restart (had ${atCrash} at the crash)`,
    ).catch((error: unknown) => {
      const missing = chats.filter((c) => !fake!.postsPerChat.get(c));
      throw new Error(`${String(error)}; missing: ${missing.join(', ')}`);
    });
    // The lost answer's message is recorded from the chat read back, under the id Teams gave it.
    await eventually(
      async () => (await recordedRecipients(env.DATA_DIR)).size === employees,
      30_000,
      'every invitation recorded as sent',
    );
    expect(fake.chatReads).toBeGreaterThanOrEqual(1);
    expect(chats.filter((c) => (fake!.postsPerChat.get(c) ?? 0) !== 1)).toEqual([]);
    await second.stop();
  }, 150_000);
});
