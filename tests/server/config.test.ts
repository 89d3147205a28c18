/** Configuration: the local defaults, what production and Microsoft 365 require, the worker queues. */
import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/server/config.js';

describe('configuration', () => {
  it('starts locally with the defaults: PGlite, demo identities, port 3978', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3978,
      authMode: 'local',
      microsoft365: 'local',
      dataDir: './data',
      publicUrl: 'http://localhost:3978',
    });
    expect(config.databaseUrl).toBeUndefined();
  });

  it('refuses demo identities under a production configuration', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_MODE=local .* refused/);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_MODE: 'local' })).toThrow(/NODE_ENV=production/);
  });

  it('needs a tenant and client id for Entra ID, and derives issuers and the key set', () => {
    expect(() => loadConfig({ AUTH_MODE: 'entra' })).toThrow(/ENTRA_TENANT_ID.*\n.*ENTRA_CLIENT_ID/);
    const config = loadConfig({
      AUTH_MODE: 'entra',
      ENTRA_TENANT_ID: 'tid',
      ENTRA_CLIENT_ID: 'cid',
      ENTRA_API_AUDIENCE: 'api://host/cid',
    });
    expect(config.entra).toEqual({
      tenantId: 'tid',
      clientId: 'cid',
      audiences: ['cid', 'api://host/cid'],
      issuers: ['https://login.microsoftonline.com/tid/v2.0', 'https://sts.windows.net/tid/'],
      jwksUri: 'https://login.microsoftonline.com/tid/discovery/v2.0/keys',
    });
  });

  it('refuses Microsoft Graph with demo identities, and lists every problem at once', () => {
    expect(() => loadConfig({ MICROSOFT_365: 'graph' })).toThrow(/MICROSOFT_365=graph needs AUTH_MODE=entra/);
    expect(() => loadConfig({ PORT: 'abc', TEAM_PICTURE_MINIMUM: '1' })).toThrow(
      /PORT[\s\S]*TEAM_PICTURE_MINIMUM/,
    );
  });

  it('splits the worker queues', () => {
    expect(loadConfig({ WORKER_QUEUES: 'notify, archive' }).workerQueues).toEqual(['notify', 'archive']);
    expect(loadConfig({}).workerQueues).toBe('all');
  });
});
