/** Notifications as the bot delivers them: a card per kind and recipient; notices past their moment. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalMessenger } from '../../src/bot/local-messenger.js';
import { deliverNotification, momentPassed } from '../../src/app/jobs/notify.js';
import { refreshApprovalCards } from '../../src/app/jobs/refresh-cards.js';
import { runCommand } from '../../src/app/index.js';
import { buildConversation } from '../fixtures/build-conversation.js';
import { decideButtons, testContext, type TestContext } from './support.js';

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(async () => {
  await t.close();
});

const text = (card: unknown) => JSON.stringify(card).replace(/\\\\(.)/g, '$1');

/** A conversation awaiting a decision on version 1, through the real command layer. */
async function approvalFor(employeeId: string, type: 'vitaliteit' | 'reflectie'): Promise<string> {
  const built = await buildConversation({
    type,
    stage: 'awaiting_approval',
    employee: employeeId,
    ctx: t.ctx,
    start: '2026-12-15T09:00:00Z',
  });
  return built.id;
}

describe('deliverNotification', () => {
  it('sends the invitation in the recipient language, once per key', async () => {
    const { id } = await buildConversation({
      type: 'reflectie',
      stage: 'planned',
      employee: 'thomas',
      ctx: t.ctx,
      start: '2026-12-16T09:00:00Z',
    });
    const job = { kind: 'invitation' as const, conversationId: id, recipientId: 'thomas', key: `inv-${id}` };
    await deliverNotification(t.ctx, job);
    await deliverNotification(t.ctx, job);
    const sent = t.messenger.sentTo('thomas');
    expect(sent).toHaveLength(1);
    expect(text(sent[0]!.card)).toContain('Invitation: Reflection conversation');
    expect(sent[0]!.summary).toBe('Invitation: Reflection conversation on 16 Dec 2026, 10:00');
  });

  it('records approval card copies and refreshes them to the current state per recipient', async () => {
    // A Reflectiegesprek: both react to the final format, so both get a card with buttons.
    const id = await approvalFor('fatima', 'reflectie');
    for (const recipientId of ['fatima', 'jeroen']) {
      await deliverNotification(t.ctx, {
        kind: 'approval',
        conversationId: id,
        recipientId,
        version: 1,
        key: `${id}:approval:${recipientId}:v1`,
      });
    }
    const copies = await t.ctx.store.cardCopies(id, 'approval');
    expect(copies.map((c) => c.recipientId).sort()).toEqual(['fatima', 'jeroen']);
    await runCommand(t.ctx, 'fatima', id, { type: 'decide', version: 1, decision: 'akkoord' });
    await refreshApprovalCards(t.ctx, { conversationId: id });
    const fatimaCopy = copies.find((c) => c.recipientId === 'fatima')!;
    const jeroenCopy = copies.find((c) => c.recipientId === 'jeroen')!;
    expect(decideButtons(t.messenger.currentCard(fatimaCopy.activityId))).toBe(0);
    expect(decideButtons(t.messenger.currentCard(jeroenCopy.activityId))).toBe(2);
    expect(text(t.messenger.currentCard(jeroenCopy.activityId))).toContain(
      'Medewerker: akkoord. Leidinggevende: nog geen reactie.',
    );
  });

  it('skips a reminder whose step is already done, and an approval card for a replaced version', async () => {
    // Daan's vitality report is offered: his preparation is long done, and only Jeroen reacts.
    const id = await approvalFor('daan', 'vitaliteit');
    const before = t.messenger.messages.length;
    await deliverNotification(t.ctx, {
      kind: 'reminder',
      conversationId: id,
      recipientId: 'daan',
      key: `${id}:reminder:prepare`,
    });
    expect(t.messenger.messages.length).toBe(before);
    await runCommand(t.ctx, 'jeroen', id, {
      type: 'decide',
      version: 1,
      decision: 'niet_akkoord',
      comment: 'Aanpassen',
    });
    await runCommand(t.ctx, 'daan', id, { type: 'submit-report' });
    await deliverNotification(t.ctx, {
      kind: 'approval',
      conversationId: id,
      recipientId: 'daan',
      version: 1,
      key: `${id}:approval:daan:v1`,
    });
    expect(t.messenger.messages.length).toBe(before);
    await deliverNotification(t.ctx, {
      kind: 'revision',
      conversationId: id,
      recipientId: 'daan',
      version: 1,
      key: `${id}:revision:v1`,
    });
    expect(text(t.messenger.sentTo('daan').at(-1)!.card)).toContain(
      'Jeroen Bakker heeft niet akkoord gegeven, met toelichting.',
    );
  });
});

