/**
 * The server started as App Service starts it, with the settings infra/azure.bicep writes (docs/deployment.md),
 * against the fake Microsoft Graph: the SharePoint site is found by its URL and both libraries by name, every port
 * runs on Graph, and planning a meeting asks Outlook as the signed-in manager (on-behalf-of `findMeetingTimes`).
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { http, HttpResponse } from 'msw';
import { GraphCalendar } from '../../src/graph/calendar.js';
import { GraphDirectory } from '../../src/graph/directory.js';
import { SharePointArchive, archiveColumns } from '../../src/graph/sharepoint-archive.js';
import type { RunningApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { testClient } from '../graph/harness.js';
import { deployedEnvironment } from '../manifest/bicep.js';
import { committedEnv } from '../manifest/provisioned.js';
import { FakeGraph, graphRoot } from '../support/fake-graph.js';

const tenant = 'sample-aadAppTenantId';
const clientId = 'sample-aadAppClientId';
const siteUrl = 'https://contoso.sharepoint.com/sites/Personeelsdossiers';
const dev = committedEnv('dev');

let fake: FakeGraph;
let app: RunningApp;
let key: CryptoKey;
const lookups: string[] = [];
const exchanged: string[] = [];

beforeAll(async () => {
  fake = new FakeGraph();
  fake.server.listen({ onUnhandledFrame: 'bypass' });
  fake.addUser({ id: 'marieke', displayName: 'Marieke de Vries' });
  fake.addUser({ id: 'jeroen', displayName: 'Jeroen Bakker', managerId: 'marieke' });
  fake.addUser({ id: 'fatima', displayName: 'Fatima El Amrani', managerId: 'jeroen' });
  fake.addGroup('hr-group', []);
  fake.addDrive('personnel-drive', [...archiveColumns]);
  fake.addDrive('confidential-drive', [...archiveColumns]);
  fake.delegatedTokens.set('delegated-for-jeroen', 'jeroen');
  // The site by URL and its libraries (two pages, so the lookup follows @odata.nextLink).
  fake.server.use(
    http.get(/\/v1\.0\/sites\/contoso\.sharepoint\.com:\/sites\/Personeelsdossiers(\?|$)/, ({ request }) => {
      lookups.push(new URL(request.url).pathname);
      return HttpResponse.json({ id: 'contoso.sharepoint.com,site-guid,web-guid', webUrl: siteUrl });
    }),
    http.get(/\/v1\.0\/sites\/[^/]+\/drives(\?|$)/, ({ request }) => {
      const url = new URL(request.url);
      lookups.push(decodeURIComponent(url.pathname));
      return url.searchParams.get('page') === '2'
        ? HttpResponse.json({ value: [{ id: 'confidential-drive', name: 'Vitaliteitsgesprekken' }] })
        : HttpResponse.json({
            value: [
              { id: 'documents-drive', name: 'Documenten' },
              { id: 'personnel-drive', name: 'Personeelsdossiers' },
            ],
            '@odata.nextLink': `${graphRoot}/sites/${encodeURIComponent('contoso.sharepoint.com,site-guid,web-guid')}/drives?page=2`,
          });
    }),
  );

  const pair = await generateKeyPair('RS256', { extractable: true });
  key = pair.privateKey;
  const keys = createLocalJWKSet({
    keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }],
  });
  const config = loadConfig({
    ...deployedEnvironment(),
    // This machine instead of App Service: loopback, a free port, PGlite in a temporary folder.
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'gesprek-production-')),
    DATABASE_URL: '',
    // What env/.env.dev passes to the Bicep parameters; the site URL and HR group an administrator fills in.
    SHAREPOINT_LIBRARY_NAME: dev.SHAREPOINT_LIBRARY_NAME ?? '',
    SHAREPOINT_CONFIDENTIAL_LIBRARY_NAME: dev.SHAREPOINT_CONFIDENTIAL_LIBRARY_NAME ?? '',
    SHAREPOINT_SITE_URL: siteUrl,
    HR_GROUP_ID: 'hr-group',
    LOG_LEVEL: 'silent',
  });
  // The Teams SDK (through jwks-rsa) `require`s the ESM-only jose, which Jest's module runtime cannot do itself.
  const jose = await import('jose');
  jest.mock('jose', () => jose);
  const { startServer } = await import('../../src/server/start.js');
  app = await startServer(config, {
    keys,
    microsoft365: {
      client: testClient(),
      onBehalfOf: {
        acquireTokenOnBehalfOf: async (request) => {
          exchanged.push(request.oboAssertion);
          return { accessToken: 'delegated-for-jeroen' };
        },
      },
    },
  });
});

afterAll(async () => {
  await app?.stop();
  fake?.close();
});

async function token(oid: string): Promise<string> {
  return new SignJWT({ tid: tenant, oid, scp: 'access_as_user' })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(`https://login.microsoftonline.com/${tenant}/v2.0`)
    .setAudience(clientId)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(key);
}

describe('a start with the production settings of infra/azure.bicep', () => {
  it('is healthy', async () => {
    const response = await fetch(`${app.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('found the site by its URL and both libraries by name', () => {
    expect(lookups).toEqual([
      '/v1.0/sites/contoso.sharepoint.com:/sites/Personeelsdossiers',
      // The personnel library is on the first page; the confidential one on the second.
      '/v1.0/sites/contoso.sharepoint.com,site-guid,web-guid/drives',
      '/v1.0/sites/contoso.sharepoint.com,site-guid,web-guid/drives',
      '/v1.0/sites/contoso.sharepoint.com,site-guid,web-guid/drives',
    ]);
  });

  it('runs every Microsoft 365 port on Graph, never the demo organisation or the local archive', async () => {
    expect(app.ctx.directory).toBeInstanceOf(GraphDirectory);
    expect(app.ctx.calendar).toBeInstanceOf(GraphCalendar);
    expect(app.ctx.archive).toBeInstanceOf(SharePointArchive);
    expect(app.ctx.organisationName).toBe('sample-organisationName');
    const me = await fetch(`${app.url}/api/me`, {
      headers: { authorization: `Bearer ${await token('fatima')}` },
    });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { displayName: string } }).user.displayName).toBe(
      'Fatima El Amrani',
    );
  });

  it('plans with Outlook as the signed-in manager (findMeetingTimes on behalf of the user)', async () => {
    const bearer = await token('jeroen');
    const response = await fetch(`${app.url}/api/calendar/free-slots`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        attendeeIds: ['fatima'],
        durationMinutes: 60,
        from: '2027-03-01T08:00:00.000Z',
        until: '2027-03-05T16:00:00.000Z',
      }),
    });
    expect(response.status).toBe(200);
    expect(exchanged).toEqual([bearer]);
    expect(fake.count('POST', /^\/me\/findMeetingTimes$/)).toBe(1);
    expect(fake.count('POST', /getSchedule$/)).toBe(0);
  });
});
