/**
 * Pacing for proactive messages: stay under Teams' documented bot limits (per conversation 7 per second,
 * 60 per 30 seconds, 1800 per hour; about 50 per second per app per tenant) and retry what Teams asks us
 * to retry (412, 429, 502, 504) with exponential backoff, jitter and Retry-After.
 */
import type { SharedPace } from '../store/send-rate.js';

/** One limit: at most `limit` calls per `windowMs`. */
export interface Window {
  limit: number;
  windowMs: number;
}

/** Teams' per-conversation limits. */
export const conversationWindows: readonly Window[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
];

/**
 * Teams' per-app-per-tenant limit (about 50/s), with a little headroom; the 200 ms window spreads each
 * second's sends, so no burst of a whole second's worth lands at once (Teams need not count seconds where we do).
 */
export const globalWindows: readonly Window[] = [
  { limit: 47, windowMs: 1_000 },
  { limit: 10, windowMs: 200 },
];

/** The per-app rate the shared pace keeps (the 1-second window above). */
export const appRatePerSecond = 47;

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * How far ahead of now an instance holds moments of the shared pace. Moments held by an instance whose event loop
 * then stalls go unused, so each instance reserves shortly before it needs them and a busy instance leaves the
 * schedule to the others; long enough ahead that the next reservation is back before the last moment is due.
 */
export const lookaheadMs = 200;
/** How many moments one reservation takes at most (one statement per batch): about the lookahead's worth at 47/s. */
const maxReservation = 8;
/**
 * A moment woken up to this much later than granted is given up and another one taken: a stalled event loop
 * must not send a backlog of moments at once, which would crowd more than the pace into one second.
 */
export const lateMs = 40;

/**
 * A sliding-window limiter per key plus one across all keys. `acquire` waits until a call fits every
 * window, then counts it. Callers are served in order per process.
 *
 * With a `shared` pace (the `send_rate` table, `src/store/send-rate.ts`) the limit across all keys is the
 * deployment's, not this process's: every instance takes its moments from the same schedule in the database,
 * so three instances together stay at the per-app rate. The per-key (per-chat) windows stay in the process.
 */
export class SendLimiter {
  private readonly perKey = new Map<string, number[]>();
  private readonly global: number[] = [];
  private queue: Promise<void> = Promise.resolve();
  private readonly waiting: Array<{ resolve(at: number): void; reject(error: unknown): void }> = [];
  private reserving = false;
  /** The last moment this instance holds (on the limiter's clock). */
  private heldUntil = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly clock: Clock = realClock,
    private readonly keyWindows: readonly Window[] = conversationWindows,
    private readonly allWindows: readonly Window[] = globalWindows,
    private readonly shared?: SharedPace,
  ) {}

  /** Waits for a free slot for `key` (a chat id) and takes it. */
  acquire(key: string): Promise<void> {
    if (this.shared) return this.acquireShared(key);
    const turn = this.queue.then(() => this.take(key));
    // One failing wait must not block everyone behind it.
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async take(key: string): Promise<void> {
    const stamps = this.stampsOf(key);
    for (;;) {
      const now = this.clock.now();
      const wait = Math.max(
        waitFor(stamps, this.keyWindows, now),
        waitFor(this.global, this.allWindows, now),
      );
      if (wait <= 0) {
        stamps.push(now);
        this.global.push(now);
        prune(stamps, this.keyWindows, now);
        prune(this.global, this.allWindows, now);
        return;
      }
      await this.clock.sleep(wait);
    }
  }

  private stampsOf(key: string): number[] {
    const stamps = this.perKey.get(key) ?? [];
    this.perKey.set(key, stamps);
    return stamps;
  }

  /** The chat's windows first (no shared moment is spent waiting on them), then a moment of the shared pace. */
  private async acquireShared(key: string): Promise<void> {
    const stamps = this.stampsOf(key);
    for (;;) {
      const chatWait = waitFor(stamps, this.keyWindows, this.clock.now());
      if (chatWait > 0) {
        await this.clock.sleep(chatWait);
        continue;
      }
      const at = await this.nextSharedMoment();
      const early = at - this.clock.now();
      if (early > 0) await this.clock.sleep(early);
      const now = this.clock.now();
      // Missed by too much (the moment has gone unused), or the chat filled up meanwhile: take another.
      if (now - at > lateMs || waitFor(stamps, this.keyWindows, now) > 0) continue;
      stamps.push(now);
      prune(stamps, this.keyWindows, now);
      return;
    }
  }

  /** The next moment (on the limiter's clock) granted by the shared pace; waiters are served in order. */
  private nextSharedMoment(): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      void this.reserveForWaiting();
    });
  }

  /**
   * Reserves moments for everyone waiting, a batch per statement, one statement at a time, never holding more than
   * `lookaheadMs` of the schedule: the next batch is reserved once the moments held are nearly due.
   */
  private async reserveForWaiting(): Promise<void> {
    const shared = this.shared;
    if (this.reserving || !shared) return;
    this.reserving = true;
    try {
      while (this.waiting.length > 0) {
        const ahead = this.heldUntil - this.clock.now();
        if (ahead > lookaheadMs) {
          await this.clock.sleep(ahead - lookaheadMs);
          continue;
        }
        const batch = this.waiting.splice(0, maxReservation);
        try {
          // Moments are on the wall clock (the database's, which every instance shares).
          const first = (await shared.reserve(batch.length)) - Date.now() + this.clock.now();
          batch.forEach((waiter, i) => waiter.resolve(first + i * shared.intervalMs));
          this.heldUntil = first + (batch.length - 1) * shared.intervalMs;
        } catch (error) {
          for (const waiter of batch) waiter.reject(error);
        }
      }
    } finally {
      this.reserving = false;
    }
  }
}

