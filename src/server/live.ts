/**
 * GET /api/conversations/:id/events — Server-Sent Events for an open conversation page.
 *
 * The stream carries no content: `event: view` with the view's edit revision and a fingerprint of the view as
 * this viewer may see it, sent at the start and whenever that fingerprint changes; the page re-reads the view
 * itself (audited like any read). The relation is checked as for the view, at the start and again on every
 * change, so a manager who loses the relation loses the stream (`event: gone`), and an employee's unshared draft
 * never moves his fingerprint. The tab reads it with `fetch` streaming, so the usual `Authorization` or
 * `X-Demo-User` header authenticates it (EventSource cannot set headers, and a token in the address would end up
 * in logs). A comment line every few seconds keeps proxies from closing it; after a while the server ends it, so
 * the page reconnects with a fresh token.
 */
import type { Request, Response, NextFunction } from 'express';
import { RevisionWatch, liveState, type AppContext, type LiveState } from '../app/index.js';
import { DomainError } from '../domain/index.js';
import type { Principal } from './auth.js';

export interface LiveOptions {
  /** How often an instance polls the revisions of open conversations. */
  pollMs: number;
  heartbeatMs: number;
  /** How long one stream lasts before the page reconnects (with a fresh token). */
  maxStreamMs: number;
}

export const defaultLiveOptions: LiveOptions = { pollMs: 250, heartbeatMs: 15_000, maxStreamMs: 10 * 60_000 };

interface LiveHub {
  options: LiveOptions;
  watch: RevisionWatch;
  streams: Set<Response>;
}

const hubs = new WeakMap<AppContext, LiveHub>();

function hubFor(ctx: AppContext, options: Partial<LiveOptions> = {}): LiveHub {
  let hub = hubs.get(ctx);
  if (!hub) {
    const merged = { ...defaultLiveOptions, ...options };
    hub = { options: merged, watch: new RevisionWatch(ctx, merged.pollMs), streams: new Set() };
    hubs.set(ctx, hub);
  }
  return hub;
}

/** Sets the live options of an app before its first stream (tests, the bench). */
export function configureLive(ctx: AppContext, options: Partial<LiveOptions>): void {
  const hub = hubFor(ctx, options);
  Object.assign(hub.options, options);
}

/** Ends every open stream and the polling, so the HTTP server can close (shutdown). */
export function stopLive(ctx: AppContext): void {
  const hub = hubs.get(ctx);
  if (!hub) return;
  hub.watch.stop();
  for (const res of hub.streams) res.end();
  hub.streams.clear();
}

function send(res: Response, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** The route handler for the conversation's event stream. */
export function conversationEvents(ctx: AppContext) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const { userId } = req.principal as Principal;
    const id = String(req.params.id);
    const hub = hubFor(ctx);
    let first: LiveState;
    try {
      // Refused exactly as the view would be (404 for anyone who may not read it), before the stream starts.
      first = await liveState(ctx, userId, id);
    } catch (error) {
      next(error);
      return;
    }
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.write(`retry: 2000\n\n`);
    send(res, 'view', first);
    let last = first.tag;
    let checking: Promise<void> | undefined;
    let again = false;
    let closed = false;

    const close = () => {
      if (closed) return;
      closed = true;
      unwatch();
      clearInterval(heartbeat);
      clearTimeout(lifetime);
      hub.streams.delete(res);
      res.end();
    };
    const check = async (): Promise<void> => {
      try {
        const state = await liveState(ctx, userId, id);
        if (!closed && state.tag !== last) {
          last = state.tag;
          send(res, 'view', state);
        }
      } catch (error) {
        // Gone, or no longer theirs to read: say so without saying which, and stop.
        if (error instanceof DomainError && error.code === 'not_found') {
          if (!closed) send(res, 'gone', {});
          close();
        }
      }
    };
    const onChange = () => {
      if (checking) {
        again = true;
        return;
      }
      checking = check().finally(() => {
        checking = undefined;
        if (again && !closed) {
          again = false;
          onChange();
        }
      });
    };
    const unwatch = hub.watch.watch(id, onChange);
    const heartbeat = setInterval(() => res.write(': ping\n\n'), hub.options.heartbeatMs);
    const lifetime = setTimeout(close, hub.options.maxStreamMs);
    hub.streams.add(res);
    req.on('close', close);
    res.on('error', close);
  };
}
