/**
 * The personnel file on local disk, `<dataDir>/archive/<employeeId>/<file name>.pdf` with its JSON sidecar, and
 * beside it the confidential place, `<dataDir>/confidential/<employeeId>/…`: a Vitaliteitsgesprek never lands in
 * the personnel file's tree. Locally the app is the only way in, and it lets only the employee and her current
 * manager (or an active delegate) open a confidential document; the record file notes who its readers are.
 *
 * A document counts as stored only when its record file exists (`.records/<conversation>.<hash>.json`), and
 * that file is written last, after the PDF and the JSON are complete on disk. Every file is written to a
 * temporary name, flushed and renamed, so a crash leaves either nothing or a leftover temporary file that is
 * never taken for a stored document; a re-run then writes the same files again instead of a second copy.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { filingOf, type Filing } from '../../domain/confidentiality.js';
import type { ArchiveRecord, Conversation } from '../../domain/conversation.js';
import type { Archive, ArchiveItem, ArchiveReaders } from '../../ports/index.js';

/** Options of the local archive. */
export interface LocalArchiveOptions {
  /** The app's data directory; the personnel file lives in its `archive/` folder, the confidential place in `confidential/`. */
  dataDir: string;
  /** The clock, injectable for tests. */
  now?: () => Date;
}

/** What the record file holds: the archive record plus what it belongs to. */
interface StoredRecord {
  conversationId: string;
  version: number;
  record: ArchiveRecord;
  /** The sidecar's file name, or null when none was filed. */
  json: string | null;
  /** Who can open it, for a confidential document. */
  readers?: ArchiveReaders;
}

/** The folder of each filing under the data directory. */
const filingFolders: Record<Filing, string> = { 'personnel-file': 'archive', confidential: 'confidential' };

const tempSuffix = '.tmp';
/** A temporary file older than this is a leftover of a crash, not a write in progress. */
const staleTempMs = 60 * 60 * 1000;

/** A path segment from an id: only safe characters, never `.` or `..`, so ids cannot leave the archive. */
function segment(id: string): string {
  const safe = id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 120);
  return safe.length > 0 ? safe : '_';
}

function assertHash(hash: string): void {
  if (!/^[0-9a-f]{16,128}$/i.test(hash)) throw new Error('Archive hash must be hexadecimal');
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}

/** Writes a file so that it is either complete under its name or absent: temp file, fsync, rename, fsync dir. */
async function writeAtomically(path: string, data: Uint8Array | string, folder: string): Promise<void> {
  const temp = join(folder, `.${randomBytes(6).toString('hex')}${tempSuffix}`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temp, path);
  await syncFolder(folder);
}

