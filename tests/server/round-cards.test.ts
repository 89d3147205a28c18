/**
 * Cancelling a round updates the round cards each manager got — the invitation and a reminder alike — in place,
 * also when the cancellation lands while a card is still on its way; a manager who got none gets nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cancelRound } from '../../src/app/commands/round.js';
import type { AppContext } from '../../src/app/context.js';
import { handleRoundFanOut } from '../../src/app/jobs/round-fanout.js';
import type { LocalMessenger } from '../../src/bot/local-messenger.js';
import { amsterdamDay } from '../../src/domain/index.js';
import { as, startTestServer } from '../support/server.js';

const day = (days: number) => amsterdamDay(new Date(Date.now() + days * 86_400_000));
const period = { from: day(0), until: day(40) };

describe('round cards when a round is cancelled', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let messenger: LocalMessenger;
  const start = async (type: string): Promise<string> => {
    const started = await as(server.url, 'ingrid').post('/api/rounds', {
      type,
      audience: { kind: 'department', department: 'Financiën' },
      period,
    });
    expect(started.status).toBe(201);
    return started.body.round.id as string;
  };
  const sentFor = (roundId: string) =>
    messenger.messages.filter((m) => m.type === 'send' && m.idempotencyKey?.startsWith(`round:${roundId}:`));
  const updatesOf = (activityId: string) =>
    messenger.messages.filter((m) => m.type === 'update' && m.activityId === activityId);

  beforeAll(async () => {
    // No workers: each job runs when the test says so.
    server = await startTestServer({ env: { DEMO_SEED: 'off' }, workers: false, bot: false });
    messenger = server.ctx.messenger as LocalMessenger;
  }, 60_000);
  afterAll(async () => server?.stop());

  it('updates the invitation and the reminder Esther got, and leaves Marieke, who got none, alone', async () => {
    const roundId = await start('goede-gesprek');
    await handleRoundFanOut(server.ctx, { roundId, managerId: 'esther', kind: 'invite' });
    await handleRoundFanOut(server.ctx, {
      roundId,
      managerId: 'esther',
      kind: 'reminder',
      until: period.until,
    });
    const cards = sentFor(roundId);
    expect(cards.map((m) => m.recipientId)).toEqual(['esther', 'esther']);

    expect((await as(server.url, 'ingrid').post(`/api/rounds/${roundId}/cancel`)).status).toBe(200);
    for (const managerId of ['esther', 'marieke']) {
      await handleRoundFanOut(server.ctx, { roundId, managerId, kind: 'cancelled' });
    }
    for (const card of cards) {
      const updates = updatesOf(card.activityId);
      expect(updates).toHaveLength(1);
      expect(updates[0]?.recipientId).toBe('esther');
      expect(JSON.stringify(updates[0]?.card)).toContain('Gespreksronde geannuleerd');
    }
    expect(messenger.messages.filter((m) => m.recipientId === 'marieke' && m.type === 'update')).toEqual([]);
    // Nothing new was posted: the cancellation is the cards themselves.
    expect(sentFor(roundId)).toHaveLength(2);
    // An invitation that comes after the cancellation is not sent at all.
    await handleRoundFanOut(server.ctx, { roundId, managerId: 'marieke', kind: 'invite' });
    expect(sentFor(roundId)).toHaveLength(2);
  });

  it('brings a card up to date that was still on its way when the round was cancelled', async () => {
    const roundId = await start('vitaliteit');
    // The cancellation commits, and its job runs, while Teams is still taking Esther's invitation.
    const racing: AppContext = {
      ...server.ctx,
      messenger: {
        send: async (message) => {
          await cancelRound(server.ctx, 'ingrid', roundId);
          await handleRoundFanOut(server.ctx, { roundId, managerId: 'esther', kind: 'cancelled' });
          return messenger.send(message);
        },
        update: (recipientId, activityId, card) => messenger.update(recipientId, activityId, card),
      },
    };
    await handleRoundFanOut(racing, { roundId, managerId: 'esther', kind: 'invite' });
    const [invite] = sentFor(roundId);
    expect(invite?.recipientId).toBe('esther');
    const updates = updatesOf(invite?.activityId ?? '');
    expect(updates).toHaveLength(1);
    expect(JSON.stringify(updates[0]?.card)).toContain('Gespreksronde geannuleerd');
    expect(JSON.stringify(updates[0]?.card)).not.toContain('Gesprekken plannen');
  });
});
