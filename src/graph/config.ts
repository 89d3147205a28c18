/**
 * Configuration of the Microsoft Graph adapters, validated once at start-up (fail fast).
 */
import { z } from 'zod';

/**
 * Who may read a personnel-file document besides the app itself. A Vitaliteitsgesprek is never touched by these:
 * it is kept in the confidential library, readable by exactly the employee and her current manager.
 */
export const archiveAccessSchema = z.object({
  /** Grant the configured HR group read access on each personnel-file document. */
  hrGroup: z.boolean().default(true),
  /** Grant the employee the document is about read access to it. */
  employee: z.boolean().default(true),
});

/** Everything the Graph adapters need; exactly one app credential kind must be configured. */
export const graphConfigSchema = z
  .object({
    tenantId: z.string().min(1),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1).optional(),
    /** PEM file holding the certificate and its private key. */
    certificatePath: z.string().min(1).optional(),
    useManagedIdentity: z.boolean().default(false),
    /** Client id of a user-assigned managed identity; absent for the system-assigned one. */
    managedIdentityClientId: z.string().min(1).optional(),
    /** The SharePoint site that holds the personnel library (the app has `Sites.Selected` write on it). */
    siteId: z.string().min(1),
    /** The personnel library (a document library is a drive). */
    driveId: z.string().min(1),
    /** Folder path inside the library under which each employee gets a folder, e.g. `Personeelsdossiers`. */
    archiveRootFolder: z.string().min(1).default('Personeelsdossiers'),
    /**
     * The confidential library (a drive) for signed Vitaliteitsgesprekken: unique permissions, no HR group, not the
     * personnel library. Required: without it a vitality document would have nowhere to go but the personnel file.
     */
    confidentialDriveId: z.string().min(1),
    /** Folder path inside the confidential library under which each employee gets a folder. */
    confidentialRootFolder: z.string().min(1).default('Vitaliteitsgesprekken'),
    /** Purview retention label for confidential documents, when set (the personnel file's label is not used). */
    confidentialRetentionLabel: z.string().min(1).optional(),
    /** Entra group whose members are HR (personnel file readers). */
    hrGroupId: z.string().min(1),
    archiveAccess: archiveAccessSchema.default({ hrGroup: true, employee: true }),
    /** Purview retention label applied to each archived document, when set. */
    retentionLabel: z.string().min(1).optional(),
    /** Teams app id in the tenant app catalog, for installing the app for a user. */
    teamsAppId: z.string().min(1).optional(),
    /** Name of the Microsoft To Do list that holds approval tasks. */
    taskListName: z.string().min(1).default('Gesprekken'),
    requestTimeoutMs: z.number().int().positive().default(30_000),
    /** Retries on 429/503/504 (the SDK caps this at 10). */
    maxRetries: z.number().int().min(0).max(10).default(5),
    directoryCacheTtlSeconds: z.number().int().min(0).default(300),
  })
  .superRefine((value, ctx) => {
    const kinds = [
      value.clientSecret !== undefined,
      value.certificatePath !== undefined,
      value.useManagedIdentity,
    ].filter(Boolean).length;
    if (value.confidentialDriveId === value.driveId) {
      ctx.addIssue({
        code: 'custom',
        message: 'The confidential library must be another library than the personnel library',
        path: ['confidentialDriveId'],
      });
    }
    if (kinds !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: 'Configure exactly one of clientSecret, certificatePath or useManagedIdentity',
        path: ['clientSecret'],
      });
    }
  });

/** Validated Graph configuration. */
export type GraphConfig = z.infer<typeof graphConfigSchema>;

/**
 * Parses raw configuration (e.g. from the environment) and throws a readable error when it is wrong; `names` maps
 * a setting to what the operator calls it (an environment variable), so the error names that too.
 */
export function parseGraphConfig(raw: unknown, names: Partial<Record<string, string>> = {}): GraphConfig {
  const result = graphConfigSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => {
      const path = issue.path.join('.') || '(root)';
      const name = names[path];
      return `${name ? `${name} (${path})` : path}: ${issue.message}`;
    });
    throw new Error(`Invalid Microsoft Graph configuration: ${issues.join('; ')}`);
  }
  return result.data;
}
