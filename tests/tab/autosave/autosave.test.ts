/** The autosave controller: debouncing, keeping edits on the device, retries and merging. */
import { describe, expect, it } from '@jest/globals';
import {
  AutosaveController,
  StaleRevisionError,
  TransientSaveError,
  defaultBackoff,
  findConflicts,
  sameValue,
  type ServerState,
  type StorageLike,
  type Values,
} from '../../../src/tab/autosave/autosave.js';

/** A clock the test moves by hand. */
function fakeScheduler() {
  let now = 0;
  let timers: Array<{ at: number; callback: () => void; id: number }> = [];
  let next = 1;
  return {
    schedule(callback: () => void, ms: number) {
      const id = next++;
      timers.push({ at: now + ms, callback, id });
      return () => {
        timers = timers.filter((t) => t.id !== id);
      };
    },
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = due.at;
        due.callback();
        await settle();
      }
      now = until;
      await settle();
    },
    pending: () => timers.map((t) => t.at - now),
  };
}

async function settle() {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
}

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

/** A fake server holding one form's values with a revision, like the API. */
function fakeServer(initial: Values = {}) {
  const state: ServerState = { revision: 1, values: { ...initial } };
  const calls: Array<{ revision: number; changed: Values }> = [];
  let failNext: Error | undefined;
  return {
    state,
    calls,
    failWith(error: Error) {
      failNext = error;
    },
    /** Someone else saves in between. */
    otherSave(changed: Values) {
      state.values = { ...state.values, ...changed };
      state.revision += 1;
    },
    send: async (revision: number, changed: Values): Promise<ServerState> => {
      calls.push({ revision, changed });
      if (failNext) {
        const error = failNext;
        failNext = undefined;
        throw error;
      }
      if (revision !== state.revision)
        throw new StaleRevisionError({ revision: state.revision, values: { ...state.values } });
      state.values = { ...state.values, ...changed };
      state.revision += 1;
      return { revision: state.revision, values: { ...state.values } };
    },
  };
}

function setup(
  options: {
    initial?: Values;
    storage?: StorageLike;
    ready?: (field: string, value: unknown) => boolean;
    tooLong?: (field: string, value: unknown) => boolean;
  } = {},
) {
  const clock = fakeScheduler();
  const server = fakeServer(options.initial);
  const storage = options.storage ?? memoryStorage();
  const controller = new AutosaveController({
    storageKey: 'gc.pending.c1.preparation.fatima',
    storage,
    initial: { revision: server.state.revision, values: { ...server.state.values } },
    send: server.send,
    schedule: clock.schedule,
    now: () => new Date(2026, 10, 23, 10, 42),
    ...(options.ready ? { ready: options.ready } : {}),
    ...(options.tooLong ? { tooLong: options.tooLong } : {}),
  });
  return { clock, server, storage, controller };
}

