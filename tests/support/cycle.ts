import { expect } from '@jest/globals';
import { as, eventually } from './server.js';
import { vitalityPreparation, vitalityReport } from './factories.js';

/** Takes a Vitaliteitsgesprek from planning to the personnel file through the API; returns its id. */
export async function archivedVitalityConversation(
  url: string,
  employeeId: string,
  managerId: string,
): Promise<string> {
  const manager = as(url, managerId);
  const employee = as(url, employeeId);
  const start = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const end = new Date(Date.now() + 7 * 86_400_000 + 3_600_000).toISOString();
  const planned = await manager.post('/api/conversations', { employeeId, type: 'vitaliteit', start, end });
  expect(planned.status).toBe(201);
  const id = planned.body.conversation.id as string;
  const steps: [ReturnType<typeof as>, object][] = [
    [employee, { type: 'save-preparation', answers: vitalityPreparation }],
    [manager, { type: 'save-completion', answers: { 'werkgeverschap.steun': 'Thuiswerkdag kan.' } }],
    [manager, { type: 'complete-meeting' }],
    [employee, { type: 'save-report', answers: vitalityReport }],
    [employee, { type: 'submit-report' }],
    [employee, { type: 'decide', version: 1, decision: 'akkoord' }],
    [manager, { type: 'decide', version: 1, decision: 'akkoord' }],
  ];
  for (const [who, command] of steps) {
    const response = await who.post(`/api/conversations/${id}/commands`, { command });
    expect(response.status).toBe(200);
  }
  await eventually(
    async () => (await employee.get(`/api/conversations/${id}`)).body.conversation.stage === 'archived',
    30_000,
    'archiving',
  );
  return id;
}
