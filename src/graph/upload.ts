/**
 * File uploads into a drive folder: one PUT for small files, a resumable upload session for large ones.
 * Both refuse to overwrite (`conflictBehavior: fail`): a name clash surfaces as {@link NameTakenError}.
 */
import { ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { GraphCallError, codeOf, statusOf } from './graph-errors.js';
import { retryAfterSeconds } from './middleware.js';

/** A drive item as Graph returns it (the parts we read). */
export interface DriveItem {
  id: string;
  name: string;
  webUrl?: string;
  createdDateTime?: string;
  size?: number;
  file?: { mimeType?: string };
  folder?: { childCount?: number };
  listItem?: { id: string; fields?: Record<string, unknown> };
}

/** The name is taken in the target folder (Graph's 409 `nameAlreadyExists`). */
export class NameTakenError extends Error {
  constructor(readonly fileName: string) {
    super(`A file named ${fileName} already exists`);
    this.name = 'NameTakenError';
  }
}

/** Upload sessions need fragments in multiples of 320 KiB. */
export const uploadFragmentUnit = 320 * 1024;

/** How uploads behave; defaults suit production. */
export interface UploadOptions {
  /** Files up to this size go in a single PUT. Default 4 MiB (Graph's recommended simple-upload limit). */
  simpleUploadLimit?: number;
  /** Fragment size of an upload session; rounded down to a multiple of 320 KiB. Default 10 × 320 KiB. */
  fragmentSize?: number;
  /** Failed fragment attempts tolerated per file before giving up. Default 8. */
  maxFragmentRetries?: number;
  /** Waits between fragment retries; injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Base backoff in ms when the server sends no Retry-After. Default 1000. */
  backoffMs?: number;
}

interface UploadSession {
  uploadUrl: string;
  expirationDateTime: string;
  nextExpectedRanges?: string[];
}

const transient = (status: number): boolean =>
  status === 429 || status === 500 || status === 502 || status === 503 || status === 504;

/** Uploads `content` as `name` into a folder and returns the new item; throws {@link NameTakenError} on a clash. */
export async function uploadFile(
  client: Client,
  driveId: string,
  folderId: string,
  name: string,
  content: Uint8Array,
  mimeType: string,
  options: UploadOptions = {},
): Promise<DriveItem> {
  const base = `/drives/${encodeURIComponent(driveId)}/items/${encodeURIComponent(folderId)}:/${encodeURIComponent(name)}:`;
  const buffer = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  try {
    if (buffer.length <= (options.simpleUploadLimit ?? 4 * 1024 * 1024)) {
      // A non-stream Content-Type keeps the request retryable by the RetryHandler (it holds the whole body).
      return (await client
        .api(`${base}/content?@microsoft.graph.conflictBehavior=fail`)
        .header('Content-Type', mimeType)
        .put(buffer)) as DriveItem;
    }
    return await uploadInSession(client, base, name, buffer, options);
  } catch (error) {
    if (statusOf(error) === 409 || codeOf(error) === 'nameAlreadyExists') throw new NameTakenError(name);
    throw error;
  }
}

async function uploadInSession(
  client: Client,
  base: string,
  name: string,
  buffer: Buffer,
  options: UploadOptions,
): Promise<DriveItem> {
  const fragment = Math.max(
    uploadFragmentUnit,
    Math.floor((options.fragmentSize ?? 10 * uploadFragmentUnit) / uploadFragmentUnit) * uploadFragmentUnit,
  );
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const backoffMs = options.backoffMs ?? 1000;
  const maxFailures = options.maxFragmentRetries ?? 8;
  let failures = 0;
  const fail = async (why: string, wait: number): Promise<void> => {
    failures += 1;
    if (failures > maxFailures)
      throw new GraphCallError(`Upload of ${name} failed: ${why}`, undefined, 'uploadFailed');
    await sleep(wait);
  };
  // A session that expired or vanished is replaced by a new one; the bytes are sent again.
  for (;;) {
    const session = (await client
      .api(`${base}/createUploadSession`)
      .post({ item: { '@microsoft.graph.conflictBehavior': 'fail', name } })) as UploadSession;
    let next = firstExpected(session.nextExpectedRanges) ?? 0;
    for (;;) {
      const end = Math.min(next + fragment, buffer.length) - 1;
      let response: Response;
      try {
        // The upload URL is pre-authenticated and not a Graph host, so no Authorization header goes with it.
        response = (await client
          .api(session.uploadUrl)
          .headers({
            'Content-Range': `bytes ${next}-${end}/${buffer.length}`,
            'Content-Type': 'application/octet-stream',
          })
          .responseType(ResponseType.RAW)
          .put(buffer.subarray(next, end + 1))) as Response;
      } catch (error) {
        if (statusOf(error) !== undefined) throw error;
        // Connection dropped: ask the session where it stands and resume from there.
        await fail('connection lost', backoffMs * 2 ** Math.min(failures, 6));
        const resumed = await resumePoint(client, session);
        if (resumed === undefined) break;
        next = resumed;
        continue;
      }
      if (response.status === 200 || response.status === 201) return (await response.json()) as DriveItem;
      if (response.status === 202) {
        const body = (await response.json()) as UploadSession;
        next = firstExpected(body.nextExpectedRanges) ?? end + 1;
        continue;
      }
      if (response.status === 409) throw new NameTakenError(name);
      if (response.status === 404) break;
      if (transient(response.status) || response.status === 416) {
        const retryAfter = retryAfterSeconds(response.headers.get('Retry-After'));
        await fail(
          `status ${response.status}`,
          retryAfter !== undefined ? retryAfter * 1000 : backoffMs * 2 ** Math.min(failures, 6),
        );
        const resumed = await resumePoint(client, session);
        if (resumed === undefined) break;
        next = resumed;
        continue;
      }
      throw new GraphCallError(
        `Upload of ${name} refused with status ${response.status}`,
        response.status,
        await errorCodeOf(response),
      );
    }
    await fail('upload session expired', 0);
  }
}

/** Where the session wants the next bytes, or undefined when the session is gone (404). */
async function resumePoint(client: Client, session: UploadSession): Promise<number | undefined> {
  const response = (await client.api(session.uploadUrl).responseType(ResponseType.RAW).get()) as Response;
  if (response.status === 404) return undefined;
  if (!response.ok)
    throw new GraphCallError(
      `Upload session status failed with ${response.status}`,
      response.status,
      undefined,
    );
  const body = (await response.json()) as UploadSession;
  return firstExpected(body.nextExpectedRanges) ?? 0;
}

/** `["26-"]` or `["26-49", "70-"]` → 26. */
export function firstExpected(ranges: string[] | undefined): number | undefined {
  const first = ranges?.[0];
  if (!first) return undefined;
  const start = Number(first.split('-')[0]);
  return Number.isNaN(start) ? undefined : start;
}

async function errorCodeOf(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { error?: { code?: string } };
    return body.error?.code;
  } catch {
    return undefined; // Not JSON: there is no code to report.
  }
}
