/** A person's command against a row that moves under it: an autosave reads again, a real conflict stays one. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { applyCommand, type AppContext } from '../../../src/app/index.js';
import { buildContext } from '../../../src/server/app.js';
import { loadConfig } from '../../../src/server/config.js';
import { StaleRevisionError, type Store } from '../../../src/store/index.js';
import { backends, storeOptionsFor } from '../../support/databases.js';
import { aConversation } from '../../support/factories.js';

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

  it('saves an autosave on top of a change the system made between its read and its write', async () => {
    const c = aConversation();
    await ctx.store.transaction((tx) => tx.insertConversation(c));
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
    writeAfterFirstRead(true);
    await expect(
      applyCommand(ctx, 'fatima', c.id, { type: 'save-preparation', answers }, 1),
    ).rejects.toBeInstanceOf(StaleRevisionError);
    const stored = await read(c.id);
    expect(stored).toMatchObject({ revision: 2, editRevision: 2 });
    expect(stored?.conversation.preparation).toEqual(c.preparation);
    expect(await ctx.store.auditOf(c.id)).toEqual([]);
  });
});
