/**
 * The personnel file on SharePoint: one folder per employee in the personnel library; the approved PDF plus its JSON
 * sidecar, list-item columns, an optional retention label and read access for HR and the employee.
 *
 * Exactly once: the metadata columns are written last, after access and label, so "has ContentHash and
 * ConversationId" means "archived completely". A re-run after a crash finds either that complete document
 * (and stops), or its own earlier upload by name with the same bytes (and finishes it) — never a second copy.
 */
import { createHash } from 'node:crypto';
import { ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import type { ArchiveRecord, Conversation } from '../domain/index.js';
import type { Archive, ArchiveItem } from '../ports/index.js';
import { requireSuccess, runBatch, type BatchStep } from './batch.js';
import { isConflict, isNotFound } from './graph-errors.js';
import { collectPages, type GraphPage } from './paging.js';
import { NameTakenError, uploadFile, type DriveItem, type UploadOptions } from './upload.js';

/** The library's columns (internal names) an admin creates; see docs/graph-permissions.md. */
export const archiveColumns = [
  'EmployeeId',
  'ConversationType',
  'ConversationDate',
  'Status',
  'ContentHash',
  'ConversationId',
] as const;

/** The Status column value of an archived document. */
export const archivedStatus = 'Definitief';

/** Options of the SharePoint archive. */
export interface SharePointArchiveOptions {
  /** App-only client; the app has write access to the one site (`Sites.Selected`). */
  client: Client;
  driveId: string;
  /** Folder path in the library under which employee folders live, e.g. `Personeelsdossiers`. */
  rootFolder: string;
  hrGroupId: string;
  access: { hrGroup: boolean; employee: boolean };
  retentionLabel?: string;
  upload?: UploadOptions;
  /** At most this many suffixed names are tried when a name is taken by another document. */
  maxNameAttempts?: number;
}

/** `Archive` on a SharePoint document library. */
export class SharePointArchive implements Archive {
  private readonly folders = new Map<string, Promise<string>>();
  private readonly client: Client;
  private readonly drive: string;

  constructor(private readonly options: SharePointArchiveOptions) {
    this.client = options.client;
    this.drive = `/drives/${encodeURIComponent(options.driveId)}`;
  }

  async find(conversation: Conversation, hash: string): Promise<ArchiveRecord | undefined> {
    const folderId = await this.employeeFolder(conversation.employeeId, false);
    if (!folderId) return undefined;
    const children = await this.children(folderId);
    const match = children.find((item) => isArchivedPdf(item, conversation.id, hash));
    return match ? this.record(match, hash) : undefined;
  }

  async store(item: ArchiveItem): Promise<ArchiveRecord> {
    const { conversation, hash } = item;
    const folderId = await this.employeeFolder(conversation.employeeId, true);
    if (!folderId) throw new Error(`No folder for employee ${conversation.employeeId}`);
    const children = await this.children(folderId);
    const complete = children.find((child) => isArchivedPdf(child, conversation.id, hash));
    if (complete) return this.record(complete, hash);

    const pdf = await this.placeFile(folderId, item.fileName, item.pdf, 'application/pdf', item);
    const json = await this.placeFile(
      folderId,
      sidecarName(pdf.name),
      new TextEncoder().encode(item.json),
      'application/json',
      item,
    );
    await this.finish(item, pdf, json);
    return this.record(pdf, hash);
  }

  async read(record: ArchiveRecord): Promise<Uint8Array | undefined> {
    const match = /^drives\/([^/]+)\/items\/([^/]+)$/.exec(record.location);
    if (!match) return undefined;
    try {
      const content = (await this.client
        .api(`/drives/${match[1]}/items/${match[2]}/content`)
        .responseType(ResponseType.ARRAYBUFFER)
        .get()) as ArrayBuffer;
      return new Uint8Array(content);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /**
   * Uploads a file under `name`, or reuses our own earlier upload of the same bytes that a crash left without
   * metadata. When another document holds the name, tries `name (2)`, `name (3)`, ….
   */
  private async placeFile(
    folderId: string,
    name: string,
    content: Uint8Array,
    mimeType: string,
    item: ArchiveItem,
  ): Promise<DriveItem> {
    const attempts = this.options.maxNameAttempts ?? 20;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const candidate = attempt === 1 ? name : suffixed(name, attempt);
      try {
        return await uploadFile(
          this.client,
          this.options.driveId,
          folderId,
          candidate,
          content,
          mimeType,
          this.options.upload,
        );
      } catch (error) {
        if (!(error instanceof NameTakenError)) throw error;
      }
      const existing = await this.childByName(folderId, candidate);
      if (existing && (await this.isOurs(existing, content, item))) return existing;
    }
    throw new Error(`No free name for ${name} after ${attempts} attempts`);
  }

  /** Whether a file holding the name is this conversation's earlier upload (same metadata, or no metadata and same bytes). */
  private async isOurs(existing: DriveItem, content: Uint8Array, item: ArchiveItem): Promise<boolean> {
    const fields = existing.listItem?.fields ?? {};
    if (fields.ConversationId !== undefined || fields.ContentHash !== undefined) {
      return fields.ConversationId === item.conversation.id && fields.ContentHash === item.hash;
    }
    if (existing.size !== undefined && existing.size !== content.byteLength) return false;
    const stored = await this.read({
      location: this.location(existing),
      url: '',
      hash: item.hash,
      archivedAt: '',
    });
    return stored !== undefined && sha256(stored) === sha256(content);
  }

  /** Access, retention label and — last, so they mark completion — the metadata columns, in one batch. */
  private async finish(item: ArchiveItem, pdf: DriveItem, json: DriveItem): Promise<void> {
    const steps: BatchStep[] = [];
    for (const file of [json, pdf]) {
      const itemPath = `${this.drive}/items/${encodeURIComponent(file.id)}`;
      const prefix = file === pdf ? 'pdf' : 'json';
      const recipients = [
        ...(this.options.access.hrGroup ? [{ objectId: this.options.hrGroupId }] : []),
        ...(this.options.access.employee ? [{ objectId: item.conversation.employeeId }] : []),
      ];
      if (recipients.length > 0) {
        steps.push({
          id: `${prefix}-invite`,
          method: 'POST',
          url: `${itemPath}/invite`,
          body: { recipients, roles: ['read'], requireSignIn: true, sendInvitation: false },
        });
      }
      if (this.options.retentionLabel) {
        steps.push({
          id: `${prefix}-label`,
          method: 'PATCH',
          url: `${itemPath}/retentionLabel`,
          body: { name: this.options.retentionLabel },
        });
      }
    }
    const before = steps.map((step) => step.id);
    steps.push({
      id: 'json-fields',
      method: 'PATCH',
      url: `${this.drive}/items/${encodeURIComponent(json.id)}/listItem/fields`,
      body: columns(item),
      dependsOn: before,
    });
    steps.push({
      id: 'pdf-fields',
      method: 'PATCH',
      url: `${this.drive}/items/${encodeURIComponent(pdf.id)}/listItem/fields`,
      body: columns(item),
      dependsOn: [...before, 'json-fields'],
    });
    requireSuccess(await runBatch(this.client, steps));
  }

  private async children(folderId: string): Promise<DriveItem[]> {
    return collectPages<DriveItem>(
      this.client,
      () =>
        this.client
          .api(`${this.drive}/items/${encodeURIComponent(folderId)}/children`)
          .expand('listItem($expand=fields)')
          .get() as Promise<GraphPage<DriveItem>>,
    );
  }

  private async childByName(folderId: string, name: string): Promise<DriveItem | undefined> {
    try {
      return (await this.client
        .api(`${this.drive}/items/${encodeURIComponent(folderId)}:/${encodeURIComponent(name)}`)
        .expand('listItem($expand=fields)')
        .get()) as DriveItem;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** The employee's folder id; created (with the root path) when `create` is set, else undefined when missing. */
  private employeeFolder(employeeId: string, create: boolean): Promise<string | undefined> {
    const cached = this.folders.get(employeeId);
    if (cached) return cached;
    const segments = [...this.options.rootFolder.split('/').filter(Boolean), employeeId];
    const lookup = this.resolvePath(segments, create);
    return lookup.then((id) => {
      // Only found folders are cached: a missing one may be created by the next store.
      if (id) this.folders.set(employeeId, Promise.resolve(id));
      return id;
    });
  }

  private async resolvePath(segments: string[], create: boolean): Promise<string | undefined> {
    const path = segments.map(encodeURIComponent).join('/');
    try {
      const item = (await this.client.api(`${this.drive}/root:/${path}`).select('id').get()) as DriveItem;
      return item.id;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    if (!create) return undefined;
    let parentId = 'root';
    for (let depth = 1; depth <= segments.length; depth++) {
      parentId = await this.ensureFolder(parentId, segments[depth - 1]!, segments.slice(0, depth));
    }
    return parentId;
  }

  /** Creates a folder; Graph's 409 (it exists, e.g. made by a parallel run) means: fetch it. */
  private async ensureFolder(parentId: string, name: string, fullPath: string[]): Promise<string> {
    try {
      const created = (await this.client
        .api(`${this.drive}/items/${encodeURIComponent(parentId)}/children`)
        .post({
          name,
          folder: {},
          '@microsoft.graph.conflictBehavior': 'fail',
        })) as DriveItem;
      return created.id;
    } catch (error) {
      if (!isConflict(error)) throw error;
      const existing = (await this.client
        .api(`${this.drive}/root:/${fullPath.map(encodeURIComponent).join('/')}`)
        .select('id')
        .get()) as DriveItem;
      return existing.id;
    }
  }

  private location(item: DriveItem): string {
    return `drives/${this.options.driveId}/items/${item.id}`;
  }

  private record(item: DriveItem, hash: string): ArchiveRecord {
    return {
      location: this.location(item),
      url: item.webUrl ?? '',
      hash,
      archivedAt: item.createdDateTime ?? new Date().toISOString(),
    };
  }
}

function isArchivedPdf(item: DriveItem, conversationId: string, hash: string): boolean {
  const fields = item.listItem?.fields;
  return (
    item.file !== undefined &&
    item.name.toLowerCase().endsWith('.pdf') &&
    fields?.ConversationId === conversationId &&
    fields.ContentHash === hash &&
    fields.Status === archivedStatus
  );
}

/** The list-item columns of both files. */
export function columns(item: ArchiveItem): Record<(typeof archiveColumns)[number], string> {
  const { conversation } = item;
  const date = conversation.schedule?.start ?? conversation.updatedAt;
  return {
    EmployeeId: conversation.employeeId,
    ConversationType: conversation.type,
    ConversationDate: date.slice(0, 10),
    Status: archivedStatus,
    ContentHash: item.hash,
    ConversationId: conversation.id,
  };
}

/** `verslag.pdf` → `verslag.json`. */
export function sidecarName(pdfName: string): string {
  return /\.pdf$/i.test(pdfName) ? pdfName.replace(/\.pdf$/i, '.json') : `${pdfName}.json`;
}

/** `verslag.pdf`, 2 → `verslag (2).pdf`. */
export function suffixed(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
