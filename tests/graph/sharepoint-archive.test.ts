/** The SharePoint archive against the fake Graph: folders, columns, access, large resumable uploads. */
import { describe, expect, it } from '@jest/globals';
import { SharePointArchive, archiveColumns, suffixed } from '../../src/graph/sharepoint-archive.js';
import { benchArchive, benchItem, pdfLike } from '../../bench/archive-throughput.js';
import { filingOf, type ConversationType } from '../../src/domain/index.js';
import type { ArchiveItem } from '../../src/ports/index.js';
import { testClient, useFakeGraph } from './harness.js';

const fake = useFakeGraph((fake) => {
  fake.addGroup('hr-group', ['ingrid']);
  // The personnel library: HR owners through the library itself.
  fake.addDrive('personnel', [...archiveColumns], [{ objectId: 'hr-owners', roles: ['owner'] }]);
  // The confidential library, as a careless administrator might leave it: the HR group can read the library.
  fake.addDrive('confidential', [...archiveColumns], [{ objectId: 'hr-group', roles: ['read'] }]);
});

function archive(
  overrides: Partial<ConstructorParameters<typeof SharePointArchive>[0]> = {},
): SharePointArchive {
  return new SharePointArchive({
    client: testClient(),
    driveId: 'personnel',
    rootFolder: 'Personeelsdossiers',
    hrGroupId: 'hr-group',
    access: { hrGroup: true, employee: true },
    retentionLabel: 'Personeelsdossier 7 jaar',
    confidential: { driveId: 'confidential', rootFolder: 'Vitaliteitsgesprekken' },
    upload: { sleep: async () => {} },
    ...overrides,
  });
}

/** Byte equality without jest's element-by-element diffing (slow on megabytes). */
function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return (
    a !== undefined &&
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
      Buffer.from(b.buffer, b.byteOffset, b.byteLength),
    )
  );
}

/** A document for the personnel file (a Reflectiegesprek) unless another type is asked for. */
function item(
  index: number,
  size = 50 * 1024,
  employees = 3,
  type: ConversationType = 'reflectie',
): ArchiveItem {
  const base = benchItem(index, size, employees);
  return {
    ...base,
    conversation: { ...base.conversation, type },
    fileName: `${type}-${base.conversation.id}-v1.pdf`,
    filing: filingOf(type),
  };
}

/** A signed Vitaliteitsgesprek of `employee-<n>`, read by her and `manager`. */
function vitality(index: number, manager = 'manager-a', json = ''): ArchiveItem {
  const doc = item(index, 20 * 1024, 3, 'vitaliteit');
  return { ...doc, json, readers: { employeeId: doc.conversation.employeeId, managerId: manager } };
}

