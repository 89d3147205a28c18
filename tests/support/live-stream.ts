/** Reads a conversation's live event stream (GET /api/conversations/:id/events) as one demo user. */

export interface LiveEvent {
  event: string;
  data: Record<string, unknown>;
  at: number;
}

export interface LiveStream {
  status: number;
  headers: Headers;
  events: LiveEvent[];
  /** Raw text received, heartbeats included. */
  text(): string;
  /** Waits for an event after index `from` that satisfies `match`. */
  next(match: (e: LiveEvent) => boolean, from?: number, timeoutMs?: number): Promise<LiveEvent>;
  ended: Promise<void>;
  close(): void;
}

export async function openLiveStream(baseUrl: string, userId: string, id: string): Promise<LiveStream> {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/api/conversations/${id}/events`, {
    headers: { 'x-demo-user': userId, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  const events: LiveEvent[] = [];
  let raw = '';
  const waiters = new Set<() => void>();
  const ended = (async () => {
    if (!response.body || !response.ok) return;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        raw += value;
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data), at: Date.now() });
          for (const wake of waiters) wake();
        }
      }
    } catch {
      // Aborted by close().
    }
    for (const wake of waiters) wake();
  })();
  return {
    status: response.status,
    headers: response.headers,
    events,
    text: () => raw,
    ended,
    close: () => abort.abort(),
    next: (match, from = 0, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = events.slice(from).find(match);
          if (found) {
            cleanup();
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no matching live event within ${timeoutMs} ms; got ${JSON.stringify(events)}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      }),
  };
}
