import { expect } from '@jest/globals';
import { as, eventually } from './server.js';
import { vitalityPreparation, vitalityReport } from './factories.js';

type Client = ReturnType<typeof as>;

/** A manager plans a Vitaliteitsgesprek `daysAhead` days from now; returns its id. */
export async function planVitality(
  url: string,
  employeeId: string,
  managerId: string,
  daysAhead = 7,
): Promise<string> {
  const start = new Date(Date.now() + daysAhead * 86_400_000);
  const planned = await as(url, managerId).post('/api/conversations', {
    employeeId,
    type: 'vitaliteit',
    start: start.toISOString(),
    end: new Date(start.getTime() + 3_600_000).toISOString(),
  });
  expect(planned.status).toBe(201);
  return planned.body.conversation.id as string;
}

/** Sends one command as a person and expects it to be accepted. */
export async function step(
  who: Client,
  id: string,
  command: object,
): Promise<Awaited<ReturnType<Client['post']>>['body']> {
  const response = await who.post(`/api/conversations/${id}/commands`, { command });
  expect(response.status).toBe(200);
  return response.body;
}

/** Prepares, holds the meeting and submits the report of a planned Vitaliteitsgesprek. */
export async function toAwaitingApproval(
  url: string,
  id: string,
  employeeId: string,
  managerId: string,
): Promise<void> {
  const manager = as(url, managerId);
  const employee = as(url, employeeId);
  await step(employee, id, { type: 'save-preparation', answers: vitalityPreparation });
  await step(manager, id, {
    type: 'save-completion',
    answers: { 'werkgeverschap.steun': 'Thuiswerkdag kan.' },
  });
  await step(manager, id, { type: 'complete-meeting' });
  await step(employee, id, { type: 'save-report', answers: vitalityReport });
  await step(employee, id, { type: 'submit-report' });
}

/** Takes a Vitaliteitsgesprek from planning to the personnel file through the API; returns its id. */
export async function archivedVitalityConversation(
  url: string,
  employeeId: string,
  managerId: string,
): Promise<string> {
  const id = await planVitality(url, employeeId, managerId);
  await toAwaitingApproval(url, id, employeeId, managerId);
  await step(as(url, employeeId), id, { type: 'decide', version: 1, decision: 'akkoord' });
  await step(as(url, managerId), id, { type: 'decide', version: 1, decision: 'akkoord' });
  await eventually(
    async () =>
      (await as(url, employeeId).get(`/api/conversations/${id}`)).body.conversation.stage === 'archived',
    30_000,
    'archiving',
  );
  return id;
}
