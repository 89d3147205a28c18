/** Who is asking: Entra ID access tokens in a tenant, the X-Demo-User header in local mode. */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Directory } from '../ports/index.js';
import type { Config } from './config.js';
import { problems } from './problems.js';

/** The signed-in person for this request. */
export interface Principal {
  userId: string;
  /** A guest (B2B) account of another organisation, by the token's `acct` or `idp` claim. */
  guest?: boolean;
}

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

/** The bearer token of the API request being handled, for Graph calls made as that user (on-behalf-of). */
const userToken = new AsyncLocalStorage<string>();

/** The signed-in user's token while an API request runs; undefined in jobs and in local mode. */
export function currentUserToken(): string | undefined {
  return userToken.getStore();
}

/** Thrown by a token check; the reason is logged, and the caller only hears "not signed in". */
export class TokenRefused extends Error {}

/**
 * Validates Microsoft Entra ID access tokens for our API: signature via the tenant's JWKS, issuer, audience,
 * tenant, expiry and the `access_as_user` scope. The user is the token's `oid`.
 */
export function entraAuthenticator(config: Config, keys?: JWTVerifyGetKey) {
  const { tenantId, jwksUri, audiences, issuers } = config.entra;
  if (!tenantId || !jwksUri || audiences.length === 0)
    throw new Error('Entra authentication needs ENTRA_TENANT_ID and ENTRA_CLIENT_ID');
  const jwks = keys ?? createRemoteJWKSet(new URL(jwksUri));
  return async (token: string): Promise<Principal> => {
    const { payload } = await jwtVerify(token, jwks, {
      issuer: issuers,
      audience: audiences,
      algorithms: ['RS256'],
      clockTolerance: 60,
      requiredClaims: ['exp', 'iat', 'oid', 'tid'],
    });
    if (payload.tid !== tenantId) throw new TokenRefused('token from another tenant');
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes('access_as_user')) throw new TokenRefused('token lacks the access_as_user scope');
    // `acct` (optional claim, aad.manifest.json) is 1 for guests; a guest's token also names its home `idp`.
    const idp = typeof payload.idp === 'string' ? payload.idp : undefined;
    const guest = payload.acct === 1 || payload.acct === '1' || (idp !== undefined && !issuers.includes(idp));
    return { userId: String(payload.oid), ...(guest ? { guest } : {}) };
  };
}

const quietLevels = new Set(['silent', 'fatal', 'error']);

/**
 * Express middleware: Bearer tokens in Entra mode, the `X-Demo-User` header in local mode. Only people in the
 * directory get through: a guest account or a token for someone the directory does not know is refused (403).
 */
export function authenticate(
  config: Config,
  directory: Directory,
  verify?: (token: string) => Promise<Principal>,
  warn: (message: string) => void = (message) => {
    if (!quietLevels.has(config.logLevel)) console.warn(message);
  },
) {
  return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    try {
      if (config.authMode === 'local') {
        const id = req.header('x-demo-user');
        if (!id || !(await directory.getUser(id))) {
          warn('authentication refused: no known demo user (X-Demo-User)');
          throw problems.unauthenticated();
        }
        req.principal = { userId: id };
        next();
        return;
      }
      const header = req.header('authorization') ?? '';
      const match = /^Bearer ([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*)$/.exec(header);
      if (!match?.[1] || !verify) {
        warn('authentication refused: missing bearer token');
        throw problems.unauthenticated();
      }
      const token = match[1];
      let principal: Principal;
      try {
        principal = await verify(token);
      } catch (error) {
        warn(`authentication refused: ${error instanceof Error ? error.message : 'invalid token'}`);
        throw problems.unauthenticated();
      }
      if (principal.guest) throw problems.guest();
      if (!(await directory.getUser(principal.userId))) throw problems.notInDirectory();
      req.principal = principal;
      userToken.run(token, () => next());
    } catch (error) {
      next(error);
    }
  };
}
