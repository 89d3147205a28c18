/** The tab's client for the JSON API: typed calls, problem+json refusals and network errors told apart. */
import type {
  ArchiveItem,
  ConversationSummary,
  ConversationView,
  DirectoryUser,
  EmployeeYear,
  FormatDef,
  FreeSlotsRequest,
  Me,
  PlanRequest,
  Problem,
  PublicConfig,
  TabCommand,
  TeamMember,
  TeamVitalityPicture,
  TimeSlot,
} from './types.js';
import type { RoundDetail, RoundsOverview, StartRoundInput as StartRoundRequest } from './types.js';
import { takePrefetched, takePrefetchedBody } from './prefetch.js';

/** A refusal from the API, carrying its problem+json body (with `current` on a stale revision). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string | undefined {
    return this.problem.code;
  }
}

/** The request could not reach the server at all (offline, DNS, reset). Worth retrying. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('Network request failed', { cause });
    this.name = 'NetworkError';
  }
}

/** Whether retrying later might succeed: no connection, or the server was briefly unavailable. */
export function isTransient(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  return error instanceof ApiError && (error.status >= 500 || error.status === 429 || error.status === 408);
}

export interface ClientOptions {
  /** Headers that identify the user: `Authorization` in Entra mode, `X-Demo-User` in local mode. */
  authHeaders: () => Promise<Record<string, string>>;
  locale: string;
  fetchImpl?: typeof fetch;
  baseUrl?: string;
  /** The demo user the page's first requests were made as (local mode), to find their answers synchronously. */
  prefetchUser?: string;
}

