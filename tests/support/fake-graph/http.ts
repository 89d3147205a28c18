/**
 * The wire format of the fake Graph: requests as the routes see them, responses they return, and Graph's error body.
 */

/** A request as a route sees it (from msw, or from inside a `$batch`). */
export interface FakeRequest {
  method: string;
  /** Path after the version root, decoded per segment, e.g. `/users/u1/manager`. */
  path: string;
  query: URLSearchParams;
  headers: Headers;
  /** Parsed JSON for JSON requests, raw bytes otherwise (undefined when empty). */
  json: unknown;
  bytes: Uint8Array;
  /** Whether the request arrived inside a `$batch`. */
  viaBatch: boolean;
  /** The user a delegated token stands for; undefined for app-only tokens. */
  delegatedUserId?: string;
  url: URL;
}

/** What a route answers. */
export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON body, or bytes for file content. */
  body?: unknown;
  bytes?: Uint8Array;
  /** Drop the connection instead of answering (fetch rejects). */
  networkError?: boolean;
}

let requestCounter = 0;

/** Graph's error body: `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`. */
export function graphError(
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): FakeResponse {
  requestCounter += 1;
  const requestId = `00000000-0000-4000-8000-${String(requestCounter).padStart(12, '0')}`;
  return {
    status,
    ...(headers ? { headers } : {}),
    body: {
      error: {
        code,
        message,
        innerError: {
          date: new Date().toISOString().slice(0, 19),
          'request-id': requestId,
          'client-request-id': requestId,
        },
      },
    },
  };
}

/** 200 with a JSON body. */
export const ok = (body: unknown, status = 200): FakeResponse => ({ status, body });

/** 204 without a body. */
export const noContent = (): FakeResponse => ({ status: 204 });

/** The standard "not found" of directory objects. */
export const resourceNotFound = (id: string): FakeResponse =>
  graphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );

/** The standard "not found" of drive items and upload sessions. */
export const itemNotFound = (what = 'The resource could not be found.'): FakeResponse =>
  graphError(404, 'itemNotFound', what);

/** A string field of a JSON body, or undefined. */
export function field(json: unknown, name: string): unknown {
  if (typeof json !== 'object' || json === null) return undefined;
  return (json as Record<string, unknown>)[name];
}

/** A record from a JSON value (empty when not an object). */
export function asRecord(json: unknown): Record<string, unknown> {
  return typeof json === 'object' && json !== null && !Array.isArray(json)
    ? (json as Record<string, unknown>)
    : {};
}
