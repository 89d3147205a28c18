/** Rendering PDFs in a worker thread: the same documents, off the event loop. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { reflectionDocumentInput, vitalityDocumentInput } from '../fixtures/documents.js';
import { WorkerPdfRenderer } from '../../src/documents/worker-renderer.js';
import type { FinalDocumentInput } from '../../src/ports/documents.js';
import { pdfText } from '../support/pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'pdf-worker-'));
let count = 0;

/** The text of a PDF, as a PDF reader gets it. */
function textOf(pdf: Uint8Array): Promise<string> {
  const path = join(dir, `${(count += 1)}.pdf`);
  writeFileSync(path, pdf);
  return pdfText(path, { layout: true });
}

const workersOf = (renderer: WorkerPdfRenderer) =>
  (renderer as unknown as { slots: Array<{ worker: Worker }> }).slots.map((s) => s.worker);

describe('WorkerPdfRenderer', () => {
  let renderer: WorkerPdfRenderer | undefined;
  afterEach(async () => {
    await renderer?.close();
  });

  it('renders each document in a worker thread, several at once, each answer to its own request', async () => {
    renderer = new WorkerPdfRenderer(2);
    const inputs = [vitalityDocumentInput(), reflectionDocumentInput(), vitalityDocumentInput()];
    const pdfs = await Promise.all(inputs.map((input) => renderer!.render(input)));
    expect(workersOf(renderer)).toHaveLength(2);
    const texts = await Promise.all(pdfs.map(textOf));
    expect(texts[0]).toContain('Fatima El Amrani');
    expect(texts[0]).toContain('Vitaliteitsgesprek');
    expect(texts[1]).toContain('Daan Verhoeven');
    expect(texts[1]).toContain('Reflectiegesprek');
    expect(texts[2]).toContain('Fatima El Amrani');
  }, 60_000);

  it('renders in the language it was made for', async () => {
    renderer = new WorkerPdfRenderer(1, 'en');
    expect(await textOf(await renderer.render(vitalityDocumentInput()))).toContain('Vitality conversation');
  }, 60_000);

  it('rejects a document it cannot render with the reason, and renders the next one', async () => {
    renderer = new WorkerPdfRenderer(1);
    const broken = { ...vitalityDocumentInput(), conversation: null } as unknown as FinalDocumentInput;
    await expect(renderer.render(broken)).rejects.toThrow(/PDF rendering failed: /);
    expect(await textOf(await renderer.render(vitalityDocumentInput()))).toContain('Fatima El Amrani');
  }, 60_000);

  it('loses only the document of a worker that dies, and starts a new worker for the next', async () => {
    renderer = new WorkerPdfRenderer(1);
    await renderer.render(vitalityDocumentInput());
    const inFlight = renderer.render(reflectionDocumentInput());
    const [worker] = workersOf(renderer);
    await worker?.terminate();
    await expect(inFlight).rejects.toThrow(/PDF worker stopped/);
    expect(await textOf(await renderer.render(reflectionDocumentInput()))).toContain('Daan Verhoeven');
    expect(workersOf(renderer)).toHaveLength(1);
    expect(workersOf(renderer)[0]).not.toBe(worker);
  }, 60_000);

  it('refuses work after close, and rejects what was still waiting', async () => {
    renderer = new WorkerPdfRenderer(1);
    const first = renderer.render(vitalityDocumentInput());
    const waiting = renderer.render(vitalityDocumentInput());
    const closing = renderer.close();
    await expect(waiting).rejects.toThrow(/closed/);
    await first.catch(() => undefined);
    await closing;
    await expect(renderer.render(vitalityDocumentInput())).rejects.toThrow(/closed/);
    expect(workersOf(renderer)).toHaveLength(0);
  }, 60_000);

  it('needs at least one worker', () => {
    expect(() => new WorkerPdfRenderer(0)).toThrow(/at least one worker/);
  });
});
