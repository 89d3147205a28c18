/**
 * Concurrent approvals and edits over HTTP, on PGlite and PostgreSQL: a burst of identical decisions counts
 * once, and two people saving against the same revision get one 200 and one 409 — the loser's edit is never
 * silently lost and is saved on the retry with the current revision.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { as, startTestServer } from '../support/server.js';
import { backends, storeOptionsFor } from '../support/databases.js';
import { buildConversation } from '../support/cycle.js';

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

  /** Twenty identical decisions at once by one person; returns the statuses and the refusals' codes. */
  async function burst(userId: string, id: string, version: number) {
    const replies = await Promise.all(
      Array.from({ length: 20 }, () =>
        as(server.url, userId).post(`/api/conversations/${id}/commands`, {
          command: { type: 'decide', version, decision: 'akkoord' },
        }),
      ),
    );
    return {
      accepted: replies.filter((r) => r.status === 200).length,
      refusals: replies.filter((r) => r.status !== 200).map((r) => `${r.status} ${String(r.body.code)}`),
    };
  }

  const count = async (userId: string, id: string, action: string) =>
    (
      (await as(server.url, userId).get(`/api/conversations/${id}/audit`)).body.entries as Array<{
        action: string;
      }>
    ).filter((e) => e.action === action).length;

  it('records exactly one decision for 20 parallel identical decide requests, and approves once', async () => {
    // A Reflectiegesprek, where both react to the final format the manager offers.
    const built = await buildConversation({
      type: 'reflectie',
      stage: 'awaiting_approval',
      employee: 'fatima',
      server,
    });
    const employee = await burst('fatima', built.id, built.version);
    expect(employee.accepted).toBe(1);
    expect(new Set(employee.refusals)).toEqual(new Set(['409 already_decided']));
    const view = await as(server.url, 'fatima').get(`/api/conversations/${built.id}`);
    expect(view.body.conversation.decisions).toHaveLength(1);
    expect(await count('fatima', built.id, 'conversation.decided')).toBe(1);
    // The manager's burst approves once, so exactly one document is on its way.
    const manager = await burst('jeroen', built.id, built.version);
    expect(manager.accepted).toBe(1);
    expect(await count('fatima', built.id, 'conversation.approved')).toBe(1);
  }, 60_000);

  it('co-signs a vitality report once for 20 parallel decisions by the manager', async () => {
    const built = await buildConversation({
      type: 'vitaliteit',
      stage: 'awaiting_approval',
      employee: 'sanne',
      server,
    });
    const manager = await burst('jeroen', built.id, built.version);
    expect(manager.accepted).toBe(1);
    expect(await count('sanne', built.id, 'conversation.approved')).toBe(1);
  }, 60_000);

  it('gives one 200 and one 409 when employee and manager save against the same revision, and loses neither edit', async () => {
    const fatima = as(server.url, 'daan');
    const jeroen = as(server.url, 'jeroen');
    const { id } = await buildConversation({
      type: 'vitaliteit',
      stage: 'planned',
      employee: 'daan',
      server,
    });
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
          command: { type: 'save-completion', answers: { 'gesprek.werkgeverschap': managerText } },
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
              command: { type: 'save-completion', answers: { 'gesprek.werkgeverschap': managerText } },
            });
      expect(retry.status).toBe(200);
      const stored = (await fatima.get(`/api/conversations/${id}`)).body.conversation;
      expect(stored.preparation['kwaliteit.betekenis']).toBe(employeeText);
      expect(stored.completion['gesprek.werkgeverschap']).toBe(managerText);
      expect(stored.revision).toBe(revision + 2);
    }
  }, 60_000);
});
