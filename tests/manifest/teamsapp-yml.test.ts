/** The Agents Toolkit project files: teamsapp.yml's lifecycle, the infra parameters and the Entra app. */
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
  ['m365agents.playground.yml', 'playground'],
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
    if (env === 'playground') {
      // The Playground needs no Teams app, Entra app or bot registration: it only deploys.
      expect(project.provision).toBeUndefined();
      return;
    }
    const steps = uses(project.provision);
    // No botAadApp/create: it makes a multi-tenant app without a service principal.
    expect(steps).not.toContain('botAadApp/create');
    const order = [
      'teamsApp/create',
      'aadApp/create',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ];
    expect([...new Set(steps.filter((s) => order.includes(s)))]).toEqual(order);
    if (env === 'dev') {
      // The Entra app's identifier URI needs the App Service's domain, an output of arm/deploy, which also makes
      // the bot's managed identity (BOT_ID) before the manifest is zipped.
      expect(steps.indexOf('arm/deploy')).toBeGreaterThan(steps.indexOf('aadApp/create'));
      expect(steps.indexOf('arm/deploy')).toBeLessThan(steps.indexOf('aadApp/update'));
      expect(steps.filter((s) => s === 'aadApp/create')).toHaveLength(1);
    } else {
      // Locally the bot is a single-tenant Entra app with its service principal, registered on the tunnel.
      const bot = project.provision.find(
        (a) => a.uses === 'aadApp/create' && a.writeToEnvironmentFile?.clientId === 'BOT_ID',
      );
      expect(bot?.with).toMatchObject({ generateServicePrincipal: true, signInAudience: 'AzureADMyOrg' });
      expect(steps.indexOf('botFramework/create')).toBeGreaterThan(project.provision.indexOf(bot!));
    }
  });

  it('points every teamsApp manifest step at manifest/manifest.json and the package at appPackage/build', () => {
    const all = [...(project.provision ?? []), ...project.deploy, ...(project.publish ?? [])];
    const manifestSteps = all.filter(
      (a) => a.with && 'manifestPath' in a.with && a.uses.startsWith('teamsApp/'),
    );
    expect(manifestSteps.length).toBeGreaterThanOrEqual(env === 'playground' ? 0 : 2);
    for (const step of manifestSteps) expect(step.with?.manifestPath).toBe('./manifest/manifest.json');
    for (const step of all.filter((a) => a.with && 'appPackagePath' in a.with)) {
      expect(step.with?.appPackagePath).toBe('./appPackage/build/appPackage.${{TEAMSFX_ENV}}.zip');
    }
  });

  it('uses only variables the env file declares, the toolkit provides, or an earlier step writes', () => {
    const declared = new Set([...Object.keys(committedEnv(env)), ...builtIn]);
    const written = new Set<string>();
    const undeclared: string[] = [];
    for (const action of [...(project.provision ?? []), ...project.deploy, ...(project.publish ?? [])]) {
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
    const steps = broken.provision ?? broken.deploy;
    (steps[0] as Action).uses = 'teamsApp/invent';
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
      'run package:server',
    ]);
    // The upload is the staged server (production dependencies only), not the checkout with its dev install.
    expect(project.deploy.at(-1)?.with?.artifactFolder).toBe('./appPackage/build/server');
    expect(JSON.parse(text('package.json')).scripts['package:server']).toBe('tsx scripts/package.ts server');
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
    // No bot secret: the bot is the user-assigned managed identity.
    expect(secure).toEqual(['aadAppClientSecret', 'postgresAdminPassword']);
    for (const name of secure)
      expect(parameters.parameters[name]?.value).toMatch(/^\$\{\{SECRET_[A-Z_]+\}\}$/);

    const declared = new Set([
      ...Object.keys(committedEnv('dev')),
      ...builtIn,
      'SECRET_AAD_APP_CLIENT_SECRET',
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
    expect(bicep).toMatch(/name: 'GRAPH_CLIENT_SECRET', value: '@Microsoft\.KeyVault\(SecretUri=/);
    expect(bicep).toMatch(/name: 'DATABASE_URL', value: '@Microsoft\.KeyVault\(SecretUri=/);
  });

  it('makes the bot the user-assigned managed identity, as the toolkit templates do: no bot secret', () => {
    const bicep = text('infra/azure.bicep');
    expect(bicep).toContain("msaAppType: 'UserAssignedMSI'");
    expect(bicep).toContain('msaAppMSIResourceId: identity.id');
    expect(bicep).toContain('msaAppId: identity.properties.clientId');
    expect(bicep).toMatch(/name: 'BOT_ID', value: identity\.properties\.clientId/);
    expect(bicep).toMatch(/^output BOT_ID string = identity\.properties\.clientId$/m);
    expect(bicep).not.toMatch(/BOT_PASSWORD|SingleTenant|botAadAppClient/);
    // The web app carries the identity the Teams SDK signs in with (clientId without a secret).
    expect(bicep).toMatch(/userAssignedIdentities: \{ '\$\{identity\.id\}': \{\} \}/);
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

  it("pre-authorizes the Teams, Outlook and Microsoft 365 clients for access_as_user, as the toolkit's tab template", () => {
    const aad = JSON.parse(text('aad.manifest.json')) as {
      api: { preAuthorizedApplications: { appId: string; delegatedPermissionIds: string[] }[] };
      optionalClaims: { accessToken: { name: string }[] };
    };
    const ids = aad.api.preAuthorizedApplications.map((a) => a.appId);
    for (const client of [
      '1fec8e78-bce4-4aaf-ab1b-5451cc387264', // Teams desktop and mobile
      '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', // Teams web
      '4765445b-32c6-49b0-83e6-1d93765276ca', // Microsoft 365 web
      '0ec893e0-5785-4de6-99da-4ed124e5296c', // Microsoft 365 desktop
      'd3590ed6-52b3-4102-aeff-aad2292ab01c', // Microsoft 365 mobile, Outlook desktop
      'bc59ab01-8403-45c6-8796-ac3ef710b3e3', // Outlook web
      '27922004-5251-4030-b22d-91ecd9a37ea4', // Outlook mobile
    ])
      expect(ids).toContain(client);
    for (const entry of aad.api.preAuthorizedApplications)
      expect(entry.delegatedPermissionIds).toEqual(['${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}']);
    // The server refuses guest accounts by this claim.
    expect(aad.optionalClaims.accessToken.map((c) => c.name)).toContain('acct');
  });
});

describe('local debugging as the toolkit templates have it', () => {
  const local = load('teamsapp.local.yml');
  const playground = load('m365agents.playground.yml');
  const scripts = (JSON.parse(text('package.json')) as { scripts: Record<string, string> }).scripts;
  const jsonc = (file: string) =>
    JSON.parse(
      text(file)
        .replace(/^\s*\/\/.*$/gm, '')
        .replace(/\s\/\/ .*$/gm, ''),
    ) as Record<string, unknown>;

  it('builds everything the server serves: the Teams tab and the Outlook task pane', () => {
    for (const project of [local, playground]) {
      const args = project.deploy.map((a) => a.with?.args);
      expect(args).toContain('run build:web');
    }
    expect(scripts['build:web']).toMatch(/build:tab.*build:outlook/);
  });

  it('starts the server with the settings deploy wrote', () => {
    const target = (project: ProjectFile) =>
      project.deploy.find((a) => a.uses === 'file/createOrUpdateEnvironmentFile')?.with?.target;
    expect(scripts['dev:teams']).toContain(`--env-file=${String(target(local)).replace('./', '')}`);
    expect(scripts['dev:playground']).toContain(`--env-file=${String(target(playground)).replace('./', '')}`);
    const envs = playground.deploy.find((a) => a.uses === 'file/createOrUpdateEnvironmentFile')?.with?.envs;
    expect(envs).toMatchObject({
      PORT: 3978,
      AUTH_MODE: 'local',
      BOT_SERVICE_URL: 'http://localhost:56150/_connector',
    });
    expect(scripts['playground:ui']).toBe(
      'agentsplayground start -e http://localhost:3978/api/messages -c msteams -p 56150',
    );
    expect(scripts.playground).toBe('tsx scripts/playground.ts');
    const localEnvs = local.deploy.find((a) => a.uses === 'file/createOrUpdateEnvironmentFile')?.with?.envs;
    expect(localEnvs).toMatchObject({ AUTH_MODE: 'entra', MICROSOFT_365: 'graph', PORT: 3978 });
  });

  it('has F5 launch configurations with a dev tunnel and the Playground, .nvmrc and a typecheck script', () => {
    const launch = jsonc('.vscode/launch.json') as { compounds: { name: string; preLaunchTask: string }[] };
    const tasks = jsonc('.vscode/tasks.json') as {
      tasks: { label: string; command?: string; args?: Record<string, unknown>; dependsOn?: string[] }[];
    };
    const task = (label: string) => tasks.tasks.find((t) => t.label === label);
    for (const compound of launch.compounds) expect(task(compound.preLaunchTask)).toBeDefined();
    expect(launch.compounds.map((c) => c.name)).toEqual(
      expect.arrayContaining(['Debug in Teams (Edge)', 'Debug in Microsoft 365 Agents Playground']),
    );
    const tunnel = task('Start local tunnel');
    expect(tunnel?.command).toBe('debug-start-local-tunnel');
    expect(JSON.stringify(tunnel?.args)).toContain('"type":"dev-tunnel"');
    expect(JSON.stringify(tunnel?.args)).toContain('"endpoint":"TAB_ENDPOINT"');
    expect(task('Start App Locally')?.dependsOn).toEqual([
      'Validate prerequisites',
      'Start local tunnel',
      'Provision',
      'Deploy',
      'Start application',
    ]);
    expect(task('Start application')?.command).toBe('npm run dev:teams');
    expect(task('Deploy (Microsoft 365 Agents Playground)')?.args).toEqual({ env: 'playground' });
    expect(text('.nvmrc').trim()).toBe('22');
    expect(scripts.typecheck).toBe('tsc -p tsconfig.json --noEmit');
  });
});
