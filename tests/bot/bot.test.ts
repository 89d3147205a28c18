/** The bot over real Bot Framework activities: messages, card actions, local mode and installation. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { commentInputId } from '../../src/cards/approval-card.js';
import { loadConfig } from '../../src/server/config.js';
import { buildConversation, defaultTexts, type Round } from '../fixtures/build-conversation.js';
import {
  activity,
  decideButtons,
  listen,
  loadBot,
  newExpress,
  testContext,
  type TestContext,
} from './support.js';

const { createBot } = await loadBot();

type Json = Record<string, unknown>;

const outbound: Array<{ url: string; body: Json }> = [];
let jwks: { keys: Record<string, unknown>[] } = { keys: [] };
let jwksRequests = 0;
const connector = setupServer(
  // Bot Framework's signing keys, served from a key pair made here, so tokens signed by us count as theirs.
  http.get('https://login.botframework.com/v1/.well-known/keys', () => {
    jwksRequests += 1;
    return HttpResponse.json(jwks);
  }),
  // The bot's own client-credentials token for replying (MSAL against Entra).
  http.post('https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token', () =>
    HttpResponse.json({
      token_type: 'Bearer',
      expires_in: 3600,
      ext_expires_in: 3600,
      access_token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJib3QifQ.c2ln',
    }),
  ),
  http.post('https://smba.test/*', async ({ request }) => {
    outbound.push({ url: request.url, body: (await request.json()) as Json });
    return HttpResponse.json({ id: `sent-${outbound.length}` });
  }),
  // Where a forged activity would have the bot post, answered too, so a post there would be seen.
  http.post('https://evil.example/*', async ({ request }) => {
    outbound.push({ url: request.url, body: (await request.json()) as Json });
    return HttpResponse.json({ id: `sent-${outbound.length}` });
  }),
);

let t: TestContext;
let url: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  connector.listen({ onUnhandledFrame: 'bypass' });
  t = await testContext({ AUTH_MODE: 'local' });
  const app = newExpress();
  await createBot(t.ctx, app);
  const server = await listen(app);
  url = server.url;
  stop = server.close;
});

afterEach(() => {
  outbound.length = 0;
});

afterAll(async () => {
  await stop();
  await t.close();
  connector.close();
});

async function post(body: Json): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} };
}

const fatima = { id: '29:fatima', aadObjectId: 'fatima' };
const jeroen = { id: '29:jeroen', aadObjectId: 'jeroen' };

function sentCards(): Json[] {
  return outbound.flatMap((o) =>
    ((o.body.attachments as Json[] | undefined) ?? []).map((a) => a.content as Json),
  );
}

/**
 * A conversation of Fatima's awaiting a decision, through the real command layer: a Reflectiegesprek (both react)
 * unless `type` says otherwise; `decisions` are rounds given before (a version sent back is offered again).
 */
async function awaitingApproval(
  type: 'reflectie' | 'vitaliteit' = 'reflectie',
  decisions: Round[] = [],
): Promise<string> {
  const built = await buildConversation({
    type,
    stage: 'awaiting_approval',
    ctx: t.ctx,
    start: '2026-12-15T09:00:00Z',
    decisions,
  });
  return built.id;
}

function invoke(from: typeof fatima, verb: string, data: Json): Json {
  return activity(from, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data } },
  });
}

/** What a person reads on a card: every text and fact, with the Markdown escapes resolved. */
function visible(card: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const value = node as Json;
    if (value.type === 'TextBlock' && typeof value.text === 'string') parts.push(value.text);
    if (typeof value.title === 'string' && typeof value.value === 'string')
      parts.push(`${value.title}: ${value.value}`);
    for (const [key, child] of Object.entries(value)) if (key !== 'refresh') walk(child);
  };
  walk(card);
  return parts.join('\n').replace(/\\(.)/g, '$1');
}

const hasNotice = (card: unknown, style: string) => ((card as Json).body as Json[])[0]?.style === style;

