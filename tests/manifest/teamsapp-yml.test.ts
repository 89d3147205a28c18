import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ajv from 'ajv';
import { parse } from 'yaml';
import { committedEnv, repoRoot } from './provisioned.js';

interface Action {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface ProjectFile {
  version: string;
  environmentFolderPath: string;
  provision: Action[];
  deploy: Action[];
  publish?: Action[];
}

const schema = JSON.parse(
  readFileSync(join(repoRoot, 'tests', 'manifest', 'schemas', 'teamsapp-yaml-v1.11.schema.json'), 'utf8'),
) as {
  properties: { version: { const: string } };
};
const validate = new ajv.default({ allErrors: true, strict: false }).compile(schema);

const text = (file: string) => readFileSync(join(repoRoot, file), 'utf8');
const load = (file: string) => parse(text(file)) as ProjectFile;
const uses = (actions: Action[]) => actions.map((a) => a.uses);
const placeholders = (source: string) =>
  [...source.matchAll(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g)].map((m) => m[1] as string);

// Variables the toolkit itself provides while it runs.
const builtIn = [
  'TEAMSFX_ENV',
  'APP_NAME_SUFFIX',
  'AZURE_SUBSCRIPTION_ID',
  'AZURE_RESOURCE_GROUP_NAME',
  'RESOURCE_SUFFIX',
];

describe.each([
  ['teamsapp.yml', 'dev'],
  ['teamsapp.local.yml', 'local'],
])('%s', (file, env) => {
  const project = load(file);

  it('is valid against the toolkit yaml schema, with the matching version line', () => {
    expect(validate(project) ? [] : validate.errors).toEqual([]);
    expect(project.version).toBe(schema.properties.version.const);
    expect(text(file)).toContain(
      `$schema=https://aka.ms/m365-agents-toolkits/${schema.properties.version.const}/yaml.schema.json`,
    );
    expect(project.environmentFolderPath).toBe('./env');
  });

  it('provisions in the toolkit order: app, Entra apps, (resources,) Entra update, manifest, package', () => {
    const steps = uses(project.provision);
    const order = [
      'teamsApp/create',
      'aadApp/create',
      'botAadApp/create',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ];
    expect(steps.filter((s) => order.includes(s))).toEqual(order);
    if (env === 'dev') {
      // The Entra app's identifier URI needs the App Service's domain, an output of arm/deploy.
      expect(steps.indexOf('arm/deploy')).toBeGreaterThan(steps.indexOf('botAadApp/create'));
      expect(steps.indexOf('arm/deploy')).toBeLessThan(steps.indexOf('aadApp/update'));
    } else {
      expect(steps).toContain('botFramework/create');
    }
  });

  it('points every teamsApp manifest step at manifest/manifest.json and the package at appPackage/build', () => {
    const all = [...project.provision, ...project.deploy, ...(project.publish ?? [])];
    const manifestSteps = all.filter(
      (a) => a.with && 'manifestPath' in a.with && a.uses.startsWith('teamsApp/'),
    );
    expect(manifestSteps.length).toBeGreaterThanOrEqual(2);
    for (const step of manifestSteps) expect(step.with?.manifestPath).toBe('./manifest/manifest.json');
    for (const step of all.filter((a) => a.with && 'appPackagePath' in a.with)) {
      expect(step.with?.appPackagePath).toBe('./appPackage/build/appPackage.${{TEAMSFX_ENV}}.zip');
    }
  });

  it('uses only variables the env file declares, the toolkit provides, or an earlier step writes', () => {
    const declared = new Set([...Object.keys(committedEnv(env)), ...builtIn]);
    const written = new Set<string>();
    const undeclared: string[] = [];
    for (const action of [...project.provision, ...project.deploy, ...(project.publish ?? [])]) {
      for (const name of placeholders(JSON.stringify(action.with ?? {}))) {
        if (!declared.has(name) && !written.has(name)) undeclared.push(`${action.uses}: ${name}`);
      }
      for (const name of Object.values(action.writeToEnvironmentFile ?? {})) written.add(name);
      // arm/deploy writes the Bicep outputs.
      if (action.uses === 'arm/deploy') {
        for (const m of text('infra/azure.bicep').matchAll(/^output (\w+) /gm)) written.add(m[1] as string);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('is refused by the schema when a step is wrong (the validation can fail)', () => {
    const broken = structuredClone(project);
    (broken.provision[0] as Action).uses = 'teamsApp/invent';
    delete (broken.provision[1] as Action).writeToEnvironmentFile;
    expect(validate(broken)).toBe(false);
    expect(validate({ ...project, version: 'v0.1' })).toBe(false);
  });
});

describe('teamsapp.yml lifecycle', () => {
  const project = load('teamsapp.yml');

  it('deploys the Azure resources, then builds and zip-deploys to the App Service, then publishes', () => {
    const arm = project.provision.find((a) => a.uses === 'arm/deploy');
    expect(arm?.with?.templates).toEqual([
      expect.objectContaining({ path: './infra/azure.bicep', parameters: './infra/azure.parameters.json' }),
    ]);
    expect(uses(project.deploy)).toEqual([
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'azureAppService/zipDeploy',
    ]);
    expect(project.deploy.map((a) => a.with?.args).filter(Boolean)).toEqual([
      'ci',
      'run build',
      'run build:outlook',
    ]);
    expect(uses(project.publish ?? []).at(-1)).toBe('teamsApp/publishAppPackage');
    expect(project.provision.find((a) => a.uses === 'aadApp/update')?.with?.manifestPath).toBe(
      './aad.manifest.json',
    );
  });

  it('keeps secrets in SECRET_ variables only', () => {
    const secrets = [...project.provision, ...project.deploy].flatMap((a) =>
      Object.entries(a.writeToEnvironmentFile ?? {})
        .filter(([key]) => /secret|password/i.test(key))
        .map(([, name]) => name),
    );
    expect(secrets.length).toBeGreaterThan(0);
    for (const name of secrets) expect(name).toMatch(/^SECRET_/);
  });
});

describe('infra parameters', () => {
  it('fill every Bicep parameter without a default from a declared variable, secrets from SECRET_ ones', () => {
    const bicep = text('infra/azure.bicep');
    const parameters = JSON.parse(text('infra/azure.parameters.json')) as {
      parameters: Record<string, { value: string }>;
    };
    const required = [...bicep.matchAll(/^param (\w+) \w+$/gm)].map((m) => m[1] as string);
    expect(required.filter((name) => !(name in parameters.parameters))).toEqual([]);
    const known = [...Object.keys(parameters.parameters)];
    const declaredInBicep = [...bicep.matchAll(/^param (\w+) /gm)].map((m) => m[1]);
    expect(known.filter((name) => !declaredInBicep.includes(name))).toEqual([]);

    const secure = [...bicep.matchAll(/@secure\(\)\n(?:@[^\n]+\n)*param (\w+)/g)].map((m) => m[1] as string);
    expect(secure).toEqual(['aadAppClientSecret', 'botAadAppClientSecret', 'postgresAdminPassword']);
    for (const name of secure)
      expect(parameters.parameters[name]?.value).toMatch(/^\$\{\{SECRET_[A-Z_]+\}\}$/);

    const declared = new Set([
      ...Object.keys(committedEnv('dev')),
      ...builtIn,
      'SECRET_AAD_APP_CLIENT_SECRET',
      'SECRET_BOT_PASSWORD',
    ]);
    const sample = readFileSync(join(repoRoot, 'env', '.env.dev.user.sample'), 'utf8');
    for (const name of placeholders(JSON.stringify(parameters))) {
      if (name.startsWith('SECRET_')) expect(sample).toContain(`${name}=`);
      else expect(declared.has(name)).toBe(true);
    }
  });

  it('declares the App Service on Node 22 LTS with its health check, PostgreSQL, Key Vault, identity and bot', () => {
    const bicep = text('infra/azure.bicep');
    expect(bicep).toContain("linuxFxVersion: 'NODE|22-lts'");
    expect(bicep).toContain("healthCheckPath: '/api/health'");
    for (const type of [
      'Microsoft.DBforPostgreSQL/flexibleServers@',
      'Microsoft.KeyVault/vaults@',
      'Microsoft.ManagedIdentity/userAssignedIdentities@',
      'Microsoft.BotService/botServices@',
      'Microsoft.Web/sites@',
    ]) {
      expect(bicep).toContain(`'${type}`);
    }
    // Secrets reach the app only as Key Vault references.
    expect(bicep).not.toMatch(/name: 'BOT_PASSWORD', value: botAadAppClientSecret/);
    expect(bicep).toMatch(/name: 'BOT_PASSWORD', value: '@Microsoft\.KeyVault\(SecretUri=/);
  });
});

describe('Entra app manifest', () => {
  it('exposes access_as_user under the URI that the Teams manifest names as resource', () => {
    const aad = JSON.parse(text('aad.manifest.json')) as {
      identifierUris: string[];
      api: { oauth2PermissionScopes: { value: string }[] };
      spa: { redirectUris: string[] };
    };
    const manifest = JSON.parse(text('manifest/manifest.json')) as {
      webApplicationInfo: { resource: string };
    };
    expect(aad.identifierUris).toEqual([manifest.webApplicationInfo.resource]);
    expect(aad.api.oauth2PermissionScopes.map((s) => s.value)).toEqual(['access_as_user']);
    expect(aad.spa.redirectUris).toContain('brk-multihub://${{TAB_DOMAIN}}');
  });
});
