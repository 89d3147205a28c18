import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { archiveColumns } from '../../src/graph/sharepoint-archive.js';
import { graphAdapters, graphConfigFromEnv } from '../../src/server/microsoft365.js';
import { FakeGraph } from '../support/fake-graph.js';
import { testClient } from '../graph/harness.js';
import { as, eventually, startTestServer } from '../support/server.js';
import { planVitality, step, toAwaitingApproval } from '../support/cycle.js';

const env = {
  ENTRA_TENANT_ID: 'contoso',
  GRAPH_CLIENT_ID: 'app',
  GRAPH_CLIENT_SECRET: 'secret',
  SHAREPOINT_SITE_ID: 'site',
  SHAREPOINT_DRIVE_ID: 'personnel',
  HR_GROUP_ID: 'hr-group',
  RETENTION_LABEL: 'Personeelsdossier 7 jaar',
};

describe('Microsoft Graph behind every port', () => {
  let fake: FakeGraph;
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    fake = new FakeGraph();
    // Loopback calls to our own server pass through; Graph and SharePoint are answered by the fake.
    fake.server.listen({ onUnhandledFrame: 'bypass' });
    fake.addUser({ id: 'marieke', displayName: 'Marieke de Vries', jobTitle: 'Directeur' });
    fake.addUser({
      id: 'jeroen',
      displayName: 'Jeroen Bakker',
      jobTitle: 'Teamleider',
      managerId: 'marieke',
    });
    fake.addUser({
      id: 'fatima',
      displayName: 'Fatima El Amrani',
      jobTitle: 'Klantcontactmedewerker',
      managerId: 'jeroen',
      preferredLanguage: 'nl-NL',
    });
    fake.addUser({
      id: 'ingrid',
      displayName: 'Ingrid Peeters',
      jobTitle: 'HR-adviseur',
      managerId: 'marieke',
    });
    fake.addGroup('hr-group', ['ingrid']);
    fake.addDrive('personnel', [...archiveColumns]);
    const config = graphConfigFromEnv(env);
    server = await startTestServer({ overrides: graphAdapters(config, testClient()) });
  });
  afterAll(async () => {
    await server?.stop();
    fake?.close();
  });

  it('reads the configuration from the environment and refuses an incomplete one', () => {
    expect(graphConfigFromEnv(env)).toMatchObject({
      tenantId: 'contoso',
      clientId: 'app',
      driveId: 'personnel',
      archiveRootFolder: 'Personeelsdossiers',
    });
    expect(() => graphConfigFromEnv({ ...env, SHAREPOINT_DRIVE_ID: undefined })).toThrow(/driveId/);
    expect(() => graphConfigFromEnv({ ...env, GRAPH_CERTIFICATE_PATH: '/x.pem' })).toThrow(/exactly one/);
  });

  it('creates the Teams meeting, To Do tasks and exactly one document in the personnel library', async () => {
    const jeroen = as(server.url, 'jeroen');
    const fatima = as(server.url, 'fatima');
    const id = await planVitality(server.url, 'fatima', 'jeroen', 10);
    const view = await eventually(
      async () => {
        const v = await fatima.get(`/api/conversations/${id}`);
        return v.body.conversation.schedule.eventId ? v : undefined;
      },
      20_000,
      'the Teams meeting',
    );
    const event = fake.events.get(view.body.conversation.schedule.eventId);
    expect(event).toMatchObject({
      organizerId: 'jeroen',
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
    });
    expect(event?.body.content).toContain(`/gesprek/${id}/voorbereiden`);
    expect(view.body.conversation.schedule.meetingUrl).toBe(event?.onlineMeeting?.joinUrl);

    await toAwaitingApproval(server.url, id, 'fatima', 'jeroen');
    // Each approver gets a To Do task ("Taken") that links to the approval.
    await eventually(
      async () =>
        (fake.todo.get('fatima')?.some((l) => l.tasks.size > 0) &&
          fake.todo.get('jeroen')?.some((l) => l.tasks.size > 0)) ||
        undefined,
      20_000,
      'two tasks',
    );
    await step(fatima, id, { type: 'decide', version: 1, decision: 'akkoord' });
    await step(jeroen, id, { type: 'decide', version: 1, decision: 'akkoord' });

    const archived = await eventually(
      async () => {
        const v = await fatima.get(`/api/conversations/${id}`);
        return v.body.conversation.stage === 'archived' ? v : undefined;
      },
      30_000,
      'archiving to SharePoint',
    );
    // Exactly one PDF, with its machine-readable JSON beside it.
    const files = fake.filesOfConversation(id).filter((f) => f.mimeType === 'application/pdf');
    expect(files).toHaveLength(1);
    expect(fake.filesOfConversation(id).filter((f) => f.mimeType === 'application/json')).toHaveLength(1);
    expect(files[0]?.fields).toMatchObject({
      EmployeeId: 'fatima',
      ConversationType: 'vitaliteit',
      Status: 'Definitief',
      ContentHash: archived.body.conversation.archive.hash,
    });
    expect(files[0]?.retentionLabel).toBe('Personeelsdossier 7 jaar');
    // Tasks are completed once each person decided.
    await eventually(
      async () => {
        const all = [...(fake.todo.get('fatima') ?? []), ...(fake.todo.get('jeroen') ?? [])].flatMap((l) => [
          ...l.tasks.values(),
        ]);
        return all.length === 2 && all.every((t) => t.status === 'completed');
      },
      20_000,
      'completed tasks',
    );
    // The archived PDF reads back through Graph for the employee and for HR.
    const pdf = await fatima.raw('GET', `/api/conversations/${id}/document`);
    expect(pdf.status).toBe(200);
    expect((await as(server.url, 'ingrid').raw('GET', `/api/conversations/${id}/document`)).status).toBe(200);
  });
});