describe('messages', () => {
  it('answers "help" with the help card in the chat', async () => {
    const response = await post(activity(fatima, { type: 'message', text: 'help' }));
    expect(response.status).toBe(200);
    expect(outbound).toHaveLength(1);
    expect(outbound[0]!.url).toBe('https://smba.test/teams/v3/conversations/a:chat-fatima/activities');
    expect(JSON.stringify(sentCards()[0])).toContain('Wat kan ik voor je doen?');
    expect(await t.ctx.store.chatReference('fatima')).toMatchObject({
      conversationId: 'a:chat-fatima',
      serviceUrl: 'https://smba.test/teams/',
      tenantId: 'tenant-1',
    });
  });

  it('answers "mijn gesprekken" and "my conversations" with the status list', async () => {
    await buildConversation({
      type: 'reflectie',
      stage: 'planned',
      ctx: t.ctx,
      start: '2026-12-20T13:00:00Z',
    });
    await post(activity(fatima, { type: 'message', text: '<at>Gesprekken</at> Mijn gesprekken!' }));
    const card = JSON.stringify(sentCards()[0]);
    expect(card).toContain('Mijn gesprekken');
    expect(card).toContain('Reflectiegesprek met Jeroen Bakker');
    outbound.length = 0;
    await post(activity(jeroen, { type: 'message', text: 'my conversations' }));
    expect(JSON.stringify(sentCards()[0])).toContain('Reflectiegesprek van Fatima El Amrani');
  });

  it('explains itself on an unknown message, in English for an English-speaking user', async () => {
    await post(activity({ id: '29:thomas', aadObjectId: 'thomas' }, { type: 'message', text: 'wat?!' }));
    expect(outbound.map((o) => o.body.text).filter(Boolean)).toEqual([
      'I did not understand that. Type "help" to see what I can do.',
    ]);
    expect(JSON.stringify(sentCards()[0])).toContain('What can I do for you?');
  });
});

describe('local mode', () => {
  it('answers only activities from its own service URL, so nobody can make it post elsewhere', async () => {
    const response = await post(
      activity(fatima, { type: 'message', text: 'help' }, 'https://evil.example/teams/'),
    );
    expect(response.status).toBeLessThan(500);
    expect(outbound).toEqual([]);
  });
});

