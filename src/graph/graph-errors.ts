/**
 * Reading Graph failures: the SDK throws `GraphError` (status + code from the `{ error: { code, message } }` body).
 */
import { GraphError } from '@microsoft/microsoft-graph-client';

/** HTTP status of a Graph failure, or undefined for non-HTTP failures (network, timeout). */
export function statusOf(error: unknown): number | undefined {
  if (error instanceof GraphError) return error.statusCode > 0 ? error.statusCode : undefined;
  return undefined;
}

/** The `error.code` of a Graph failure, e.g. `nameAlreadyExists`. */
export function codeOf(error: unknown): string | undefined {
  return error instanceof GraphError ? (error.code ?? undefined) : undefined;
}

/** Whether Graph answered 404 (item, user or manager not there). */
export function isNotFound(error: unknown): boolean {
  return statusOf(error) === 404;
}

/** Whether Graph answered 409, e.g. a name that already exists. */
export function isConflict(error: unknown): boolean {
  return statusOf(error) === 409;
}

/** A Graph call that failed in a way the adapter cannot handle; keeps status and code for logs and retries. */
export class GraphCallError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'GraphCallError';
  }
}
