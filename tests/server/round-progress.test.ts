/**
 * HR's progress of a round through the real server: one report at each step (planned, preparation shared, held,
 * final, filed), counted per department and in total as counts only, and the manager's own list agreeing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalArchive } from '../../src/adapters/local/archive.js';
import { amsterdamDay } from '../../src/domain/index.js';
import type { Archive } from '../../src/ports/index.js';
import { buildConversation, step } from '../support/cycle.js';
import { as, startTestServer } from '../support/server.js';

const day = (days: number) => amsterdamDay(new Date(Date.now() + days * 86_400_000));

describe('round progress', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let roundId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // Thomas's final document is not filed (yet): the personnel file refuses it, so he stays at "Definitief".
    const dataDir = mkdtempSync(join(tmpdir(), 'gesprek-'));
    const local = new LocalArchive({ dataDir });
    const archive: Archive = {
      find: (conversation, hash) => local.find(conversation, hash),
      read: (record) => local.read(record),
      changeReaders: (record, readers) => local.changeReaders(record, readers),
      store: async (item) => {
        if (item.conversation.employeeId === 'thomas') throw new Error('Personnel file not reachable');
        return local.store(item);
      },
    };
    server = await startTestServer({ env: { DEMO_SEED: 'off', DATA_DIR: dataDir }, overrides: { archive } });
    const started = await as(server.url, 'ingrid').post('/api/rounds', {
      type: 'goede-gesprek',
      audience: { kind: 'department', department: 'Dienstverlening' },
      period: { from: day(0), until: day(60) },
    });
    expect(started.status).toBe(201);
    roundId = started.body.round.id;
    const steps = [
      ['fatima', 'planned'],
      ['daan', 'prepared'],
      ['sanne', 'held'],
      ['thomas', 'approved'],
      ['noor', 'archived'],
    ] as const;
    for (const [employee, stage] of steps) {
      ids[employee] = (await buildConversation({ type: 'goede-gesprek', stage, employee, server })).id;
    }
    // Another type never counts toward a Goede Gesprek round, nor does a cancelled one.
    await buildConversation({ type: 'vitaliteit', stage: 'planned', employee: 'sem', server });
    const cancelled = await buildConversation({
      type: 'goede-gesprek',
      stage: 'planned',
      employee: 'eva',
      server,
    });
    await step(as(server.url, 'jeroen'), cancelled.id, { type: 'cancel', reason: 'Ziek' });
  }, 240_000);
  afterAll(async () => server?.stop());

  it('counts one report at each step, per department and in total, without names or content', async () => {
    const detail = await as(server.url, 'ingrid').get(`/api/rounds/${roundId}`);
    expect(detail.status).toBe(200);
    // Jeroen's 14 reports and Jeroen himself: 15, of whom 10 have no conversation in the round.
    const expected = { invited: 10, planned: 1, prepared: 1, held: 1, signed: 1, filed: 1 };
    expect(detail.body.progress.members).toBe(15);
    expect(detail.body.progress.counts).toEqual(expected);
    expect(detail.body.progress.departments).toEqual([
      { department: 'Dienstverlening', members: 15, shown: true, counts: expected },
    ]);
    expect(detail.body.reports).toBeUndefined();
    const text = JSON.stringify(detail.body);
    for (const [employee, id] of Object.entries(ids)) {
      expect(text).not.toContain(id);
      expect(text).not.toContain(`"${employee}"`);
    }
  });

  it('shows the manager the same steps for his own reports, each with its conversation', async () => {
    const mine = await as(server.url, 'jeroen').get(`/api/rounds/${roundId}`);
    const steps = Object.fromEntries(
      (mine.body.reports as Array<{ employee: { id: string }; step: string; conversationId?: string }>).map(
        (r) => [r.employee.id, [r.step, r.conversationId]],
      ),
    );
    expect(steps).toMatchObject({
      fatima: ['planned', ids.fatima],
      daan: ['prepared', ids.daan],
      sanne: ['held', ids.sanne],
      thomas: ['signed', ids.thomas],
      noor: ['filed', ids.noor],
      sem: ['invited', undefined],
      eva: ['invited', undefined],
    });
    // Jeroen sees his own reports, not the counts of the department.
    expect(mine.body.progress).toBeUndefined();
  });
});
