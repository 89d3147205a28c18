/** The per-minute budget counted in memory and shared through the database by every instance. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { SharedRequestCounter } from '../../src/server/rate-limit.js';
import { openStore, type Store } from '../../src/store/index.js';
import { backends, storeOptionsFor } from '../support/databases.js';

const rule = { bucket: 'api', limit: 3, windowSeconds: 60 };
const at = (time: string) => new Date(`2027-01-11T${time}Z`);

describe.each(backends)('shared request counts on %s', (backend) => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
  });
  const open = async () => {
    store = await openStore(await storeOptionsFor(backend));
    return store;
  };
  const rows = async (s: Store) =>
    (
      await s.executor.query<{ user_id: string; hits: number; window_start: Date }>(
        'SELECT user_id, hits, window_start FROM rate_limit_windows ORDER BY window_start, user_id',
      )
    ).rows.map((r) => [r.user_id, Number(r.hits), new Date(r.window_start).toISOString()]);

  it('counts at once on its own instance, and adds its counts to the shared row in one flush', async () => {
    const s = await open();
    const counter = new SharedRequestCounter(s.executor, rule, 60_000);
    const hits = [1, 2, 3, 4].map(() => counter.count('sanne', at('10:00:30')).hits);
    expect(hits).toEqual([1, 2, 3, 4]);
    expect(counter.count('jeroen', at('10:00:31'))).toEqual({ hits: 1, retryAfterSeconds: 29 });
    expect(await rows(s)).toEqual([]);
    await counter.close();
    expect(await rows(s)).toEqual([
      ['jeroen', 1, '2027-01-11T10:00:00.000Z'],
      ['sanne', 4, '2027-01-11T10:00:00.000Z'],
    ]);
  });

  it('holds the budget across instances: each takes in what the others counted at its flush', async () => {
    const s = await open();
    const first = new SharedRequestCounter(s.executor, rule, 60_000);
    const second = new SharedRequestCounter(s.executor, rule, 60_000);
    first.count('sanne', at('10:00:30'));
    first.count('sanne', at('10:00:31'));
    await first.flush();
    expect(second.count('sanne', at('10:00:32')).hits).toBe(1);
    await second.flush();
    // The second instance now knows of the first one's two requests: her fourth is over the budget of three.
    expect(second.count('sanne', at('10:00:33')).hits).toBe(4);
    await Promise.all([first.close(), second.close()]);
    expect(await rows(s)).toEqual([['sanne', 4, '2027-01-11T10:00:00.000Z']]);
  });

  it('starts every person afresh in a new window and removes the windows that passed', async () => {
    const s = await open();
    const counter = new SharedRequestCounter(s.executor, rule, 60_000);
    counter.count('sanne', at('10:00:59'));
    counter.count('daan', at('10:00:59'));
    await counter.flush();
    expect(counter.count('sanne', at('10:01:00')).hits).toBe(1);
    await counter.close();
    expect(await rows(s)).toEqual([['sanne', 1, '2027-01-11T10:01:00.000Z']]);
  });

  it('keeps its counts when the database refuses a flush, and sends them with the next', async () => {
    const s = await open();
    const reported: unknown[] = [];
    let refuse = true;
    const flaky = {
      query: <T>(text: string, params?: unknown[]) =>
        refuse ? Promise.reject(new Error('connection lost')) : s.executor.query<T>(text, params),
    };
    const counter = new SharedRequestCounter(flaky, rule, 60_000, (error) => reported.push(error));
    counter.count('sanne', at('10:00:30'));
    await counter.flush();
    expect(reported).toHaveLength(1);
    refuse = false;
    expect(counter.count('sanne', at('10:00:31')).hits).toBe(2);
    await counter.close();
    expect(await rows(s)).toEqual([['sanne', 2, '2027-01-11T10:00:00.000Z']]);
  });
});
