/**
 * Autosave without a browser: debounced sends, unsent edits kept in storage per conversation, retry with
 * backoff on transient failures, and a field-by-field merge when someone else saved in between.
 */

export type Values = Record<string, unknown>;

/** A field both sides changed to different values since the last version this device saw. */
export interface FieldConflict {
  field: string;
  mine: unknown;
  theirs: unknown;
}

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  /**
   * Edits kept on this device that cannot be sent yet: a new list item without a title, or (`tooLong`, counted)
   * fields longer than the server accepts. Every other field has been sent.
   */
  | { kind: 'incomplete'; tooLong: number }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'retrying'; attempt: number; offline: boolean }
  /** Refused by the server; `error` is what it said (its code names the message to show). */
  | { kind: 'error'; message: string; error?: unknown }
  | { kind: 'conflict'; conflicts: FieldConflict[] };

/** What the server holds after a save: its revision and the values of this form. */
export interface ServerState {
  revision: number;
  values: Values;
}

/** Thrown by `send` when the revision was stale; carries what the server holds now. */
export class StaleRevisionError extends Error {
  constructor(readonly current: ServerState) {
    super('stale revision');
    this.name = 'StaleRevisionError';
  }
}

/** Thrown by `send` when a retry later may succeed (network down, 5xx). */
export class TransientSaveError extends Error {
  constructor(readonly offline: boolean) {
    super('transient save failure');
    this.name = 'TransientSaveError';
  }
}

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface AutosaveOptions {
  /** Storage key for unsent edits, e.g. `gc.pending.<conversation>.<form>`. */
  storageKey: string;
  storage?: StorageLike | undefined;
  initial: ServerState;
  /** Sends the changed fields (and all values, for commands that need the whole object). */
  send(revision: number, changed: Values, all: Values): Promise<ServerState>;
  /** Whether a field's value can be sent as it is; others wait on this device until they can. */
  ready?: (field: string, value: unknown) => boolean;
  /** Whether a field that is not ready is so because it is too long (counted in the status). */
  tooLong?: (field: string, value: unknown) => boolean;
  debounceMs?: number;
  /** Milliseconds before retry number `attempt` (1-based). */
  backoff?: (attempt: number) => number;
  schedule?: (callback: () => void, ms: number) => () => void;
  now?: () => Date;
  onChange?: (controller: AutosaveController) => void;
}

interface StoredEdits {
  revision: number;
  pending: Values;
  base: Values;
}

/** Exponential backoff: 1 s, 2 s, 4 s … capped at 30 s. */
export const defaultBackoff = (attempt: number): number =>
  Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));

/** Structural equality for JSON-like values, independent of key order. */
export function sameValue(a: unknown, b: unknown): boolean {
  return stableStringify(normalise(a)) === stableStringify(normalise(b));
}

// An empty text or list means the same as no answer.
function normalise(value: unknown): unknown {
  if (value === '' || (Array.isArray(value) && value.length === 0)) return undefined;
  return value;
}

