/** Tests of the messenger's pacing: per-chat windows, the shared pace's lookahead, and retries on throttling. */
import { describe, expect, it } from '@jest/globals';
import {
  lookaheadMs,
  parseRetryAfter,
  realClock,
  SendLimiter,
  withRetry,
  type Clock,
} from '../../src/bot/pacing.js';
import type { SharedPace } from '../../src/store/send-rate.js';

/** A clock that only moves when someone sleeps. */
function fakeClock(): Clock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

const httpError = (status: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`HTTP ${status}`), { response: { status, headers } });

describe('SendLimiter', () => {
  it('allows 7 messages per second in one conversation, then waits', async () => {
    const clock = fakeClock();
    const limiter = new SendLimiter(clock);
    const times: number[] = [];
    for (let i = 0; i < 8; i++) {
      await limiter.acquire('chat-1');
      times.push(clock.now());
    }
    expect(times.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(times[7]).toBeGreaterThanOrEqual(1000);
  });

  it('keeps 60 per 30 seconds and 1800 per hour per conversation', async () => {
    const clock = fakeClock();
    const limiter = new SendLimiter(clock);
    const times: number[] = [];
    for (let i = 0; i < 61; i++) {
      await limiter.acquire('chat-1');
      times.push(clock.now());
    }
    expect(times[60]! - times[0]!).toBeGreaterThanOrEqual(30_000);
    // Never more than 7 in any second either.
    for (let i = 0; i + 7 < times.length; i++) expect(times[i + 7]! - times[i]!).toBeGreaterThanOrEqual(1000);
  });

  it('does not slow one conversation down for another, but caps the app as a whole', async () => {
    const clock = fakeClock();
    const limiter = new SendLimiter(clock, [{ limit: 7, windowMs: 1000 }], [{ limit: 10, windowMs: 1000 }]);
    for (let i = 0; i < 7; i++) await limiter.acquire('chat-1');
    for (let i = 0; i < 3; i++) await limiter.acquire('chat-2');
    expect(clock.now()).toBe(0);
    await limiter.acquire('chat-3');
    expect(clock.now()).toBeGreaterThanOrEqual(1000);
  });
});

describe('SendLimiter with a shared pace', () => {
  it('holds no more than the lookahead of the schedule, however many are waiting', async () => {
    // The schedule as the send_rate table keeps it, in memory: 200 moments a second.
    const intervalMs = 5;
    let next = 0;
    const heldAhead: number[] = [];
    const pace: SharedPace = {
      intervalMs,
      async reserve(count) {
        const first = Math.max(next, Date.now());
        next = first + count * intervalMs;
        // How far ahead of now the last moment this reservation hands out lies.
        heldAhead.push(next - intervalMs - Date.now());
        return first;
      },
    };
    const limiter = new SendLimiter(realClock, [], [], pace);
    const sentAt: number[] = [];
    await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        await limiter.acquire(`chat-${i}`);
        sentAt.push(Date.now());
      }),
    );
    // Without the lookahead all 100 moments (half a second) would be reserved at once.
    expect(Math.max(...heldAhead)).toBeLessThanOrEqual(lookaheadMs + 8 * intervalMs);
    expect(heldAhead.length).toBeGreaterThan(100 / 8);
    // And the pace is kept: 100 moments 5 ms apart take about half a second, not much more.
    expect(Math.max(...sentAt) - Math.min(...sentAt)).toBeLessThan(1_500);
  });
});

describe('withRetry', () => {
  it('retries 429 after the Retry-After Teams sends', async () => {
    const clock = fakeClock();
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls += 1;
        if (calls === 1) throw httpError(429, { 'Retry-After': '3' });
        return 'ok';
      },
      { clock },
    );
    expect(result).toBe('ok');
    expect(clock.slept).toEqual([3000]);
  });

  it('backs off exponentially with jitter on 412, 502 and 504', async () => {
    const clock = fakeClock();
    const statuses = [412, 502, 504];
    let calls = 0;
    await withRetry(
      async () => {
        const status = statuses[calls++];
        if (status) throw httpError(status);
        return 'ok';
      },
      { clock, baseMs: 100, random: () => 0.5 },
    );
    expect(clock.slept).toEqual([50, 100, 200]);
  });

  it('gives up after the last retry and does not retry other failures', async () => {
    const clock = fakeClock();
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw httpError(429);
        },
        { clock, retries: 2 },
      ),
    ).rejects.toThrow('HTTP 429');
    expect(calls).toBe(3);
    calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw httpError(403);
        },
        { clock },
      ),
    ).rejects.toThrow('HTTP 403');
    expect(calls).toBe(1);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter('Wed, 01 Dec 2026 10:00:05 GMT', Date.parse('2026-12-01T10:00:00Z'))).toBe(5000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
