/**
 * Concurrent approvals and edits over HTTP, on PGlite and PostgreSQL: a burst of identical decisions counts
 * once, and two people saving against the same revision get one 200 and one 409 — the loser's edit is never
 * silently lost and is saved on the retry with the current revision.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { as, startTestServer } from '../support/server.js';
import { backends, storeOptionsFor } from '../support/databases.js';
import { vitalityPreparation, vitalityReport } from '../support/factories.js';
import { inDays, step } from './support.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe.each(backends)('concurrency (%s)', (backend) => {
  let server: Server;
  beforeAll(async () => {
    const { databaseUrl } = await storeOptionsFor(backend);
    server = await startTestServer({ bot: false, env: databaseUrl ? { DATABASE_URL: databaseUrl } : {} });
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function plan(employeeId: string): Promise<string> {
    const planned = await as(server.url, 'jeroen').post('/api/conversations', {
      employeeId,
      type: 'vitaliteit',
      start: inDays(7),
      end: inDays(7, 10),
    });
    expect(planned.status).toBe(201);
    return planned.body.conversation.id as string;
  }

  it('records exactly one decision for 20 parallel identical decide requests', async () => {
    const fatima = as(server.url, 'fatima');
    const jeroen = as(server.url, 'jeroen');
    const id = await plan('fatima');
    await step(fatima, id, { type: 'save-preparation', answers: vitalityPreparation });
    await step(jeroen, id, { type: 'complete-meeting' });
    await step(fatima, id, { type: 'save-report', answers: vitalityReport });
    await step(fatima, id, { type: 'submit-report' });
    const replies = await Promise.all(
      Array.from({ length: 20 }, () =>
        fatima.post(`/api/conversations/${id}/commands`, {
          command: { type: 'decide', version: 1, decision: 'akkoord' },
        }),
      ),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 200).every((s) => s === 409)).toBe(true);
    for (const reply of replies.filter((r) => r.status === 409))
      expect(reply.body.code).toBe('already_decided');
    const view = await fatima.get(`/api/conversations/${id}`);
    expect(view.body.conversation.decisions).toHaveLength(1);
    const audit = await fatima.get(`/api/conversations/${id}/audit`);
    expect(
      (audit.body.entries as Array<{ action: string }>).filter((e) => e.action === 'conversation.decided'),
    ).toHaveLength(1);
    // The manager's burst approves once, so exactly one document is on its way.
    const managerReplies = await Promise.all(
      Array.from({ length: 20 }, () =>
        jeroen.post(`/api/conversations/${id}/commands`, {
          command: { type: 'decide', version: 1, decision: 'akkoord' },
        }),
      ),
    );
    expect(managerReplies.filter((r) => r.status === 200)).toHaveLength(1);
    const after = await fatima.get(`/api/conversations/${id}/audit`);
    expect(
      (after.body.entries as Array<{ action: string }>).filter((e) => e.action === 'conversation.approved'),
    ).toHaveLength(1);
  }, 60_000);

  it('gives one 200 and one 409 when employee and manager save against the same revision, and loses neither edit', async () => {
    const fatima = as(server.url, 'daan');
    const jeroen = as(server.url, 'jeroen');
    const id = await plan('daan');
    for (let round = 0; round < 5; round++) {
      const current = await fatima.get(`/api/conversations/${id}`);
      const revision = current.body.conversation.revision as number;
      const employeeText = `werknemer ronde ${round}`;
      const managerText = `leidinggevende ronde ${round}`;
      const [employee, manager] = await Promise.all([
        fatima.post(`/api/conversations/${id}/commands`, {
          revision,
          command: { type: 'save-preparation', answers: { 'kwaliteit.betekenis': employeeText } },
        }),
        jeroen.post(`/api/conversations/${id}/commands`, {
          revision,
          command: { type: 'save-completion', answers: { 'werkgeverschap.steun': managerText } },
        }),
      ]);
      expect([employee.status, manager.status].sort()).toEqual([200, 409]);
      const loser = employee.status === 409 ? employee : manager;
      expect(loser.body.code).toBe('stale_revision');
      // The refusal carries what is stored now, so the loser can merge and save again.
      const now = loser.body.current.conversation;
      expect(now.revision).toBe(revision + 1);
      const retry =
        employee.status === 409
          ? await fatima.post(`/api/conversations/${id}/commands`, {
              revision: now.revision,
              command: { type: 'save-preparation', answers: { 'kwaliteit.betekenis': employeeText } },
            })
          : await jeroen.post(`/api/conversations/${id}/commands`, {
              revision: now.revision,
              command: { type: 'save-completion', answers: { 'werkgeverschap.steun': managerText } },
            });
      expect(retry.status).toBe(200);
      const stored = (await fatima.get(`/api/conversations/${id}`)).body.conversation;
      expect(stored.preparation['kwaliteit.betekenis']).toBe(employeeText);
      expect(stored.completion['werkgeverschap.steun']).toBe(managerText);
      expect(stored.revision).toBe(revision + 2);
    }
  }, 60_000);
});