function stableStringify(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

/**
 * Finds the fields that need a person's choice after a stale save: both this device and someone else changed
 * them, to different values. Fields only this device changed are simply re-sent.
 */
export function findConflicts(pending: Values, base: Values, theirs: Values): FieldConflict[] {
  return Object.keys(pending)
    .filter((field) => !sameValue(theirs[field], base[field]) && !sameValue(theirs[field], pending[field]))
    .map((field) => ({ field, mine: pending[field], theirs: theirs[field] }));
}

export class AutosaveController {
  private revision: number;
  private server: Values;
  private pending: Values = {};
  private base: Values = {};
  private statusValue: SaveStatus = { kind: 'idle' };
  private attempt = 0;
  private cancelTimer: (() => void) | undefined;
  private inflight: Promise<void> | undefined;
  private disposed = false;
  /** True when unsent edits from an earlier visit were put back. */
  readonly restored: boolean;
  private readonly opts: Required<Omit<AutosaveOptions, 'storage' | 'onChange'>> &
    Pick<AutosaveOptions, 'storage' | 'onChange'>;

  constructor(options: AutosaveOptions) {
    this.opts = {
      debounceMs: 800,
      backoff: defaultBackoff,
      schedule: (callback, ms) => {
        const id = setTimeout(callback, ms);
        return () => clearTimeout(id);
      },
      now: () => new Date(),
      ready: () => true,
      tooLong: () => false,
      ...options,
    };
    this.revision = options.initial.revision;
    this.server = options.initial.values;
    const stored = this.readStored();
    this.restored = stored !== undefined && Object.keys(stored.pending).length > 0;
    if (stored && this.restored) {
      this.revision = stored.revision;
      this.pending = stored.pending;
      this.base = stored.base;
      this.statusValue = { kind: 'dirty' };
      this.scheduleFlush(0);
    }
  }

  get status(): SaveStatus {
    return this.statusValue;
  }

  /** The values to show: the server's, with this device's unsent edits on top. */
  get values(): Values {
    return { ...this.server, ...this.pending };
  }

  get hasPending(): boolean {
    return Object.keys(this.pending).length > 0;
  }

  get currentRevision(): number {
    return this.revision;
  }

  /** Records an edit, keeps it on this device, and sends it after a pause in typing. */
  edit(field: string, value: unknown): void {
    if (!(field in this.pending)) this.base[field] = this.server[field];
    this.pending = { ...this.pending, [field]: value };
    this.persist();
    if (this.statusValue.kind !== 'conflict') this.setStatus({ kind: 'dirty' });
    if (this.statusValue.kind !== 'retrying') this.scheduleFlush(this.opts.debounceMs);
  }

  /** The server state changed by another action of this page (e.g. submit): adopt it. */
  adopt(state: ServerState): void {
    this.revision = state.revision;
    this.server = state.values;
    for (const field of Object.keys(this.pending)) {
      if (sameValue(this.pending[field], state.values[field])) delete this.pending[field];
      else this.base[field] = state.values[field];
    }
    this.persist();
    this.notify();
  }

  /**
   * A newer state saved elsewhere (the other party, another device) arrived while this form is open: what this
   * device has not sent stays on top, a field both changed becomes a conflict to choose, the rest is taken over.
   * While a send is under way it is left alone: that send comes back stale and merges the same way.
   */
  receive(state: ServerState): void {
    if (this.inflight || state.revision <= this.revision) return;
    if (!this.hasPending) {
      this.revision = state.revision;
      this.server = state.values;
      this.notify();
      return;
    }
    const conflicts = findConflicts(this.pending, this.base, state.values);
    for (const field of Object.keys(this.pending)) {
      if (sameValue(this.pending[field], state.values[field])) {
        delete this.pending[field];
        delete this.base[field];
      } else this.base[field] = state.values[field];
    }
    this.revision = state.revision;
    this.server = state.values;
    this.persist();
    if (conflicts.length > 0) this.setStatus({ kind: 'conflict', conflicts });
    else if (!this.hasPending) this.setStatus({ kind: 'saved', at: this.opts.now() });
    else this.notify();
  }

  /** Applies the person's choice per conflicting field, then saves. */
  resolve(choices: Record<string, 'mine' | 'theirs'>): void {
    if (this.statusValue.kind !== 'conflict') return;
    const pending = { ...this.pending };
    for (const conflict of this.statusValue.conflicts) {
      if (choices[conflict.field] === 'theirs') {
        delete pending[conflict.field];
        delete this.base[conflict.field];
      }
    }
    this.pending = pending;
    this.persist();
    this.setStatus(this.hasPending ? { kind: 'dirty' } : { kind: 'saved', at: this.opts.now() });
    if (this.hasPending) this.scheduleFlush(0);
  }

  /** Tries again now, e.g. when the browser comes back online. */
  retryNow(): void {
    if (this.hasPending && this.statusValue.kind !== 'conflict') this.scheduleFlush(0);
  }

  /**
   * Sends everything still pending and resolves true when the server has it all (used before submitting).
   * Resolves false on a conflict or a refusal, which the status then shows.
   */
  async flushNow(): Promise<boolean> {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    for (let round = 0; round < 5; round++) {
      if (this.inflight) await this.inflight;
      if (!this.hasPending) return true;
      if (this.statusValue.kind === 'conflict' || this.statusValue.kind === 'error') return false;
      await this.sendOnce();
      if (this.statusValue.kind === 'retrying' || this.statusValue.kind === 'incomplete') return false;
    }
    return !this.hasPending;
  }

  /** Re-enables a disposed controller (React may unmount and mount effects again). */
  activate(): void {
    this.disposed = false;
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTimer?.();
  }

  private scheduleFlush(ms: number): void {
    this.cancelTimer?.();
    this.cancelTimer = this.opts.schedule(() => {
      this.cancelTimer = undefined;
      void this.flush();
    }, ms);
  }

  private async flush(): Promise<void> {
    if (this.disposed) return;
    if (this.inflight) {
      // A send is under way: send the rest right after it.
      await this.inflight;
    }
    if (this.hasPending && this.statusValue.kind !== 'conflict') await this.sendOnce();
  }

  private sendOnce(): Promise<void> {
    const run = this.doSend().finally(() => {
      this.inflight = undefined;
    });
    this.inflight = run;
    return run;
  }

  private async doSend(): Promise<void> {
    const sending = Object.fromEntries(
      Object.entries(this.pending).filter(([field, value]) => this.opts.ready(field, value)),
    );
    if (Object.keys(sending).length === 0) {
      if (this.hasPending) this.setStatus(this.incomplete());
      return;
    }
    this.setStatus({ kind: 'saving' });
    try {
      const state = await this.opts.send(this.revision, sending, { ...this.server, ...sending });
      this.attempt = 0;
      this.revision = state.revision;
      this.server = state.values;
      const rest: Values = {};
      for (const [field, value] of Object.entries(this.pending)) {
        // Keep what changed while the request was under way, and what was not ready to send.
        if (!(field in sending) || value !== sending[field]) {
          rest[field] = value;
          this.base[field] = state.values[field];
        } else {
          delete this.base[field];
        }
      }
      this.pending = rest;
      this.persist();
      if (this.hasPending) {
        const waiting = Object.entries(this.pending).every(
          ([field, value]) => !this.opts.ready(field, value),
        );
        this.setStatus(waiting ? this.incomplete() : { kind: 'dirty' });
        if (!waiting) this.scheduleFlush(this.opts.debounceMs);
      } else {
        this.setStatus({ kind: 'saved', at: this.opts.now() });
      }
    } catch (error) {
      if (error instanceof StaleRevisionError) {
        this.handleStale(error.current);
      } else if (error instanceof TransientSaveError) {
        this.attempt += 1;
        this.setStatus({ kind: 'retrying', attempt: this.attempt, offline: error.offline });
        this.scheduleFlush(this.opts.backoff(this.attempt));
      } else {
        this.setStatus({
          kind: 'error',
          message: error instanceof Error ? error.message : String(error),
          error,
        });
      }
    }
  }

  private incomplete(): SaveStatus {
    const tooLong = Object.entries(this.pending).filter(([field, value]) => this.opts.tooLong(field, value));
    return { kind: 'incomplete', tooLong: tooLong.length };
  }

  private handleStale(current: ServerState): void {
    const conflicts = findConflicts(this.pending, this.base, current.values);
    const conflicting = new Set(conflicts.map((c) => c.field));
    for (const field of Object.keys(this.pending)) {
      if (!conflicting.has(field) && sameValue(this.pending[field], current.values[field]))
        delete this.pending[field];
    }
    this.revision = current.revision;
    this.server = current.values;
    for (const field of Object.keys(this.pending)) this.base[field] = current.values[field];
    this.persist();
    if (conflicts.length > 0) {
      this.setStatus({ kind: 'conflict', conflicts });
    } else if (this.hasPending) {
      this.setStatus({ kind: 'dirty' });
      this.scheduleFlush(0);
    } else {
      this.setStatus({ kind: 'saved', at: this.opts.now() });
    }
  }

  private setStatus(status: SaveStatus): void {
    this.statusValue = status;
    this.notify();
  }

  private notify(): void {
    if (!this.disposed) this.opts.onChange?.(this);
  }

  private readStored(): StoredEdits | undefined {
    try {
      const raw = this.opts.storage?.getItem(this.opts.storageKey);
      if (!raw) return undefined;
      const parsed = JSON.parse(raw) as Partial<StoredEdits>;
      if (
        typeof parsed.revision !== 'number' ||
        typeof parsed.pending !== 'object' ||
        parsed.pending === null
      )
        return undefined;
      return { revision: parsed.revision, pending: parsed.pending, base: parsed.base ?? {} };
    } catch {
      // Unreadable leftovers must not block the form; they are replaced on the next edit.
      return undefined;
    }
  }

  private persist(): void {
    const storage = this.opts.storage;
    if (!storage) return;
    try {
      if (this.hasPending) {
        const stored: StoredEdits = { revision: this.revision, pending: this.pending, base: this.base };
        storage.setItem(this.opts.storageKey, JSON.stringify(stored));
      } else {
        storage.removeItem(this.opts.storageKey);
      }
    } catch {
      // Storage full or blocked (private mode): the edit still goes to the server.
    }
  }
}
