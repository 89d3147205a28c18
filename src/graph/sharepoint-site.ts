/**
 * Administrators name the personnel site by URL and its libraries by name; Graph addresses them by id. Resolved once
 * at start-up: `GET /sites/{host}:/{path}` for the site, `GET /sites/{id}/drives` for its document libraries.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { isNotFound } from './graph-errors.js';
import { findInPages, type GraphPage } from './paging.js';

interface GraphSite {
  id: string;
  webUrl?: string;
}

interface GraphDrive {
  id: string;
  name: string;
  driveType?: string;
}

/** Thrown when a configured site or library does not exist (or the app may not see it: `Sites.Selected`). */
export class SharePointLookupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SharePointLookupError';
  }
}

/** The site id for `https://<tenant>.sharepoint.com/sites/<name>`. */
export async function siteIdFromUrl(client: Client, siteUrl: string): Promise<string> {
  const url = new URL(siteUrl);
  const path = url.pathname.replace(/\/+$/, '');
  const address = path ? `/sites/${url.hostname}:${path}` : `/sites/${url.hostname}`;
  try {
    const site = (await client.api(address).select('id,webUrl').get()) as GraphSite;
    return site.id;
  } catch (error) {
    if (isNotFound(error))
      throw new SharePointLookupError(
        `SharePoint site ${siteUrl} was not found, or the app has no Sites.Selected grant on it.`,
      );
    throw error;
  }
}

/** The drive id of the document library called `name` (its display name, case-insensitive) in a site. */
export async function driveIdByName(client: Client, siteId: string, name: string): Promise<string> {
  const wanted = name.trim().toLowerCase();
  const drive = await findInPages<GraphDrive>(
    client,
    async () =>
      (await client
        .api(`/sites/${encodeURIComponent(siteId)}/drives`)
        .select('id,name,driveType')
        .get()) as GraphPage<GraphDrive>,
    (candidate) => candidate.name.trim().toLowerCase() === wanted,
  );
  if (!drive) throw new SharePointLookupError(`The site has no document library called "${name}".`);
  return drive.id;
}
