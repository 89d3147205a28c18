/** The settings the application layer runs with; read and checked from the environment by src/server/config.ts. */

/** Configuration, checked once at start-up. */
export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl?: string;
  authMode: 'local' | 'entra';
  /** Which implementations the Microsoft 365 ports use: local ones, or Microsoft Graph. */
  microsoft365: 'local' | 'graph';
  entra: {
    tenantId?: string;
    clientId?: string;
    /** Accepted `aud` values: the API's client id and its Application ID URI. */
    audiences: string[];
    issuers: string[];
    jwksUri?: string;
  };
  demoOrganisationPath: string;
  /** Whether the first local start fills an empty database with the demo organisation's year (`DEMO_SEED`). */
  demoSeed: boolean;
  organisationName?: string;
  teamPictureMinimum: number;
  reminderDaysBefore: number;
  approvalReminderDays: number;
  /** The day (`MM-DD`) by which every report's Reflectiegesprek of the year should be planned (`REFLECTION_DUE`). */
  reflectionDue: string;
  /**
   * Where the employee and manager can turn when a report went back and forth three times (HR, the
   * vertrouwenspersoon), in Dutch and English; shown to both on every surface from then on.
   */
  wayOut: { nl: string; en: string };
  teamsAppId: string;
  /** The bot's app registration; `serviceUrl` is where chats the bot opens itself live (Teams, or the Playground). */
  bot: { clientId?: string; clientSecret?: string; tenantId?: string; serviceUrl: string };
  playgroundUser?: string;
  jobPollSeconds: number;
  archiveHeartbeatSeconds: number;
  /** Worker threads that render archive PDFs; 0 renders on the main thread. */
  pdfWorkers: number;
  /** Days after archiving (or cancelling) that drafts and working copies are removed. */
  retentionDays: number;
  /** When the retention run starts (cron, Europe/Amsterdam). */
  retentionCron: string;
  /**
   * Whether HR's archive index lists a signed Vitaliteitsgesprek at all, as a content-free record (type, date,
   * signed, Controlecode). Never its location or a way to open it.
   */
  hrVitalityRecord: boolean;
  /** When the directory is checked for new managers of employees with confidential documents (cron, Europe/Amsterdam). */
  archiveAccessCron: string;
  /** Which outbox queues this process works off (`all`, or a comma list), so workers can be split out. */
  workerQueues: 'all' | string[];
  logLevel: string;
  /** Per-person request budgets of the API, counted in the database (so they hold across instances). */
  rateLimits: { requestsPerMinute: number; exportsPerHour: number };
  /**
   * The Microsoft Graph and SharePoint settings as given (`GRAPH_*`, `SHAREPOINT_*`, `HR_GROUP_ID`, …), checked in
   * full by the Graph adapters at start-up when `microsoft365` is `graph`.
   */
  graphSettings: Readonly<Record<string, string>>;
}
