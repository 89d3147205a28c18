/**
 * The personnel file on SharePoint: one folder per employee in the personnel library; the approved PDF plus its JSON
 * sidecar, list-item columns, an optional retention label and read access for HR and the employee.
 *
 * A Vitaliteitsgesprek never goes there. It is kept in a separate, confidential library the administrator sets up
 * with unique permissions: one folder per employee whose inheritance the app breaks on its first grant
 * (`retainInheritedPermissions: false`), so the folder — and every file in it — can be opened by exactly the
 * employee and her current manager, never by the HR group, whatever `archiveAccess.hrGroup` says. When her manager
 * changes, {@link SharePointArchive.changeReaders} grants the new one and revokes the old.
 *
 * Exactly once: the metadata columns are written last, after access and label, so "has ContentHash and
 * ConversationId" means "archived completely". A re-run after a crash finds either that complete document
 * (and stops), or its own earlier upload by name with the same bytes (and finishes it) — never a second copy.
 */
import { createHash } from 'node:crypto';
import { ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { filingOf, type ArchiveRecord, type Conversation, type Filing } from '../domain/index.js';
import type { Archive, ArchiveItem, ArchiveReaders } from '../ports/index.js';
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

/** The confidential library: where a Vitaliteitsgesprek is kept, never readable by HR. */
export interface ConfidentialLibraryOptions {
  /** The library (a drive) the administrator created with unique permissions and no HR group. */
  driveId: string;
  /** Folder path in it under which each employee gets a folder, e.g. `Vitaliteitsgesprekken`. */
  rootFolder: string;
  /** A Purview retention label for these documents, when one is published to that site. */
  retentionLabel?: string;
}

/** Options of the SharePoint archive. */
export interface SharePointArchiveOptions {
  /** App-only client; the app has write access to the site(s) of both libraries (`Sites.Selected`). */
  client: Client;
  /** The personnel library. */
  driveId: string;
  /** Folder path in the library under which employee folders live, e.g. `Personeelsdossiers`. */
  rootFolder: string;
  hrGroupId: string;
  /** Read grants on each personnel-file document; never applied to the confidential library. */
  access: { hrGroup: boolean; employee: boolean };
  retentionLabel?: string;
  confidential: ConfidentialLibraryOptions;
  upload?: UploadOptions;
  /** At most this many suffixed names are tried when a name is taken by another document. */
  maxNameAttempts?: number;
}

/** One library the archive files into. */
interface Library {
  filing: Filing;
  driveId: string;
  /** `/drives/{id}`, for building item paths. */
  drive: string;
  rootFolder: string;
  retentionLabel: string | undefined;
  /** Employee id → folder id, for folders found or created. */
  folders: Map<string, Promise<string>>;
}

/** A permission on a drive item as Graph lists it (the parts we read). */
interface DrivePermission {
  id: string;
  roles?: string[];
  grantedToV2?: { user?: { id?: string }; group?: { id?: string }; siteGroup?: { id?: string } };
  grantedTo?: { user?: { id?: string } };
  inheritedFrom?: { id?: string; driveId?: string; path?: string } | null;
  link?: unknown;
}

/** `Archive` on SharePoint document libraries: the personnel library and the confidential one. */
export class SharePointArchive implements Archive {
  private readonly client: Client;
  private readonly libraries: Record<Filing, Library>;

  constructor(private readonly options: SharePointArchiveOptions) {
    this.client = options.client;
    const library = (
      filing: Filing,
      driveId: string,
      rootFolder: string,
      retentionLabel: string | undefined,
    ): Library => ({
      filing,
      driveId,
      drive: `/drives/${encodeURIComponent(driveId)}`,
      rootFolder,
      retentionLabel,
      folders: new Map(),
    });
    if (options.confidential.driveId === options.driveId)
      throw new Error('The confidential library must be another library than the personnel library');
    this.libraries = {
      'personnel-file': library(
        'personnel-file',
        options.driveId,
        options.rootFolder,
        options.retentionLabel,
      ),
      confidential: library(
        'confidential',
        options.confidential.driveId,
        options.confidential.rootFolder,
        options.confidential.retentionLabel,
      ),
    };
  }

  async find(conversation: Conversation, hash: string): Promise<ArchiveRecord | undefined> {
    const library = this.libraries[filingOf(conversation.type)];
    const folderId = await this.employeeFolder(library, conversation.employeeId, false);
    if (!folderId) return undefined;
    const children = await this.children(library, folderId);
    const match = children.find((item) => isArchivedPdf(item, conversation.id, hash));
    return match ? this.record(library, match, hash) : undefined;
  }

  async store(item: ArchiveItem): Promise<ArchiveRecord> {
    const { conversation, hash } = item;
    // A Vitaliteitsgesprek is kept confidentially whatever the caller says: never in the personnel library.
    if (item.filing !== filingOf(conversation.type))
      throw new Error(`A ${conversation.type} conversation is not filed as ${item.filing}`);
    const library = this.libraries[item.filing];
    const folderId = await this.employeeFolder(library, conversation.employeeId, true);
    if (!folderId) throw new Error(`No folder for employee ${conversation.employeeId}`);
    // Readers first: a confidential file is never, not for a moment, in a folder that still inherits the library's access.
    if (library.filing === 'confidential') await this.setFolderReaders(library, folderId, item.readers);
    const children = await this.children(library, folderId);
    const complete = children.find((child) => isArchivedPdf(child, conversation.id, hash));
    if (complete) return this.record(library, complete, hash, item.readers);

    const pdf = await this.placeFile(library, folderId, item.fileName, item.pdf, 'application/pdf', item);
    const json = item.json
      ? await this.placeFile(
          library,
          folderId,
          sidecarName(pdf.name),
          new TextEncoder().encode(item.json),
          'application/json',
          item,
        )
      : undefined;
    await this.finish(library, item, pdf, json);
    return this.record(library, pdf, hash, item.readers);
  }

  async changeReaders(record: ArchiveRecord, readers: ArchiveReaders): Promise<void> {
    if (record.filing !== 'confidential') return;
    const library = this.libraries.confidential;
    const folderId = await this.employeeFolder(library, readers.employeeId, false);
    if (!folderId) throw new Error(`No confidential folder for employee ${readers.employeeId}`);
    await this.setFolderReaders(library, folderId, readers);
  }

  /**
   * Makes the employee and her manager the only people who can open the folder (and so every file in it): the
   * first grant breaks inheritance without keeping the library's permissions, a new manager is granted before the
   * old one is revoked, and any other direct grant short of owner (a group, a person, a sharing link) is removed.
   */
  private async setFolderReaders(library: Library, folderId: string, readers: ArchiveReaders): Promise<void> {
    const itemPath = `${library.drive}/items/${encodeURIComponent(folderId)}`;
    const wanted = [readers.employeeId, ...(readers.managerId ? [readers.managerId] : [])];
    const permissions = await collectPages<DrivePermission>(
      this.client,
      () => this.client.api(`${itemPath}/permissions`).get() as Promise<GraphPage<DrivePermission>>,
    );
    const inherits = permissions.some(isInherited);
    const direct = permissions.filter((p) => !isInherited(p));
    const granted = new Set(direct.filter((p) => (p.roles ?? []).includes('read')).map(granteeOf));
    const missing = inherits ? wanted : wanted.filter((id) => !granted.has(id));
    if (missing.length > 0) {
      await this.client.api(`${itemPath}/invite`).post({
        recipients: missing.map((objectId) => ({ objectId })),
        roles: ['read'],
        requireSignIn: true,
        sendInvitation: false,
        retainInheritedPermissions: false,
      });
    }
    for (const permission of direct) {
      const grantee = granteeOf(permission);
      if ((permission.roles ?? []).includes('owner')) continue;
      if (grantee !== undefined && wanted.includes(grantee) && permission.link === undefined) continue;
      try {
        await this.client.api(`${itemPath}/permissions/${encodeURIComponent(permission.id)}`).delete();
      } catch (error) {
        // Already gone (a parallel run, or an administrator): that is what we wanted.
        if (!isNotFound(error)) throw error;
      }
    }
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
    library: Library,
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
          library.driveId,
          folderId,
          candidate,
          content,
          mimeType,
          this.options.upload,
        );
      } catch (error) {
        if (!(error instanceof NameTakenError)) throw error;
      }
      const existing = await this.childByName(library, folderId, candidate);
      if (existing && (await this.isOurs(library, existing, content, item))) return existing;
    }
    throw new Error(`No free name for ${name} after ${attempts} attempts`);
  }

  /** Whether a file holding the name is this conversation's earlier upload (same metadata, or no metadata and same bytes). */
  private async isOurs(
    library: Library,
    existing: DriveItem,
    content: Uint8Array,
    item: ArchiveItem,
  ): Promise<boolean> {
    const fields = existing.listItem?.fields ?? {};
    if (fields.ConversationId !== undefined || fields.ContentHash !== undefined) {
      return fields.ConversationId === item.conversation.id && fields.ContentHash === item.hash;
    }
    if (existing.size !== undefined && existing.size !== content.byteLength) return false;
    const stored = await this.read({
      location: this.location(library, existing),
      url: '',
      hash: item.hash,
      archivedAt: '',
    });
    return stored !== undefined && sha256(stored) === sha256(content);
  }

  /**
   * Access, retention label and — last, so they mark completion — the metadata columns, in one batch. A
   * confidential file gets no grant of its own: it inherits its folder's, the employee and her manager.
   */
  private async finish(
    library: Library,
    item: ArchiveItem,
    pdf: DriveItem,
    json: DriveItem | undefined,
  ): Promise<void> {
    const steps: BatchStep[] = [];
    const files = json ? [json, pdf] : [pdf];
    const personnelFile = library.filing === 'personnel-file';
    for (const file of files) {
      const itemPath = `${library.drive}/items/${encodeURIComponent(file.id)}`;
      const prefix = file === pdf ? 'pdf' : 'json';
      const recipients = personnelFile
        ? [
            ...(this.options.access.hrGroup ? [{ objectId: this.options.hrGroupId }] : []),
            ...(this.options.access.employee ? [{ objectId: item.conversation.employeeId }] : []),
          ]
        : [];
      if (recipients.length > 0) {
        steps.push({
          id: `${prefix}-invite`,
          method: 'POST',
          url: `${itemPath}/invite`,
          body: { recipients, roles: ['read'], requireSignIn: true, sendInvitation: false },
        });
      }
      if (library.retentionLabel) {
        steps.push({
          id: `${prefix}-label`,
          method: 'PATCH',
          url: `${itemPath}/retentionLabel`,
          body: { name: library.retentionLabel },
        });
      }
    }
    const before = steps.map((step) => step.id);
    if (json) {
      steps.push({
        id: 'json-fields',
        method: 'PATCH',
        url: `${library.drive}/items/${encodeURIComponent(json.id)}/listItem/fields`,
        body: columns(item),
        dependsOn: before,
      });
    }
    steps.push({
      id: 'pdf-fields',
      method: 'PATCH',
      url: `${library.drive}/items/${encodeURIComponent(pdf.id)}/listItem/fields`,
      body: columns(item),
      dependsOn: [...before, ...(json ? ['json-fields'] : [])],
    });
    requireSuccess(await runBatch(this.client, steps));
  }

  private async children(library: Library, folderId: string): Promise<DriveItem[]> {
    return collectPages<DriveItem>(
      this.client,
      () =>
        this.client
          .api(`${library.drive}/items/${encodeURIComponent(folderId)}/children`)
          .expand('listItem($expand=fields)')
          .get() as Promise<GraphPage<DriveItem>>,
    );
  }

  private async childByName(
    library: Library,
    folderId: string,
    name: string,
  ): Promise<DriveItem | undefined> {
    try {
      return (await this.client
        .api(`${library.drive}/items/${encodeURIComponent(folderId)}:/${encodeURIComponent(name)}`)
        .expand('listItem($expand=fields)')
        .get()) as DriveItem;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** The employee's folder id; created (with the root path) when `create` is set, else undefined when missing. */
  private employeeFolder(library: Library, employeeId: string, create: boolean): Promise<string | undefined> {
    const cached = library.folders.get(employeeId);
    if (cached) return cached;
    const segments = [...library.rootFolder.split('/').filter(Boolean), employeeId];
    const lookup = this.resolvePath(library, segments, create);
    return lookup.then((id) => {
      // Only found folders are cached: a missing one may be created by the next store.
      if (id) library.folders.set(employeeId, Promise.resolve(id));
      return id;
    });
  }

  private async resolvePath(
    library: Library,
    segments: string[],
    create: boolean,
  ): Promise<string | undefined> {
    const path = segments.map(encodeURIComponent).join('/');
    try {
      const item = (await this.client.api(`${library.drive}/root:/${path}`).select('id').get()) as DriveItem;
      return item.id;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    if (!create) return undefined;
    let parentId = 'root';
    for (let depth = 1; depth <= segments.length; depth++) {
      parentId = await this.ensureFolder(library, parentId, segments[depth - 1]!, segments.slice(0, depth));
    }
    return parentId;
  }

  /** Creates a folder; Graph's 409 (it exists, e.g. made by a parallel run) means: fetch it. */
  private async ensureFolder(
    library: Library,
    parentId: string,
    name: string,
    fullPath: string[],
  ): Promise<string> {
    try {
      const created = (await this.client
        .api(`${library.drive}/items/${encodeURIComponent(parentId)}/children`)
        .post({
          name,
          folder: {},
          '@microsoft.graph.conflictBehavior': 'fail',
        })) as DriveItem;
      return created.id;
    } catch (error) {
      if (!isConflict(error)) throw error;
      const existing = (await this.client
        .api(`${library.drive}/root:/${fullPath.map(encodeURIComponent).join('/')}`)
        .select('id')
        .get()) as DriveItem;
      return existing.id;
    }
  }

  private location(library: Library, item: DriveItem): string {
    return `drives/${library.driveId}/items/${item.id}`;
  }

  private record(library: Library, item: DriveItem, hash: string, readers?: ArchiveReaders): ArchiveRecord {
    return {
      location: this.location(library, item),
      url: item.webUrl ?? '',
      hash,
      archivedAt: item.createdDateTime ?? new Date().toISOString(),
      filing: library.filing,
      ...(library.filing === 'confidential' && readers?.managerId ? { managerId: readers.managerId } : {}),
    };
  }
}

/** Whether Graph lists a permission as inherited from an ancestor (only direct ones can be deleted). */
function isInherited(permission: DrivePermission): boolean {
  const from = permission.inheritedFrom;
  return Boolean(from && (from.id || from.path || from.driveId));
}

/** The user or group a permission is granted to. */
function granteeOf(permission: DrivePermission): string | undefined {
  const to = permission.grantedToV2;
  return to?.user?.id ?? to?.group?.id ?? to?.siteGroup?.id ?? permission.grantedTo?.user?.id;
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
