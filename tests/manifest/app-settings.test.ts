/**
 * The App Service settings in infra/azure.bicep are the server's configuration: every name is one the schema in
 * src/server/config.ts knows, together they make a production configuration the server accepts (Entra sign-in,
 * Microsoft Graph, SharePoint), and docs/deployment.md lists the same names. Bicep cannot be compiled here, so the
 * `appSettings` entries are read as text.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { graphSettingNames, loadConfig } from '../../src/server/config.js';
import { appSettings, deployedEnvironment, platformSettings } from './bicep.js';
import { repoRoot } from './provisioned.js';

const bicep = readFileSync(join(repoRoot, 'infra', 'azure.bicep'), 'utf8');
const deployment = readFileSync(join(repoRoot, 'docs', 'deployment.md'), 'utf8');
const configSource = readFileSync(join(repoRoot, 'src', 'server', 'config.ts'), 'utf8');

/** Every name the server's schema reads: the object keys of `envSchema` and of the Graph settings. */
function schemaNames(): Set<string> {
  const names = [...configSource.matchAll(/^\s{4}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1] as string);
  return new Set([...names, ...graphSettingNames]);
}

const settings = appSettings(bicep);
const productionEnv = deployedEnvironment();

describe('App Service settings (infra/azure.bicep)', () => {
  it('are read from the Bicep file', () => {
    expect(settings.length).toBeGreaterThan(10);
    expect(productionEnv.NODE_ENV).toBe('production');
  });

  it('name only settings the configuration schema knows', () => {
    const known = schemaNames();
    expect(known.has('SHAREPOINT_SITE_URL')).toBe(true);
    const unknown = settings.map((s) => s.name).filter((n) => !known.has(n) && !platformSettings.includes(n));
    expect(unknown).toEqual([]);
    // The ones an earlier version wrote and the server never read.
    for (const stale of [
      'ENTRA_CLIENT_SECRET',
      'PERSONNEL_SITE_URL',
      'PERSONNEL_LIBRARY_NAME',
      'BOT_PASSWORD',
    ])
      expect(settings.map((s) => s.name)).not.toContain(stale);
  });

  it('make a production configuration the server accepts: Entra sign-in, Microsoft Graph and SharePoint', () => {
    const config = loadConfig(productionEnv);
    expect(config).toMatchObject({ env: 'production', authMode: 'entra', microsoft365: 'graph' });
    expect(config.graphSettings).toMatchObject({
      SHAREPOINT_SITE_URL: expect.stringMatching(/^https:\/\//),
      SHAREPOINT_LIBRARY_NAME: expect.any(String),
      SHAREPOINT_CONFIDENTIAL_LIBRARY_NAME: expect.any(String),
      HR_GROUP_ID: expect.any(String),
      GRAPH_CLIENT_SECRET: expect.any(String),
    });
    // Secrets reach the app only as Key Vault references.
    for (const name of ['DATABASE_URL', 'GRAPH_CLIENT_SECRET'])
      expect(settings.find((s) => s.name === name)?.value).toMatch(/^'@Microsoft\.KeyVault\(SecretUri=/);
  });

  it.each([
    'AUTH_MODE',
    'MICROSOFT_365',
    'ENTRA_TENANT_ID',
    'ENTRA_CLIENT_ID',
    'ENTRA_API_AUDIENCE',
    'GRAPH_CLIENT_SECRET',
    'SHAREPOINT_SITE_URL',
    'SHAREPOINT_LIBRARY_NAME',
    'SHAREPOINT_CONFIDENTIAL_LIBRARY_NAME',
    'HR_GROUP_ID',
    'BOT_ID',
    'PUBLIC_URL',
  ])('are refused in production without %s, which the error names', (name) => {
    const { [name]: _left, ...rest } = productionEnv;
    expect(() => loadConfig(rest)).toThrow(new RegExp(`- ${name}: `));
  });

  it('are the settings docs/deployment.md gives', () => {
    const section = deployment.slice(deployment.indexOf('The App Service receives its settings'));
    const paragraph = section.slice(0, section.indexOf('These are names'));
    const documented = [...paragraph.matchAll(/`([A-Z][A-Z0-9_]+)(?:=[^`]*)?`/g)].map((m) => m[1]);
    const written = settings.map((s) => s.name).filter((n) => !platformSettings.includes(n));
    expect([...new Set(documented)].sort()).toEqual([...new Set(written)].sort());
  });
});

describe('a production start is refused unless it runs on Microsoft 365', () => {
  it('names each missing setting at once', () => {
    let message = '';
    try {
      loadConfig({ NODE_ENV: 'production', AUTH_MODE: 'entra', ENTRA_TENANT_ID: 't', ENTRA_CLIENT_ID: 'c' });
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of [
      'MICROSOFT_365',
      'ENTRA_API_AUDIENCE',
      'BOT_ID',
      'PUBLIC_URL',
      'GRAPH_CLIENT_SECRET',
      'SHAREPOINT_SITE_URL',
      'SHAREPOINT_LIBRARY_NAME',
      'SHAREPOINT_CONFIDENTIAL_LIBRARY_NAME',
      'HR_GROUP_ID',
    ])
      expect(message).toContain(`- ${name}: `);
  });

  it('refuses demo identities and the demo organisation', () => {
    expect(() => loadConfig({ ...productionEnv, AUTH_MODE: 'local' })).toThrow(/AUTH_MODE=local/);
    expect(() => loadConfig({ ...productionEnv, MICROSOFT_365: 'local' })).toThrow(/MICROSOFT_365=local/);
  });

  it('takes ids instead of the URL and names, and refuses two credentials', () => {
    const { SHAREPOINT_SITE_URL: _u, SHAREPOINT_LIBRARY_NAME: _l, ...rest } = productionEnv;
    expect(() =>
      loadConfig({ ...rest, SHAREPOINT_SITE_ID: 'site-id', SHAREPOINT_DRIVE_ID: 'drive-id' }),
    ).not.toThrow();
    expect(() => loadConfig({ ...productionEnv, GRAPH_CERTIFICATE_PATH: '/cert.pem' })).toThrow(
      /GRAPH_CLIENT_SECRET: Set exactly one/,
    );
  });
});