async function syncFolder(folder: string): Promise<void> {
  // Makes the rename itself durable. Some platforms cannot open a folder; the data is synced all the same.
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    return;
  } finally {
    await handle?.close();
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

/** Local `Archive`: the default personnel file when the app runs without SharePoint. */
export class LocalArchive implements Archive {
  private readonly dataDir: string;
  private readonly now: () => Date;
  /** Stores run one at a time: choosing a free file name and writing it must not interleave. */
  private storing: Promise<unknown> = Promise.resolve();

  constructor(options: LocalArchiveOptions) {
    this.dataDir = resolve(options.dataDir);
    this.now = options.now ?? (() => new Date());
  }

  private rootOf(filing: Filing): string {
    return join(this.dataDir, filingFolders[filing]);
  }

  private folderOf(filing: Filing, employeeId: string): string {
    return join(this.rootOf(filing), segment(employeeId));
  }

  private recordPath(filing: Filing, conversation: Conversation, hash: string): string {
    return join(
      this.folderOf(filing, conversation.employeeId),
      '.records',
      `${segment(conversation.id)}.${hash.toLowerCase()}.json`,
    );
  }

  /** The absolute path of a record's location, or undefined when it would point outside both archive trees. */
  private pathOf(record: ArchiveRecord): string | undefined {
    const path = resolve(this.dataDir, record.location);
    const within = (root: string): boolean => {
      const inside = relative(root, path);
      return !(
        inside === '' ||
        inside.startsWith('..') ||
        inside.startsWith(sep) ||
        resolve(root, inside) !== path
      );
    };
    return within(this.rootOf('personnel-file')) || within(this.rootOf('confidential')) ? path : undefined;
  }

  private async readRecord(path: string): Promise<StoredRecord | undefined> {
    try {
      return JSON.parse(await readFile(path, 'utf8')) as StoredRecord;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async find(conversation: Conversation, hash: string): Promise<ArchiveRecord | undefined> {
    assertHash(hash);
    const stored = await this.readRecord(this.recordPath(filingOf(conversation.type), conversation, hash));
    if (!stored) return undefined;
    const path = this.pathOf(stored.record);
    // A record whose PDF has gone is not a stored document: storing again repairs it.
    if (!path || !(await exists(path))) return undefined;
    return stored.record;
  }

  store(item: ArchiveItem): Promise<ArchiveRecord> {
    const run = this.storing.then(() => this.storeNow(item));
    this.storing = run.catch(() => undefined);
    return run;
  }

  private async storeNow(item: ArchiveItem): Promise<ArchiveRecord> {
    assertHash(item.hash);
    const filing = item.filing;
    // A Vitaliteitsgesprek is kept confidentially whatever the caller says: never in the personnel file's tree.
    if (filing !== filingOf(item.conversation.type))
      throw new Error(`A ${item.conversation.type} conversation is not filed as ${filing}`);
    const earlier = await this.find(item.conversation, item.hash);
    if (earlier) return earlier;

    const folder = this.folderOf(filing, item.conversation.employeeId);
    await mkdir(join(folder, '.records'), { recursive: true });
    await this.removeStaleTemps(folder);
    const fileName = await this.freeName(folder, item);
    const pdfPath = join(folder, fileName);
    const json = item.json ? jsonNameFor(fileName) : null;
    if (json && item.json) await writeAtomically(join(folder, json), item.json, folder);
    await writeAtomically(pdfPath, item.pdf, folder);

    const confidential = filing === 'confidential';
    const record: ArchiveRecord = {
      location: relative(this.dataDir, pdfPath).split(sep).join('/'),
      url: `/api/conversations/${encodeURIComponent(item.conversation.id)}/document`,
      hash: item.hash.toLowerCase(),
      archivedAt: this.now().toISOString(),
      filing,
      ...(confidential && item.readers.managerId ? { managerId: item.readers.managerId } : {}),
    };
    const stored: StoredRecord = {
      conversationId: item.conversation.id,
      version: item.version,
      record,
      json,
      ...(confidential ? { readers: item.readers } : {}),
    };
    await writeAtomically(
      this.recordPath(filing, item.conversation, item.hash),
      `${JSON.stringify(stored, null, 2)}\n`,
      join(folder, '.records'),
    );
    return record;
  }

  /**
   * Notes the new readers of a confidential document in its record file. Locally the app is the only way in,
   * and it already follows the directory; the note keeps the record and the file in step.
   */
  async changeReaders(record: ArchiveRecord, readers: ArchiveReaders): Promise<void> {
    if (record.filing !== 'confidential') return;
    const folder = this.folderOf('confidential', readers.employeeId);
    const records = join(folder, '.records');
    for (const entry of await this.recordFiles(records)) {
      const path = join(records, entry);
      const stored = await this.readRecord(path);
      if (!stored || stored.record.location !== record.location) continue;
      const { managerId: _previous, ...rest } = stored.record;
      const updated: StoredRecord = {
        ...stored,
        record: { ...rest, ...(readers.managerId ? { managerId: readers.managerId } : {}) },
        readers,
      };
      await writeAtomically(path, `${JSON.stringify(updated, null, 2)}\n`, records);
    }
  }

  private async recordFiles(folder: string): Promise<string[]> {
    try {
      return (await readdir(folder)).filter((e) => e.endsWith('.json'));
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
  }

  async read(record: ArchiveRecord): Promise<Uint8Array | undefined> {
    const path = this.pathOf(record);
    if (!path) return undefined;
    try {
      return new Uint8Array(await readFile(path));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Clears temporary files that an interrupted earlier run left behind. */
  private async removeStaleTemps(folder: string): Promise<void> {
    // File times come from the real clock, not the injectable one.
    const limit = Date.now() - staleTempMs;
    for (const entry of await readdir(folder)) {
      if (!entry.startsWith('.') || !entry.endsWith(tempSuffix)) continue;
      const path = join(folder, entry);
      try {
        if ((await stat(path)).mtimeMs < limit) await rm(path, { force: true });
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
  }

  /**
   * The item's file name, unless another conversation's document already has it (two conversations of the
   * same type on the same day): then ` (2)`, ` (3)`, … A file left by an earlier, interrupted run of this same
   * item is overwritten.
   */
  private async freeName(folder: string, item: ArchiveItem): Promise<string> {
    const owners = await this.owners(folder);
    for (let n = 1; n < 1000; n++) {
      const name = n === 1 ? item.fileName : withCounter(item.fileName, n);
      const owner = owners.get(name);
      if (owner === undefined && !(await exists(join(folder, name)))) return name;
      if (owner === `${item.conversation.id}:${item.hash.toLowerCase()}`) return name;
      if (owner === undefined && (await this.leftOverBy(folder, name, item))) return name;
    }
    throw new Error(`No free file name for ${item.fileName}`);
  }

  /** File names of stored documents in a folder, with the conversation and hash they belong to. */
  private async owners(folder: string): Promise<Map<string, string>> {
    const owners = new Map<string, string>();
    for (const entry of await this.recordFiles(join(folder, '.records'))) {
      const stored = JSON.parse(await readFile(join(folder, '.records', entry), 'utf8')) as StoredRecord;
      const name = stored.record.location.split('/').at(-1);
      if (name) owners.set(name, `${stored.conversationId}:${stored.record.hash}`);
    }
    return owners;
  }

  /**
   * Whether an unrecorded file under `name` was left by an interrupted run of this same item: told by its
   * sidecar, or, when the item has none, by identical PDF bytes.
   */
  private async leftOverBy(folder: string, name: string, item: ArchiveItem): Promise<boolean> {
    if (item.json) return this.sidecarBelongsTo(join(folder, jsonNameFor(name)), item);
    try {
      return Buffer.from(await readFile(join(folder, name))).equals(Buffer.from(item.pdf));
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  /** Whether an unrecorded file pair was left by an interrupted run of this same item. */
  private async sidecarBelongsTo(jsonPath: string, item: ArchiveItem): Promise<boolean> {
    try {
      const sidecar = JSON.parse(await readFile(jsonPath, 'utf8')) as {
        conversation?: { id?: unknown };
        /** The content-free record names the conversation at the top level. */
        conversationId?: unknown;
        hash?: unknown;
      };
      const id = sidecar.conversation?.id ?? sidecar.conversationId;
      return id === item.conversation.id && sidecar.hash === item.hash;
    } catch (error) {
      if (isNotFound(error) || error instanceof SyntaxError) return false;
      throw error;
    }
  }
}

/** `x.pdf` → `x.json`: the sidecar sits next to the PDF under the same name. */
export function jsonNameFor(fileName: string): string {
  return fileName.replace(/\.pdf$/i, '') + '.json';
}

function withCounter(fileName: string, n: number): string {
  const match = /^(.*?)(\.[^.]+)?$/.exec(fileName);
  const base = match?.[1] ?? fileName;
  const extension = match?.[2] ?? '';
  return `${base} (${n})${extension}`;
}
