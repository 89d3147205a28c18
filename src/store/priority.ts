/**
 * Two lanes to the database: people waiting on an answer (API, bot) and background jobs (the outbox). Jobs
 * get a few slots only, so a backlog of card refreshes or archiving never queues dozens of statements in
 * front of someone's autosave or approval. PGlite runs one statement at a time, so there it decides the wait.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const lane = new AsyncLocalStorage<'background'>();

/** Runs `work` in the background lane: its database statements take a background slot. */
export function inBackground<T>(work: () => Promise<T>): Promise<T> {
  return lane.run('background', work);
}

/** Whether the caller runs in the background lane. */
export function isBackground(): boolean {
  return lane.getStore() === 'background';
}

/**
 * Runs `work` outside the background lane. For the write that records what an outside service has just done
 * (Teams posted a message, To Do made a task): until it is committed a crash would make a retry do it again,
 * so it must not wait behind other jobs' statements.
 */
export function promptly<T>(work: () => Promise<T>): Promise<T> {
  return lane.exit(work);
}

/** At most `slots` holders at a time; the rest wait in arrival order. */
export class Gate {
  private holders = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly slots: number) {
    if (!Number.isInteger(slots) || slots < 1)
      throw new Error(`A gate needs at least one slot, not ${slots}`);
  }

  /** Waits for a slot; call the returned function exactly once to give it back. */
  async acquire(): Promise<() => void> {
    if (this.holders < this.slots) this.holders += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes to the next in line (a newcomer cannot overtake it), but only after the event loop has
      // had a turn: PGlite runs a statement synchronously, so handing over at once would let a backlog of
      // jobs run back to back while requests that have arrived wait unread.
      if (next) setImmediate(next);
      else this.holders -= 1;
    };
  }

  /** Runs `work` holding a slot. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

/** Runs `work` through `gate` when the caller is in the background lane, straight away otherwise. */
export function byLane<T>(gate: Gate, work: () => Promise<T>): Promise<T> {
  return isBackground() ? gate.run(work) : work();
}
