/** A newer state from elsewhere (live updates) merges into an open form field by field. */
import { describe, expect, it } from '@jest/globals';
import { AutosaveController, type ServerState } from '../../../src/tab/autosave/autosave.js';

function controller(initial: ServerState) {
  const sent: Array<{ revision: number; changed: Record<string, unknown> }> = [];
  const c = new AutosaveController({
    storageKey: 'k',
    initial,
    schedule: () => () => undefined,
    send: async (revision, changed) => {
      sent.push({ revision, changed });
      return { revision: revision + 1, values: { ...initial.values, ...changed } };
    },
  });
  return { c, sent };
}

describe('AutosaveController.receive', () => {
  it('takes a newer state over when nothing is being typed', () => {
    const { c } = controller({ revision: 1, values: { a: 'x' } });
    c.receive({ revision: 3, values: { a: 'y', b: 'z' } });
    expect(c.values).toEqual({ a: 'y', b: 'z' });
    expect(c.currentRevision).toBe(3);
  });

  it('keeps what is typed on top, takes the other fields, and sends on the new revision', async () => {
    const { c, sent } = controller({ revision: 1, values: { a: 'x', b: 'old' } });
    c.edit('a', 'typing…');
    c.receive({ revision: 2, values: { a: 'x', b: 'theirs' } });
    expect(c.values).toEqual({ a: 'typing…', b: 'theirs' });
    expect(c.status.kind).toBe('dirty');
    await c.flushNow();
    expect(sent).toEqual([{ revision: 2, changed: { a: 'typing…' } }]);
  });

  it('asks which to keep when both changed the same field, and ignores an older state', () => {
    const { c } = controller({ revision: 4, values: { a: 'x' } });
    c.edit('a', 'mine');
    c.receive({ revision: 3, values: { a: 'stale' } });
    expect(c.values.a).toBe('mine');
    c.receive({ revision: 5, values: { a: 'theirs' } });
    expect(c.status).toEqual({
      kind: 'conflict',
      conflicts: [{ field: 'a', mine: 'mine', theirs: 'theirs' }],
    });
    expect(c.values.a).toBe('mine');
  });
});
