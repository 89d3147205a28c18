/**
 * Keeps an open conversation page live: reads the server's event stream for the conversation and, when the
 * fingerprint of the view as this person sees it differs from the view the page shows, reads the view again and
 * hands it to the page (`onView`). Forms merge it field by field (autosave `receive`), so nothing being typed
 * is overwritten. Reconnects with backoff; stops for good when the conversation is gone or no longer theirs.
 */
import { useEffect, useRef } from 'react';
import { ApiError, type ApiClient } from '../api/client.js';
import type { ConversationView } from '../api/types.js';
import { useApp } from '../app-context.js';
import { viewTag } from '../../domain/view-tag.js';

export interface LiveEvent {
  event: string;
  data: { revision?: number; tag?: string };
}

/** Splits a text/event-stream into events; returns what is left of an unfinished one. */
export function parseEvents(buffer: string, onEvent: (e: LiveEvent) => void): string {
  let rest = buffer.replace(/\r\n/g, '\n');
  let cut: number;
  while ((cut = rest.indexOf('\n\n')) >= 0) {
    const block = rest.slice(0, cut);
    rest = rest.slice(cut + 2);
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (data.length === 0) continue;
    try {
      onEvent({ event, data: JSON.parse(data.join('\n')) as LiveEvent['data'] });
    } catch {
      // A malformed event is skipped; the next one carries the whole state again.
    }
  }
  return rest;
}

export interface LiveOptions {
  /** Milliseconds before reconnect attempt `n` (1-based). */
  backoff?: (attempt: number) => number;
}

const defaultBackoff = (attempt: number) => Math.min(30_000, 500 * 2 ** Math.min(attempt, 6));

/**
 * Follows one conversation for as long as `signal` is not aborted: calls `onView` with a freshly read view
 * whenever the server's fingerprint differs from `current()`'s.
 */
export async function followConversation(
  api: Pick<ApiClient, 'events' | 'conversation'>,
  id: string,
  current: () => ConversationView,
  onView: (view: ConversationView) => void,
  signal: AbortSignal,
  options: LiveOptions = {},
): Promise<void> {
  const backoff = options.backoff ?? defaultBackoff;
  let shownTag: { view: ConversationView; tag: string } | undefined;
  const tagOf = (view: ConversationView) => {
    if (shownTag?.view !== view) shownTag = { view, tag: viewTag(view) };
    return shownTag.tag;
  };
  let reading: Promise<void> | undefined;
  let wanted: string | undefined;
  const refresh = (tag: string) => {
    wanted = tag;
    if (reading) return;
    reading = (async () => {
      while (wanted !== undefined && !signal.aborted && wanted !== tagOf(current())) {
        const goal: string = wanted;
        try {
          const view = await api.conversation(id);
          if (signal.aborted) return;
          onView(view);
        } catch {
          // Read again on the next event or reconnect.
        }
        // Once per fingerprint: only a newer event than the one just read for asks again.
        if (wanted === goal) wanted = undefined;
      }
    })().finally(() => {
      reading = undefined;
    });
  };

  for (let attempt = 0; !signal.aborted;) {
    try {
      const response = await api.events(id, signal);
      attempt = 0;
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      let gone = false;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer = parseEvents(buffer + value, (e) => {
          if (e.event === 'gone') gone = true;
          else if (e.event === 'view' && typeof e.data.tag === 'string') refresh(e.data.tag);
        });
      }
      if (gone) return;
    } catch (error) {
      if (signal.aborted) return;
      // Not theirs (any more) or no such conversation: no point in asking again.
      if (error instanceof ApiError && (error.status === 404 || error.status === 403 || error.status === 401))
        return;
      attempt += 1;
    }
    if (signal.aborted) return;
    // A stream the server ended after its lifetime reconnects at once; a failure waits a little longer each time.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, attempt === 0 ? 0 : backoff(attempt));
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/** Keeps `view` live while the page is open: the other party's changes arrive through `onView`. */
export function useLiveView(view: ConversationView, onView: (view: ConversationView) => void): void {
  const { api } = useApp();
  const latest = useRef({ view, onView });
  latest.current = { view, onView };
  const id = view.conversation.id;
  useEffect(() => {
    if (typeof TextDecoderStream === 'undefined') return;
    const abort = new AbortController();
    void followConversation(
      api,
      id,
      () => latest.current.view,
      (next) => latest.current.onView(next),
      abort.signal,
    );
    return () => abort.abort();
  }, [api, id]);
}