describe('install', () => {
  it('saves the chat and sends the welcome card once', async () => {
    const install = () =>
      activity({ id: '29:daan', aadObjectId: 'daan' }, { type: 'installationUpdate', action: 'add' });
    expect((await post(install())).status).toBe(200);
    expect(await t.ctx.store.chatReference('daan')).toMatchObject({ conversationId: 'a:chat-daan' });
    expect(JSON.stringify(sentCards()[0])).toContain('Welkom bij Gesprekscyclus');
    await post(install());
    await post(
      activity(
        { id: '29:daan', aadObjectId: 'daan' },
        { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-app-id' }] },
      ),
    );
    expect(sentCards()).toHaveLength(1);
  });

  it('says hello once when the install and the conversation update arrive together', async () => {
    const from = { id: '29:noor', aadObjectId: 'noor' };
    const before = sentCards().length;
    await Promise.all([
      post(activity(from, { type: 'installationUpdate', action: 'add' })),
      post(activity(from, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-app-id' }] })),
    ]);
    expect(
      sentCards()
        .slice(before)
        .filter((c) => JSON.stringify(c).includes('Welkom bij Gesprekscyclus')),
    ).toHaveLength(1);
  });
});

describe('approval card actions', () => {
  it('records akkoord and answers with the refreshed card; a replay records nothing more', async () => {
    const id = await awaitingApproval();
    const first = await post(
      invoke(fatima, 'decide', { conversationId: id, version: 1, decision: 'akkoord' }),
    );
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(hasNotice(first.body.value, 'good')).toBe(true);
    expect(visible(first.body.value)).toContain('Je reactie is vastgelegd.');
    expect(decideButtons(first.body.value)).toBe(0);

    const replay = await post(
      invoke(fatima, 'decide', { conversationId: id, version: 1, decision: 'akkoord' }),
    );
    expect(replay.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(hasNotice(replay.body.value, 'good')).toBe(false);
    expect(visible(replay.body.value)).toContain(
      'Je reactie is vastgelegd: akkoord. We wachten nog op de reactie van Jeroen Bakker.',
    );
    const stored = await t.ctx.store.getConversation(id);
    expect(stored?.conversation.decisions.filter((d) => d.party === 'employee')).toHaveLength(1);
  });

  it('records exactly one decision when the same button is pressed twice at once', async () => {
    const id = await awaitingApproval();
    const press = () =>
      post(invoke(fatima, 'decide', { conversationId: id, version: 1, decision: 'akkoord' }));
    const answers = await Promise.all([press(), press(), press()]);
    for (const answer of answers) expect(answer.body.statusCode).toBe(200);
    const stored = await t.ctx.store.getConversation(id);
    expect(stored?.conversation.decisions).toHaveLength(1);
  });

  it('requires the remark with "voor gezien" and keeps the buttons', async () => {
    const id = await awaitingApproval();
    const missing = await post(
      invoke(fatima, 'decide', { conversationId: id, version: 1, decision: 'voor_gezien' }),
    );
    expect(hasNotice(missing.body.value, 'attention')).toBe(true);
    expect(visible(missing.body.value)).toContain(
      'Bij "voor gezien" is een opmerking verplicht: die komt in het document te staan.',
    );
    expect(decideButtons(missing.body.value)).toBe(3);
    const given = await post(
      invoke(fatima, 'decide', {
        conversationId: id,
        version: 1,
        decision: 'voor_gezien',
        [commentInputId('voor_gezien')]: 'Gezien, met een kanttekening.',
      }),
    );
    expect(visible(given.body.value)).toContain('Gezien, met een kanttekening.');
    const stored = await t.ctx.store.getConversation(id);
    expect(stored?.conversation.decisions[0]).toMatchObject({
      decision: 'voor_gezien',
      comment: 'Gezien, met een kanttekening.',
    });
  });

  it('explains a stale version and shows no buttons for it', async () => {
    // Jeroen sent version 1 of Fatima's vitality report back; she offered version 2.
    const id = await awaitingApproval('vitaliteit', [{ manager: 'niet_akkoord' }]);
    const stale = await post(
      invoke(jeroen, 'decide', { conversationId: id, version: 1, decision: 'akkoord' }),
    );
    const card = visible(stale.body.value);
    expect(card).toContain('Er is een nieuwere versie (versie 2).');
    expect(card).toContain('Je reactie ging over versie 1, maar versie 2 is nu de actuele versie.');
    expect(decideButtons(stale.body.value)).toBe(0);
    const stored = await t.ctx.store.getConversation(id);
    expect(stored?.conversation.decisions.filter((d) => d.version === 2)).toHaveLength(0);
  });

  it('gives the author of a vitality report no buttons, and tells her she signed by offering it', async () => {
    const id = await awaitingApproval('vitaliteit');
    const forAuthor = await post(invoke(fatima, 'refresh', { conversationId: id, version: 1 }));
    const forManager = await post(invoke(jeroen, 'refresh', { conversationId: id, version: 1 }));
    expect(decideButtons(forAuthor.body.value)).toBe(0);
    expect(decideButtons(forManager.body.value)).toBe(2);
    // An old card or a forged action: refused with the reason, not as someone else's conversation.
    const pressed = await post(
      invoke(fatima, 'decide', { conversationId: id, version: 1, decision: 'akkoord' }),
    );
    expect(pressed.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(visible(pressed.body.value)).toContain(
      'Je hebt dit verslag zelf geschreven en ondertekend door het aan te bieden.',
    );
    expect(decideButtons(pressed.body.value)).toBe(0);
    expect((await t.ctx.store.getConversation(id))?.conversation.decisions).toHaveLength(0);
  });

  it('refreshes the card for each viewer: buttons only for whoever still has to decide', async () => {
    const id = await awaitingApproval();
    await post(invoke(fatima, 'decide', { conversationId: id, version: 1, decision: 'akkoord' }));
    const forEmployee = await post(invoke(fatima, 'refresh', { conversationId: id, version: 1 }));
    const forManager = await post(invoke(jeroen, 'refresh', { conversationId: id, version: 1 }));
    expect(decideButtons(forEmployee.body.value)).toBe(0);
    expect(decideButtons(forManager.body.value)).toBe(2);
    expect(visible(forManager.body.value)).toContain(
      'Medewerker: Fatima El Amrani: akkoord, 1 dec 2026, 09:00',
    );
  });

  it('refuses someone outside the conversation without showing anything of it', async () => {
    const id = await awaitingApproval();
    const response = await post(
      invoke({ id: '29:ruben', aadObjectId: 'ruben' }, 'refresh', { conversationId: id, version: 1 }),
    );
    expect(response.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
    expect(JSON.stringify(response.body)).not.toContain(defaultTexts.report);
  });

  it('refuses malformed action data', async () => {
    const response = await post(invoke(fatima, 'decide', { conversationId: '', version: 'x' }));
    expect(response.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
  });
});

const botId = 'bot-app-id';
const serviceUrl = 'https://smba.test/teams/';
let trusted: CryptoKey;
let untrusted: CryptoKey;
let secureUrl: string;
let stopSecure: () => Promise<void>;

/** The same bot outside local mode: Bot Framework tokens required. */
async function startSecureBot(): Promise<void> {
  const key = await generateKeyPair('RS256', { extractable: true });
  trusted = key.privateKey;
  untrusted = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(key.publicKey)), kid: 'bf-key-1', use: 'sig', alg: 'RS256' };
  jwks = { keys: [jwk] };
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: 'memory://',
    DEMO_ORGANISATION: 'demo/organisation.json',
    AUTH_MODE: 'entra',
    ENTRA_TENANT_ID: 'tenant-1',
    ENTRA_CLIENT_ID: 'api-client',
    BOT_ID: botId,
    BOT_PASSWORD: 'secret',
    BOT_TENANT_ID: 'tenant-1',
  });
  const app = newExpress();
  await createBot({ ...t.ctx, config }, app);
  const server = await listen(app);
  secureUrl = server.url;
  stopSecure = server.close;
}

interface Claims {
  aud?: string;
  iss?: string;
  expiresIn?: string | number;
  serviceurl?: string;
}

async function token(key: CryptoKey, claims: Claims = {}, kid = 'bf-key-1'): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ serviceurl: claims.serviceurl ?? serviceUrl, appid: 'bf-connector' })
    .setProtectedHeader({ alg: 'RS256', kid })
    .setIssuer(claims.iss ?? 'https://api.botframework.com')
    .setAudience(claims.aud ?? botId)
    .setIssuedAt(now - 60)
    .setNotBefore(now - 60)
    .setExpirationTime(claims.expiresIn ?? now + 3600)
    .sign(key);
}

