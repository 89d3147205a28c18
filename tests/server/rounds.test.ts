/**
 * Rounds through the real server: HR starts one for Jeroen's department, every manager gets one card (the local
 * messenger's outbox file), planning moves the counts, changing and cancelling are audited, and only HR or a
 * director for their own part may start one.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { amsterdamDay } from '../../src/domain/index.js';
import { buildConversation } from '../support/cycle.js';
import { as, eventually, sentMessages, startTestServer } from '../support/server.js';

const day = (days: number) => amsterdamDay(new Date(Date.now() + days * 86_400_000));

interface SentLine {
  type: string;
  recipientId: string;
  activityId: string;
  idempotencyKey?: string;
  summary?: string;
  card: { actions?: Array<{ url?: string; title?: string }> };
}

describe('rounds', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let roundId: string;
  const period = { from: day(0), until: day(40) };

  const sent = () => sentMessages<SentLine>(server.dataDir);
  const roundCards = (id: string) =>
    sent().filter((m) => m.type === 'send' && m.idempotencyKey?.startsWith(`round:${id}:invite:`));
  const roundAudit = async () =>
    (
      await server.ctx.store.executor.query<{
        action: string;
        actor_id: string;
        details: Record<string, unknown>;
      }>("SELECT action, actor_id, details FROM audit_log WHERE action LIKE 'round.%' ORDER BY id")
    ).rows;

  beforeAll(async () => {
    server = await startTestServer({ env: { DEMO_SEED: 'off' } });
  }, 60_000);
  afterAll(async () => server?.stop());

  it('HR starts a round for Jeroen’s department in one request', async () => {
    const response = await as(server.url, 'ingrid').post('/api/rounds', {
      type: 'goede-gesprek',
      audience: { kind: 'department', department: 'Dienstverlening' },
      period,
    });
    expect(response.status).toBe(201);
    roundId = response.body.round.id;
    // Jeroen's 14 reports, and Jeroen himself (with Marieke).
    expect(response.body.round).toMatchObject({ state: 'open', memberCount: 15, managerCount: 2 });
    expect(response.body.progress.counts).toEqual({
      invited: 15,
      planned: 0,
      prepared: 0,
      held: 0,
      signed: 0,
      filed: 0,
    });
    expect(response.body.progress.departments).toEqual([
      expect.objectContaining({ department: 'Dienstverlening', members: 15, shown: true }),
    ]);
    expect((await roundAudit()).map((e) => e.action)).toEqual(['round.started']);
  });

  it('fans out one card per manager, each linking to that manager’s own list in the round', async () => {
    const cards = await eventually(async () => {
      const found = roundCards(roundId);
      return found.length >= 2 ? found : undefined;
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(
      roundCards(roundId)
        .map((m) => m.recipientId)
        .sort(),
    ).toEqual(['jeroen', 'marieke']);
    const jeroens = cards.find((m) => m.recipientId === 'jeroen');
    expect(jeroens?.summary).toContain('Het Goede Gesprek');
    for (const card of cards) {
      // The link opens the tab on this round's list, as the manager who got it (local mode names them).
      const link = new URL(card.card.actions?.[0]?.url ?? '');
      expect(link.hash).toBe(`#/rondes/${roundId}`);
      const user = link.searchParams.get('user');
      expect(user).toBe(card.recipientId);
      const opened = await as(server.url, user as string).get(`/api/rounds/${roundId}`);
      expect(opened.status).toBe(200);
      const reports = opened.body.reports as Array<{ employee: { id: string } }>;
      expect(reports.length).toBeGreaterThan(0);
      // Jeroen's 14 reports; Marieke plans with Jeroen.
      if (user === 'jeroen') expect(reports).toHaveLength(14);
      if (user === 'marieke') expect(reports.map((r) => r.employee.id)).toEqual(['jeroen']);
    }
  });

  it('shows Jeroen the round with each report, and planning moves the counts', async () => {
    const jeroen = as(server.url, 'jeroen');
    const before = await jeroen.get('/api/rounds');
    expect(before.status).toBe(200);
    expect(before.body.mayStart).toBe(false);
    expect(before.body.rounds).toEqual([]);
    expect(before.body.toPlan).toHaveLength(1);
    expect(before.body.toPlan[0].reports).toHaveLength(14);

    for (const [employeeId, days] of [
      ['fatima', 3],
      ['daan', 4],
    ] as const) {
      const planned = await buildConversation({
        type: 'goede-gesprek',
        stage: 'planned',
        server,
        employee: employeeId,
        start: days,
      });
      expect(planned.steps.map((s) => s.command)).toEqual(['plan']);
    }
    const after = await jeroen.get('/api/rounds');
    const steps = after.body.toPlan[0].reports.map((r: { employee: { id: string }; step: string }) => [
      r.employee.id,
      r.step,
    ]);
    expect(steps).toContainEqual(['fatima', 'planned']);
    expect(steps.filter(([, step]: [string, string]) => step === 'invited')).toHaveLength(12);

    const progress = await as(server.url, 'ingrid').get(`/api/rounds/${roundId}`);
    expect(progress.body.progress.counts).toMatchObject({ invited: 13, planned: 2 });
    // HR sees counts only: no names, no conversation ids.
    expect(progress.body.reports).toBeUndefined();
    expect(JSON.stringify(progress.body.progress)).not.toMatch(/fatima|Fatima/);
  });

  it('refuses a second round for the same group and period, and a bad period in Dutch', async () => {
    const hr = as(server.url, 'ingrid');
    const twin = await hr.post('/api/rounds', {
      type: 'goede-gesprek',
      audience: { kind: 'department', department: 'Dienstverlening' },
      period,
    });
    expect(twin.status).toBe(409);
    expect(twin.body.code).toBe('round_overlaps');
    const backwards = await hr.post('/api/rounds', {
      type: 'vitaliteit',
      audience: { kind: 'everyone' },
      period: { from: day(10), until: day(5) },
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.detail).toContain('einddatum');
    const malformed = await hr.post('/api/rounds', { type: 'vitaliteit', audience: { kind: 'everyone' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('validation_failed');
  });

  it('gives a team lead and an employee 403, and lets a director start one only for her own part', async () => {
    const body = {
      type: 'vitaliteit',
      audience: { kind: 'department', department: 'Financiën' },
      period: { from: day(1), until: day(30) },
    };
    for (const who of ['jeroen', 'fatima']) {
      const refused = await as(server.url, who).post('/api/rounds', body);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('round_not_allowed');
      expect(refused.body.detail).toContain('HR');
    }
    const marieke = as(server.url, 'marieke');
    expect((await marieke.post('/api/rounds', { ...body, audience: { kind: 'everyone' } })).status).toBe(403);
    const own = await marieke.post('/api/rounds', body);
    expect(own.status).toBe(201);
    // Jeroen is not in that round and cannot read it.
    expect((await as(server.url, 'jeroen').get(`/api/rounds/${own.body.round.id}`)).status).toBe(404);
  });

  it('changes the period and cancels the round, both audited; a cancelled round cannot change', async () => {
    const hr = as(server.url, 'ingrid');
    const newPeriod = { from: period.from, until: day(50) };
    const changed = await hr.raw('PATCH', `/api/rounds/${roundId}`, { period: newPeriod });
    expect(changed.status).toBe(200);
    expect(changed.body.round.period).toEqual(newPeriod);
    expect((await hr.raw('PATCH', `/api/rounds/${roundId}`, {})).status).toBe(400);
    // Someone else may not.
    expect((await as(server.url, 'jeroen').post(`/api/rounds/${roundId}/cancel`)).status).toBe(404);

    const cancelled = await hr.post(`/api/rounds/${roundId}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.round.state).toBe('cancelled');
    const again = await hr.post(`/api/rounds/${roundId}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('round_not_open');

    const entries = (await roundAudit()).filter((e) => e.details.roundId === roundId);
    expect(entries.map((e) => [e.action, e.actor_id])).toEqual([
      ['round.started', 'ingrid'],
      ['round.changed', 'ingrid'],
      ['round.cancelled', 'ingrid'],
    ]);
    expect(entries[1]?.details).toMatchObject({ previous: period, period: newPeriod });
    expect(entries[2]?.details).toMatchObject({ managers: 2 });
    // The manager's list no longer offers a cancelled round.
    const list = await as(server.url, 'jeroen').get('/api/rounds');
    expect(list.body.toPlan.map((r: { round: { id: string } }) => r.round.id)).not.toContain(roundId);
  });

  it('updates the card each manager got to say the round is cancelled, and posts nothing new', async () => {
    const invites = roundCards(roundId);
    expect(invites).toHaveLength(2);
    const updates = await eventually(async () => {
      const found = sent().filter(
        (m) => m.type === 'update' && invites.some((i) => i.activityId === m.activityId),
      );
      return found.length >= 2 ? found : undefined;
    });
    await new Promise((r) => setTimeout(r, 1500));
    for (const invite of invites) {
      const mine = sent().filter((m) => m.type === 'update' && m.activityId === invite.activityId);
      // Once per card, to the manager who got it.
      expect(mine).toHaveLength(1);
      expect(mine[0]?.recipientId).toBe(invite.recipientId);
      const text = JSON.stringify(mine[0]?.card);
      expect(text).toContain('Gespreksronde geannuleerd: Het Goede Gesprek');
      expect(text).toContain('Ingrid');
      expect(text).toContain('gesprekken die al gepland zijn, gaan gewoon door');
      expect(text).not.toContain('Fatima');
      // Still leads to the manager's own list in the round, not to planning.
      const link = new URL(mine[0]?.card.actions?.[0]?.url ?? '');
      expect(link.hash).toBe(`#/rondes/${roundId}`);
      expect(link.searchParams.get('user')).toBe(invite.recipientId);
      expect(mine[0]?.card.actions?.[0]?.title).toBe('Gespreksronde bekijken');
    }
    expect(updates.every((u) => ['jeroen', 'marieke'].includes(u.recipientId))).toBe(true);
    expect(sent().filter((m) => m.type === 'send' && m.idempotencyKey?.includes(roundId))).toHaveLength(2);
  });
});
