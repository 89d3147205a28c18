/**
 * Fault injection for the fake Graph: throttling, transient server errors, lost responses and dropped connections.
 */
import type { FakeRequest, FakeResponse } from './http.js';
import { graphError } from './http.js';

/** One injected fault. Matching requests (method and path) receive it `times` times. */
export interface FaultRule {
  method?: string;
  /** Matches the path after `/v1.0` (or the upload/download path on the SharePoint host). */
  path?: RegExp;
  /** Only requests sent inside (`true`) or outside (`false`) a `$batch`. */
  viaBatch?: boolean;
  /** 429, 503, 504, 500 …; ignored for `network-error`. */
  status?: number;
  /** Retry-After header value in seconds (sent when set). */
  retryAfterSeconds?: number;
  /** How many matching requests get the fault; with `perPath`, how many per distinct method + path. */
  times: number;
  perPath?: boolean;
  /**
   * `before` (default): the request is refused and nothing happens.
   * `after-commit`: the request is carried out, but the answer is lost and replaced by the fault (a retry repeats it).
   * `network-error`: the connection drops before anything happens (fetch rejects).
   */
  when?: 'before' | 'after-commit' | 'network-error';
}

interface ActiveFault {
  rule: FaultRule;
  used: Map<string, number>;
  total: number;
}

/** The set of active faults and how often each fired. */
export class FaultInjector {
  private readonly active: ActiveFault[] = [];
  /** How many faults fired, by status (or `network`). */
  readonly fired = new Map<string, number>();

  add(rule: FaultRule): void {
    this.active.push({ rule, used: new Map(), total: 0 });
  }

  clear(): void {
    this.active.length = 0;
  }

  /** Count of faults fired for a status (e.g. 429) or `network`. */
  firedCount(kind: number | 'network'): number {
    return this.fired.get(String(kind)) ?? 0;
  }

  /** The fault this request gets, if any; consumes one use. */
  take(request: FakeRequest): { rule: FaultRule; response: FakeResponse } | undefined {
    for (const fault of this.active) {
      const { rule } = fault;
      if (rule.method && rule.method.toUpperCase() !== request.method) continue;
      if (rule.path && !rule.path.test(request.path)) continue;
      if (rule.viaBatch !== undefined && rule.viaBatch !== request.viaBatch) continue;
      const key = rule.perPath ? `${request.method} ${request.path}` : '*';
      const used = fault.used.get(key) ?? 0;
      if (used >= rule.times) continue;
      fault.used.set(key, used + 1);
      fault.total += 1;
      const kind = rule.when === 'network-error' ? 'network' : String(rule.status ?? 503);
      this.fired.set(kind, (this.fired.get(kind) ?? 0) + 1);
      return { rule, response: faultResponse(rule) };
    }
    return undefined;
  }
}

function faultResponse(rule: FaultRule): FakeResponse {
  if (rule.when === 'network-error') return { status: 0, networkError: true };
  const status = rule.status ?? 503;
  const headers =
    rule.retryAfterSeconds === undefined ? undefined : { 'Retry-After': String(rule.retryAfterSeconds) };
  if (status === 429) {
    return graphError(429, 'TooManyRequests', 'Too many requests.', headers);
  }
  if (status === 503)
    return graphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable.', headers);
  if (status === 504) return graphError(504, 'UnknownError', 'Gateway timeout.', headers);
  return graphError(status, 'generalException', 'An unspecified error has occurred.', headers);
}
