/**
 * Renders final documents in worker threads. Each worker renders one document at a time; requests wait in a
 * queue. A worker that dies takes only its own document with it (that render rejects, the archive job retries)
 * and is replaced on the next request.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Locale } from '../domain/text.js';
import type { DocumentRenderer, FinalDocumentInput } from '../ports/documents.js';
import type { RenderReply, RenderRequest } from './pdf-worker.js';

interface Pending {
  request: RenderRequest;
  resolve(pdf: Uint8Array): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  busy?: Pending;
}

// The worker runs the TypeScript source like the main thread does, whatever loaded the main thread.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const workerScript = new URL('./pdf-worker.ts', import.meta.url);

export class WorkerPdfRenderer implements DocumentRenderer {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  /** @param size how many documents render at the same time (one per worker thread). */
  constructor(
    private readonly size = 1,
    private readonly locale: Locale = 'nl',
  ) {
    if (!Number.isInteger(size) || size < 1)
      throw new Error(`A renderer needs at least one worker, not ${size}`);
  }

  render(input: FinalDocumentInput): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new Error('The PDF renderer is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, locale: this.locale, input }, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * Stops the workers; documents still waiting or rendering are rejected (their archive jobs run again after a
   * restart). The app closes the renderer only after the outbox has let running jobs finish.
   */
  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    const pending = [...this.queue.splice(0), ...slots.flatMap((slot) => (slot.busy ? [slot.busy] : []))];
    for (const p of pending) p.reject(new Error('The PDF renderer is closed'));
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => !s.busy) ?? this.spawn();
      if (!slot) return;
      const pending = this.queue.shift() as Pending;
      slot.busy = pending;
      slot.worker.ref();
      slot.worker.postMessage(pending.request);
    }
  }

  private spawn(): Slot | undefined {
    if (this.slots.length >= this.size) return undefined;
    const worker = new Worker(workerScript, { execArgv: ['--import', tsxLoader] });
    const slot: Slot = { worker };
    worker.on('message', (reply: RenderReply) => {
      const pending = slot.busy;
      if (!pending || pending.request.id !== reply.id) return;
      slot.busy = undefined;
      slot.worker.unref();
      if ('pdf' in reply) pending.resolve(reply.pdf);
      else pending.reject(new Error(`PDF rendering failed: ${reply.error}`));
      this.dispatch();
    });
    const lose = (error: Error) => {
      const index = this.slots.indexOf(slot);
      if (index < 0) return;
      this.slots.splice(index, 1);
      slot.busy?.reject(error);
      slot.busy = undefined;
      if (!this.closed) this.dispatch();
    };
    worker.on('error', (error) => lose(error));
    worker.on('exit', (code) => lose(new Error(`The PDF worker stopped (exit code ${code})`)));
    // An idle worker must not keep the process alive on its own; a busy one does (see dispatch).
    worker.unref();
    this.slots.push(slot);
    return slot;
  }
}
