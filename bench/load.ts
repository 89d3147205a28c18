/** Load helpers: a small JSON client, percentiles, and a bounded closed-loop runner. */
import { performance } from 'node:perf_hooks';

/** A JSON answer. */
export interface JsonReply {
  status: number;
  body: Record<string, unknown>;
}

/** Calls the API as a demo user (local identity mode). */
export async function callAs(
  baseUrl: string,
  userId: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<JsonReply> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'x-demo-user': userId, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: unknown = {};
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = { text };
  }
  return { status: response.status, body: (parsed ?? {}) as Record<string, unknown> };
}

/** The value at quantile `q` (0..1) of `values`, nearest rank. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Latency figures of one run. */
export interface LoadResult {
  requests: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
  seconds: number;
  perSecond: number;
}

/** Summarises latencies (ms) measured over `seconds`. */
export function summarise(latencies: readonly number[], errors: number, seconds: number): LoadResult {
  return {
    requests: latencies.length,
    errors,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies.length ? Math.max(...latencies) : Number.NaN,
    seconds,
    perSecond: latencies.length / Math.max(seconds, 1e-9),
  };
}

/**
 * Runs `workers` loops in parallel, each calling `step(worker, iteration)` until `iterations` calls or
 * `seconds` elapsed, whichever is first. `step` returns whether the call succeeded; every call is timed.
 * With `thinkMs`, each worker pauses that long between calls (starting at a random offset), like an editor
 * whose autosave fires every few seconds; without it, workers call back to back (saturation).
 */
export async function closedLoop(
  workers: number,
  limits: { iterations: number; seconds: number; thinkMs?: number },
  step: (worker: number, iteration: number) => Promise<boolean>,
): Promise<LoadResult> {
  const think = limits.thinkMs ?? 0;
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + limits.seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      if (think > 0) await new Promise((r) => setTimeout(r, Math.random() * think));
      for (let i = 0; i < limits.iterations && performance.now() < deadline; i++) {
        const t0 = performance.now();
        const ok = await step(worker, i).catch(() => false);
        latencies.push(performance.now() - t0);
        if (!ok) errors += 1;
        if (think > 0) await new Promise((r) => setTimeout(r, think));
      }
    }),
  );
  return summarise(latencies, errors, (performance.now() - started) / 1000);
}

/** Runs `count` tasks at most `parallel` at a time (setup work). */
export async function inParallel<T>(
  count: number,
  parallel: number,
  task: (index: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, count) }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await task(index);
      }
    }),
  );
  return results;
}
