/** The Teams messenger against a fake connector: opening chats, installing, throttling, updates. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { ChatReference } from '../../src/store/store.js';
import { loadBot } from './support.js';

await loadBot();
const { App } = await import('@microsoft/teams.apps');
const { sdkConnector, TeamsMessenger } = await import('../../src/bot/teams-messenger.js');

type Json = Record<string, unknown>;
const calls: Array<{ method: string; url: string; body: Json }> = [];
let throttleNext = 0;
let refuseNext = 0;

const connector = setupServer(
  http.post('https://smba.test/teams/v3/conversations', async ({ request }) => {
    calls.push({ method: 'POST', url: request.url, body: (await request.json()) as Json });
    return HttpResponse.json({ id: 'a:new-chat' });
  }),
  http.post('https://smba.test/teams/v3/conversations/:id/activities', async ({ request }) => {
    calls.push({ method: 'POST', url: request.url, body: (await request.json()) as Json });
    if (refuseNext > 0) {
      refuseNext -= 1;
      return HttpResponse.json({ error: { code: 'Forbidden' } }, { status: 403 });
    }
    if (throttleNext > 0) {
      throttleNext -= 1;
      return new HttpResponse(null, { status: 429, headers: { 'Retry-After': '0' } });
    }
    return HttpResponse.json({ id: `activity-${calls.length}` });
  }),
  http.put('https://smba.test/teams/v3/conversations/:id/activities/:activityId', async ({ request }) => {
    calls.push({ method: 'PUT', url: request.url, body: (await request.json()) as Json });
    return HttpResponse.json({ id: 'updated' });
  }),
);

beforeAll(() => connector.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  calls.length = 0;
});
afterAll(() => connector.close());

/** The part of the store the messenger uses, in memory. */
function memoryStore() {
  const chats = new Map<string, ChatReference>();
  const sent = new Map<string, string>();
  return {
    chatReference: async (userId: string) => chats.get(userId),
    saveChatReference: async (ref: ChatReference) => void chats.set(ref.userId, ref),
    sentMessage: async (key: string) => sent.get(key),
    recordSentMessage: async (key: string, _recipient: string, activityId: string) =>
      void sent.set(key, activityId),
  };
}

function messenger(store = memoryStore(), installer?: { ensureInstalled(userId: string): Promise<unknown> }) {
  const app = new App({
    clientId: 'bot-app-id',
    token: () => 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJib3QifQ.c2ln',
    serviceUrl: 'https://smba.test/teams',
  });
  return new TeamsMessenger({
    connector: sdkConnector(app),
    store,
    serviceUrl: 'https://smba.test/teams',
    tenantId: 'tenant-1',
    retry: { baseMs: 1 },
    ...(installer ? { installer } : {}),
  });
}

const card = { type: 'AdaptiveCard', version: '1.5', body: [] };

describe('TeamsMessenger', () => {
  it('opens the 1:1 chat when only the user id is known, then posts the card once per key', async () => {
    const store = memoryStore();
    const m = messenger(store);
    const first = await m.send({
      recipientId: 'aad-fatima',
      card,
      summary: 'Uitnodiging',
      idempotencyKey: 'k1',
    });
    expect(calls.map((c) => `${c.method} ${new URL(c.url).pathname}`)).toEqual([
      'POST /teams/v3/conversations',
      'POST /teams/v3/conversations/a:new-chat/activities',
    ]);
    expect(calls[0]!.body).toMatchObject({
      isGroup: false,
      members: [{ id: 'aad-fatima' }],
      tenantId: 'tenant-1',
    });
    expect(calls[1]!.body).toMatchObject({
      type: 'message',
      summary: 'Uitnodiging',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    });
    expect(await store.chatReference('aad-fatima')).toMatchObject({
      conversationId: 'a:new-chat',
      serviceUrl: 'https://smba.test/teams',
    });
    const again = await m.send({
      recipientId: 'aad-fatima',
      card,
      summary: 'Uitnodiging',
      idempotencyKey: 'k1',
    });
    expect(again).toEqual(first);
    expect(calls).toHaveLength(2);
  });

  it('installs the app for someone who never had it before opening the chat, and only then', async () => {
    const store = memoryStore();
    const installed: string[] = [];
    const m = messenger(store, { ensureInstalled: async (userId: string) => void installed.push(userId) });
    await m.send({ recipientId: 'aad-daan', card, summary: 'x', idempotencyKey: 'k-install-1' });
    await m.send({ recipientId: 'aad-daan', card, summary: 'y', idempotencyKey: 'k-install-2' });
    expect(installed).toEqual(['aad-daan']);
  });

  it('keeps a chat it opened only after a post to it succeeded, so a retry opens it afresh', async () => {
    const store = memoryStore();
    const m = messenger(store);
    refuseNext = 1;
    await expect(
      m.send({ recipientId: 'aad-sanne', card, summary: 'x', idempotencyKey: 'k-refused' }),
    ).rejects.toThrow();
    expect(await store.chatReference('aad-sanne')).toBeUndefined();
    await m.send({ recipientId: 'aad-sanne', card, summary: 'x', idempotencyKey: 'k-refused' });
    expect(calls.map((c) => `${c.method} ${new URL(c.url).pathname}`)).toEqual([
      'POST /teams/v3/conversations',
      'POST /teams/v3/conversations/a:new-chat/activities',
      'POST /teams/v3/conversations',
      'POST /teams/v3/conversations/a:new-chat/activities',
    ]);
    expect(await store.chatReference('aad-sanne')).toMatchObject({ conversationId: 'a:new-chat' });
  });

  it('retries a throttled send and posts exactly one message', async () => {
    throttleNext = 2;
    const result = await messenger().send({
      recipientId: 'aad-jeroen',
      card,
      summary: 'x',
      idempotencyKey: 'k2',
    });
    const posts = calls.filter((c) => c.url.endsWith('/activities'));
    expect(posts).toHaveLength(3);
    expect(result.activityId).toMatch(/^activity-/);
  });

  it('updates an earlier card in the recipient chat', async () => {
    const store = memoryStore();
    await store.saveChatReference({
      userId: 'aad-fatima',
      conversationId: 'a:chat-fatima',
      serviceUrl: 'https://smba.test/teams',
    });
    await messenger(store).update('aad-fatima', 'act-9', card);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'PUT' });
    expect(new URL(calls[0]!.url).pathname).toBe('/teams/v3/conversations/a:chat-fatima/activities/act-9');
  });
});