describe('SharePointArchive', () => {
  it('creates the employee folder, uploads PDF and sidecar, sets columns, label and read access', async () => {
    const doc = item(1);
    const record = await archive().store(doc);
    const folder = fake.ensureFolderPath('personnel', `Personeelsdossiers/${doc.conversation.employeeId}`);
    const names = fake
      .childrenOf(folder.id)
      .map((i) => i.name)
      .sort();
    expect(names).toEqual([doc.fileName.replace('.pdf', '.json'), doc.fileName].sort());
    const pdf = fake.childNamed(folder.id, doc.fileName)!;
    expect(pdf.fields).toEqual({
      EmployeeId: doc.conversation.employeeId,
      ConversationType: doc.conversation.type,
      ConversationDate: '2026-12-01',
      Status: 'Definitief',
      ContentHash: doc.hash,
      ConversationId: doc.conversation.id,
    });
    expect(pdf.retentionLabel).toBe('Personeelsdossier 7 jaar');
    // The first grant breaks inheritance and keeps the library's own permissions (HR owners).
    expect(pdf.permissions.filter((p) => p.roles.join() === 'read').map((p) => p.recipient)).toEqual([
      { objectId: 'hr-group' },
      { objectId: doc.conversation.employeeId },
    ]);
    expect(fake.readersOf(pdf.id)).toEqual(['employee-1', 'hr-owners', 'ingrid']);
    expect(
      new TextDecoder().decode(fake.childNamed(folder.id, doc.fileName.replace('.pdf', '.json'))!.content),
    ).toBe(doc.json);
    expect(record.location).toBe(`drives/personnel/items/${pdf.id}`);
    expect(record.hash).toBe(doc.hash);
    // Metadata, label and invites went in one batch.
    expect(fake.count('POST', /^\/\$batch$/)).toBe(1);
    expect(sameBytes(await archive().read(record), doc.pdf)).toBe(true);
  });

  it('leaves out access grants and the label when configured so', async () => {
    const doc = item(2);
    await archive({ access: { hrGroup: false, employee: false }, retentionLabel: undefined }).store(doc);
    const pdf = [...fake.items.values()].find((i) => i.name === doc.fileName)!;
    expect(pdf.permissions).toEqual([]);
    expect(pdf.retentionLabel).toBeUndefined();
    expect(pdf.fields.Status).toBe('Definitief');
  });

  it('finds a stored document and does not upload it again', async () => {
    const doc = item(3);
    const first = await archive().store(doc);
    expect(await archive().find(doc.conversation, doc.hash)).toEqual(first);
    expect(await archive().find(doc.conversation, 'other-hash')).toBeUndefined();
    expect(await archive().store(doc)).toEqual(first);
    expect(fake.fileCreations).toHaveLength(2);
  });

  it('answers undefined from find when the employee has no folder yet', async () => {
    const doc = item(4);
    expect(await archive().find(doc.conversation, doc.hash)).toBeUndefined();
  });

  it('uploads a 5 MB PDF through an upload session in 320 KiB multiples', async () => {
    const doc = item(5, 5 * 1024 * 1024);
    const record = await archive({ upload: { sleep: async () => {}, fragmentSize: 1024 * 1024 } }).store(doc);
    expect(fake.count('POST', /createUploadSession$/)).toBe(1);
    // 5 MiB in fragments of 960 KiB (the largest 320 KiB multiple under 1 MiB): 6 PUTs.
    expect(fake.count('PUT', /^\/_upload\//)).toBe(6);
    expect(sameBytes(await archive().read(record), doc.pdf)).toBe(true);
    expect(fake.openSessions).toBe(0);
  });

  it('resumes an upload session from nextExpectedRanges after a failed fragment and a dropped connection', async () => {
    const doc = item(6, 5 * 1024 * 1024);
    fake.faults.add({ method: 'PUT', path: /^\/_upload\//, status: 503, retryAfterSeconds: 1, times: 1 });
    fake.faults.add({ method: 'PUT', path: /^\/_upload\//, when: 'after-commit', status: 504, times: 1 });
    fake.faults.add({ method: 'PUT', path: /^\/_upload\//, when: 'network-error', times: 1 });
    const waits: number[] = [];
    const record = await archive({
      upload: { sleep: async (ms) => void waits.push(ms), fragmentSize: 2 * 1024 * 1024 },
    }).store(doc);
    expect(sameBytes(await archive().read(record), doc.pdf)).toBe(true);
    // Status asked after each failure; one session only.
    expect(fake.count('GET', /^\/_upload\//)).toBe(3);
    expect(fake.count('POST', /createUploadSession$/)).toBe(1);
    // Retry-After of 1 s arrives scaled by the client (×0.01) and is honoured.
    expect(waits[0]).toBeCloseTo(10);
  });

  it('starts a new session when the old one expired', async () => {
    const doc = item(7, 5 * 1024 * 1024);
    let now = Date.now();
    fake.now = () => now;
    let moved = false;
    // Fifteen minutes pass just before the first fragment arrives: the session has expired (404).
    fake.onRequest = (request) => {
      if (!moved && request.method === 'PUT' && request.path.startsWith('/_upload/')) {
        moved = true;
        now += 16 * 60 * 1000;
      }
    };
    try {
      const record = await archive({
        upload: { fragmentSize: 2 * 1024 * 1024, sleep: async () => {} },
      }).store(doc);
      expect(sameBytes(await archive().read(record), doc.pdf)).toBe(true);
    } finally {
      fake.onRequest = undefined;
      fake.now = () => Date.now();
    }
    expect(fake.count('POST', /createUploadSession$/)).toBe(2);
    expect(fake.fileCreations.filter((f) => f.name.endsWith('.pdf'))).toHaveLength(1);
  });

  it('picks a suffixed name when another document already holds the name', async () => {
    const doc = item(8);
    const folder = fake.ensureFolderPath('personnel', `Personeelsdossiers/${doc.conversation.employeeId}`);
    // Someone else's file with the same name and metadata of another conversation.
    const other = await archive().store({
      ...item(9),
      conversation: { ...item(9).conversation, employeeId: doc.conversation.employeeId },
      fileName: doc.fileName,
    });
    expect(other.location).toContain('items/');
    const record = await archive().store(doc);
    expect(
      fake
        .childrenOf(folder.id)
        .map((i) => i.name)
        .sort(),
    ).toEqual(
      [
        doc.fileName,
        doc.fileName.replace('.pdf', '.json'),
        suffixed(doc.fileName, 2),
        suffixed(doc.fileName, 2).replace('.pdf', '.json'),
      ].sort(),
    );
    expect(record.location).toBe(
      `drives/personnel/items/${fake.childNamed(folder.id, suffixed(doc.fileName, 2))!.id}`,
    );
    expect(fake.count('PUT', /:\/content$/)).toBeGreaterThanOrEqual(4);
  });

  it('after a crash between upload and metadata, a re-run finishes the same document', async () => {
    const doc = item(10);
    // The connection drops on the batch that would write access and metadata.
    fake.faults.add({ method: 'POST', path: /^\/\$batch$/, when: 'network-error', times: 1 });
    await expect(archive().store(doc)).rejects.toThrow();
    expect(await archive().find(doc.conversation, doc.hash)).toBeUndefined();
    expect(fake.fileCreations).toHaveLength(2);

    const record = await archive().store(doc);
    const files = fake.filesOfConversation(doc.conversation.id);
    expect(files.map((f) => f.name).sort()).toEqual(
      [doc.fileName, doc.fileName.replace('.pdf', '.json')].sort(),
    );
    // No second upload: the 409 led to the earlier file, recognised by its bytes.
    expect(fake.fileCreations).toHaveLength(2);
    const pdf = files.find((f) => f.name === doc.fileName)!;
    expect(pdf.fields.ContentHash).toBe(doc.hash);
    expect(pdf.permissions.filter((p) => p.roles.join() === 'read')).toHaveLength(2);
    expect(await archive().find(doc.conversation, doc.hash)).toEqual(record);
  });

  it('survives a lost answer to the upload itself (the retry meets nameAlreadyExists)', async () => {
    const doc = item(11);
    fake.faults.add({ method: 'PUT', path: /\.pdf:\/content$/, when: 'after-commit', status: 504, times: 1 });
    await archive().store(doc);
    expect(fake.fileCreations.filter((f) => f.name === doc.fileName)).toHaveLength(1);
    expect(fake.filesOfConversation(doc.conversation.id)).toHaveLength(2);
  });

  it('re-sends a throttled request from inside the batch on its own', async () => {
    const doc = item(12);
    fake.faults.add({
      method: 'POST',
      path: /\/invite$/,
      viaBatch: true,
      status: 429,
      retryAfterSeconds: 1,
      times: 1,
    });
    await archive().store(doc);
    const pdf = [...fake.items.values()].find((i) => i.name === doc.fileName)!;
    expect(pdf.permissions.filter((p) => p.roles.join() === 'read')).toHaveLength(2);
    expect(pdf.fields.Status).toBe('Definitief');
    expect(fake.log.filter((r) => r.path.endsWith('/invite') && !r.viaBatch).length).toBeGreaterThanOrEqual(
      1,
    );
  });

  it('fails without marking the document complete when a batch step keeps failing', async () => {
    const doc = item(13);
    fake.faults.add({ method: 'PATCH', path: /\/retentionLabel$/, status: 403, times: 2 });
    await expect(archive().store(doc)).rejects.toThrow(/failed/);
    expect(await archive().find(doc.conversation, doc.hash)).toBeUndefined();
    const record = await archive().store(doc);
    expect(record.hash).toBe(doc.hash);
    expect(fake.fileCreations).toHaveLength(2);
  });

  it('stores exactly one document per conversation through a storm of 429s across 20 parallel archive calls', async () => {
    fake.faults.add({ status: 429, retryAfterSeconds: 1, times: 2, perPath: true });
    // Both libraries at once: benchItem alternates Vitaliteitsgesprek (confidential) and Reflectiegesprek.
    const docs = Array.from({ length: 20 }, (_, i) =>
      benchItem(100 + i, i % 10 === 0 ? 5 * 1024 * 1024 : 30 * 1024, 4),
    );
    const started = Date.now();
    const store = archive({
      upload: { fragmentSize: 4 * 1024 * 1024, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) },
    });
    await Promise.all(docs.map((doc) => store.store(doc)));
    // The first request on each path waited twice for Retry-After: 1 s × 0.01.
    expect(Date.now() - started).toBeGreaterThanOrEqual(20);
    expect(fake.faults.firedCount(429)).toBeGreaterThan(40);
    for (const doc of docs) {
      const files = fake.filesOfConversation(doc.conversation.id);
      expect(files.filter((f) => f.name.endsWith('.pdf'))).toHaveLength(1);
      expect(fake.fileCreations.filter((f) => f.name === doc.fileName)).toHaveLength(1);
      expect(sameBytes(files.find((f) => f.name.endsWith('.pdf'))!.content, doc.pdf)).toBe(true);
    }
    expect(fake.fileCreations).toHaveLength(40);
  });

  it('keeps a Vitaliteitsgesprek in the confidential library, readable by exactly the employee and her manager', async () => {
    const doc = vitality(30, 'manager-a', '{"schema":"gesprekscyclus/content-free-record"}\n');
    // Whatever the HR grant says: it is for the personnel file only.
    const record = await archive({ access: { hrGroup: true, employee: true } }).store(doc);
    const folder = fake.ensureFolderPath(
      'confidential',
      `Vitaliteitsgesprekken/${doc.conversation.employeeId}`,
    );
    const files = fake.childrenOf(folder.id);
    expect(files.map((f) => f.name).sort()).toEqual(
      [doc.fileName.replace('.pdf', '.json'), doc.fileName].sort(),
    );
    for (const file of [folder, ...files]) {
      expect(fake.readersOf(file.id)).toEqual([doc.conversation.employeeId, 'manager-a'].sort());
    }
    // The files carry no grant of their own: they inherit the folder's, which no longer inherits the library's.
    expect(files.every((f) => f.permissions.length === 0 && f.inheritsPermissions)).toBe(true);
    expect(folder.inheritsPermissions).toBe(false);
    expect(folder.permissions.map((p) => p.roles.join())).toEqual(['read', 'read']);
    // Nothing of it in the personnel library.
    const personnel = [...fake.items.values()].filter((i) => i.driveId === 'personnel' && !i.isFolder);
    expect(personnel).toEqual([]);
    expect(record).toMatchObject({ filing: 'confidential', managerId: 'manager-a', hash: doc.hash });
    expect(record.location).toBe(`drives/confidential/items/${fake.childNamed(folder.id, doc.fileName)!.id}`);
    expect(files.find((f) => f.name === doc.fileName)!.fields.Status).toBe('Definitief');
    expect(await archive().find(doc.conversation, doc.hash)).toMatchObject({ location: record.location });
    expect(sameBytes(await archive().read(record), doc.pdf)).toBe(true);
  });

  it('files no sidecar when the item has none, and no personnel-file retention label', async () => {
    const doc = vitality(31);
    await archive().store(doc);
    const files = fake.filesOfConversation(doc.conversation.id);
    expect(files.map((f) => f.name)).toEqual([doc.fileName]);
    expect(files[0]!.retentionLabel).toBeUndefined();
    await archive({
      confidential: {
        driveId: 'confidential',
        rootFolder: 'Vitaliteitsgesprekken',
        retentionLabel: 'Vitaliteit 2 jaar',
      },
    }).store(vitality(34));
    expect(fake.filesOfConversation('bench-34')[0]!.retentionLabel).toBe('Vitaliteit 2 jaar');
  });

  it('hands the folder to a new manager: granted before the old one is revoked, idempotent', async () => {
    const doc = vitality(32, 'manager-a');
    const record = await archive().store(doc);
    const folder = fake.ensureFolderPath(
      'confidential',
      `Vitaliteitsgesprekken/${doc.conversation.employeeId}`,
    );
    const pdf = fake.childNamed(folder.id, doc.fileName)!;
    fake.log.length = 0;
    await archive().changeReaders(record, {
      employeeId: doc.conversation.employeeId,
      managerId: 'manager-b',
    });
    expect(fake.readersOf(pdf.id)).toEqual([doc.conversation.employeeId, 'manager-b'].sort());
    const invite = fake.log.findIndex((r) => r.method === 'POST' && r.path.endsWith('/invite'));
    const revoke = fake.log.findIndex((r) => r.method === 'DELETE' && r.path.includes('/permissions/'));
    expect(invite).toBeGreaterThanOrEqual(0);
    expect(revoke).toBeGreaterThan(invite);
    // Again: nothing to change.
    fake.log.length = 0;
    await archive().changeReaders(record, {
      employeeId: doc.conversation.employeeId,
      managerId: 'manager-b',
    });
    expect(fake.count('POST', /\/invite$/) + fake.count('DELETE', /\/permissions\//)).toBe(0);
    expect(fake.readersOf(pdf.id)).toEqual([doc.conversation.employeeId, 'manager-b'].sort());
    // A personnel-file record is left as it is.
    await archive().changeReaders(
      { ...record, filing: 'personnel-file' },
      { employeeId: 'x', managerId: 'y' },
    );
    expect(fake.count('POST', /\/invite$/)).toBe(0);
  });

  it('removes any other grant on the folder (a person, the HR group) and brings a later document to the current readers', async () => {
    const first = vitality(33, 'manager-a');
    await archive().store(first);
    const folder = fake.ensureFolderPath(
      'confidential',
      `Vitaliteitsgesprekken/${first.conversation.employeeId}`,
    );
    // Someone shares the folder by hand with the HR group and a colleague.
    folder.permissions.push(
      { id: 'by-hand-1', roles: ['read'], recipient: { objectId: 'hr-group' } },
      { id: 'by-hand-2', roles: ['write'], recipient: { objectId: 'colleague' } },
    );
    // The next document arrives after the manager changed: stored with today's readers.
    const second = {
      ...vitality(36, 'manager-b'),
      readers: { employeeId: first.conversation.employeeId, managerId: 'manager-b' },
    };
    second.conversation = { ...second.conversation, employeeId: first.conversation.employeeId };
    await archive().store(second);
    for (const file of fake.childrenOf(folder.id)) {
      expect(fake.readersOf(file.id)).toEqual([first.conversation.employeeId, 'manager-b'].sort());
    }
    expect(fake.readersOf(folder.id)).not.toContain('ingrid');
  });

  it('refuses to file a Vitaliteitsgesprek as personnel file, and a configuration with one library for both', async () => {
    await expect(archive().store({ ...vitality(35), filing: 'personnel-file' })).rejects.toThrow(/not filed/);
    expect(() =>
      archive({ confidential: { driveId: 'personnel', rootFolder: 'Vitaliteitsgesprekken' } }),
    ).toThrow(/another library/);
  });

  it('measures throughput against the fake', async () => {
    const result = await benchArchive(10, { archive: archive(), pdfBytes: 20 * 1024, concurrency: 4 });
    expect(result.documents).toBe(10);
    expect(result.documentsPerSecond).toBeGreaterThan(0);
    expect(fake.fileCreations).toHaveLength(20);
  });

  it('makes PDF-like bytes', () => {
    expect(new TextDecoder().decode(pdfLike(64, 1).subarray(0, 8))).toBe('%PDF-1.7');
    expect(pdfLike(64, 1)).toEqual(pdfLike(64, 1));
    expect(pdfLike(64, 1)).not.toEqual(pdfLike(64, 2));
  });
});
