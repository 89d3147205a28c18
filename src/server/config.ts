/** Reads the configuration from the environment once at start-up and fails fast on an invalid one. */
import { z } from 'zod';
import type { Config } from '../app/config.js';

export type { Config };

const optionalText = z.string().min(1).optional();
const optionalFlag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).optional();
const optionalCount = z.coerce.number().int().min(0).optional();

/**
 * The Microsoft Graph and SharePoint settings (used with MICROSOFT_365=graph). Named here so that this one schema
 * lists every setting the server reads; the Graph adapters' schema (src/graph/config.ts) checks their values in full
 * at start-up, after a site and libraries given by URL and name are resolved to ids.
 */
const graphEnvShape = {
  /** Defaults to ENTRA_TENANT_ID. */
  GRAPH_TENANT_ID: optionalText,
  /** Defaults to ENTRA_CLIENT_ID: the Entra app that was granted the Graph permissions. */
  GRAPH_CLIENT_ID: optionalText,
  GRAPH_CLIENT_SECRET: optionalText,
  GRAPH_CERTIFICATE_PATH: optionalText,
  GRAPH_USE_MANAGED_IDENTITY: optionalFlag,
  GRAPH_MANAGED_IDENTITY_CLIENT_ID: optionalText,
  GRAPH_TIMEOUT_MS: optionalCount,
  /** The personnel site by id, or by URL (`https://<tenant>.sharepoint.com/sites/<name>`). */
  SHAREPOINT_SITE_ID: optionalText,
  SHAREPOINT_SITE_URL: z.string().url().startsWith('https://').optional(),
  /** The personnel library by drive id, or by its name in that site. */
  SHAREPOINT_DRIVE_ID: optionalText,
  SHAREPOINT_LIBRARY_NAME: optionalText,
  SHAREPOINT_ARCHIVE_FOLDER: optionalText,
  /** The confidential library (Vitaliteitsgesprekken) by drive id, or by its name in the same site. */
  SHAREPOINT_CONFIDENTIAL_DRIVE_ID: optionalText,
  SHAREPOINT_CONFIDENTIAL_LIBRARY_NAME: optionalText,
  SHAREPOINT_CONFIDENTIAL_FOLDER: optionalText,
  SHAREPOINT_CONFIDENTIAL_RETENTION_LABEL: optionalText,
  HR_GROUP_ID: optionalText,
  ARCHIVE_GRANT_HR: optionalFlag,
  ARCHIVE_GRANT_EMPLOYEE: optionalFlag,
  RETENTION_LABEL: optionalText,
  TODO_LIST_NAME: optionalText,
  DIRECTORY_CACHE_SECONDS: optionalCount,
};

/** The names of the Microsoft Graph and SharePoint settings. */
export type GraphSettingName = keyof typeof graphEnvShape;
export const graphSettingNames = Object.keys(graphEnvShape) as GraphSettingName[];

type GraphEnv = { [K in GraphSettingName]?: string | number | undefined } & {
  ENTRA_TENANT_ID?: string | undefined;
  ENTRA_CLIENT_ID?: string | undefined;
};

/** Every Graph setting that is missing or contradictory, by the name an administrator sets. */
function graphProblems(env: GraphEnv): Array<{ name: string; message: string }> {
  const problems: Array<{ name: string; message: string }> = [];
  const need = (present: unknown, name: string, message: string) => {
    if (!present) problems.push({ name, message });
  };
  need(
    env.GRAPH_TENANT_ID ?? env.ENTRA_TENANT_ID,
    'GRAPH_TENANT_ID',
    'GRAPH_TENANT_ID (or ENTRA_TENANT_ID) is required.',
  );
  need(
    env.GRAPH_CLIENT_ID ?? env.ENTRA_CLIENT_ID,
    'GRAPH_CLIENT_ID',
    'GRAPH_CLIENT_ID (or ENTRA_CLIENT_ID) is required.',
  );
  const credentials = [
    env.GRAPH_CLIENT_SECRET,
    env.GRAPH_CERTIFICATE_PATH,
    ['true', '1', 'yes'].includes(String(env.GRAPH_USE_MANAGED_IDENTITY)) ? 'yes' : undefined,
  ].filter(Boolean).length;
  if (credentials !== 1)
    problems.push({
      name: 'GRAPH_CLIENT_SECRET',
      message:
        'Set exactly one of GRAPH_CLIENT_SECRET, GRAPH_CERTIFICATE_PATH or GRAPH_USE_MANAGED_IDENTITY=true.',
    });
  need(
    env.SHAREPOINT_SITE_ID ?? env.SHAREPOINT_SITE_URL,
    'SHAREPOINT_SITE_URL',
    'SHAREPOINT_SITE_URL (or SHAREPOINT_SITE_ID) is required: the site that holds the personnel library.',
  );
  need(
    env.SHAREPOINT_DRIVE_ID ?? env.SHAREPOINT_LIBRARY_NAME,
    'SHAREPOINT_LIBRARY_NAME',
    'SHAREPOINT_LIBRARY_NAME (or SHAREPOINT_DRIVE_ID) is required: the personnel library.',
  );
  need(
    env.SHAREPOINT_CONFIDENTIAL_DRIVE_ID ?? env.SHAREPOINT_CONFIDENTIAL_LIBRARY_NAME,
    'SHAREPOINT_CONFIDENTIAL_LIBRARY_NAME',
    'SHAREPOINT_CONFIDENTIAL_LIBRARY_NAME (or SHAREPOINT_CONFIDENTIAL_DRIVE_ID) is required: the confidential library.',
  );
  need(env.HR_GROUP_ID, 'HR_GROUP_ID', 'HR_GROUP_ID is required: the Entra group of HR.');
  return problems;
}

