/**
 * JSON batching (`POST /$batch`, at most 20 requests each). Graph answers each request separately inside the batch,
 * and the SDK's RetryHandler only sees the outer 200: throttled or failed requests inside are re-sent one by one
 * through the normal client, which does retry them.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { GraphCallError, codeOf, statusOf } from './graph-errors.js';

/** The Graph limit of requests per batch. */
export const maxBatchSize = 20;

/** One request inside a batch; `url` is relative to the version root, e.g. `/drives/x/items/y/invite`. */
export interface BatchStep {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  /** Ids of earlier steps in the same batch that must succeed first (Graph then runs them in order). */
  dependsOn?: string[];
}

/** What came back for one step, after any individual retry. */
export interface BatchOutcome {
  id: string;
  status: number;
  body: unknown;
  /** True when the step failed inside the batch and was sent again on its own. */
  resent: boolean;
}

interface BatchResponseBody {
  responses: Array<{ id: string; status: number; headers?: Record<string, string>; body?: unknown }>;
}

/** Statuses worth a second, individual attempt (throttling, transient server errors, failed dependency). */
const resendable = (status: number): boolean => status === 429 || status === 424 || status >= 500;

/** Runs steps in batches of 20 and returns an outcome per step id; transient failures are re-sent individually. */
export async function runBatch(client: Client, steps: BatchStep[]): Promise<Map<string, BatchOutcome>> {
  const outcomes = new Map<string, BatchOutcome>();
  for (let i = 0; i < steps.length; i += maxBatchSize) {
    const chunk = steps.slice(i, i + maxBatchSize);
    const requests = chunk.map((step) => ({
      id: step.id,
      method: step.method,
      url: step.url,
      ...(step.body === undefined
        ? {}
        : { body: step.body, headers: { 'Content-Type': 'application/json' } }),
      ...(step.dependsOn?.length ? { dependsOn: step.dependsOn } : {}),
    }));
    const response = (await client.api('/$batch').post({ requests })) as BatchResponseBody;
    for (const step of chunk) {
      const answer = response.responses.find((r) => r.id === step.id);
      const status = answer?.status ?? 500;
      if (answer && !resendable(status)) {
        outcomes.set(step.id, { id: step.id, status, body: answer.body, resent: false });
        continue;
      }
      // A step whose prerequisites still failed after their own resend must not run on its own.
      const blocked = (step.dependsOn ?? []).some((id) => (outcomes.get(id)?.status ?? 500) >= 300);
      outcomes.set(
        step.id,
        blocked
          ? { id: step.id, status: 424, body: answer?.body, resent: false }
          : await resend(client, step),
      );
    }
  }
  return outcomes;
}

/** Throws when any outcome is not a success, naming the failed steps. */
export function requireSuccess(outcomes: Map<string, BatchOutcome>): void {
  const failed = [...outcomes.values()].filter((o) => o.status >= 300);
  if (failed.length === 0) return;
  const first = failed[0]!;
  throw new GraphCallError(
    `Batch steps failed: ${failed.map((o) => `${o.id} (${o.status})`).join(', ')}`,
    first.status,
    errorCode(first.body),
  );
}

async function resend(client: Client, step: BatchStep): Promise<BatchOutcome> {
  try {
    const request = client.api(step.url);
    const body =
      step.method === 'GET'
        ? await request.get()
        : step.method === 'POST'
          ? await request.post(step.body ?? {})
          : step.method === 'PATCH'
            ? await request.patch(step.body ?? {})
            : step.method === 'PUT'
              ? await request.put(step.body ?? {})
              : await request.delete();
    return { id: step.id, status: 200, body, resent: true };
  } catch (error) {
    const status = statusOf(error);
    if (status === undefined) throw error;
    return { id: step.id, status, body: { error: { code: codeOf(error) ?? 'unknown' } }, resent: true };
  }
}

function errorCode(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
