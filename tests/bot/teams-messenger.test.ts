/** The Teams messenger against a fake connector: opening chats, installing, throttling, updates. */
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { ChatReference } from '../../src/store/store.js';
import { loadBot } from './support.js';

await loadBot();
const { App } = await import('@microsoft/teams.apps');
const { cardDigest, sdkConnector, TeamsMessenger } = await import('../../src/bot/teams-messenger.js');

type Json = Record<string, unknown>;
const calls: Array<{ method: string; url: string; body: Json }> = [];
let throttleNext = 0;
let refuseNext = 0;
/** Posts Teams takes but whose answer is a gateway error, as when the connection breaks after the post landed. */
let acceptButFailNext = 0;
/** What Teams took, by chat, as Graph would list it afterwards. */
const posted: Array<{ id: string; chatId: string; createdAt: string; cards: unknown[] }> = [];

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
    const id = `activity-${calls.length}`;
    const body = calls[calls.length - 1]!.body as { attachments: Array<{ content: unknown }> };
    posted.push({
      id,
      chatId: decodeURIComponent(new URL(request.url).pathname.split('/')[4]!),
      createdAt: new Date().toISOString(),
      cards: body.attachments.map((a) => a.content),
    });
    if (acceptButFailNext > 0) {
      acceptButFailNext -= 1;
      return HttpResponse.json({ error: { code: 'BadGateway' } }, { status: 502 });
    }
    return HttpResponse.json({ id });
  }),
  http.put('https://smba.test/teams/v3/conversations/:id/activities/:activityId', async ({ request }) => {
    calls.push({ method: 'PUT', url: request.url, body: (await request.json()) as Json });
    return HttpResponse.json({ id: 'updated' });
  }),
);

beforeAll(() => connector.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  calls.length = 0;
  posted.length = 0;
});
afterAll(() => connector.close());

/** The part of the store the messenger uses, in memory, as the SQL store keeps it. */
function memoryStore() {
  const chats = new Map<string, ChatReference>();
  const messages = new Map<
    string,
    { recipientId: string; activityId: string; at: string; attempt?: { at: string; digests: string[] } }
  >();
  /** Fails the next `recordSentMessage`, as a process killed right after Teams answered. */
  let dieBeforeRecording = 0;
  return {
    chatReference: async (userId: string) => chats.get(userId),
    saveChatReference: async (ref: ChatReference) => void chats.set(ref.userId, ref),
    messageState: async (key: string) => {
      const m = messages.get(key);
      if (m?.activityId) return { activityId: m.activityId };
      return m?.attempt ? { attempt: m.attempt } : undefined;
    },
    recordSendAttempt: async (key: string, recipientId: string, digest: string) => {
      const m = messages.get(key) ?? { recipientId, activityId: '', at: new Date().toISOString() };
      if (m.activityId) return;
      m.attempt ??= { at: new Date().toISOString(), digests: [] };
      if (!m.attempt.digests.includes(digest)) m.attempt.digests.push(digest);
      messages.set(key, m);
    },
    sentActivities: async (recipientId: string, since: string) =>
      new Set(
        [...messages.values()]
          .filter((m) => m.recipientId === recipientId && m.activityId && m.at >= since)
          .map((m) => m.activityId),
      ),
    recordSentMessage: async (key: string, recipientId: string, activityId: string) => {
      if (dieBeforeRecording > 0) {
        dieBeforeRecording -= 1;
        throw new Error('killed');
      }
      const m = messages.get(key) ?? { recipientId, activityId: '', at: new Date().toISOString() };
      if (!m.activityId) messages.set(key, { ...m, activityId });
    },
    dieBeforeRecordingNext: () => void (dieBeforeRecording += 1),
  };
}

/** The person's chat read back, as Graph lists the bot's messages: newest first. */
function chatHistory(store: ReturnType<typeof memoryStore>) {
  const reads: string[] = [];
  return {
    reads,
    async postedSince(userId: string, since: string) {
      reads.push(userId);
      const chat = (await store.chatReference(userId))?.conversationId;
      return posted
        .filter((p) => p.chatId === chat && p.createdAt >= since)
        .map(({ id, createdAt, cards }) => ({ id, createdAt, cards }))
        .reverse();
    },
  };
}

