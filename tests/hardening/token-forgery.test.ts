/**
 * Token forgery against the API in Entra mode: the signing keys come from a JWKS served on loopback
 * (`ENTRA_JWKS_URI`). Every forged or unfit token gets 401; a correct one gets 200.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server as HttpServer } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { startTestServer } from '../support/server.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const tenant = '11111111-2222-3333-4444-555555555555';
const clientId = 'api-client-id';
const issuer = `https://login.microsoftonline.com/${tenant}/v2.0`;

let trusted: CryptoKey;
let untrusted: CryptoKey;
let jwks: HttpServer;
let jwksRequests = 0;
let server: Server;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  trusted = pair.privateKey;
  untrusted = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', use: 'sig', alg: 'RS256' };
  jwks = createServer((_req, res) => {
    jwksRequests += 1;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  const port = await new Promise<number>((resolve) => {
    jwks.listen(0, '127.0.0.1', () => {
      const address = jwks.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  server = await startTestServer({
    bot: false,
    env: {
      AUTH_MODE: 'entra',
      ENTRA_TENANT_ID: tenant,
      ENTRA_CLIENT_ID: clientId,
      ENTRA_JWKS_URI: `http://127.0.0.1:${port}/keys`,
    },
  });
});

afterAll(async () => {
  await server?.stop();
  jwks.closeAllConnections();
  await new Promise((r) => jwks.close(r));
});

const good: JWTPayload = { aud: clientId, iss: issuer, tid: tenant, oid: 'fatima', scp: 'access_as_user' };

async function signed(
  claims: JWTPayload,
  options: { key?: CryptoKey; expiresIn?: string | number; iat?: number } = {},
): Promise<string> {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'key-1', typ: 'JWT' })
    .setIssuedAt(options.iat);
  jwt.setExpirationTime(options.expiresIn ?? '1h');
  return jwt.sign(options.key ?? trusted);
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function me(token: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('API tokens in Entra mode', () => {
  it('accepts a correctly signed token for this API and tenant with the scope', async () => {
    const response = await me(await signed(good));
    expect(response.status).toBe(200);
    expect((response.body.user as { id: string }).id).toBe('fatima');
    expect(jwksRequests).toBeGreaterThan(0);
  });

  const now = Math.floor(Date.now() / 1000);
  const forgeries: Array<[string, () => Promise<string>]> = [
    [
      'alg none (unsigned)',
      async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...good, iat: now, exp: now + 3600 })}.`,
    ],
    [
      'alg none with a signature part',
      async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...good, iat: now, exp: now + 3600 })}.c2ln`,
    ],
    ['signed with a key not in the JWKS', async () => signed(good, { key: untrusted })],
    [
      'HS256 with the public key as secret (algorithm confusion)',
      async () => {
        const secret = new TextEncoder().encode(JSON.stringify(await exportJWK(trusted)));
        return new SignJWT(good)
          .setProtectedHeader({ alg: 'HS256', kid: 'key-1' })
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(secret);
      },
    ],
    ['wrong audience', async () => signed({ ...good, aud: 'api://someone-else' })],
    ['wrong issuer', async () => signed({ ...good, iss: 'https://evil.example/v2.0' })],
    [
      'issuer and tid of another tenant',
      async () =>
        signed({
          ...good,
          iss: 'https://login.microsoftonline.com/99999999-0000-0000-0000-000000000000/v2.0',
          tid: '99999999-0000-0000-0000-000000000000',
        }),
    ],
    [
      'right issuer, tid of another tenant',
      async () => signed({ ...good, tid: '99999999-0000-0000-0000-000000000000' }),
    ],
    ['expired', async () => signed(good, { iat: now - 7200, expiresIn: now - 3600 })],
    ['missing scope', async () => signed({ ...good, scp: undefined })],
    ['other scope only', async () => signed({ ...good, scp: 'User.Read' })],
    ['no oid', async () => signed({ ...good, oid: undefined })],
    [
      'tampered payload (oid changed after signing)',
      async () => {
        const [header, , signature] = (await signed(good)).split('.');
        return `${header}.${b64({ ...good, oid: 'jeroen', iat: now, exp: now + 3600 })}.${signature}`;
      },
    ],
  ];

  it.each(forgeries)('answers 401 to a token with %s', async (_name, make) => {
    const response = await me(await make());
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('unauthenticated');
  });

  it('answers 401 without a bearer token and ignores the local X-Demo-User header', async () => {
    const response = await fetch(`${server.url}/api/me`, { headers: { 'x-demo-user': 'fatima' } });
    expect(response.status).toBe(401);
    expect([401, 404]).toContain((await fetch(`${server.url}/api/demo/users`)).status);
  });
});
