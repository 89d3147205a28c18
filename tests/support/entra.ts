/** An Entra-mode test server for one suite: its signing keys from a JWKS on loopback, and tokens signed with them. */
import { afterAll, beforeAll } from '@jest/globals';
import { createServer, type Server as HttpServer } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { startTestServer } from './server.js';

export const tenant = '11111111-2222-3333-4444-555555555555';
export const clientId = 'api-client-id';
export const issuer = `https://login.microsoftonline.com/${tenant}/v2.0`;
/** The key id the JWKS serves its one key under. */
export const keyId = 'key-1';

/** Claims of a correct token for Fatima: this API, this tenant, the scope the tab asks for. */
export const fatimasClaims: JWTPayload = {
  aud: clientId,
  iss: issuer,
  tid: tenant,
  oid: 'fatima',
  scp: 'access_as_user',
};

interface Started {
  server: Awaited<ReturnType<typeof startTestServer>>;
  jwks: HttpServer;
  trusted: CryptoKey;
  untrusted: CryptoKey;
}

/**
 * Starts the app in Entra mode before the suite's tests and stops it after them. `trusted` is the key the JWKS
 * serves, `untrusted` one it does not; `jwksRequests` counts how often the app fetched the key set.
 */
export function entraSuite(options: { env?: Record<string, string>; workers?: boolean } = {}) {
  let started: Started | undefined;
  let jwksRequests = 0;
  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: keyId, use: 'sig', alg: 'RS256' };
    const jwks = createServer((_req, res) => {
      jwksRequests += 1;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    const port = await new Promise<number>((resolve) =>
      jwks.listen(0, '127.0.0.1', () => {
        const address = jwks.address();
        resolve(typeof address === 'object' && address ? address.port : 0);
      }),
    );
    const server = await startTestServer({
      bot: false,
      ...(options.workers === false ? { workers: false } : {}),
      env: {
        AUTH_MODE: 'entra',
        ENTRA_TENANT_ID: tenant,
        ENTRA_CLIENT_ID: clientId,
        ENTRA_JWKS_URI: `http://127.0.0.1:${port}/keys`,
        ...options.env,
      },
    });
    started = {
      server,
      jwks,
      trusted: pair.privateKey,
      untrusted: (await generateKeyPair('RS256')).privateKey,
    };
  });
  afterAll(async () => {
    await started?.server.stop();
    started?.jwks.closeAllConnections();
    await new Promise((resolve) => started?.jwks.close(resolve) ?? resolve(undefined));
  });
  const running = (): Started => {
    if (!started) throw new Error('the Entra test server is not started yet: use it inside a test');
    return started;
  };
  return {
    get url() {
      return running().server.url;
    },
    get trusted() {
      return running().trusted;
    },
    get untrusted() {
      return running().untrusted;
    },
    get jwksRequests() {
      return jwksRequests;
    },
    /** A token with `claims`, signed with the trusted key unless another is given; valid for an hour by default. */
    sign(
      claims: JWTPayload,
      signing: { key?: CryptoKey; expiresIn?: string | number; iat?: number } = {},
    ): Promise<string> {
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: keyId, typ: 'JWT' })
        .setIssuedAt(signing.iat)
        .setExpirationTime(signing.expiresIn ?? '1h')
        .sign(signing.key ?? running().trusted);
    },
    /** `GET /api/me` with a bearer token (none when `token` is undefined). */
    async me(token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
      const response = await fetch(`${running().server.url}/api/me`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
  };
}
