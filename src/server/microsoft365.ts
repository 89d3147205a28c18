import type { Client } from '@microsoft/microsoft-graph-client';
import { GraphCalendar } from '../graph/calendar.js';
import {
  createAppGraphClient,
  parseGraphConfig,
  type GraphClientOptions,
  type GraphConfig,
} from '../graph/client.js';
import { GraphDirectory } from '../graph/directory.js';
import { SharePointArchive } from '../graph/sharepoint-archive.js';
import { GraphTasks } from '../graph/tasks.js';
import { TeamsAppInstaller } from '../graph/app-installer.js';
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

/** The Graph implementations of every Microsoft 365 port but the messenger (which the bot provides). */
export function graphAdapters(
  config: GraphConfig,
  client: Client = createAppGraphClient(config),
): Required<Pick<ContextOverrides, 'directory' | 'calendar' | 'tasks' | 'archive'>> {
  const directory = new GraphDirectory({
    client,
    hrGroupId: config.hrGroupId,
    cacheTtlMs: config.directoryCacheTtlSeconds * 1000,
  });
  return {
    directory,
    ...(config.teamsAppId
      ? { appInstaller: new TeamsAppInstaller({ client, teamsAppId: config.teamsAppId }) }
      : {}),
    calendar: new GraphCalendar({ client, directory }),
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
