import type { NextFunction, Request, Response } from 'express';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Directory } from '../ports/index.js';
import type { Config } from './config.js';
import { problems } from './problems.js';

/** The signed-in person for this request. */
export interface Principal {
  userId: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

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
    if (payload.tid !== tenantId) throw new Error('token from another tenant');
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes('access_as_user')) throw new Error('token lacks the access_as_user scope');
    return { userId: String(payload.oid) };
  };
}

/** Express middleware: Bearer tokens in Entra mode, the `X-Demo-User` header in local mode. */
export function authenticate(
  config: Config,
  directory: Directory,
  verify?: (token: string) => Promise<Principal>,
) {
  return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    try {
      if (config.authMode === 'local') {
        const id = req.header('x-demo-user');
        if (!id || !(await directory.getUser(id)))
          throw problems.unauthenticated('choose a demo user (X-Demo-User)');
        req.principal = { userId: id };
      } else {
        const header = req.header('authorization') ?? '';
        const match = /^Bearer ([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*)$/.exec(header);
        if (!match?.[1] || !verify) throw problems.unauthenticated('missing bearer token');
        try {
          req.principal = await verify(match[1]);
        } catch (error) {
          throw problems.unauthenticated(error instanceof Error ? error.message : 'invalid token');
        }
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}
