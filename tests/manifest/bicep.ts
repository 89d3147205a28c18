/**
 * The App Service settings of infra/azure.bicep, read as text (Bicep cannot be compiled here), and the environment
 * they give the server once deployed, with samples for parameters, resource properties and Key Vault references.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './provisioned.js';

/** Settings of App Service itself, not of the server. */
export const platformSettings = ['WEBSITE_RUN_FROM_PACKAGE', 'SCM_DO_BUILD_DURING_DEPLOYMENT'];

/** `{ name: 'X', value: … }` pairs inside `appSettings: [ … ]`. */
export function appSettings(
  text = readFileSync(join(repoRoot, 'infra', 'azure.bicep'), 'utf8'),
): Array<{ name: string; value: string }> {
  const block = /appSettings:\s*\[([\s\S]*?)\n\s*\]/.exec(text)?.[1] ?? '';
  return [...block.matchAll(/\{\s*name:\s*'([A-Z0-9_]+)',\s*value:\s*(.+?)\s*\}\s*$/gm)].map((m) => ({
    name: m[1] as string,
    value: m[2] as string,
  }));
}

/** A value as App Service would hold it after deployment. */
export function sampleValue(name: string, value: string): string {
  if (/^'[^']*'$/.test(value) && !value.includes('${')) return value.slice(1, -1);
  if (value.startsWith("'@Microsoft.KeyVault(")) return `secret-of-${name}`;
  if (/^'.*'$/.test(value)) return value.slice(1, -1).replace(/\$\{[^}]+\}/g, 'sample');
  if (/Url$/.test(value)) return 'https://contoso.sharepoint.com/sites/Personeelsdossiers';
  return `sample-${value.replace(/[^A-Za-z]/g, '')}`;
}

/** The server's environment in App Service, as the Bicep file writes it. */
export function deployedEnvironment(): Record<string, string> {
  return Object.fromEntries(
    appSettings()
      .filter((s) => !platformSettings.includes(s.name))
      .map((s) => [s.name, sampleValue(s.name, s.value)]),
  );
}
