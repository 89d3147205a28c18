/**
 * Outside local mode every activity must carry a valid Bot Framework token. The SDK fetches Bot
 * Framework's signing keys; msw serves our own JWKS there, so tokens signed by us count as Bot Framework's.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { activity, listen, loadBot, newExpress, testContext, type TestContext } from './support.js';

const { createBot } = await loadBot();

const botId = 'bot-app-id';
const serviceUrl = 'https://smba.test/teams/';
let trusted: CryptoKey;
let untrusted: CryptoKey;
let jwksRequests = 0;
const replies: string[] = [];

const network = setupServer();
let t: TestContext;
let url: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  const key = await generateKeyPair('RS256', { extractable: true });
  trusted = key.privateKey;
  untrusted = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(key.publicKey)), kid: 'bf-key-1', use: 'sig', alg: 'RS256' };
  network.use(
    http.get('https://login.botframework.com/v1/.well-known/keys', () => {
      jwksRequests += 1;
      return HttpResponse.json({ keys: [jwk] });
    }),
    // The bot's own client-credentials token for replying (MSAL against Entra).
    http.post('https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token', () =>
      HttpResponse.json({ token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJib3QifQ.c2ln' }),
    ),
    http.post('https://smba.test/*', ({ request }) => {
      replies.push(request.url);
      return HttpResponse.json({ id: 'reply-1' });
    }),
  );
  network.listen({ onUnhandledRequest: 'bypass' });
  t = await testContext({ AUTH_MODE: 'entra', ENTRA_TENANT_ID: 'tenant-1', ENTRA_CLIENT_ID: 'api-client', BOT_ID: botId, BOT_PASSWORD: 'secret', BOT_TENANT_ID: 'tenant-1' });
  const app = newExpress();
  await createBot(t.ctx, app);
  const server = await listen(app);
  url = server.url;
  stop = server.close;
});

afterAll(async () => {
  await stop();
  await t.close();
  network.close();
});

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

async function post(authorization?: string): Promise<number> {
  const body = activity({ id: '29:fatima', aadObjectId: 'fatima' }, { type: 'message', text: 'help' }, serviceUrl);
  const response = await fetch(`${url}/api/messages`, {
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
  it('rejects a request without a token', async () => {
    expect(await post()).toBe(401);
  });

  it('rejects an unsigned token', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await post(`Bearer ${unsigned({ iss: 'https://api.botframework.com', aud: botId, exp: now + 3600, serviceurl: serviceUrl })}`)).toBe(401);
  });

  it('rejects a token signed with a key Bot Framework does not publish', async () => {
    expect(await post(`Bearer ${await token(untrusted)}`)).toBe(401);
    expect(await post(`Bearer ${await token(untrusted, {}, 'unknown-kid')}`)).toBe(401);
  });

  it('rejects an expired token', async () => {
    const longAgo = Math.floor(Date.now() / 1000) - 3600;
    expect(await post(`Bearer ${await token(trusted, { expiresIn: longAgo })}`)).toBe(401);
  });

  it('rejects a token for another bot or from another issuer', async () => {
    expect(await post(`Bearer ${await token(trusted, { aud: 'someone-else' })}`)).toBe(401);
    expect(await post(`Bearer ${await token(trusted, { iss: 'https://evil.example' })}`)).toBe(401);
  });

  it('rejects a token issued for another service URL', async () => {
    expect(await post(`Bearer ${await token(trusted, { serviceurl: 'https://elsewhere.example/' })}`)).toBe(401);
  });

  it('accepts a correctly signed, current token for this bot and handles the activity', async () => {
    replies.length = 0;
    expect(await post(`Bearer ${await token(trusted)}`)).toBe(200);
    expect(jwksRequests).toBeGreaterThan(0);
    expect(replies).toEqual(['https://smba.test/teams/v3/conversations/a:chat-fatima/activities']);
  });
});
