/** The local archive: each filing in its own tree with its JSON, found again by hash, readers noted. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalArchive } from '../../../src/adapters/local/archive.js';
import { buildArchiveJson, fileNameFor } from '../../../src/documents/archive-json.js';
import { filingOf } from '../../../src/domain/index.js';
import {
  reflectionDocumentInput as sampleReflectionInput,
  vitalityDocumentInput as sampleVitalityInput,
} from '../../fixtures/documents.js';
import type { ArchiveItem } from '../../../src/ports/index.js';
import type { FinalDocumentInput } from '../../../src/ports/documents.js';

let dataDir: string;
const now = () => new Date('2026-12-08T09:30:00.000Z');

function itemFor(input: FinalDocumentInput, pdfText = '%PDF-1.3 test'): ArchiveItem {
  const version = input.conversation.versions.find((v) => v.number === input.version);
  if (!version) throw new Error('no version');
  return {
    conversation: input.conversation,
    version: version.number,
    hash: version.hash,
    fileName: fileNameFor(input.conversation, input.employee.displayName, version.number),
    pdf: new TextEncoder().encode(pdfText),
    json: buildArchiveJson(input),
    filing: filingOf(input.conversation.type),
    readers: { employeeId: input.conversation.employeeId, managerId: input.conversation.managerId },
  };
}

/** Every file under the archive, relative, sorted. */
function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
    .sort();
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'archive-test-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('LocalArchive', () => {
  it('keeps a Vitaliteitsgesprek and its JSON under confidential/<employeeId>/, never in the personnel file', async () => {
    const archive = new LocalArchive({ dataDir, now });
    const input = sampleVitalityInput();
    const item = itemFor(input);
    const record = await archive.store(item);
    expect(record).toEqual({
      location: 'confidential/u-fatima/2026-12-01 Vitaliteitsgesprek - Fatima El Amrani - v2.pdf',
      url: `/api/conversations/${input.conversation.id}/document`,
      hash: item.hash,
      archivedAt: '2026-12-08T09:30:00.000Z',
      filing: 'confidential',
      managerId: input.conversation.managerId,
    });
    expect(filesIn(join(dataDir, 'archive'))).toEqual([]);
    const folder = join(dataDir, 'confidential', 'u-fatima');
    expect(
      readFileSync(join(folder, '2026-12-01 Vitaliteitsgesprek - Fatima El Amrani - v2.pdf'), 'latin1'),
    ).toBe('%PDF-1.3 test');
    expect(
      JSON.parse(
        readFileSync(join(folder, '2026-12-01 Vitaliteitsgesprek - Fatima El Amrani - v2.json'), 'utf8'),
      ).hash,
    ).toBe(item.hash);
    expect(Buffer.from((await archive.read(record)) ?? []).toString('latin1')).toBe('%PDF-1.3 test');
  });

  it('stores a Reflectiegesprek under archive/<employeeId>/ (the personnel file) with its JSON', async () => {
    const archive = new LocalArchive({ dataDir, now });
    const input = sampleReflectionInput();
    const record = await archive.store(itemFor(input));
    expect(record.filing).toBe('personnel-file');
    expect(record.managerId).toBeUndefined();
    expect(filesIn(join(dataDir, 'archive')).filter((f) => !f.includes('.records'))).toEqual(
      [record.location, record.location.replace(/\.pdf$/, '.json')]
        .map((f) => f.slice('archive/'.length))
        .sort(),
    );
    expect(filesIn(join(dataDir, 'confidential'))).toEqual([]);
  });

  it('refuses to put a Vitaliteitsgesprek in the personnel file', async () => {
    const archive = new LocalArchive({ dataDir, now });
    await expect(
      archive.store({ ...itemFor(sampleVitalityInput()), filing: 'personnel-file' }),
    ).rejects.toThrow(/not filed as personnel-file/);
    expect(filesIn(dataDir)).toEqual([]);
  });

  it('files no sidecar when the item has none, and finishes an interrupted run of it by its bytes', async () => {
    const archive = new LocalArchive({ dataDir, now });
    const item = { ...itemFor(sampleVitalityInput()), json: '' };
    const folder = join(dataDir, 'confidential', 'u-fatima');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, item.fileName), '%PDF-1.3 test');
    const record = await archive.store(item);
    expect(record.location).toBe(`confidential/u-fatima/${item.fileName}`);
    expect(filesIn(folder).filter((f) => !f.startsWith('.records'))).toEqual([item.fileName]);
  });

  it('notes a new manager as reader of a confidential document', async () => {
    const archive = new LocalArchive({ dataDir, now });
    const input = sampleVitalityInput();
    const item = itemFor(input);
    const record = await archive.store(item);
    await archive.changeReaders(record, { employeeId: input.conversation.employeeId, managerId: 'u-nieuw' });
    expect(await archive.find(input.conversation, item.hash)).toEqual({ ...record, managerId: 'u-nieuw' });
    // A personnel-file record is left alone.
    const reflection = await archive.store(itemFor(sampleReflectionInput()));
    await archive.changeReaders(reflection, { employeeId: 'u-daan', managerId: 'u-nieuw' });
    expect(await archive.find(sampleReflectionInput().conversation, reflection.hash)).toEqual(reflection);
  });

  it('finds an earlier stored document by conversation and hash, and nothing for another hash', async () => {
    const archive = new LocalArchive({ dataDir, now });
    const input = sampleVitalityInput();
    const item = itemFor(input);
    expect(await archive.find(input.conversation, item.hash)).toBeUndefined();
    const record = await archive.store(item);
    // A new instance (a restarted server) finds it too.
    const again = new LocalArchive({ dataDir, now: () => new Date('2027-01-01T00:00:00Z') });
    expect(await again.find(input.conversation, item.hash)).toEqual(record);
    expect(await again.find(input.conversation, 'ab'.repeat(32))).toBeUndefined();
  });

  it('does not store the same item twice', async () => {
    const input = sampleVitalityInput();
    const first = await new LocalArchive({ dataDir, now }).store(itemFor(input));
    const before = filesIn(dataDir);
    const second = await new LocalArchive({ dataDir, now: () => new Date('2027-01-01T00:00:00Z') }).store(
      itemFor(input),
    );
    expect(second).toEqual(first);
    expect(filesIn(dataDir)).toEqual(before);
    expect(before.filter((f) => f.endsWith('.pdf'))).toHaveLength(1);
  });

  it('does not count a leftover temporary file as stored, and a re-run stores exactly one document', async () => {
    const archive = new LocalArchive({ dataDir, now });
    const input = sampleVitalityInput();
    const item = itemFor(input);
    // What a crash in the middle of writing the PDF leaves behind.
    const folder = join(dataDir, 'confidential', 'u-fatima');
    mkdirSync(join(folder, '.records'), { recursive: true });
    writeFileSync(join(folder, '.0a1b2c3d4e5f.tmp'), '%PDF-1.3 half');
    writeFileSync(join(folder, '.ffffffffffff.tmp'), '%PDF-1.3 half, old');
    utimesSync(
      join(folder, '.ffffffffffff.tmp'),
      new Date('2000-01-01T00:00:00Z'),
      new Date('2000-01-01T00:00:00Z'),
    );
    expect(await archive.find(input.conversation, item.hash)).toBeUndefined();
    const record = await archive.store(item);
    expect(await archive.find(input.conversation, item.hash)).toEqual(record);
    expect(filesIn(dataDir).filter((f) => f.endsWith('.pdf'))).toEqual([record.location]);
    // An old leftover is cleared away; a recent one may belong to a write in progress and stays.
    const temps = filesIn(dataDir).filter((f) => f.endsWith('.tmp'));
    expect(temps).toEqual(['confidential/u-fatima/.0a1b2c3d4e5f.tmp']);
  });

  it('finishes an interrupted run under the same name instead of making a second copy', async () => {
    const archive = new LocalArchive({ dataDir, now });
    const input = sampleVitalityInput();
    const item = itemFor(input);
    // A crash after the files were renamed but before the record was written.
    const folder = join(dataDir, 'confidential', 'u-fatima');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, item.fileName), '%PDF-1.3 test');
    writeFileSync(join(folder, item.fileName.replace(/\.pdf$/, '.json')), item.json ?? '');
    expect(await archive.find(input.conversation, item.hash)).toBeUndefined();
    const record = await archive.store(item);
    expect(record.location.endsWith(`/${item.fileName}`)).toBe(true);
    expect(filesIn(dataDir).filter((f) => f.endsWith('.pdf'))).toHaveLength(1);
  });

  it('gives a second conversation with the same name its own file', async () => {
    const archive = new LocalArchive({ dataDir, now });
    const input = sampleVitalityInput();
    const first = await archive.store(itemFor(input));
    const other = structuredClone(input);
    other.conversation.id = 'conv-vit-2026-0143';
    const otherItem = { ...itemFor(other), hash: 'cd'.repeat(32) };
    const second = await archive.store(otherItem);
    expect(second.location).not.toBe(first.location);
    expect(second.location.endsWith(' - v2 (2).pdf')).toBe(true);
    expect(await archive.find(input.conversation, itemFor(input).hash)).toEqual(first);
    expect(await archive.find(other.conversation, otherItem.hash)).toEqual(second);
  });

  it('gives two conversations with the same name their own files when they are archived at the same moment', async () => {
    const archive = new LocalArchive({ dataDir, now });
    const input = sampleVitalityInput();
    const other = structuredClone(input);
    other.conversation.id = 'conv-vit-2026-0144';
    const [first, second] = await Promise.all([
      archive.store(itemFor(input, '%PDF-1.3 first')),
      archive.store({ ...itemFor(other, '%PDF-1.3 second'), hash: 'ef'.repeat(32) }),
    ]);
    expect(second!.location).not.toBe(first!.location);
    expect(new TextDecoder().decode(await archive.read(first!))).toBe('%PDF-1.3 first');
    expect(new TextDecoder().decode(await archive.read(second!))).toBe('%PDF-1.3 second');
  });

  it('keeps each employee in an own folder and never reads outside the archive', async () => {
    const archive = new LocalArchive({ dataDir, now });
    const reflection = await archive.store(itemFor(sampleReflectionInput()));
    expect(reflection.location.startsWith('archive/u-daan/')).toBe(true);
    writeFileSync(join(dataDir, 'secret.txt'), 'geheim');
    expect(await archive.read({ ...reflection, location: '../secret.txt' })).toBeUndefined();
    expect(await archive.read({ ...reflection, location: 'secret.txt' })).toBeUndefined();
    expect(await archive.read({ ...reflection, location: '/etc/passwd' })).toBeUndefined();
    expect(await archive.read({ ...reflection, location: 'archive/u-daan/missing.pdf' })).toBeUndefined();
    const traversal = structuredClone(sampleVitalityInput());
    traversal.conversation.employeeId = '../../escape';
    const stored = await archive.store(itemFor(traversal));
    expect(stored.location.startsWith('confidential/______escape/')).toBe(true);
    expect(await archive.read({ ...stored, location: 'confidential/../secret.txt' })).toBeUndefined();
  });
});