/** A small typed client for the routes in docs/api.md. */
export function createApiClient(options: ClientOptions) {
  const doFetch = options.fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const base = options.baseUrl ?? '';

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': options.locale,
      ...(await options.authHeaders()),
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    const url = `${base}${path}`;
    const mayBeEarly = method === 'GET' && !options.fetchImpl;
    const asUser = headers['X-Demo-User'] ?? '';
    // An answer the first script asked for and has already read: taken as it is, not read a second time.
    const ready = mayBeEarly ? takePrefetchedBody(url, asUser, options.locale) : undefined;
    if (ready !== undefined) return ready as T;
    const early = mayBeEarly ? takePrefetched(url, asUser, options.locale) : undefined;
    try {
      response =
        (await early?.catch(() => undefined)) ??
        (await doFetch(url, {
          method,
          headers,
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        }));
    } catch (error) {
      throw new NetworkError(error);
    }
    if (!response.ok) throw new ApiError(await readProblem(response));
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  /** Sends a command; a stale revision always comes back with the stored view in `problem.current`. */
  async function sendCommand(id: string, revision: number, command: TabCommand): Promise<ConversationView> {
    try {
      return await request<ConversationView>(
        'POST',
        `/api/conversations/${encodeURIComponent(id)}/commands`,
        { revision, command },
      );
    } catch (error) {
      if (error instanceof ApiError && error.code === 'stale_revision' && !error.problem.current) {
        // Older servers leave `current` out: read it, so the merge can still offer a choice.
        error.problem.current = await request<ConversationView>(
          'GET',
          `/api/conversations/${encodeURIComponent(id)}`,
        );
      }
      throw error;
    }
  }

  return {
    config: () => request<PublicConfig>('GET', '/api/config'),
    demoUsers: () => request<{ users: DirectoryUser[] }>('GET', '/api/demo/users'),
    me: () => request<Me>('GET', '/api/me'),
    formats: () => request<{ formats: FormatDef[] }>('GET', '/api/formats'),
    conversations: () => request<{ items: ConversationSummary[] }>('GET', '/api/conversations'),
    conversation: (id: string) =>
      request<ConversationView>('GET', `/api/conversations/${encodeURIComponent(id)}`),
    /** The conversation of a Teams meeting, by the meeting chat's id (404 when there is none of hers). */
    meetingConversation: (chatId: string) =>
      request<ConversationView>('GET', `/api/meetings/${encodeURIComponent(chatId)}/conversation`),
    /** The conversation as the page's first request already received it, so it can render at once; or undefined. */
    prefetchedConversation: (id: string): ConversationView | undefined =>
      options.fetchImpl
        ? undefined
        : (takePrefetchedBody(
            `${base}/api/conversations/${encodeURIComponent(id)}`,
            options.prefetchUser ?? '',
            options.locale,
          ) as ConversationView | undefined),
    plan: (body: PlanRequest) => request<ConversationView>('POST', '/api/conversations', body),
    /** Free periods in the planner's and the attendees' calendars. */
    freeSlots: (body: FreeSlotsRequest) =>
      request<{ slots: TimeSlot[] }>('POST', '/api/calendar/free-slots', body),
    requestVitality: (note?: string) =>
      request<ConversationView>('POST', '/api/conversations/requests', {
        type: 'vitaliteit',
        ...(note ? { note } : {}),
      }),
    command: (id: string, revision: number, command: TabCommand) => sendCommand(id, revision, command),
    /**
     * A one-off action (submit, decide, complete): the person means the conversation as it is now, so when
     * only the revision is stale (e.g. the calendar added the meeting link) it is sent once more on the newest.
     * Typed answers never go this way; they use the autosave merge.
     */
    action: async (id: string, revision: number, command: TabCommand): Promise<ConversationView> => {
      try {
        return await sendCommand(id, revision, command);
      } catch (error) {
        const current =
          error instanceof ApiError && error.code === 'stale_revision' ? error.problem.current : undefined;
        if (!current) throw error;
        return sendCommand(id, current.conversation.revision, command);
      }
    },
    team: () => request<{ members: TeamMember[] }>('GET', '/api/team'),
    teamVitality: () => request<TeamVitalityPicture>('GET', '/api/team/vitality'),
    archive: () => request<{ items: ArchiveItem[] }>('GET', '/api/archive'),
    // Gespreksrondes (docs/api.md).
    rounds: () => request<RoundsOverview>('GET', '/api/rounds'),
    round: (id: string) => request<RoundDetail>('GET', `/api/rounds/${encodeURIComponent(id)}`),
    startRound: (body: StartRoundRequest) => request<RoundDetail>('POST', '/api/rounds', body),
    changeRound: (id: string, period: { from: string; until: string }) =>
      request<RoundDetail>('PATCH', `/api/rounds/${encodeURIComponent(id)}`, { period }),
    cancelRound: (id: string) =>
      request<RoundDetail>('POST', `/api/rounds/${encodeURIComponent(id)}/cancel`, {}),
    /** One employee's conversations of a calendar year: her own, or a report's for the manager (404 for others). */
    year: (employeeId: string, year: number) =>
      request<EmployeeYear>(
        'GET',
        `/api/people/${encodeURIComponent(employeeId)}/year?year=${encodeURIComponent(String(year))}`,
      ),
    /**
     * The conversation's live event stream (fetch, not EventSource, so it carries the same auth header as every
     * request); the caller reads the body and aborts with `signal`.
     */
    events: async (id: string, signal: AbortSignal): Promise<Response> => {
      const headers = {
        Accept: 'text/event-stream',
        'Accept-Language': options.locale,
        ...(await options.authHeaders()),
      };
      let response: Response;
      try {
        response = await doFetch(`${base}/api/conversations/${encodeURIComponent(id)}/events`, {
          headers,
          signal,
          cache: 'no-store',
        });
      } catch (error) {
        throw new NetworkError(error);
      }
      if (!response.ok) throw new ApiError(await readProblem(response));
      return response;
    },
    /** The archived PDF as a blob (a plain link would not carry the auth header). */
    document: async (id: string): Promise<Blob> => {
      const headers = { 'Accept-Language': options.locale, ...(await options.authHeaders()) };
      let response: Response;
      try {
        response = await doFetch(`${base}/api/conversations/${encodeURIComponent(id)}/document`, { headers });
      } catch (error) {
        throw new NetworkError(error);
      }
      if (!response.ok) throw new ApiError(await readProblem(response));
      return response.blob();
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

async function readProblem(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { ...body, status: response.status };
  } catch {
    // Not problem+json (e.g. a proxy error page): keep the status so the UI can still explain.
    return { status: response.status, title: response.statusText };
  }
}
