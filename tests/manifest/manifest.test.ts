/** The Teams app manifest and its English localization, filled per environment. */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  PackageError,
  bundledSchema,
  checkLocalizationKeys,
  fillPlaceholders,
  loadEnvironment,
  placeholdersIn,
  validateLocalization,
  validateManifest,
  valueAtKey,
} from '../../scripts/package.js';
import { committedEnv, provisionedOverrides, repoRoot } from './provisioned.js';

type Json = Record<string, unknown>;

const manifestText = readFileSync(join(repoRoot, 'manifest', 'manifest.json'), 'utf8');
const localizationText = readFileSync(join(repoRoot, 'manifest', 'en.json'), 'utf8');

function filled(env: string): { manifest: Json; localization: Json } {
  const values = loadEnvironment(env, { root: repoRoot, overrides: provisionedOverrides(env) });
  return {
    manifest: JSON.parse(fillPlaceholders(manifestText, values, 'manifest.json')) as Json,
    localization: JSON.parse(fillPlaceholders(localizationText, values, 'en.json')) as Json,
  };
}

const at = (doc: unknown, key: string): unknown => valueAtKey(doc as Parameters<typeof valueAtKey>[0], key);

describe('unified app manifest', () => {
  it('declares schema v1.30', () => {
    const raw = JSON.parse(manifestText) as Json;
    expect(raw.$schema).toBe(
      'https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json',
    );
    expect(raw.manifestVersion).toBe('1.30');
  });

  it.each(['dev', 'local'])('every placeholder is declared in env/.env.%s', (env) => {
    const declared = committedEnv(env);
    const used = [...placeholdersIn(manifestText), ...placeholdersIn(localizationText)];
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((name) => !(name in declared))).toEqual([]);
  });

  it.each(['dev', 'local'])('is valid against the bundled v1.30 schema when filled for %s', async (env) => {
    const { manifest } = filled(env);
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(validateManifest(manifest as Parameters<typeof validateManifest>[0])).toEqual([]);
  });

  it('is refused by the schema when it breaks a rule (the validation can fail)', async () => {
    const { manifest } = filled('dev');
    const broken = structuredClone(manifest) as Json & { staticTabs: Json[]; bots: Json[] };
    broken.id = 'not-a-guid';
    (broken.staticTabs[0] as Json).context = ['somewhereElse'];
    delete broken.accentColor;
    const errors = validateManifest(broken as Parameters<typeof validateManifest>[0]);
    expect(errors.some((e) => e.startsWith('/id '))).toBe(true);
    expect(errors.some((e) => e.startsWith('/staticTabs/0/context/0 '))).toBe(true);
    expect(errors.some((e) => e.includes('accentColor'))).toBe(true);
  });

  it('has the personal tab, the meeting tab, the bot with its commands and the feed activities', () => {
    const { manifest } = filled('dev');
    expect(at(manifest, 'staticTabs[0]')).toMatchObject({
      entityId: 'gesprekken',
      contentUrl: 'https://gesprekabc123.azurewebsites.net/tabs/home/index.html',
      scopes: ['personal'],
      context: ['personalTab'],
    });
    // Meeting surfaces belong to a tab in the meeting's chat (groupChat) scope.
    expect(at(manifest, 'configurableTabs[0].scopes')).toEqual(['groupChat']);
    expect(at(manifest, 'configurableTabs[0].context')).toEqual([
      'meetingSidePanel',
      'meetingDetailsTab',
      'meetingChatTab',
    ]);
    expect(at(manifest, 'bots[0].botId')).toBe('3c5e7a9b-1d2f-4e6a-8b0c-2d4f6a8c0e12');
    expect(at(manifest, 'bots[0].scopes')).toEqual(['personal']);
    const commands = at(manifest, 'bots[0].commandLists[0].commands') as { title: string }[];
    expect(commands.map((c) => c.title)).toEqual(['help', 'mijn gesprekken', 'status']);
    const types = (at(manifest, 'activities.activityTypes') as { type: string }[]).map((a) => a.type);
    expect(types).toEqual(
      expect.arrayContaining(['approvalRequested', 'conversationPlanned', 'documentArchived']),
    );
  });

  it('carries the Outlook add-in for the organizer of an appointment', () => {
    const { manifest } = filled('dev');
    expect(at(manifest, 'extensions[0].requirements')).toEqual({
      scopes: ['mail'],
      capabilities: [{ name: 'Mailbox', minVersion: '1.3' }],
    });
    expect(at(manifest, 'extensions[0].runtimes[0].code.page')).toBe(
      'https://gesprekabc123.azurewebsites.net/outlook/index.html',
    );
    expect(at(manifest, 'extensions[0].ribbons[0].contexts')).toEqual(['meetingDetailsOrganizer']);
    const button = at(manifest, 'extensions[0].ribbons[0].tabs[0].groups[0].controls[0]') as Json;
    expect(button.label).toBe('Gesprek plannen');
    const actions = at(manifest, 'extensions[0].runtimes[0].actions') as { id: string; type: string }[];
    expect(actions).toContainEqual(expect.objectContaining({ id: button.actionId, type: 'openPage' }));
    expect(at(manifest, 'authorization.permissions.resourceSpecific')).toContainEqual({
      name: 'MailboxItem.ReadWrite.User',
      type: 'Delegated',
    });
  });

  it('declares single sign-on with nested app authentication', () => {
    const { manifest } = filled('dev');
    const clientId = '0b7e5c3a-2f41-4d6b-8e9a-1c3d5e7f9b21';
    expect(at(manifest, 'webApplicationInfo.id')).toBe(clientId);
    expect(at(manifest, 'webApplicationInfo.resource')).toBe(
      `api://gesprekabc123.azurewebsites.net/${clientId}`,
    );
    expect(at(manifest, 'webApplicationInfo.nestedAppAuthInfo[0]')).toEqual({
      redirectUri: 'brk-multihub://gesprekabc123.azurewebsites.net',
      scopes: [`api://gesprekabc123.azurewebsites.net/${clientId}/access_as_user`],
    });
    expect(at(manifest, 'validDomains')).toEqual(['gesprekabc123.azurewebsites.net']);
  });

  it('speaks Dutch by default and names English as the additional language', () => {
    const raw = JSON.parse(manifestText) as Json;
    expect(raw.localizationInfo).toEqual({
      defaultLanguageTag: 'nl-nl',
      additionalLanguages: [{ languageTag: 'en-us', file: 'en.json' }],
    });
    expect(at(raw, 'name.short')).toBe('Gesprekscyclus');
    expect(at(raw, 'staticTabs[0].name')).toBe('Gesprekken');
  });
});

