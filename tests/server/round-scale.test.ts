/**
 * A round for 5,000 employees (a generated organisation, as the bench writes it) starts in one request and fans
 * out in jobs, one card per manager; a job that runs again, or is sent again, never doubles a card.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeBenchOrganisation } from '../../bench/organisation.js';
import { LocalDirectory, readDemoOrganisation } from '../../src/adapters/local/directory.js';
import { handleRoundFanOut } from '../../src/app/jobs/round-fanout.js';
import { LocalMessenger } from '../../src/bot/local-messenger.js';
import { amsterdamDay } from '../../src/domain/index.js';
import { as, eventually, startTestServer } from '../support/server.js';

const day = (days: number) => amsterdamDay(new Date(Date.now() + days * 86_400_000));

describe('a round for 5,000', () => {
  const organisation = writeBenchOrganisation(5000, 25);
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    server = await startTestServer({
      env: { DEMO_SEED: 'off' },
      bot: false,
      overrides: {
        directory: new LocalDirectory(readDemoOrganisation(organisation.path)),
        organisationName: 'Gemeente Benchstad',
      },
    });
  }, 60_000);
  afterAll(async () => server?.stop());

  it('starts in one request and sends each manager one card', async () => {
    const started = Date.now();
    const response = await as(server.url, 'director').post('/api/rounds', {
      type: 'goede-gesprek',
      audience: { kind: 'manager', managerId: 'director' },
      period: { from: day(0), until: day(30) },
    });
    const took = Date.now() - started;
    expect(response.status).toBe(201);
    // 5,000 employees and their 200 managers (who have the director as theirs).
    expect(response.body.round).toMatchObject({ memberCount: 5200, managerCount: 201 });
    expect(response.body.progress.counts.invited).toBe(5200);
    expect(took).toBeLessThan(20_000);
    const id = response.body.round.id as string;

    const messenger = server.ctx.messenger as LocalMessenger;
    const invites = () =>
      messenger.messages.filter(
        (m) => m.type === 'send' && m.idempotencyKey?.startsWith(`round:${id}:invite:`),
      );
    await eventually(async () => invites().length >= 201, 90_000, '201 round cards');
    const recipients = invites().map((m) => m.recipientId);
    expect(new Set(recipients).size).toBe(201);
    expect(recipients).toHaveLength(201);

    // A job that runs again (a retry after a crash) and the same job sent again are both harmless.
    await handleRoundFanOut(server.ctx, { roundId: id, managerId: 'm7', kind: 'invite' });
    await server.ctx.outbox.boss.send(
      'round-fanout',
      { roundId: id, managerId: 'm8', kind: 'invite' },
      { singletonKey: `round:${id}:invite:m8` },
    );
    await new Promise((r) => setTimeout(r, 2000));
    expect(invites()).toHaveLength(201);
    // Each manager's card names their own 25 reports' count, not the whole round.
    const m7 = invites().find((m) => m.recipientId === 'm7');
    expect(JSON.stringify(m7?.card)).toContain('"value":"25"');
  }, 150_000);
});
