/** Tests of the SQL store on PGlite and PostgreSQL: conversations and revisions, the audit log, the bot's tables and migrations. */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { openStore, StaleRevisionError, type Store } from '../../src/store/index.js';
import { aConversation } from '../support/factories.js';
import { backends, storeOptionsFor } from '../support/databases.js';

describe.each(backends)('store on %s', (backend) => {
  let store: Store;
  afterEach(async () => {
    await store?.close();
  });
  const open = async () => {
    store = await openStore(await storeOptionsFor(backend));
    return store;
  };

  it('keeps a conversation and reads it back whole', async () => {
    const s = await open();
    const c = aConversation();
    await s.transaction((tx) => tx.insertConversation(c));
    expect(await s.getConversation(c.id)).toEqual({ conversation: c, revision: 1, editRevision: 1 });
    expect((await s.conversationsOf('fatima')).map((x) => x.conversation.id)).toEqual([c.id]);
    expect(await s.listConversations({ employeeIds: ['daan'] })).toEqual([]);
    expect(await s.employeeOf(c.id)).toBe('fatima');
    expect(await s.employeeOf('no-such-conversation')).toBeUndefined();
  });

  it('refuses a write based on a stale revision (optimistic concurrency)', async () => {
    const s = await open();
    const c = aConversation();
    await s.transaction((tx) => tx.insertConversation(c));
    await s.transaction((tx) => tx.updateConversation({ ...c, stage: 'preparing' }, 1));
    await expect(
      s.transaction((tx) => tx.updateConversation({ ...c, stage: 'cancelled' }, 1)),
    ).rejects.toBeInstanceOf(StaleRevisionError);
    expect((await s.getConversation(c.id))?.conversation.stage).toBe('preparing');
  });

  it('bumps the edit revision only for changes made by people', async () => {
    const s = await open();
    const c = aConversation();
    await s.transaction((tx) => tx.insertConversation(c));
    await s.transaction((tx) => tx.updateConversation({ ...c, stage: 'preparing' }, 1, true));
    const system = await s.transaction((tx) => tx.updateConversation({ ...c, stage: 'preparing' }, 2, false));
    expect(system).toMatchObject({ revision: 3, editRevision: 2 });
    expect(await s.getConversation(c.id)).toMatchObject({ revision: 3, editRevision: 2 });
  });

  it('writes a change and its audit entries in one statement, in order, or neither when the row moved', async () => {
    const s = await open();
    const c = aConversation();
    await s.transaction((tx) => tx.insertConversation(c));
    const entry = (action: string, at?: string) => ({
      actorId: 'jeroen',
      conversationId: c.id,
      subjectId: 'fatima',
      action,
      details: { version: 1 },
      ...(at ? { at } : {}),
    });
    const saved = await s.updateConversation({ ...c, stage: 'preparing' }, 1, true, [
      entry('conversation.decided', '2026-11-20T08:00:00.000Z'),
      entry('conversation.approved'),
    ]);
    expect(saved).toMatchObject({ revision: 2, editRevision: 2 });
    const audit = await s.auditOf(c.id);
    expect(audit.map((a) => a.action)).toEqual(['conversation.decided', 'conversation.approved']);
    expect(audit[0]).toMatchObject({
      at: '2026-11-20T08:00:00.000Z',
      subjectId: 'fatima',
      details: { version: 1 },
    });
    const stale = await s
      .updateConversation({ ...c, stage: 'cancelled' }, 1, true, [entry('conversation.cancelled')])
      .catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(StaleRevisionError);
    // The failed write brings the row back as it stands, and this instance remembers that copy.
    expect((stale as StaleRevisionError).current).toMatchObject({
      revision: 2,
      conversation: { stage: 'preparing' },
    });
    expect(s.lastKnown(c.id)).toMatchObject({ revision: 2 });
    expect((await s.getConversation(c.id))?.conversation.stage).toBe('preparing');
    expect((await s.auditOf(c.id)).map((a) => a.action)).not.toContain('conversation.cancelled');
  });

  it('forgets whose a conversation was once it is erased', async () => {
    const s = await open();
    const c = aConversation();
    await s.transaction((tx) => tx.insertConversation(c));
    expect(await s.employeeOf(c.id)).toBe('fatima');
    await s.eraseEmployee('fatima');
    expect(await s.employeeOf(c.id)).toBeUndefined();
  });

  it('leaves nothing half-written when a transaction fails', async () => {
    const s = await open();
    const c = aConversation();
    await expect(
      s.transaction(async (tx) => {
        await tx.insertConversation(c);
        await tx.appendAudit({
          actorId: 'jeroen',
          conversationId: c.id,
          subjectId: 'fatima',
          action: 'conversation.planned',
          details: {},
        });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await s.getConversation(c.id)).toBeUndefined();
    expect(await s.auditOf(c.id)).toEqual([]);
  });

  it('keeps the audit log append-only', async () => {
    const s = await open();
    await s.appendAudit({
      actorId: 'jeroen',
      conversationId: 'c1',
      subjectId: 'fatima',
      action: 'conversation.read',
      details: { relation: 'manager' },
    });
    const [entry] = await s.auditOf('c1');
    expect(entry).toMatchObject({
      actorId: 'jeroen',
      action: 'conversation.read',
      details: { relation: 'manager' },
    });
    await expect(s.executor.query('UPDATE audit_log SET action = $1', ['x'])).rejects.toThrow(/append-only/);
    await expect(s.executor.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    expect(await s.auditBySubject('fatima')).toHaveLength(1);
  });

  it('stores chat references, card copies, sent messages, tasks and delegations', async () => {
    const s = await open();
    await s.saveChatReference({
      userId: 'fatima',
      conversationId: 'a:1',
      serviceUrl: 'https://smba.example/',
    });
    await s.saveChatReference({
      userId: 'fatima',
      conversationId: 'a:2',
      serviceUrl: 'https://smba.example/',
      tenantId: 't',
    });
    expect(await s.chatReference('fatima')).toMatchObject({ conversationId: 'a:2', tenantId: 't' });
    await s.recordCardCopy({
      conversationId: 'c1',
      recipientId: 'fatima',
      kind: 'approval',
      version: 1,
      activityId: 'act1',
      chatId: 'a:2',
    });
    await s.recordCardCopy({
      conversationId: 'c1',
      recipientId: 'fatima',
      kind: 'approval',
      version: 1,
      activityId: 'act1',
      chatId: 'a:2',
    });
    expect(await s.cardCopies('c1', 'approval')).toHaveLength(1);
    await s.recordSentMessage('k1', 'fatima', 'act1');
    await s.recordSentMessage('k1', 'fatima', 'act2');
    expect(await s.messageState('k1')).toEqual({ activityId: 'act1' });
    // Two racers claim one key: one wins; an unsent claim is no sent message and can be given back.
    expect(await Promise.all([s.claimMessage('k2', 'fatima'), s.claimMessage('k2', 'fatima')])).toEqual(
      expect.arrayContaining([true, false]),
    );
    expect(await s.messageState('k2')).toBeUndefined();
    await s.releaseMessage('k2');
    expect(await s.claimMessage('k2', 'fatima')).toBe(true);
    await s.recordSentMessage('k2', 'fatima', 'act9');
    expect(await s.messageState('k2')).toEqual({ activityId: 'act9' });
    expect(await s.claimMessage('k2', 'fatima')).toBe(false);
    // A post about to be made is recorded first: its first time kept, each card's digest once.
    expect(await s.messageState('k3')).toBeUndefined();
    await s.recordSendAttempt('k3', 'fatima', 'd1');
    const attempted = await s.messageState('k3');
    await s.recordSendAttempt('k3', 'fatima', 'd2');
    await s.recordSendAttempt('k3', 'fatima', 'd1');
    expect(await s.messageState('k3')).toEqual({
      attempt: { at: (attempted as { attempt: { at: string } }).attempt.at, digests: ['d1', 'd2'] },
    });
    await s.recordSentMessage('k3', 'fatima', 'act3');
    expect(await s.messageState('k3')).toEqual({ activityId: 'act3' });
    // An attempt after the answer was recorded changes nothing.
    await s.recordSendAttempt('k3', 'fatima', 'd4');
    expect(await s.messageState('k3')).toEqual({ activityId: 'act3' });
    expect(await s.sentActivities('fatima', '2000-01-01T00:00:00.000Z')).toEqual(
      new Set(['act1', 'act9', 'act3']),
    );
    expect(await s.sentActivities('jeroen', '2000-01-01T00:00:00.000Z')).toEqual(new Set());
    await s.saveApprovalTask({ conversationId: 'c1', assigneeId: 'jeroen', version: 1, taskId: 't1' });
    expect(await s.approvalTask('c1', 'jeroen', 1)).toEqual({
      conversationId: 'c1',
      assigneeId: 'jeroen',
      version: 1,
      taskId: 't1',
    });
    await s.saveDelegation({
      managerId: 'jeroen',
      delegateId: 'marieke',
      from: '2026-11-01T00:00:00.000Z',
      until: '2026-11-30T00:00:00.000Z',
    });
    expect(await s.delegationsFrom('jeroen')).toEqual([
      {
        managerId: 'jeroen',
        delegateId: 'marieke',
        from: '2026-11-01T00:00:00.000Z',
        until: '2026-11-30T00:00:00.000Z',
      },
    ]);
    expect(await s.delegationsTo('marieke')).toHaveLength(1);
  });

  it('applies migrations once, also on a second start', async () => {
    const options =
      backend === 'pglite'
        ? { dataDir: mkdtempSync(join(tmpdir(), 'store-')) }
        : await storeOptionsFor(backend);
    store = await openStore(options);
    await store.close();
    store = await openStore(options);
    const { rows } = await store.executor.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM schema_migrations',
    );
    // Every migration file once, however many there are.
    const files = readdirSync(new URL('../../src/store/migrations/', import.meta.url)).filter((f) =>
      f.endsWith('.sql'),
    );
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(rows[0]?.n).toBe(files.length);
  });
});