/**
 * Configuration from the environment, checked once at start-up. The server refuses to start on an invalid
 * or unsafe combination (local identity mode under a production configuration).
 */
const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: z.string().default('127.0.0.1'),
    PUBLIC_URL: z.string().url().optional(),
    DATA_DIR: z.string().default('./data'),
    DATABASE_URL: z.string().optional(),
    AUTH_MODE: z.enum(['local', 'entra']).default('local'),
    MICROSOFT_365: z.enum(['local', 'graph']).default('local'),
    ENTRA_TENANT_ID: z.string().optional(),
    ENTRA_CLIENT_ID: z.string().optional(),
    ENTRA_API_AUDIENCE: z.string().optional(),
    ENTRA_AUTHORITY_HOST: z.string().url().default('https://login.microsoftonline.com'),
    ENTRA_JWKS_URI: z.string().url().optional(),
    DEMO_ORGANISATION: z.string().default('./demo/organisation.json'),
    DEMO_SEED: z.enum(['on', 'off']).default('on'),
    ORGANISATION_NAME: z.string().optional(),
    TEAM_PICTURE_MINIMUM: z.coerce.number().int().min(2).default(10),
    REMINDER_DAYS_BEFORE: z.coerce.number().min(0).default(2),
    APPROVAL_REMINDER_DAYS: z.coerce.number().min(1).default(3),
    REFLECTION_DUE: z
      .string()
      .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'MM-DD, e.g. 10-01 for 1 October')
      .default('10-01'),
    WAY_OUT_TEXT: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .default(
        'Komen jullie er samen niet uit? Neem contact op met je HR-adviseur of met de vertrouwenspersoon.',
      ),
    WAY_OUT_TEXT_EN: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .default('Can’t agree? Contact your HR adviser or the confidential adviser (vertrouwenspersoon).'),
    TEAMS_APP_ID: z.string().default('00000000-0000-0000-0000-000000000000'),
    BOT_ID: z.string().optional(),
    BOT_PASSWORD: z.string().optional(),
    BOT_TENANT_ID: z.string().optional(),
    BOT_SERVICE_URL: z.string().url().default('https://smba.trafficmanager.net/teams/'),
    PLAYGROUND_USER: z.string().optional(),
    JOB_POLL_SECONDS: z.coerce.number().min(0.5).default(1),
    RETENTION_DAYS: z.coerce.number().int().min(1).default(90),
    RETENTION_CRON: z.string().default('30 3 * * *'),
    HR_VITALITY_RECORD: z
      .enum(['true', 'false', '1', '0', 'yes', 'no'])
      .default('true')
      .transform((value) => ['true', '1', 'yes'].includes(value)),
    ARCHIVE_ACCESS_CRON: z.string().default('20 * * * *'),
    WORKER_QUEUES: z.string().default('all'),
    ARCHIVE_HEARTBEAT_SECONDS: z.coerce.number().int().min(10).default(10),
    PDF_WORKERS: z.coerce.number().int().min(0).max(16).default(1),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** API requests one person may make per minute, counted in the database so it holds across instances. */
    RATE_LIMIT_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    /** Exports of one's own data per hour (each builds a zip of everything about that person). */
    RATE_LIMIT_EXPORTS_PER_HOUR: z.coerce.number().int().min(1).default(5),
    ...graphEnvShape,
  })
  .superRefine((env, ctx) => {
    if (env.AUTH_MODE === 'local' && env.NODE_ENV === 'production') {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_MODE'],
        message:
          'AUTH_MODE=local (demo identities) is refused when NODE_ENV=production; use AUTH_MODE=entra.',
      });
    }
    if (env.MICROSOFT_365 === 'graph' && env.AUTH_MODE === 'local') {
      ctx.addIssue({
        code: 'custom',
        path: ['MICROSOFT_365'],
        message: 'MICROSOFT_365=graph needs AUTH_MODE=entra: real directory ids need real sign-in.',
      });
    }
    if (env.AUTH_MODE === 'entra') {
      for (const key of ['ENTRA_TENANT_ID', 'ENTRA_CLIENT_ID'] as const) {
        if (!env[key])
          ctx.addIssue({ code: 'custom', path: [key], message: `${key} is required when AUTH_MODE=entra.` });
      }
    }
    if (env.NODE_ENV === 'production') {
      // A tenant deployment runs on the real directory, calendars and SharePoint, never the demo organisation.
      if (env.MICROSOFT_365 !== 'graph')
        ctx.addIssue({
          code: 'custom',
          path: ['MICROSOFT_365'],
          message:
            'MICROSOFT_365=local (demo organisation, local file archive) is refused when NODE_ENV=production; use MICROSOFT_365=graph.',
        });
      for (const key of ['ENTRA_API_AUDIENCE', 'BOT_ID', 'PUBLIC_URL'] as const) {
        if (!env[key])
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `${key} is required when NODE_ENV=production.`,
          });
      }
    }
    if (env.MICROSOFT_365 === 'graph' || env.NODE_ENV === 'production') {
      for (const problem of graphProblems(env))
        ctx.addIssue({ code: 'custom', path: [problem.name], message: problem.message });
    }
  });

