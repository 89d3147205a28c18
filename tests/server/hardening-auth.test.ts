/**
 * Sign-in hardening in Entra mode: a refused token gets the same 401 whatever check failed (the reason is logged,
 * not told), and only people in the directory get in: a guest account or an unknown user gets a 403 that says so,
 * instead of a placeholder profile.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createServer, type Server as HttpServer } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { startTestServer } from '../support/server.js';

const tenant = '11111111-2222-3333-4444-555555555555';
const clientId = 'api-client-id';
const issuer = `https://login.microsoftonline.com/${tenant}/v2.0`;

let key: CryptoKey;
let other: CryptoKey;
let jwks: HttpServer;
let server: Awaited<ReturnType<typeof startTestServer>>;
const warned: string[] = [];

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  key = pair.privateKey;
  other = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', use: 'sig', alg: 'RS256' };
  jwks = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  const port = await new Promise<number>((resolve) =>
    jwks.listen(0, '127.0.0.1', () => {
      const address = jwks.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    }),
  );
  jest.spyOn(console, 'warn').mockImplementation((message: unknown) => {
    warned.push(String(message));
  });
  server = await startTestServer({
    bot: false,
    workers: false,
    env: {
      AUTH_MODE: 'entra',
      ENTRA_TENANT_ID: tenant,
      ENTRA_CLIENT_ID: clientId,
      ENTRA_JWKS_URI: `http://127.0.0.1:${port}/keys`,
      LOG_LEVEL: 'warn',
    },
  });
});

afterAll(async () => {
  await server?.stop();
  jwks.closeAllConnections();
  await new Promise((resolve) => jwks.close(resolve));
  jest.restoreAllMocks();
});

const member: JWTPayload = { aud: clientId, iss: issuer, tid: tenant, oid: 'fatima', scp: 'access_as_user' };

async function signed(claims: JWTPayload, signingKey = key): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(signingKey);
}

async function me(token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}/api/me`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('Entra sign-in', () => {
  it('lets a member of the directory in', async () => {
    const response = await me(await signed(member));
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ id: 'fatima', displayName: 'Fatima El Amrani' });
  });

  it('answers every refused token with the same 401 body, and logs which check failed', async () => {
    const bodies = [
      await me(),
      await me(await signed(member, other)),
      await me(await signed({ ...member, scp: 'User.Read' })),
      await me(await signed({ ...member, tid: 'another-tenant' })),
    ];
    for (const response of bodies) expect(response.status).toBe(401);
    expect(new Set(bodies.map((b) => JSON.stringify(b.body))).size).toBe(1);
    expect(bodies[0]?.body).not.toHaveProperty('reason');
    expect(JSON.stringify(bodies[0]?.body)).not.toMatch(/scope|signature|tenant|bearer/i);
    expect(warned.join('\n')).toMatch(/access_as_user scope/);
    expect(warned.join('\n')).toMatch(/another tenant/);
  });

  it('refuses guest accounts with a 403 that says so', async () => {
    for (const claims of [
      { ...member, acct: 1 },
      { ...member, idp: 'https://sts.windows.net/99999999-8888-7777-6666-555555555555/' },
    ]) {
      const response = await me(await signed(claims));
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('guest_account');
      expect(response.body.title).toMatch(/guest account/);
    }
  });

  it('refuses someone the directory does not know with a 403, not a placeholder profile', async () => {
    const response = await me(await signed({ ...member, oid: '0f0f0f0f-unknown' }));
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('not_in_directory');
    expect(response.body.detail).toMatch(/medewerkerslijst|staff directory/);
  });
});
