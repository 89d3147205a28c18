/** Shared steps for the hardening suites: a Vitaliteitsgesprek driven through the API with chosen text. */
import { expect } from '@jest/globals';
import { as, eventually } from '../support/server.js';
import { vitalityPreparation, vitalityReport } from '../support/factories.js';

/** A JSON client for one demo user (see tests/support/server.ts). */
export type Client = ReturnType<typeof as>;

/** ISO time `days` from now at `hour` UTC. */
export const inDays = (days: number, hour = 9): string => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

/** Sends one command and expects 200; returns the view. */
export async function step(who: Client, id: string, command: object): Promise<Record<string, unknown>> {
  const response = await who.post(`/api/conversations/${id}/commands`, { command });
  if (response.status !== 200)
    throw new Error(
      `${JSON.stringify(command).slice(0, 80)} → ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`,
    );
  return response.body as Record<string, unknown>;
}

/** Text fields of a conversation a person can write, filled with `text`. */
export interface Texts {
  preparation: string;
  completion: string;
  report: string;
  agreement: string;
  comment: string;
}

/**
 * Plans a Vitaliteitsgesprek and takes it through preparation, meeting and report to approval, with `texts`
 * in every free-text field on the way; the employee says "voor gezien" with `texts.comment`. Returns its id.
 */
export async function approvedConversation(
  url: string,
  employeeId: string,
  managerId: string,
  texts: Texts,
): Promise<string> {
  const manager = as(url, managerId);
  const employee = as(url, employeeId);
  const planned = await manager.post('/api/conversations', {
    employeeId,
    type: 'vitaliteit',
    start: inDays(7),
    end: inDays(7, 10),
  });
  expect(planned.status).toBe(201);
  const id = planned.body.conversation.id as string;
  await step(employee, id, {
    type: 'save-preparation',
    answers: { ...vitalityPreparation, 'kwaliteit.betekenis': texts.preparation },
  });
  await step(employee, id, { type: 'submit-preparation' });
  await step(manager, id, { type: 'save-completion', answers: { 'werkgeverschap.steun': texts.completion } });
  await step(manager, id, { type: 'complete-meeting' });
  await step(employee, id, {
    type: 'save-report',
    answers: {
      ...vitalityReport,
      'verslag.samenvatting': texts.report,
      'verslag.afspraken': [{ id: 'a1', text: texts.agreement, owner: 'both' }],
    },
  });
  await step(employee, id, { type: 'submit-report' });
  await step(employee, id, { type: 'decide', version: 1, decision: 'voor_gezien', comment: texts.comment });
  await step(manager, id, { type: 'decide', version: 1, decision: 'akkoord' });
  return id;
}

/** Waits until the conversation is in the personnel file. */
export async function archived(url: string, employeeId: string, id: string): Promise<void> {
  await eventually(
    async () =>
      (await as(url, employeeId).get(`/api/conversations/${id}`)).body.conversation?.stage === 'archived',
    60_000,
    'archiving',
  );
}
