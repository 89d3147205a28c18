/** The demo year: seeded through the real commands, it shows a team in many stages, the team picture and a filled archive. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedDemoIfEmpty } from '../../src/server/demo-seed.js';
import { as, eventually, startTestServer } from '../support/server.js';

describe('the demo year', () => {
  let app: Awaited<ReturnType<typeof startTestServer>>;
  let seeded: boolean;

  beforeAll(async () => {
    app = await startTestServer();
    seeded = await seedDemoIfEmpty(app.ctx, true);
  }, 120_000);
  afterAll(async () => app?.stop());

  it('fills an empty database once, and never a second time', async () => {
    expect(seeded).toBe(true);
    expect(await seedDemoIfEmpty(app.ctx, true)).toBe(false);
  });

  it('shows the default team lead a team in at least five stages, with something overdue', async () => {
    const team = await as(app.url, 'jeroen').get('/api/team');
    expect(team.status).toBe(200);
    const members = team.body.members as { conversations: { stage: string }[]; overdue: boolean }[];
    const stages = new Set(members.flatMap((m) => m.conversations.map((c) => c.stage)));
    expect(stages.size).toBeGreaterThanOrEqual(5);
    for (const stage of ['requested', 'planned', 'preparing', 'prepared', 'awaiting_approval']) {
      expect(stages).toContain(stage);
    }
    expect(members.some((m) => m.overdue)).toBe(true);
  });

  it('shows the anonymous team picture, from shared preparations only', async () => {
    const picture = await as(app.url, 'jeroen').get('/api/team/vitality');
    expect(picture.body).toMatchObject({ shown: true });
    expect(picture.body.contributors).toBeGreaterThanOrEqual(10);
  });

  it('opens the next conversation with the previous one, across types', async () => {
    const daan = await as(app.url, 'daan').get('/api/conversations');
    const followUp = (daan.body.items as { id: string; stage: string; type: string }[]).find(
      (c) => c.type === 'vitaliteit' && c.stage === 'planned',
    );
    const view = await as(app.url, 'daan').get(`/api/conversations/${followUp?.id}`);
    expect(view.body.previous.agreements.map((a: { text: string }) => a.text)).toContain(
      'Vaste thuiswerkdag op woensdag',
    );
    expect(view.body.previous.pop.items).toHaveLength(2);
    expect(view.body.previous.evaluation.overall).toMatch(/meer energie/);

    const fatima = await as(app.url, 'fatima').get('/api/conversations');
    const reflection = (fatima.body.items as { id: string; type: string }[]).find(
      (c) => c.type === 'reflectie',
    );
    const reflectionView = await as(app.url, 'fatima').get(`/api/conversations/${reflection?.id}`);
    expect(reflectionView.body.previous.type).toBe('goede-gesprek');
    expect(JSON.stringify(reflectionView.body.previous.goals)).toContain('Cursus klantgericht schrijven');
  });

  it('gives HR a personnel file with documents, and never a vitality one', async () => {
    await eventually(
      async () => {
        const archive = await as(app.url, 'ingrid').get('/api/archive');
        const items = archive.body.items as { type: string; url?: string }[];
        return items.filter((i) => i.type !== 'vitaliteit' && i.url).length >= 2;
      },
      60_000,
      'the seeded documents to be filed',
    );
    const archive = await as(app.url, 'ingrid').get('/api/archive');
    for (const item of archive.body.items as { type: string; url?: string }[]) {
      if (item.type === 'vitaliteit') expect(item.url).toBeUndefined();
    }
  }, 90_000);

  it('says who chose what on the filed voor-gezien reflection', async () => {
    const ruben = await as(app.url, 'ruben').get('/api/conversations');
    const id = (ruben.body.items as { id: string }[])[0]?.id;
    const view = await as(app.url, 'ruben').get(`/api/conversations/${id}`);
    expect(view.body.signatures.at(-1).outcome).toBe('acknowledged');
  });
});