async function postSecure(authorization?: string): Promise<number> {
  const body = activity(
    { id: '29:fatima', aadObjectId: 'fatima' },
    { type: 'message', text: 'help' },
    serviceUrl,
  );
  const response = await fetch(`${secureUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });
  await response.text();
  return response.status;
}

const unsigned = (payload: Record<string, unknown>) =>
  `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;

describe('Bot Framework authentication outside local mode', () => {
  beforeAll(startSecureBot);
  afterAll(() => stopSecure());

  it('rejects a request without a token', async () => {
    expect(await postSecure()).toBe(401);
  });

  it('rejects an unsigned token', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(
      await postSecure(
        `Bearer ${unsigned({ iss: 'https://api.botframework.com', aud: botId, exp: now + 3600, serviceurl: serviceUrl })}`,
      ),
    ).toBe(401);
  });

  it('rejects a token signed with a key Bot Framework does not publish', async () => {
    expect(await postSecure(`Bearer ${await token(untrusted)}`)).toBe(401);
    expect(await postSecure(`Bearer ${await token(untrusted, {}, 'unknown-kid')}`)).toBe(401);
  });

  it('rejects an expired token', async () => {
    const longAgo = Math.floor(Date.now() / 1000) - 3600;
    expect(await postSecure(`Bearer ${await token(trusted, { expiresIn: longAgo })}`)).toBe(401);
  });

  it('rejects a token for another bot or from another issuer', async () => {
    expect(await postSecure(`Bearer ${await token(trusted, { aud: 'someone-else' })}`)).toBe(401);
    expect(await postSecure(`Bearer ${await token(trusted, { iss: 'https://evil.example' })}`)).toBe(401);
  });

  it('rejects a token issued for another service URL', async () => {
    expect(
      await postSecure(`Bearer ${await token(trusted, { serviceurl: 'https://elsewhere.example/' })}`),
    ).toBe(401);
  });

  it('accepts a correctly signed, current token for this bot and handles the activity', async () => {
    outbound.length = 0;
    expect(await postSecure(`Bearer ${await token(trusted)}`)).toBe(200);
    expect(jwksRequests).toBeGreaterThan(0);
    expect(outbound.map((o) => o.url)).toEqual([
      'https://smba.test/teams/v3/conversations/a:chat-fatima/activities',
    ]);
  });
});
