/**
 * Values that `provision` writes into env/.env.<env> (ids of the Teams app, the Entra apps and the Azure host).
 * The committed env files leave them empty, so the tests supply well-formed stand-ins for exactly those keys.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnvFile } from '../../scripts/package.js';

export const repoRoot = join(import.meta.dirname, '..', '..');

const standIns: Record<string, string> = {
  TEAMS_APP_ID: '6f1c2a44-8d1b-4f7e-9a53-0c2d4e6f8a10',
  AAD_APP_CLIENT_ID: '0b7e5c3a-2f41-4d6b-8e9a-1c3d5e7f9b21',
  AAD_APP_OBJECT_ID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  AAD_APP_TENANT_ID: '9e8d7c6b-5a49-4382-a170-f6e5d4c3b2a1',
  BOT_ID: '3c5e7a9b-1d2f-4e6a-8b0c-2d4f6a8c0e12',
  TAB_DOMAIN: 'gesprekabc123.azurewebsites.net',
  TAB_ENDPOINT: 'https://gesprekabc123.azurewebsites.net',
  RESOURCE_SUFFIX: 'abc123',
};

/** The committed values of an environment. */
export function committedEnv(env: string): Record<string, string> {
  return parseEnvFile(readFileSync(join(repoRoot, 'env', `.env.${env}`), 'utf8'));
}

/** Overrides for the keys the committed file leaves empty, as provisioning would fill them. */
export function provisionedOverrides(env: string): Record<string, string> {
  const committed = committedEnv(env);
  return Object.fromEntries(Object.entries(standIns).filter(([key]) => key in committed && !committed[key]));
}
