/** Database lanes: a person's request is answered before a backlog of background work. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { openPglite, openPostgres, type Database } from '../../src/store/database.js';
import { Gate, inBackground, isBackground, promptly } from '../../src/store/priority.js';
import { backends, freshPostgresUrl } from '../support/databases.js';

describe('Gate', () => {
  it('lets `slots` holders in at once and the rest in arrival order', async () => {
    const gate = new Gate(2);
    const order: string[] = [];
    const first = await gate.acquire();
    const second = await gate.acquire();
    const third = gate.acquire().then((release) => (order.push('third'), release));
    const fourth = gate.acquire().then((release) => (order.push('fourth'), release));
    await Promise.resolve();
    expect(order).toEqual([]);
    first();
    first(); // a second release of the same slot changes nothing
    (await third)();
    second();
    (await fourth)();
    expect(order).toEqual(['third', 'fourth']);
    // Every slot is free again: two can hold at once without waiting.
    const [a, b] = await Promise.all([gate.acquire(), gate.acquire()]);
    a();
    b();
  });

  it('needs at least one slot', () => {
    expect(() => new Gate(0)).toThrow(/at least one slot/);
  });

  it('knows which lane the caller runs in, across awaits', async () => {
    expect(isBackground()).toBe(false);
    await inBackground(async () => {
      await new Promise((r) => setTimeout(r, 1));
      expect(isBackground()).toBe(true);
    });
    expect(isBackground()).toBe(false);
  });

  it('leaves the background lane for a write that records what an outside service did', async () => {
    await inBackground(async () => {
      expect(await promptly(async () => isBackground())).toBe(false);
      expect(isBackground()).toBe(true);
    });
  });
});

describe.each(backends)('database lanes on %s', (backend) => {
  let db: Database | undefined;
  afterEach(async () => {
    await db?.close();
  });

  it('answers a person before a backlog of background statements', async () => {
    db =
      backend === 'pglite' ? await openPglite('memory://') : await openPostgres(await freshPostgresUrl(), 10);
    const database = db;
    const finished: string[] = [];
    const backlog = Array.from({ length: 12 }, (_, i) =>
      inBackground(async () => {
        await database.query('SELECT pg_sleep(0.05)');
        finished.push(`job ${i}`);
      }),
    );
    const transaction = inBackground(() =>
      database.transaction(async (tx) => {
        await tx.query('SELECT pg_sleep(0.05)');
        finished.push('job transaction');
      }),
    );
    await new Promise((r) => setTimeout(r, 5));
    await database.query('SELECT 1');
    finished.push('person');
    await Promise.all([...backlog, transaction]);
    // Only what was already under way comes first: in PGlite the running statement and the one it handed its
    // slot to (all 13 without the lanes), in PostgreSQL half the pool.
    const allowedBefore = backend === 'pglite' ? 2 : 5;
    expect(finished.indexOf('person')).toBeLessThanOrEqual(allowedBefore);
    expect(finished).toHaveLength(14);
  }, 30_000);
});
