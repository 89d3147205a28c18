/**
 * Archive throughput: stores `n` approved conversations through an `Archive` and reports documents per second.
 * `npm run bench` runs it against the fake Graph; pointed at a test tenant it measures the real thing.
 */
import { createHash } from 'node:crypto';
import { createConversation, currentFormat, filingOf, type Conversation } from '../src/domain/index.js';
import type { Archive, ArchiveItem } from '../src/ports/index.js';

/** Result of a benchmark run. */
export interface BenchResult {
  documents: number;
  seconds: number;
  documentsPerSecond: number;
}

/** Options of {@link benchArchive}. */
export interface BenchOptions {
  archive: Archive;
  /** Parallel archive calls; default 8. */
  concurrency?: number;
  /** Size of each PDF in bytes; default 200 KiB. */
  pdfBytes?: number;
  /** Employees the conversations are spread over; default 10. */
  employees?: number;
}

/** Stores `n` documents and measures the rate. */
export async function benchArchive(n: number, options: BenchOptions): Promise<BenchResult> {
  const items = Array.from({ length: n }, (_, i) =>
    benchItem(i, options.pdfBytes ?? 200 * 1024, options.employees ?? 10),
  );
  const started = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++]!;
      await options.archive.store(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 8) }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { documents: n, seconds, documentsPerSecond: n / Math.max(seconds, 1e-9) };
}

/** A deterministic archive item: a PDF-like buffer, its JSON and hash. */
export function benchItem(index: number, pdfBytes: number, employees: number): ArchiveItem {
  const conversation: Conversation = createConversation({
    id: `bench-${index}`,
    type: index % 2 === 0 ? 'vitaliteit' : 'reflectie',
    formatVersion: currentFormat(index % 2 === 0 ? 'vitaliteit' : 'reflectie').version,
    employeeId: `employee-${index % employees}`,
    managerId: 'manager-bench',
    requestedBy: 'manager',
    schedule: { start: '2026-12-01T09:00:00.000Z', end: '2026-12-01T10:00:00.000Z' },
    now: '2026-11-20T08:00:00.000Z',
  }).conversation;
  const pdf = pdfLike(pdfBytes, index);
  const json = JSON.stringify({ conversationId: conversation.id, version: 1 });
  return {
    conversation,
    version: 1,
    hash: createHash('sha256').update(json).digest('hex'),
    fileName: `${conversation.type}-${conversation.id}-v1.pdf`,
    pdf,
    json,
    filing: filingOf(conversation.type),
    readers: { employeeId: conversation.employeeId, managerId: conversation.managerId },
  };
}

/** Bytes that start like a PDF, with deterministic filler. */
export function pdfLike(size: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(size);
  const header = new TextEncoder().encode('%PDF-1.7\n');
  bytes.set(header.subarray(0, Math.min(header.length, size)));
  let x = (seed + 1) * 2654435761;
  for (let i = header.length; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}
