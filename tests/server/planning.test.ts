/** Planning guards: a clear 4xx for a start in the past, a second open conversation, a request planned beside it. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildConversation, inDays } from '../support/cycle.js';
import { as, startTestServer } from '../support/server.js';

describe('planning a conversation', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const plan = (body: object, by = 'jeroen') =>
    as(server.url, by).post('/api/conversations', {
      type: 'vitaliteit',
      start: inDays(7),
      end: inDays(7, 10),
      ...body,
    });

  beforeAll(async () => {
    server = await startTestServer({ workers: false });
  }, 60_000);
  afterAll(async () => server?.stop());

  it('refuses a start in the past and an end before the start, in Dutch', async () => {
    const past = await plan({ employeeId: 'daan', start: inDays(-1), end: inDays(-1, 10) });
    expect(past.status).toBe(400);
    expect(past.body).toMatchObject({ code: 'start_in_past' });
    expect(past.body.detail).toMatch(/verleden/);
    const backwards = await plan({ employeeId: 'daan', start: inDays(3, 10), end: inDays(3, 9) });
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({ code: 'invalid_schedule' });
  });

  it('refuses someone who is not your report', async () => {
    const response = await plan({ employeeId: 'ruben' });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'not_your_report' });
  });

  it('refuses a second open conversation of the same type, naming the open one', async () => {
    const first = await plan({ employeeId: 'sanne' });
    expect(first.status).toBe(201);
    const second = await plan({ employeeId: 'sanne', start: inDays(9), end: inDays(9, 10) });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({
      code: 'already_open',
      details: { conversationId: first.body.conversation.id, stage: 'planned' },
    });
    // Another type is no conflict.
    const reflection = await plan({ employeeId: 'sanne', type: 'reflectie' });
    expect(reflection.status).toBe(201);
  });

  it('plans an employee’s request from the request itself, which closes it', async () => {
    const asked = await as(server.url, 'thomas').post('/api/conversations/requests', {
      type: 'vitaliteit',
      note: 'Graag een gesprek over mijn energie.',
    });
    expect(asked.status).toBe(201);
    const requestId = asked.body.conversation.id as string;

    const beside = await plan({ employeeId: 'thomas' });
    expect(beside.status).toBe(409);
    expect(beside.body).toMatchObject({ code: 'already_open', details: { conversationId: requestId } });
    expect(beside.body.detail).toMatch(/aanvraag/);

    const planned = await plan({ employeeId: 'thomas', requestId });
    expect(planned.status).toBe(201);
    expect(planned.body.conversation).toMatchObject({ id: requestId, stage: 'planned' });
    const again = await plan({ employeeId: 'thomas', requestId });
    expect(again.status).toBe(409);
    const list = await as(server.url, 'thomas').get('/api/conversations');
    expect((list.body.items as { stage: string }[]).filter((c) => c.stage === 'requested')).toEqual([]);
  });

  it('does not let an employee ask twice while one is open', async () => {
    await buildConversation({
      type: 'vitaliteit',
      stage: 'preparing',
      server,
      employee: 'noor',
      manager: 'jeroen',
    });
    const asked = await as(server.url, 'noor').post('/api/conversations/requests', { type: 'vitaliteit' });
    expect(asked.status).toBe(409);
    expect(asked.body).toMatchObject({ code: 'already_open' });
  });
});
