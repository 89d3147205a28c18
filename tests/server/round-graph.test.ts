/**
 * Rounds through the real server on the Graph directory (the fake Graph, 2,500 people, no cache): HR's page of
 * rounds, starting a round for everyone and its detail each ask Graph a handful of questions, not one per person,
 * and the page offers exactly the people who manage anyone.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { amsterdamDay } from '../../src/domain/index.js';
import { GraphDirectory } from '../../src/graph/directory.js';
import { testClient } from '../graph/harness.js';
import { FakeGraph } from '../support/fake-graph.js';
import { as, startTestServer } from '../support/server.js';

const day = (days: number) => amsterdamDay(new Date(Date.now() + days * 86_400_000));
const people = 2_500;
/** Graph's pages of 100 for the whole organisation once the manager is expanded. */
const pages = Math.ceil(people / 100);

describe('rounds on the Graph directory', () => {
  const fake = new FakeGraph();
  let server: Awaited<ReturnType<typeof startTestServer>>;

  /** The Graph requests one API call makes. */
  async function graphRequests<T>(call: () => Promise<T>): Promise<{ result: T; requests: string[] }> {
    fake.log.length = 0;
    const result = await call();
    return { result, requests: fake.log.map((r) => `${r.method} ${r.path}`) };
  }

  beforeAll(async () => {
    fake.server.listen({ onUnhandledFrame: 'bypass' });
    fake.pageSize = 999;
    fake.addUser({ id: 'directeur', displayName: 'Directeur', department: 'Staf' });
    fake.addUser({ id: 'hr', displayName: 'Personeelszaken', managerId: 'directeur', department: 'HR' });
    fake.addGroup('hr-group', ['hr']);
    const departments = ['Dienstverlening', 'Financiën', 'Zorg'];
    for (let m = 0; m < 25; m++) {
      fake.addUser({ id: `m${m}`, displayName: `Manager ${m}`, managerId: 'directeur', department: 'Staf' });
    }
    for (let i = 0; fake.users.size < people; i++) {
      fake.addUser({
        id: `e${i}`,
        displayName: `Medewerker ${i}`,
        managerId: `m${i % 25}`,
        department: departments[i % 3],
      });
    }
    server = await startTestServer({
      env: { DEMO_SEED: 'off' },
      bot: false,
      workers: false,
      overrides: {
        directory: new GraphDirectory({ client: testClient(), hrGroupId: 'hr-group', cacheTtlMs: 0 }),
        organisationName: 'Gemeente Graafstad',
      },
    });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    fake.close();
  });

  it("HR's page of rounds finds the managers in the listing, without asking anyone for their reports", async () => {
    const { result, requests } = await graphRequests(() => as(server.url, 'hr').get('/api/rounds'));
    expect(result.status).toBe(200);
    const { choices, mayStart } = result.body as {
      mayStart: boolean;
      choices: { departments: string[]; managers: Array<{ id: string }> };
    };
    expect(mayStart).toBe(true);
    expect(choices.departments).toEqual(['Dienstverlening', 'Financiën', 'HR', 'Staf', 'Zorg']);
    // Everyone with someone reporting to them: the director and the 25 managers.
    expect(choices.managers.map((m) => m.id).sort()).toEqual(
      ['directeur', ...Array.from({ length: 25 }, (_, m) => `m${m}`)].sort(),
    );
    // Only HR's own reports are asked for (whether HR directs anyone), not those of 2,500 people.
    expect(requests.filter((r) => r.endsWith('/directReports'))).toEqual(['GET /users/hr/directReports']);
    expect(requests.filter((r) => r === 'GET /users')).toHaveLength(pages);
    // Signing in, HR membership, HR's own reports, the listing.
    expect(requests.length).toBeLessThanOrEqual(pages + 3);
  }, 60_000);

  it('a round for everyone starts and shows its detail with a handful of Graph requests', async () => {
    const started = await graphRequests(() =>
      as(server.url, 'hr').post('/api/rounds', {
        type: 'goede-gesprek',
        audience: { kind: 'everyone' },
        period: { from: day(0), until: day(30) },
      }),
    );
    expect(started.result.status).toBe(201);
    // Everyone but the director (nobody to plan with) and HR, who started it.
    expect(started.result.body.round).toMatchObject({ memberCount: people - 2, managerCount: 26 });
    expect(started.requests.filter((r) => r.endsWith('/manager'))).toEqual([]);
    expect(started.requests.length).toBeLessThanOrEqual(pages + 6);

    const id = started.result.body.round.id as string;
    const detail = await graphRequests(() => as(server.url, 'hr').get(`/api/rounds/${id}`));
    expect(detail.result.status).toBe(200);
    expect(detail.result.body.progress.counts.invited).toBe(people - 2);
    // Signing in, HR membership and the starter's name: the progress comes from the round's stored members.
    expect(detail.requests.length).toBeLessThanOrEqual(3);

    const page = await graphRequests(() => as(server.url, 'hr').get('/api/rounds'));
    expect(page.result.body.rounds.map((r: { id: string }) => r.id)).toEqual([id]);
    expect(page.requests.length).toBeLessThanOrEqual(pages + 4);
  }, 60_000);
});
