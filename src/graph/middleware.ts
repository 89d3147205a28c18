/**
 * Middleware the Graph SDK does not ship: a per-request timeout and a scale on retry delays (for tests).
 */
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/** The statuses the SDK's RetryHandler retries. */
export const retryableStatuses = new Set([429, 503, 504]);

/** Base class: keeps the next link of the chain. */
abstract class ChainedMiddleware implements Middleware {
  protected next: Middleware | undefined;

  abstract execute(context: Context): Promise<void>;

  setNext(next: Middleware): void {
    this.next = next;
  }

  protected async forward(context: Context): Promise<void> {
    if (!this.next) throw new Error(`${this.constructor.name} is the last middleware; it needs a next one`);
    await this.next.execute(context);
  }
}

/**
 * Aborts a single HTTP attempt after `timeoutMs`. It sits after the RetryHandler, so each retry gets a fresh
 * budget; a caller's own signal still aborts the request.
 */
export class TimeoutHandler extends ChainedMiddleware {
  constructor(private readonly timeoutMs: number) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const options = context.options ?? {};
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const callerSignal = options.signal ?? undefined;
    context.options = {
      ...options,
      signal: callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout,
    };
    await this.forward(context);
  }
}

/**
 * Scales the delay the RetryHandler waits before a retry, so tests can replay throttling storms quickly while the
 * client still honours the server's Retry-After (it waits `Retry-After × scale`). Responses without Retry-After
 * get an exponential backoff (`baseDelaySeconds × 2^(attempt-1)`, scaled) instead of the SDK's unscaled jitter.
 * Placed directly after the RetryHandler; left out of the chain when the scale is 1.
 */
export class RetryDelayScaler extends ChainedMiddleware {
  constructor(
    private readonly scale: number,
    private readonly baseDelaySeconds: number,
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    await this.forward(context);
    const response = context.response;
    if (!response || !retryableStatuses.has(response.status)) return;
    const seconds = retryAfterSeconds(response.headers.get('Retry-After')) ?? this.backoff(context);
    const headers = new Headers(response.headers);
    headers.set('Retry-After', String(seconds * this.scale));
    // Fetch responses have immutable headers: rebuild the response with the scaled value.
    context.response = new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  }

  private backoff(context: Context): number {
    const attempt = Number(headerOf(context, 'Retry-Attempt') ?? '0') + 1;
    return this.baseDelaySeconds * 2 ** (attempt - 1);
  }
}

/** Seconds from a Retry-After header (delta-seconds or HTTP date), or undefined when absent or unreadable. */
export function retryAfterSeconds(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (!Number.isNaN(seconds)) return Math.max(0, seconds);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, (at - now) / 1000);
}

function headerOf(context: Context, name: string): string | undefined {
  const headers = context.options?.headers;
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  if (Array.isArray(headers)) return headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
  const record = headers as Record<string, string>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : record[key];
}