describe('AutosaveController', () => {
  it('waits for a pause in typing, then sends only the changed fields once', async () => {
    const { clock, server, controller } = setup({ initial: { a: 'x' } });
    controller.edit('b', 'h');
    await clock.advance(500);
    controller.edit('b', 'hallo');
    await clock.advance(500);
    expect(server.calls).toHaveLength(0);
    expect(controller.status.kind).toBe('dirty');
    await clock.advance(300);
    expect(server.calls).toEqual([{ revision: 1, changed: { b: 'hallo' } }]);
    expect(controller.status).toEqual({ kind: 'saved', at: new Date(2026, 10, 23, 10, 42) });
    expect(controller.values).toEqual({ a: 'x', b: 'hallo' });
    expect(controller.currentRevision).toBe(2);
  });

  it('keeps unsent edits in storage and puts them back after a reload', async () => {
    const storage = memoryStorage();
    const first = setup({ storage });
    first.server.failWith(new TransientSaveError(true));
    first.controller.edit('kwaliteit.betekenis', 'Energie hebben');
    await first.clock.advance(800);
    expect(first.controller.status).toEqual({ kind: 'retrying', attempt: 1, offline: true });
    expect(JSON.parse(storage.getItem('gc.pending.c1.preparation.fatima') ?? '{}').pending).toEqual({
      'kwaliteit.betekenis': 'Energie hebben',
    });
    first.controller.dispose();

    // A new page load with the same storage: the edit is shown and sent.
    const second = setup({ storage });
    expect(second.controller.restored).toBe(true);
    expect(second.controller.values['kwaliteit.betekenis']).toBe('Energie hebben');
    await second.clock.advance(0);
    expect(second.server.calls).toEqual([
      { revision: 1, changed: { 'kwaliteit.betekenis': 'Energie hebben' } },
    ]);
    expect(storage.getItem('gc.pending.c1.preparation.fatima')).toBeNull();
  });

  it('retries transient failures with growing pauses and succeeds when the server is back', async () => {
    const { clock, server, controller } = setup();
    server.failWith(new TransientSaveError(false));
    controller.edit('a', '1');
    await clock.advance(800);
    expect(controller.status).toEqual({ kind: 'retrying', attempt: 1, offline: false });
    expect(clock.pending()).toEqual([defaultBackoff(1)]);
    server.failWith(new TransientSaveError(false));
    await clock.advance(defaultBackoff(1));
    expect(controller.status).toEqual({ kind: 'retrying', attempt: 2, offline: false });
    expect(clock.pending()).toEqual([defaultBackoff(2)]);
    await clock.advance(defaultBackoff(2));
    expect(controller.status.kind).toBe('saved');
    expect(server.calls).toHaveLength(3);
    expect(defaultBackoff(1)).toBeLessThan(defaultBackoff(2));
    expect(defaultBackoff(50)).toBe(30_000);
  });

  it('retries at once when the browser is online again', async () => {
    const { clock, server, controller } = setup();
    server.failWith(new TransientSaveError(true));
    controller.edit('a', '1');
    await clock.advance(800);
    controller.retryNow();
    await clock.advance(0);
    expect(controller.status.kind).toBe('saved');
  });

  it('re-sends silently on a stale revision when the other change touched other fields', async () => {
    const { clock, server, controller } = setup({ initial: { a: 'oud', b: 'oud' } });
    server.otherSave({ b: 'van de ander' });
    controller.edit('a', 'van mij');
    await clock.advance(800);
    expect(controller.status.kind).toBe('saved');
    expect(server.state.values).toEqual({ a: 'van mij', b: 'van de ander' });
    expect(server.calls.map((c) => c.revision)).toEqual([1, 2]);
  });

  it('asks per field when both changed the same field, and applies the choice', async () => {
    const { clock, server, controller } = setup({ initial: { a: 'oud', b: 'oud' } });
    server.otherSave({ a: 'hun a', b: 'hun b' });
    controller.edit('a', 'mijn a');
    controller.edit('b', 'mijn b');
    await clock.advance(800);
    expect(controller.status).toEqual({
      kind: 'conflict',
      conflicts: [
        { field: 'a', mine: 'mijn a', theirs: 'hun a' },
        { field: 'b', mine: 'mijn b', theirs: 'hun b' },
      ],
    });
    controller.resolve({ a: 'mine', b: 'theirs' });
    await clock.advance(0);
    expect(controller.status.kind).toBe('saved');
    expect(server.state.values).toEqual({ a: 'mijn a', b: 'hun b' });
    expect(controller.values).toEqual({ a: 'mijn a', b: 'hun b' });
  });

  it('keeps edits made while a save was under way', async () => {
    const { clock, server, controller } = setup();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slowSend = server.send;
    server.send = async (revision, changed) => {
      await gate;
      return slowSend(revision, changed);
    };
    const slow = new AutosaveController({
      storageKey: 'k',
      initial: { revision: 1, values: {} },
      send: (r, c) => server.send(r, c),
      schedule: clock.schedule,
    });
    slow.edit('a', 'een');
    await clock.advance(800);
    expect(slow.status.kind).toBe('saving');
    slow.edit('a', 'een twee');
    release();
    await clock.advance(0);
    expect(slow.values.a).toBe('een twee');
    await clock.advance(800);
    expect(server.state.values.a).toBe('een twee');
    expect(slow.status.kind).toBe('saved');
    controller.dispose();
  });

  it('holds back values that cannot be sent yet, and says so', async () => {
    const { clock, server, controller } = setup({
      ready: (_field, value) =>
        !Array.isArray(value) || value.every((v) => typeof v === 'string' && v.length > 0),
    });
    controller.edit('doelen', ['']);
    await clock.advance(800);
    expect(server.calls).toHaveLength(0);
    expect(controller.status.kind).toBe('incomplete');
    expect(await controller.flushNow()).toBe(false);
    controller.edit('doelen', ['Meer bewegen']);
    await clock.advance(800);
    expect(server.calls).toEqual([{ revision: 1, changed: { doelen: ['Meer bewegen'] } }]);
  });

  it('flushNow sends everything before a submit', async () => {
    const { server, controller } = setup();
    controller.edit('a', '1');
    expect(await controller.flushNow()).toBe(true);
    expect(server.calls).toHaveLength(1);
    expect(controller.hasPending).toBe(false);
  });

  it('shows a refusal without retrying', async () => {
    const { clock, server, controller } = setup();
    server.failWith(new Error('Het antwoord is te lang.'));
    controller.edit('a', 'x');
    await clock.advance(800);
    expect(controller.status).toMatchObject({ kind: 'error', message: 'Het antwoord is te lang.' });
    expect(clock.pending()).toEqual([]);
  });

  it('keeps an over-long field on this device and sends every other field, counting it in the status', async () => {
    const tooLong = (_field: string, value: unknown) => typeof value === 'string' && value.length > 10;
    const { clock, server, controller } = setup({
      ready: (field, value) => !tooLong(field, value),
      tooLong,
    });
    controller.edit('a', 'x'.repeat(12));
    controller.edit('b', 'kort');
    await clock.advance(800);
    expect(server.calls).toEqual([{ revision: 1, changed: { b: 'kort' } }]);
    expect(controller.status).toEqual({ kind: 'incomplete', tooLong: 1 });
    controller.edit('c', 'ook kort');
    await clock.advance(800);
    expect(server.calls.at(-1)).toEqual({ revision: 2, changed: { c: 'ook kort' } });
    controller.edit('a', 'korter');
    await clock.advance(800);
    expect(server.calls.at(-1)).toEqual({ revision: 3, changed: { a: 'korter' } });
    expect(controller.status.kind).toBe('saved');
  });
});

describe('merge helpers', () => {
  it('compares values by content, not key order, and treats empty as unanswered', () => {
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameValue('', undefined)).toBe(true);
    expect(sameValue([], undefined)).toBe(true);
    expect(sameValue('a', 'b')).toBe(false);
  });

  it('finds only fields changed on both sides to different values', () => {
    const pending = { a: 'mijn', b: 'zelfde', c: 'mijn' };
    const base = { a: 'oud', b: 'oud', c: 'oud' };
    const theirs = { a: 'hun', b: 'zelfde', c: 'oud' };
    expect(findConflicts(pending, base, theirs)).toEqual([{ field: 'a', mine: 'mijn', theirs: 'hun' }]);
  });
});