/** Parses the environment, or throws one error that lists every problem. */
export function loadConfig(environment: Record<string, string | undefined> = process.env): Config {
  // An empty value is an unset one: App Service and env files write `NAME=` for settings left blank.
  const given = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const env = parsed.data;
  const tenant = env.ENTRA_TENANT_ID;
  const audiences = [env.ENTRA_CLIENT_ID, env.ENTRA_API_AUDIENCE].filter((a): a is string => Boolean(a));
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    dataDir: env.DATA_DIR,
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    authMode: env.AUTH_MODE,
    microsoft365: env.MICROSOFT_365,
    entra: {
      ...(tenant ? { tenantId: tenant } : {}),
      ...(env.ENTRA_CLIENT_ID ? { clientId: env.ENTRA_CLIENT_ID } : {}),
      audiences,
      issuers: tenant
        ? [`https://login.microsoftonline.com/${tenant}/v2.0`, `https://sts.windows.net/${tenant}/`]
        : [],
      ...(env.ENTRA_JWKS_URI || tenant
        ? { jwksUri: env.ENTRA_JWKS_URI ?? `${env.ENTRA_AUTHORITY_HOST}/${tenant}/discovery/v2.0/keys` }
        : {}),
    },
    demoOrganisationPath: env.DEMO_ORGANISATION,
    demoSeed: env.DEMO_SEED === 'on',
    ...(env.ORGANISATION_NAME ? { organisationName: env.ORGANISATION_NAME } : {}),
    teamPictureMinimum: env.TEAM_PICTURE_MINIMUM,
    reminderDaysBefore: env.REMINDER_DAYS_BEFORE,
    approvalReminderDays: env.APPROVAL_REMINDER_DAYS,
    reflectionDue: env.REFLECTION_DUE,
    wayOut: { nl: env.WAY_OUT_TEXT, en: env.WAY_OUT_TEXT_EN },
    teamsAppId: env.TEAMS_APP_ID,
    bot: {
      ...(env.BOT_ID ? { clientId: env.BOT_ID } : {}),
      ...(env.BOT_PASSWORD ? { clientSecret: env.BOT_PASSWORD } : {}),
      ...(env.BOT_TENANT_ID ? { tenantId: env.BOT_TENANT_ID } : {}),
      serviceUrl: env.BOT_SERVICE_URL,
    },
    ...(env.PLAYGROUND_USER ? { playgroundUser: env.PLAYGROUND_USER } : {}),
    jobPollSeconds: env.JOB_POLL_SECONDS,
    archiveHeartbeatSeconds: env.ARCHIVE_HEARTBEAT_SECONDS,
    pdfWorkers: env.PDF_WORKERS,
    retentionDays: env.RETENTION_DAYS,
    retentionCron: env.RETENTION_CRON,
    hrVitalityRecord: env.HR_VITALITY_RECORD,
    archiveAccessCron: env.ARCHIVE_ACCESS_CRON,
    workerQueues:
      env.WORKER_QUEUES === 'all'
        ? 'all'
        : env.WORKER_QUEUES.split(',')
            .map((q) => q.trim())
            .filter(Boolean),
    logLevel: env.LOG_LEVEL,
    rateLimits: {
      requestsPerMinute: env.RATE_LIMIT_REQUESTS_PER_MINUTE,
      exportsPerHour: env.RATE_LIMIT_EXPORTS_PER_HOUR,
    },
    graphSettings: Object.fromEntries(
      graphSettingNames.flatMap((name) => (env[name] === undefined ? [] : [[name, String(env[name])]])),
    ),
  };
}
