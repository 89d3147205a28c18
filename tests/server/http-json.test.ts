/** How the API writes its answers: a view with its format made once, no ETags on answers nobody may keep. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { formatFor, formatRegistry } from '../../src/domain/index.js';
import { buildConversation } from '../fixtures/build-conversation.js';
import { as, startTestServer } from '../support/server.js';

describe('the API’s JSON answers', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let id: string;
  beforeAll(async () => {
    server = await startTestServer({ bot: false, workers: false });
    id = (await buildConversation({ server, type: 'vitaliteit', stage: 'preparing' })).id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('sends a view whole: its conversation, its format and the rest, read or after a command', async () => {
    const fatima = as(server.url, 'fatima');
    const read = await fatima.get(`/api/conversations/${id}`);
    expect(read.status).toBe(200);
    const { type, formatVersion } = read.body.conversation;
    expect(read.body.format).toEqual(formatFor(type, formatVersion));
    expect(read.body).toMatchObject({ party: 'employee', relation: 'employee', conversation: { id } });
    const saved = await fatima.post(`/api/conversations/${id}/commands`, {
      revision: read.body.conversation.revision,
      command: { type: 'save-preparation', answers: { 'kwaliteit.betekenis': 'Rust en ruimte.' } },
    });
    expect(saved.status).toBe(200);
    expect(saved.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(saved.body.format).toEqual(read.body.format);
    expect(saved.body.conversation.preparation['kwaliteit.betekenis']).toBe('Rust en ruimte.');
    expect(Object.keys(saved.body).sort()).toEqual(Object.keys(read.body).sort());
    expect((await fatima.get('/api/formats')).body).toEqual({ formats: formatRegistry });
  });

  it('sends no ETag with answers that are never to be kept', async () => {
    const reply = await as(server.url, 'fatima').get(`/api/conversations/${id}`);
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(reply.headers.get('etag')).toBeNull();
  });
});
