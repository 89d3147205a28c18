/**
 * Live updates for open conversation pages. Each instance polls the row revision of the conversations that
 * have a page open on it (one indexed query per interval, whatever the write load), so a change made through
 * any instance on the same PostgreSQL reaches every page. A changed row is presented again to each watcher,
 * authorised exactly as a read of the view; only a changed fingerprint of what that viewer sees is passed on.
 */
import { viewTag } from '../../domain/view-tag.js';
import { inBackground } from '../../store/priority.js';
import { conversationRevisions } from '../../store/live.js';
import { contentRelation, loadViewer, mustGet } from '../access.js';
import type { AppContext } from '../context.js';
import { present } from '../views/present.js';

/** What a watcher is told: the view's edit revision and the fingerprint of the view as this viewer sees it. */
export interface LiveState {
  revision: number;
  tag: string;
}

/**
 * The live state of one conversation for one viewer, with the same relation check as `getConversationView`
 * (not-found when the viewer may not read it). Not audited: it carries no content, and the page that re-reads
 * the view is audited by that read.
 */
export async function liveState(
  ctx: AppContext,
  viewerId: string,
  conversationId: string,
): Promise<LiveState> {
  const stored = await mustGet(ctx, conversationId);
  const viewer = await loadViewer(ctx, viewerId);
  const relation = await contentRelation(ctx, viewer, stored.conversation);
  const view = JSON.parse(JSON.stringify(await present(ctx, stored, relation))) as Parameters<
    typeof viewTag
  >[0];
  return { revision: view.conversation.revision, tag: viewTag(view) };
}

type Listener = () => void;

/** Watches row revisions for one instance; polls only while someone watches. */
export class RevisionWatch {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly known = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private polling = false;
  private stopped = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly intervalMs: number,
  ) {}

  /** Calls `onChange` whenever the conversation's row changes (or disappears); returns the unsubscribe. */
  watch(conversationId: string, onChange: Listener): () => void {
    let set = this.listeners.get(conversationId);
    if (!set) this.listeners.set(conversationId, (set = new Set()));
    set.add(onChange);
    this.schedule();
    return () => {
      set.delete(onChange);
      if (set.size === 0) {
        this.listeners.delete(conversationId);
        this.known.delete(conversationId);
      }
    };
  }

  get watched(): number {
    return this.listeners.size;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.timer || this.polling || this.stopped || this.listeners.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.poll();
    }, this.intervalMs);
    this.timer.unref?.();
  }

  private async poll(): Promise<void> {
    this.polling = true;
    try {
      const ids = [...this.listeners.keys()];
      // In the background lane: a person's own request never waits behind the poll.
      const revisions = await inBackground(() => conversationRevisions(this.ctx.store.executor, ids));
      for (const id of ids) {
        const revision = revisions.get(id) ?? -1;
        const before = this.known.get(id);
        this.known.set(id, revision);
        // A first sight is passed on too: a change between a watcher's start and this poll is not lost.
        if (before !== revision) for (const listener of this.listeners.get(id) ?? []) listener();
      }
    } catch {
      // The database was briefly unreachable (or is closing): the next poll tries again.
    } finally {
      this.polling = false;
      this.schedule();
    }
  }
}
