/** The outbox workers: a message that could not be delivered after all retries reaches the manager. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Messenger } from '../../src/ports/index.js';
import { as, eventually, startTestServer } from '../support/server.js';
import { buildConversation } from '../support/cycle.js';

/** A chat service that is down. */
const unreachable: Messenger = {
  send: async () => {
    throw new Error('connect ECONNREFUSED smba.trafficmanager.net');
  },
  update: async () => {
    throw new Error('connect ECONNREFUSED smba.trafficmanager.net');
  },
};

describe('outbox workers', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer({ overrides: { messenger: unreachable } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('shows the manager a message that could not be delivered after all retries', async () => {
    const { id } = await buildConversation({
      type: 'vitaliteit',
      stage: 'planned',
      employee: 'thomas',
      server,
      start: 5,
      meeting: 'outlook',
    });
    // The same invitation job as the outbox writes, with no retries left, so the test need not wait for backoff.
    await server.ctx.outbox.boss.send(
      'notify',
      { kind: 'invitation', conversationId: id, recipientId: 'thomas', key: `${id}:test` },
      { retryLimit: 0 },
    );
    const entry = await eventually(
      async () => {
        const audit = await as(server.url, 'jeroen').get(`/api/conversations/${id}/audit`);
        return (audit.body.entries as { action: string; details: Record<string, unknown> }[]).find(
          (e) => e.action === 'delivery.failed',
        );
      },
      20_000,
      'the failed delivery in the audit trail',
    );
    expect(entry.details).toMatchObject({ queue: 'notify', kind: 'invitation', recipientId: 'thomas' });
    expect(String(entry.details.error)).toContain('ECONNREFUSED');
  });
});
