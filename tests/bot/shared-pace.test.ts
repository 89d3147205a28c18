/**
 * The per-app pace in the database (`send_rate`): several processes' limiters on one database together stay at
 * the pace, each request gets its own moment, and the per-chat windows still hold.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { conversationWindows, SendLimiter, realClock } from '../../src/bot/pacing.js';
import { sharedPace } from '../../src/store/send-rate.js';
import { openStore } from '../../src/store/index.js';
import { backends, storeOptionsFor } from '../support/databases.js';

/** The most timestamps within any window of `windowMs`. */
function peak(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while ((sorted[j] as number) - (sorted[i] as number) >= windowMs) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

describe.each(backends)('shared pace on %s', (backend) => {
  const stores: Array<{ close(): Promise<void> }> = [];
  afterAll(async () => {
    for (const store of stores) await store.close();
  });

  it('keeps three instances together at the pace, per chat too', async () => {
    const options = await storeOptionsFor(backend);
    // PostgreSQL: three connections pools, as three instances would have. PGlite has one process only.
    const opened = await Promise.all(
      [0, 1, 2].map(async (i) => (i === 0 || backend === 'postgres' ? openStore(options) : undefined)),
    );
    for (const store of opened) if (store) stores.push(store);
    const executors = opened.map((s) => (s ?? opened[0])!.executor);
    const perSecond = 60;
    const limiters = executors.map(
      (executor) =>
        new SendLimiter(realClock, conversationWindows, [], sharedPace(executor, 'teams:test', perSecond)),
    );
    const times: number[] = [];
    const chatTimes: number[] = [];
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 90 }, async (_, i) => {
        // One chat gets every sixth message (15 in about a quarter of a second of the pace), all through one
        // instance: the per-chat windows are the process's own (a person's messages rarely come from two instances
        // at once, and Teams' answer to one that does is retried), so that process must hold them to 7 a second.
        const chat = i % 6 === 0 ? 'busy-chat' : `chat-${i}`;
        await limiters[chat === 'busy-chat' ? 0 : i % 3]!.acquire(chat);
        times.push(Date.now());
        if (chat === 'busy-chat') chatTimes.push(Date.now());
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    // 90 at 60/s: about 1.5 s (the busy chat's 15 at 7 a second: about 2 s), never more than 60 (plus a timer's
    // slack) in one second.
    expect(seconds).toBeGreaterThan(1.3);
    expect(seconds).toBeLessThan(6);
    expect(peak(times, 1000)).toBeLessThanOrEqual(perSecond + 2);
    expect(peak(chatTimes, 1000)).toBeLessThanOrEqual(7);
  }, 30_000);
});