describe('English localization file', () => {
  it('is valid against the bundled v1.30 localization schema', () => {
    const { localization } = filled('dev');
    expect(validateLocalization(localization as Parameters<typeof validateLocalization>[0], '1.30')).toEqual(
      [],
    );
  });

  it('is refused by the schema with an unknown key or a missing required one', () => {
    const { localization } = filled('dev');
    const broken = { ...localization, 'staticTabs[0].nam': 'x' } as Json;
    delete broken['name.short'];
    const errors = validateLocalization(broken as Parameters<typeof validateLocalization>[0], '1.30');
    expect(errors.some((e) => e.includes('additionalProperty'))).toBe(true);
    expect(errors.some((e) => e.includes('name.short'))).toBe(true);
  });

  it('has a translation for every translatable text of the manifest, and nothing else', () => {
    const { manifest, localization } = filled('dev');
    const schema = bundledSchema('1.30', 'MicrosoftTeams.Localization.schema.json');
    type Doc = Parameters<typeof checkLocalizationKeys>[0];
    expect(checkLocalizationKeys(manifest as Doc, localization as Doc, schema)).toEqual([]);

    const missing = { ...localization } as Json;
    delete missing['bots[0].commandLists[0].commands[1].title'];
    const extra = { ...localization, 'bots[0].commandLists[0].commands[7].title': 'ghost' } as Json;
    expect(checkLocalizationKeys(manifest as Doc, missing as Doc, schema)).toEqual([
      'bots[0].commandLists[0].commands[1].title: no translation',
    ]);
    expect(checkLocalizationKeys(manifest as Doc, extra as Doc, schema)).toEqual([
      'bots[0].commandLists[0].commands[7].title: not a text in the manifest',
    ]);
  });

  it('keeps the same template parameters in every feed text', () => {
    const { manifest, localization } = filled('dev');
    const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const activities = at(manifest, 'activities.activityTypes') as { templateText: string }[];
    activities.forEach((activity, i) => {
      const english = localization[`activities.activityTypes[${i}].templateText`] as string;
      expect(params(english)).toEqual(params(activity.templateText));
      expect(params(activity.templateText).length).toBeGreaterThan(0);
    });
  });
});

describe('placeholders', () => {
  it('names every missing or empty variable at once', () => {
    const fill = () =>
      fillPlaceholders(
        '{"a":"${{ONE}}","b":"${{TWO}}","c":"${{THREE}}"}',
        { ONE: 'x', TWO: '' },
        'test.json',
      );
    expect(fill).toThrow(PackageError);
    try {
      fill();
    } catch (error) {
      expect((error as PackageError).problems).toEqual(['TWO', 'THREE']);
    }
  });

  it('escapes values so the JSON stays valid', () => {
    const text = fillPlaceholders(
      '{"name":"${{NAME}}"}',
      { NAME: 'Gemeente "Dijkstad" \\ Noord' },
      'test.json',
    );
    expect(JSON.parse(text)).toEqual({ name: 'Gemeente "Dijkstad" \\ Noord' });
  });

  it('lets set overrides win over the env file and ignores empty ones', () => {
    const values = loadEnvironment('dev', {
      root: repoRoot,
      overrides: { TAB_DOMAIN: 'example.org', DEVELOPER_NAME: '' },
    });
    expect(values.TAB_DOMAIN).toBe('example.org');
    expect(values.DEVELOPER_NAME).toBe('Gemeente Dijkstad');
  });

  it('refuses an unknown environment', () => {
    expect(() => loadEnvironment('staging', { root: repoRoot })).toThrow(/Unknown environment "staging"/);
  });
});