function waitFor(stamps: readonly number[], windows: readonly Window[], now: number): number {
  let wait = 0;
  for (const { limit, windowMs } of windows) {
    const inWindow = stamps.filter((t) => t > now - windowMs);
    if (inWindow.length >= limit) {
      // The oldest call that still counts must leave the window first.
      const oldest = inWindow[inWindow.length - limit];
      if (oldest !== undefined) wait = Math.max(wait, oldest + windowMs - now + 1);
    }
  }
  return wait;
}

function prune(stamps: number[], windows: readonly Window[], now: number): void {
  const longest = Math.max(...windows.map((w) => w.windowMs));
  while (stamps.length > 0 && (stamps[0] ?? now) <= now - longest) stamps.shift();
}

/** Status codes Teams documents as "retry later". */
export const retryableStatuses: ReadonlySet<number> = new Set([412, 429, 502, 504]);

/** The HTTP status and Retry-After of an error thrown by the Teams API client (axios), if any. */
export function httpFailure(error: unknown): { status: number; retryAfterMs?: number } | undefined {
  if (!error || typeof error !== 'object' || !('response' in error)) return undefined;
  const response = (error as { response?: unknown }).response;
  if (!response || typeof response !== 'object' || !('status' in response)) return undefined;
  const status = Number((response as { status: unknown }).status);
  if (!Number.isFinite(status)) return undefined;
  const headers = 'headers' in response ? (response as { headers: unknown }).headers : undefined;
  const retryAfterMs = parseRetryAfter(readHeader(headers, 'retry-after'));
  return { status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
}

function readHeader(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  if ('get' in headers && typeof (headers as { get: unknown }).get === 'function') {
    const value = (headers as { get(n: string): unknown }).get(name);
    if (typeof value === 'string') return value;
  }
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name && (typeof value === 'string' || typeof value === 'number'))
      return String(value);
  }
  return undefined;
}

/** Retry-After in seconds or as an HTTP date, in milliseconds from now. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export interface RetryOptions {
  /** Attempts after the first one. */
  retries: number;
  baseMs: number;
  maxMs: number;
  clock: Clock;
  /** 0..1, injectable so tests are deterministic. */
  random: () => number;
}

export const defaultRetry: RetryOptions = {
  retries: 5,
  baseMs: 500,
  maxMs: 60_000,
  clock: realClock,
  random: Math.random,
};

/**
 * Runs `work`, retrying 412/429/502/504: waits Retry-After when Teams sends it, otherwise exponential
 * backoff with full jitter. Anything else, or the last failure, is thrown to the caller (the outbox retries
 * the job later).
 */
export async function withRetry<T>(work: () => Promise<T>, options: Partial<RetryOptions> = {}): Promise<T> {
  const { retries, baseMs, maxMs, clock, random } = { ...defaultRetry, ...options };
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const failure = httpFailure(error);
      if (!failure || !retryableStatuses.has(failure.status) || attempt >= retries) throw error;
      const backoff = Math.min(maxMs, baseMs * 2 ** attempt);
      const delay =
        failure.retryAfterMs !== undefined
          ? Math.min(maxMs, failure.retryAfterMs)
          : Math.round(random() * backoff);
      await clock.sleep(delay);
    }
  }
}