function messenger(
  store = memoryStore(),
  installer?: { ensureInstalled(userId: string): Promise<unknown> },
  history?: Pick<ReturnType<typeof chatHistory>, 'postedSince'>,
) {
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
    ...(history ? { history } : {}),
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

describe('TeamsMessenger after an answer that never came back', () => {
  const chat = {
    userId: 'aad-fatima',
    conversationId: 'a:chat-fatima',
    serviceUrl: 'https://smba.test/teams',
  };
  const message = { recipientId: 'aad-fatima', card, summary: 'Uitnodiging', idempotencyKey: 'k-crash' };
  const postsToChat = () => calls.filter((c) => c.url.endsWith('/a:chat-fatima/activities'));

  it('reads the chat back after a crash and does not post a message Teams already took', async () => {
    const store = memoryStore();
    await store.saveChatReference(chat);
    const history = chatHistory(store);
    // Teams takes the post; the process dies before its answer is recorded.
    store.dieBeforeRecordingNext();
    await expect(messenger(store, undefined, history).send(message)).rejects.toThrow('killed');
    expect(postsToChat()).toHaveLength(1);
    // The job runs again, in another process: the chat shows the message, so it is recorded, not re-sent.
    const again = await messenger(store, undefined, history).send(message);
    expect(postsToChat()).toHaveLength(1);
    expect(again.activityId).toBe(posted[0]!.id);
    expect(await store.messageState('k-crash')).toEqual({ activityId: posted[0]!.id });
    expect(history.reads).toEqual(['aad-fatima']);
  });

  it('posts when the chat does not show it: the process died before Teams took it', async () => {
    const store = memoryStore();
    await store.saveChatReference(chat);
    const history = chatHistory(store);
    await store.recordSendAttempt('k-crash', 'aad-fatima', cardDigest(card));
    const sent = await messenger(store, undefined, history).send(message);
    expect(postsToChat()).toHaveLength(1);
    expect(sent.activityId).toBe(posted[0]!.id);
  });

  it('does not take a message recorded for another key with the same card for its own', async () => {
    const store = memoryStore();
    await store.saveChatReference(chat);
    const history = chatHistory(store);
    const first = await messenger(store, undefined, history).send({ ...message, idempotencyKey: 'k-first' });
    await store.recordSendAttempt('k-crash', 'aad-fatima', cardDigest(card));
    const second = await messenger(store, undefined, history).send(message);
    expect(postsToChat()).toHaveLength(2);
    expect(second.activityId).not.toBe(first.activityId);
  });

  it('reads back before retrying a gateway error, which may hide a post Teams took', async () => {
    const store = memoryStore();
    await store.saveChatReference(chat);
    const history = chatHistory(store);
    acceptButFailNext = 1;
    const sent = await messenger(store, undefined, history).send(message);
    expect(postsToChat()).toHaveLength(1);
    expect(sent.activityId).toBe(posted[0]!.id);
    // Without the read-back the same gateway error costs a second message.
    acceptButFailNext = 1;
    await messenger(memoryStore()).send({ ...message, idempotencyKey: 'k-blind' });
    expect(calls.filter((c) => c.url.endsWith('/activities')).length).toBeGreaterThanOrEqual(3);
  });

  it('posts again, never loses the message, when the chat cannot be read back', async () => {
    const store = memoryStore();
    await store.saveChatReference(chat);
    await store.recordSendAttempt('k-crash', 'aad-fatima', cardDigest(card));
    const unreadable = {
      postedSince: async () => {
        throw new Error('Graph: 403 Forbidden');
      },
    };
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const sent = await messenger(store, undefined, unreadable).send(message);
      expect(sent.activityId).toBe(posted[0]!.id);
      expect(postsToChat()).toHaveLength(1);
      expect(error).toHaveBeenCalledWith('chat read-back failed; posting again', expect.any(Error));
    } finally {
      error.mockRestore();
    }
  });

  it('fingerprints a card by its content, not the order of its keys', () => {
    expect(cardDigest({ a: 1, b: [{ c: 2, d: 3 }] })).toBe(cardDigest({ b: [{ d: 3, c: 2 }], a: 1 }));
    expect(cardDigest({ a: 1 })).not.toBe(cardDigest({ a: 2 }));
  });
});
