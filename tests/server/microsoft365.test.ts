/** The app with Microsoft Graph behind every port, against the fake Graph. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { archiveColumns } from '../../src/graph/sharepoint-archive.js';
import { graphAdapters, graphConfigFromEnv } from '../../src/server/microsoft365.js';
import { FakeGraph } from '../support/fake-graph.js';
import { graphEnv, testClient } from '../graph/harness.js';
import { as, eventually, startTestServer } from '../support/server.js';
import type { ConversationView } from '../../src/app/index.js';
import { buildConversation, reachStage, step } from '../support/cycle.js';

const env = graphEnv;

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
    fake.addDrive('confidential', [...archiveColumns]);
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

  it("reads the bot's messages back from a person's chat when the Teams app is configured", async () => {
    expect(graphAdapters(graphConfigFromEnv(env), testClient()).chatHistory).toBeUndefined();
    const adapters = graphAdapters(
      graphConfigFromEnv({ ...env, TEAMS_APP_ID: 'catalog-app-1' }),
      testClient(),
    );
    await adapters.appInstaller?.ensureInstalled('fatima');
    const since = new Date(Date.now() - 60_000).toISOString();
    const id = fake.addBotMessage('19:fatima_catalog-app-1@unq.gbl.spaces', 'bot', [
      { type: 'AdaptiveCard' },
    ]);
    expect(await adapters.chatHistory?.postedSince('fatima', since)).toEqual([
      { id, createdAt: expect.any(String), cards: [{ type: 'AdaptiveCard' }] },
    ]);
  });

  it('creates the Teams meeting and gives only the co-signer of a vitality report a To Do task', async () => {
    const fatima = as(server.url, 'fatima');
    const { id } = await buildConversation({ type: 'vitaliteit', stage: 'planned', server, start: 10 });
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

    // Fatima wrote and signed the report by offering it: only Jeroen reacts, so only he gets a task ("Taken").
    const before = (fake.todo.get('fatima') ?? []).reduce((n, l) => n + l.tasks.size, 0);
    const offered = await buildConversation({ type: 'vitaliteit', stage: 'awaiting_approval', server });
    await eventually(
      async () => fake.todo.get('jeroen')?.some((l) => l.tasks.size > 0) || undefined,
      20_000,
      "the co-signer's task",
    );
    expect((fake.todo.get('fatima') ?? []).reduce((n, l) => n + l.tasks.size, 0)).toBe(before);
    expect(offered.view.choices).toEqual([]);
  });

  it('files a Reflectiegesprek once in the personnel library, completes both tasks, and lets HR read it', async () => {
    const fatima = as(server.url, 'fatima');
    const built = await buildConversation({ type: 'reflectie', stage: 'awaiting_approval', server });
    const id = built.id;
    const tasksOf = () =>
      [...(fake.todo.get('fatima') ?? []), ...(fake.todo.get('jeroen') ?? [])]
        .flatMap((l) => [...l.tasks.values()])
        .filter((task) => JSON.stringify(task).includes(id));
    // Both react to the final format, so both get a task; each is completed once they reacted.
    await eventually(async () => tasksOf().length === 2, 20_000, 'two tasks');
    await step(fatima, id, { type: 'decide', version: 1, decision: 'akkoord' });
    await step(as(server.url, 'jeroen'), id, { type: 'decide', version: 1, decision: 'akkoord' });
    await eventually(
      async () => tasksOf().every((task) => task.status === 'completed'),
      20_000,
      'completed tasks',
    );
    const archived = (await reachStage(server.url, 'fatima', id, 'archived')) as ConversationView;
    // Exactly one PDF, with its machine-readable JSON beside it.
    const files = fake.filesOfConversation(id).filter((f) => f.mimeType === 'application/pdf');
    expect(files).toHaveLength(1);
    expect(fake.filesOfConversation(id).filter((f) => f.mimeType === 'application/json')).toHaveLength(1);
    expect(files[0]?.fields).toMatchObject({
      EmployeeId: 'fatima',
      ConversationType: 'reflectie',
      Status: 'Definitief',
      ContentHash: archived.conversation.archive?.hash,
    });
    expect(files[0]?.retentionLabel).toBe('Personeelsdossier 7 jaar');
    // The filed PDF reads back through Graph for the employee and, in the personnel file, for HR.
    expect((await fatima.raw('GET', `/api/conversations/${id}/document`)).status).toBe(200);
    expect((await as(server.url, 'ingrid').raw('GET', `/api/conversations/${id}/document`)).status).toBe(200);
  });

  it('never files a signed Vitaliteitsgesprek in the personnel library, and HR cannot open it', async () => {
    const { id, view } = await buildConversation({ type: 'vitaliteit', stage: 'archived', server });
    expect(view.filing).toBe('confidential');
    expect((await as(server.url, 'fatima').raw('GET', `/api/conversations/${id}/document`)).status).toBe(200);
    expect((await as(server.url, 'ingrid').raw('GET', `/api/conversations/${id}/document`)).status).toBe(404);
  });
});
