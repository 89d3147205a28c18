/**
 * Token forgery against the API in Entra mode: the signing keys come from a JWKS served on loopback
 * (`ENTRA_JWKS_URI`). Every forged or unfit token gets 401; a correct one gets 200.
 */
import { describe, expect, it } from '@jest/globals';
import { exportJWK, SignJWT } from 'jose';
import { entraSuite, fatimasClaims as good, keyId } from '../support/entra.js';

const entra = entraSuite();

const { sign: signed, me } = entra;

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('API tokens in Entra mode', () => {
  it('accepts a correctly signed token for this API and tenant with the scope', async () => {
    const response = await me(await signed(good));
    expect(response.status).toBe(200);
    expect((response.body.user as { id: string }).id).toBe('fatima');
    expect(entra.jwksRequests).toBeGreaterThan(0);
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
    ['signed with a key not in the JWKS', async () => signed(good, { key: entra.untrusted })],
    [
      'HS256 with the public key as secret (algorithm confusion)',
      async () => {
        const secret = new TextEncoder().encode(JSON.stringify(await exportJWK(entra.trusted)));
        return new SignJWT(good)
          .setProtectedHeader({ alg: 'HS256', kid: keyId })
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
    const response = await fetch(`${entra.url}/api/me`, { headers: { 'x-demo-user': 'fatima' } });
    expect(response.status).toBe(401);
    expect([401, 404]).toContain((await fetch(`${entra.url}/api/demo/users`)).status);
  });
});
