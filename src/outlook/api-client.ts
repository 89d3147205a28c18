/**
 * The HTTP API as the task pane uses it (docs/api.md). Errors arrive as `application/problem+json` with a
 * `detail` in the language of the request, which the pane shows as is.
 */
import type { ConversationType } from '../domain/formats.js';
import type { TimeSlot } from '../domain/free-slots.js';

/** A person from the directory. */
export interface DirectoryUser {
  id: string;
  displayName: string;
  email: string;
  jobTitle?: string;
  department?: string;
  locale?: string;
}

/** `GET /api/me`. */
export interface MeResponse {
  user: DirectoryUser;
  manager?: DirectoryUser;
  reports: DirectoryUser[];
  isHr: boolean;
  isManager: boolean;
}

/** `GET /api/config`: public configuration. `teamsAppId` is used for Teams deep links when the server sends it. */
export interface PublicConfig {
  authMode: 'local' | 'entra';
  clientId?: string;
  apiScope?: string;
  appName: string;
  locale: string;
  teamsAppId?: string;
}

/** The part of a `ConversationView` the pane reads. */
export interface ConversationView {
  conversation: {
    id: string;
    type: ConversationType;
    revision: number;
    stage: string;
    schedule?: { start: string; end: string };
  };
}

/** `ConversationSummary` from `GET /api/conversations`, as far as slot planning needs it. */
export interface ConversationSummary {
  id: string;
  stage: string;
  schedule?: { start: string; end: string };
}

/** `POST /api/conversations`. */
export interface NewConversationRequest {
  employeeId: string;
  type: ConversationType;
  start: string;
  end: string;
}

/** A free period proposed for the meeting. */
export type { TimeSlot };

/** What the free-slot endpoint is asked (not in docs/api.md yet; see {@link ApiClient.freeSlots}). */
export interface FreeSlotsRequest {
  attendeeIds: string[];
  durationMinutes: number;
  from: string;
  until: string;
}

/** An error answer of the API, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** Shown to the user: the server's `detail`, already in the request's language. */
    readonly detail: string,
  ) {
    super(`${status} ${code}: ${detail}`);
    this.name = 'ApiError';
  }
}

/** Everything the task pane asks of the server. */
export interface ApiClient {
  me(): Promise<MeResponse>;
  conversations(): Promise<ConversationSummary[]>;
  createConversation(request: NewConversationRequest): Promise<ConversationView>;
  cancelConversation(id: string, revision: number, reason: string): Promise<void>;
  /**
   * `POST /api/calendar/free-slots` → `{ slots: TimeSlot[] }`. Resolves `null` when the server has no such
   * route (404), so the pane proposes slots itself.
   */
  freeSlots(request: FreeSlotsRequest): Promise<TimeSlot[] | null>;
}

export interface HttpApiClientOptions {
  /** Origin of the server, e.g. `https://gesprekabc123.azurewebsites.net`. */
  baseUrl: string;
  /** Headers that identify the user: a bearer token (Entra) or `X-Demo-User` (local). */
  authHeaders(): Promise<Record<string, string>>;
  /** `nl` or `en`: the language of error details. */
  locale: string;
  fetch?: typeof fetch;
}

interface Problem {
  code?: string;
  detail?: string;
  title?: string;
}

/** An {@link ApiClient} over `fetch`. */
export function createHttpApiClient(options: HttpApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.baseUrl.replace(/\/+$/, '');

  async function request<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; data: T | undefined }> {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers: {
          Accept: 'application/json',
          'Accept-Language': options.locale,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(await options.authHeaders()),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
    }
    const text = await response.text();
    const data = text ? (JSON.parse(text) as unknown) : undefined;
    if (!response.ok) {
      const problem = (data ?? {}) as Problem;
      throw new ApiError(
        response.status,
        problem.code ?? 'error',
        problem.detail ?? problem.title ?? response.statusText,
      );
    }
    return { status: response.status, data: data as T | undefined };
  }

  return {
    async me() {
      return (await request<MeResponse>('GET', '/api/me')).data as MeResponse;
    },
    async conversations() {
      return (await request<{ items: ConversationSummary[] }>('GET', '/api/conversations')).data?.items ?? [];
    },
    async createConversation(body) {
      return (await request<ConversationView>('POST', '/api/conversations', body)).data as ConversationView;
    },
    async cancelConversation(id, revision, reason) {
      await request('POST', `/api/conversations/${encodeURIComponent(id)}/commands`, {
        revision,
        command: { type: 'cancel', reason },
      });
    },
    async freeSlots(body) {
      try {
        return (
          (await request<{ slots: TimeSlot[] }>('POST', '/api/calendar/free-slots', body)).data?.slots ?? []
        );
      } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.status === 405)) return null;
        throw error;
      }
    },
  };
}
