/** A person's command against a row that moves under it: an autosave reads again, a real conflict stays one. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { applyCommand, type AppContext } from '../../../src/app/index.js';
import { buildContext } from '../../../src/server/app.js';
import { loadConfig } from '../../../src/server/config.js';
import { StaleRevisionError, type Store } from '../../../src/store/index.js';
import { backends, storeOptionsFor } from '../../support/databases.js';
import { aConversation, anOfferedConversation } from '../../support/factories.js';

const moved = { start: '2026-12-02T13:00:00.000Z', end: '2026-12-02T14:00:00.000Z' };
const answers = { 'kwaliteit.betekenis': 'Energie hebben voor werk én thuis.' };

describe.each(backends)('a person’s command on %s', (backend) => {
  let ctx: AppContext;
  let read: Store['getConversation'];
  beforeAll(async () => {
    const { databaseUrl } = await storeOptionsFor(backend);
    const config = loadConfig({
      NODE_ENV: 'test',
      AUTH_MODE: 'local',
      LOG_LEVEL: 'silent',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'gesprek-command-')),
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    });
    ctx = await buildContext(config);
    read = ctx.store.getConversation.bind(ctx.store);
  });
  afterAll(async () => {
    await ctx?.outbox.stop();
    await ctx?.store.close();
  });
  beforeEach(() => {
    ctx.store.getConversation = read;
  });
  /** From here on, a read of the conversation fails the test. */
  const noMoreReads = () => {
    ctx.store.getConversation = () => Promise.reject(new Error('read the conversation again'));
  };

  /** A transaction that writes the conversation and rolls back leaves this instance without a copy of it. */
  const forget = async (id: string) => {
    await ctx.store
      .transaction(async (tx) => {
        const stored = await tx.getConversation(id);
        await tx.updateConversation(stored!.conversation, stored!.revision, false);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
  };
  /** Another instance's write, which this one does not see. */
  const elsewhere = (id: string, column: 'revision' | 'edit_revision' = 'revision') =>
    ctx.store.executor.query(
      `UPDATE conversations SET revision = revision + 1, ${column === 'edit_revision' ? 'edit_revision = edit_revision + 1,' : ''}
         data = jsonb_set(data, '{schedule}', $2::jsonb) WHERE id = $1`,
      [id, JSON.stringify(moved)],
    );

  /** Makes someone else write the row once, right after the command has read it. */
  const writeAfterFirstRead = (byPerson: boolean) => {
    let done = false;
    ctx.store.getConversation = async (id) => {
      const stored = await read(id);
      if (stored && !done) {
        done = true;
        await ctx.store.transaction((tx) =>
          tx.updateConversation({ ...stored.conversation, schedule: moved }, stored.revision, byPerson),
        );
      }
      return stored;
    };
  };

  /** A conflict wrote nothing: the other's edit stands (revision 2), her answers and the audit log untouched. */
  const expectUnchanged = async (c: ReturnType<typeof aConversation>) => {
    const stored = await read(c.id);
    expect(stored).toMatchObject({ revision: 2, editRevision: 2 });
    expect(stored?.conversation.preparation).toEqual(c.preparation);
    expect(await ctx.store.auditOf(c.id)).toEqual([]);
  };

  it('saves an autosave on top of a change the system made between its read and its write', async () => {
    const c = aConversation();
    await ctx.store.transaction((tx) => tx.insertConversation(c));
    await forget(c.id);
    writeAfterFirstRead(false);
    const { saved } = await applyCommand(ctx, 'fatima', c.id, { type: 'save-preparation', answers }, 1);
    expect(saved).toMatchObject({ revision: 3, editRevision: 2 });
    const stored = await read(c.id);
    // Both changes hold: the system's new time and her answer.
    expect(stored?.conversation.schedule).toMatchObject(moved);
    expect(stored?.conversation.preparation).toMatchObject(answers);
    expect((await ctx.store.auditOf(c.id)).map((a) => a.action)).toEqual(['conversation.preparation-saved']);
  });

  it('gives a person’s edit in between back as a conflict, writing nothing', async () => {
    const c = aConversation();
    await ctx.store.transaction((tx) => tx.insertConversation(c));
    await forget(c.id);
    writeAfterFirstRead(true);
    await expect(
      applyCommand(ctx, 'fatima', c.id, { type: 'save-preparation', answers }, 1),
    ).rejects.toBeInstanceOf(StaleRevisionError);
    await expectUnchanged(c);
  });

  it('writes the next autosave on the copy it wrote last, without reading the row', async () => {
    const c = aConversation();
    await ctx.store.transaction((tx) => tx.insertConversation(c));
    const first = await applyCommand(ctx, 'fatima', c.id, { type: 'save-preparation', answers }, 1);
    noMoreReads();
    const next = { 'behoeften.verbeterpunten': 'Minder avondwerk.' };
    const { saved } = await applyCommand(
      ctx,
      'fatima',
      c.id,
      { type: 'save-preparation', answers: next },
      first.saved.editRevision,
    );
    expect(saved).toMatchObject({ revision: 3, editRevision: 3 });
    expect((await read(c.id))?.conversation.preparation).toMatchObject({ ...answers, ...next });
  });

  it('writes on the row the failed write brought back when another instance changed it since', async () => {
    const c = aConversation();
    await ctx.store.transaction((tx) => tx.insertConversation(c));
    const first = await applyCommand(ctx, 'fatima', c.id, { type: 'save-preparation', answers }, 1);
    // Another instance's system change: this one's remembered copy is now a revision behind.
    await elsewhere(c.id);
    noMoreReads();
    const { saved } = await applyCommand(
      ctx,
      'fatima',
      c.id,
      { type: 'save-preparation', answers: { 'kwaliteit.betekenis': 'Rust.' } },
      first.saved.editRevision,
    );
    expect(saved).toMatchObject({ revision: 4, editRevision: 3 });
    const stored = await read(c.id);
    expect(stored?.conversation.schedule).toMatchObject(moved);
    expect(stored?.conversation.preparation).toMatchObject({ 'kwaliteit.betekenis': 'Rust.' });
  });

  it('gives a person’s edit on another instance back as a conflict, though the copy here looked current', async () => {
    const c = aConversation();
    await ctx.store.transaction((tx) => tx.insertConversation(c));
    await elsewhere(c.id, 'edit_revision');
    noMoreReads();
    await expect(
      applyCommand(ctx, 'fatima', c.id, { type: 'save-preparation', answers }, 1),
    ).rejects.toBeInstanceOf(StaleRevisionError);
    await expectUnchanged(c);
  });

  it('decides a card reaction in its transaction on the copy it remembers, and again on the row when that moved', async () => {
    const c = anOfferedConversation();
    await ctx.store.transaction((tx) => tx.insertConversation(c));
    await elsewhere(c.id);
    noMoreReads();
    const { saved } = await applyCommand(ctx, 'jeroen', c.id, {
      type: 'decide',
      version: 1,
      decision: 'akkoord',
    });
    expect(saved.conversation.stage).toBe('approved');
    expect(saved.revision).toBe(3);
    expect((await read(c.id))?.conversation.schedule).toMatchObject(moved);
    expect((await ctx.store.auditOf(c.id)).map((a) => a.action)).toEqual([
      'conversation.decided',
      'conversation.approved',
    ]);
  });
});
