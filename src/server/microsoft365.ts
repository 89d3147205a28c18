/** Microsoft Graph behind every port in a tenant: the adapters and their configuration. */
import type { Client } from '@microsoft/microsoft-graph-client';
import { GraphCalendar } from '../graph/calendar.js';
import {
  OnBehalfOfTokenProvider,
  createAppGraphClient,
  createUserGraphClient,
  parseGraphConfig,
  type GraphClientOptions,
  type GraphConfig,
  type OnBehalfOfClient,
} from '../graph/client.js';
import { driveIdByName, siteIdFromUrl } from '../graph/sharepoint-site.js';
import { currentUserToken } from './auth.js';
import type { Config } from './config.js';
import { GraphDirectory } from '../graph/directory.js';
import { SharePointArchive } from '../graph/sharepoint-archive.js';
import { GraphTasks } from '../graph/tasks.js';
import { TeamsAppInstaller } from '../graph/app-installer.js';
import { GraphChatHistory } from '../graph/chat-history.js';
import type { ContextOverrides } from './app.js';

const flag = (value: string | undefined, fallback: boolean): boolean =>
  value === undefined ? fallback : ['1', 'true', 'yes'].includes(value.toLowerCase());
const int = (value: string | undefined): number | undefined =>
  value === undefined || value === '' ? undefined : Number(value);

/**
 * Reads the Microsoft Graph settings from the environment (`GRAPH_*`, `SHAREPOINT_*`, `HR_GROUP_ID`, …) and
 * checks them with the Graph adapters' schema. Throws one readable error listing what is wrong.
 */
export function graphConfigFromEnv(env: Record<string, string | undefined> = process.env): GraphConfig {
  const raw = {
    tenantId: env.GRAPH_TENANT_ID ?? env.ENTRA_TENANT_ID,
    clientId: env.GRAPH_CLIENT_ID ?? env.ENTRA_CLIENT_ID,
    ...(env.GRAPH_CLIENT_SECRET ? { clientSecret: env.GRAPH_CLIENT_SECRET } : {}),
    ...(env.GRAPH_CERTIFICATE_PATH ? { certificatePath: env.GRAPH_CERTIFICATE_PATH } : {}),
    useManagedIdentity: flag(env.GRAPH_USE_MANAGED_IDENTITY, false),
    ...(env.GRAPH_MANAGED_IDENTITY_CLIENT_ID
      ? { managedIdentityClientId: env.GRAPH_MANAGED_IDENTITY_CLIENT_ID }
      : {}),
    siteId: env.SHAREPOINT_SITE_ID,
    driveId: env.SHAREPOINT_DRIVE_ID,
    ...(env.SHAREPOINT_ARCHIVE_FOLDER ? { archiveRootFolder: env.SHAREPOINT_ARCHIVE_FOLDER } : {}),
    confidentialDriveId: env.SHAREPOINT_CONFIDENTIAL_DRIVE_ID,
    ...(env.SHAREPOINT_CONFIDENTIAL_FOLDER
      ? { confidentialRootFolder: env.SHAREPOINT_CONFIDENTIAL_FOLDER }
      : {}),
    ...(env.SHAREPOINT_CONFIDENTIAL_RETENTION_LABEL
      ? { confidentialRetentionLabel: env.SHAREPOINT_CONFIDENTIAL_RETENTION_LABEL }
      : {}),
    hrGroupId: env.HR_GROUP_ID,
    archiveAccess: {
      hrGroup: flag(env.ARCHIVE_GRANT_HR, true),
      employee: flag(env.ARCHIVE_GRANT_EMPLOYEE, true),
    },
    ...(env.RETENTION_LABEL ? { retentionLabel: env.RETENTION_LABEL } : {}),
    ...(env.TEAMS_APP_ID ? { teamsAppId: env.TEAMS_APP_ID } : {}),
    ...(env.TODO_LIST_NAME ? { taskListName: env.TODO_LIST_NAME } : {}),
    ...(int(env.GRAPH_TIMEOUT_MS) !== undefined ? { requestTimeoutMs: int(env.GRAPH_TIMEOUT_MS) } : {}),
    ...(int(env.DIRECTORY_CACHE_SECONDS) !== undefined
      ? { directoryCacheTtlSeconds: int(env.DIRECTORY_CACHE_SECONDS) }
      : {}),
  };
  return parseGraphConfig(raw, envNames);
}

/** The environment variable of each Graph setting, so a refused configuration names what to set. */
const envNames: Record<string, string> = {
  tenantId: 'GRAPH_TENANT_ID',
  clientId: 'GRAPH_CLIENT_ID',
  clientSecret: 'GRAPH_CLIENT_SECRET',
  siteId: 'SHAREPOINT_SITE_ID',
  driveId: 'SHAREPOINT_DRIVE_ID',
  archiveRootFolder: 'SHAREPOINT_ARCHIVE_FOLDER',
  confidentialDriveId: 'SHAREPOINT_CONFIDENTIAL_DRIVE_ID',
  confidentialRootFolder: 'SHAREPOINT_CONFIDENTIAL_FOLDER',
  hrGroupId: 'HR_GROUP_ID',
};

/** What a Graph start may be handed instead of reaching Microsoft 365 (tests: the fake Graph). */
export interface Microsoft365Options {
  /** The app-only client; built from the configured credential otherwise. */
  client?: Client;
  /** The on-behalf-of exchange; MSAL's confidential client otherwise. */
  onBehalfOf?: OnBehalfOfClient;
}

/**
 * The app-only client for the configured credential, before the full configuration is known: the site and
 * libraries given by URL and name are looked up with it.
 */