describe('a notice whose moment has passed', () => {
  const at = (iso: string) => ({ ...t.ctx, now: () => new Date(iso) });

  it('drops "Voorbereiding gedeeld … lees die voor het gesprek" once the meeting was held, and sends it while there is still time', async () => {
    const { id } = await buildConversation({
      type: 'reflectie',
      stage: 'prepared',
      employee: 'fatima',
      ctx: t.ctx,
      start: '2026-12-17T09:00:00Z',
    });
    const job = {
      kind: 'prepared' as const,
      conversationId: id,
      recipientId: 'jeroen',
      key: `${id}:prepared`,
    };
    const before = t.messenger.sentTo('jeroen').length;
    // Eleven minutes after the start: too late to read it before the conversation.
    await deliverNotification(at('2026-12-17T09:11:00Z'), job);
    expect(t.messenger.sentTo('jeroen')).toHaveLength(before);
    await deliverNotification(at('2026-12-17T08:00:00Z'), job);
    expect(t.messenger.sentTo('jeroen')).toHaveLength(before + 1);
    expect(text(t.messenger.sentTo('jeroen').at(-1)!.card)).toContain('Lees die voor het gesprek');
  });

  it('drops a prepare reminder and an invitation after the start, but never an approval reminder', async () => {
    const { id } = await buildConversation({
      type: 'reflectie',
      stage: 'planned',
      employee: 'thomas',
      ctx: t.ctx,
      start: '2026-12-18T09:00:00Z',
    });
    const before = t.messenger.sentTo('thomas').length;
    const late = at('2026-12-18T09:30:00Z');
    await deliverNotification(late, {
      kind: 'reminder',
      conversationId: id,
      recipientId: 'thomas',
      key: `${id}:r`,
    });
    await deliverNotification(late, {
      kind: 'invitation',
      conversationId: id,
      recipientId: 'thomas',
      key: `${id}:i`,
    });
    expect(t.messenger.sentTo('thomas')).toHaveLength(before);
    const stored = (await t.ctx.store.getConversation(id))!.conversation;
    expect(momentPassed('reminder', stored, new Date('2026-12-18T08:59:00Z'))).toBe(false);
    const awaiting = { ...stored, stage: 'awaiting_approval' as const };
    expect(momentPassed('reminder', awaiting, new Date('2027-01-10T09:00:00Z'))).toBe(false);
    expect(momentPassed('approval', awaiting, new Date('2027-01-10T09:00:00Z'))).toBe(false);
  });

  it('drops a new date for a meeting that was cancelled, and a request that has been planned', async () => {
    const { id } = await buildConversation({
      type: 'reflectie',
      stage: 'planned',
      employee: 'thomas',
      ctx: t.ctx,
      start: '2026-12-19T09:00:00Z',
    });
    const stored = (await t.ctx.store.getConversation(id))!.conversation;
    const now = new Date('2026-12-02T09:00:00Z');
    expect(momentPassed('rescheduled', stored, now)).toBe(false);
    expect(momentPassed('rescheduled', { ...stored, stage: 'cancelled' }, now)).toBe(true);
    expect(momentPassed('request', stored, now)).toBe(true);
    expect(momentPassed('request', { ...stored, stage: 'requested' }, now)).toBe(false);
    expect(momentPassed('cancelled', { ...stored, stage: 'cancelled' }, new Date('2027-02-01'))).toBe(false);
  });
});

describe('LocalMessenger', () => {
  it('writes every message as a JSON line and still ignores a repeated key after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'messenger-'));
    const first = new LocalMessenger(dir);
    const sent = await first.send({
      recipientId: 'fatima',
      card: { type: 'AdaptiveCard' },
      summary: 's',
      idempotencyKey: 'k',
    });
    await first.update('fatima', sent.activityId, { type: 'AdaptiveCard', version: '1.5' });
    const lines = readFileSync(join(dir, 'outbox', 'messages.jsonl'), 'utf8')
      .trim()
      .split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { type: string }).type)).toEqual(['send', 'update']);
    const restarted = new LocalMessenger(dir);
    expect(
      await restarted.send({ recipientId: 'fatima', card: {}, summary: 's', idempotencyKey: 'k' }),
    ).toEqual(sent);
    expect(restarted.sentTo('fatima')).toHaveLength(1);
  });
});