function clientFromSettings(env: Record<string, string | undefined>): Client {
  const secret = env.GRAPH_CLIENT_SECRET;
  const certificate = env.GRAPH_CERTIFICATE_PATH;
  return createAppGraphClient({
    tenantId: env.GRAPH_TENANT_ID ?? env.ENTRA_TENANT_ID ?? '',
    clientId: env.GRAPH_CLIENT_ID ?? env.ENTRA_CLIENT_ID ?? '',
    ...(secret ? { clientSecret: secret } : {}),
    ...(certificate ? { certificatePath: certificate } : {}),
    ...(env.GRAPH_MANAGED_IDENTITY_CLIENT_ID
      ? { managedIdentityClientId: env.GRAPH_MANAGED_IDENTITY_CLIENT_ID }
      : {}),
    requestTimeoutMs: int(env.GRAPH_TIMEOUT_MS) ?? 30_000,
    maxRetries: 5,
  });
}

/**
 * Fills in `SHAREPOINT_SITE_ID`, `SHAREPOINT_DRIVE_ID` and `SHAREPOINT_CONFIDENTIAL_DRIVE_ID` from
 * `SHAREPOINT_SITE_URL` and the libraries' names, where only those were given. Ids given directly win.
 */
export async function resolveSharePointSettings(
  client: Client,
  env: Record<string, string | undefined>,
): Promise<Record<string, string | undefined>> {
  const resolved = { ...env };
  if (!resolved.SHAREPOINT_SITE_ID && resolved.SHAREPOINT_SITE_URL)
    resolved.SHAREPOINT_SITE_ID = await siteIdFromUrl(client, resolved.SHAREPOINT_SITE_URL);
  const siteId = resolved.SHAREPOINT_SITE_ID;
  if (siteId && !resolved.SHAREPOINT_DRIVE_ID && resolved.SHAREPOINT_LIBRARY_NAME)
    resolved.SHAREPOINT_DRIVE_ID = await driveIdByName(client, siteId, resolved.SHAREPOINT_LIBRARY_NAME);
  if (siteId && !resolved.SHAREPOINT_CONFIDENTIAL_DRIVE_ID && resolved.SHAREPOINT_CONFIDENTIAL_LIBRARY_NAME)
    resolved.SHAREPOINT_CONFIDENTIAL_DRIVE_ID = await driveIdByName(
      client,
      siteId,
      resolved.SHAREPOINT_CONFIDENTIAL_LIBRARY_NAME,
    );
  return resolved;
}

/**
 * Microsoft Graph behind every Microsoft 365 port, from the server's configuration: resolves the SharePoint site
 * and libraries, checks the complete Graph configuration, and lets the calendar plan as the signed-in user
 * (on-behalf-of) while an API request with that user's token is being handled.
 */
export async function microsoft365Adapters(
  config: Config,
  options: Microsoft365Options = {},
): Promise<ReturnType<typeof graphAdapters>> {
  const env: Record<string, string | undefined> = {
    ...config.graphSettings,
    ENTRA_TENANT_ID: config.entra.tenantId,
    ENTRA_CLIENT_ID: config.entra.clientId,
    TEAMS_APP_ID: config.teamsAppId,
  };
  const client = options.client ?? clientFromSettings(env);
  const graphConfig = graphConfigFromEnv(await resolveSharePointSettings(client, env));
  const onBehalfOf = new OnBehalfOfTokenProvider(graphConfig, options.onBehalfOf);
  return graphAdapters(graphConfig, client, {
    delegatedClient: () => {
      const token = currentUserToken();
      return token ? createUserGraphClient(graphConfig, onBehalfOf, token) : undefined;
    },
  });
}

/** The app's installation for each person, and the bot's messages read back from the chat it gives. */
function teamsAppAdapters(
  client: Client,
  teamsAppId: string,
): Required<Pick<ContextOverrides, 'appInstaller' | 'chatHistory'>> {
  const installer = new TeamsAppInstaller({ client, teamsAppId });
  return { appInstaller: installer, chatHistory: new GraphChatHistory({ client, chats: installer }) };
}

/** The Graph implementations of every Microsoft 365 port but the messenger (which the bot provides). */
export function graphAdapters(
  config: GraphConfig,
  client: Client = createAppGraphClient(config),
  calendarOptions: { delegatedClient?: () => Client | undefined } = {},
): Required<Pick<ContextOverrides, 'directory' | 'calendar' | 'tasks' | 'archive'>> &
  Pick<ContextOverrides, 'appInstaller' | 'chatHistory'> {
  const directory = new GraphDirectory({
    client,
    hrGroupId: config.hrGroupId,
    cacheTtlMs: config.directoryCacheTtlSeconds * 1000,
  });
  return {
    directory,
    ...(config.teamsAppId ? teamsAppAdapters(client, config.teamsAppId) : {}),
    calendar: new GraphCalendar({ client, directory, ...calendarOptions }),
    tasks: new GraphTasks({ client, listName: config.taskListName }),
    archive: new SharePointArchive({
      client,
      driveId: config.driveId,
      rootFolder: config.archiveRootFolder,
      hrGroupId: config.hrGroupId,
      access: config.archiveAccess,
      ...(config.retentionLabel ? { retentionLabel: config.retentionLabel } : {}),
      confidential: {
        driveId: config.confidentialDriveId,
        rootFolder: config.confidentialRootFolder,
        ...(config.confidentialRetentionLabel ? { retentionLabel: config.confidentialRetentionLabel } : {}),
      },
    }),
  };
}

export type { GraphClientOptions };
