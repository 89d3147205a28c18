/**
 * The PDF renderer's worker thread: renders final documents off the main thread, so a burst of archiving does
 * not stall the API, the tab and the bot (one render takes about a tenth of a second of CPU).
 */
import { parentPort } from 'node:worker_threads';
import type { Locale } from '../domain/text.js';
import type { FinalDocumentInput } from '../ports/documents.js';
import { PdfRenderer } from './pdf-renderer.js';

/** One render request. */
export interface RenderRequest {
  id: number;
  locale: Locale;
  input: FinalDocumentInput;
}

/** Its answer: the PDF bytes, or why rendering failed. */
export type RenderReply = { id: number; pdf: Uint8Array } | { id: number; error: string };

const renderers = new Map<Locale, PdfRenderer>();

parentPort?.on('message', (request: RenderRequest) => {
  const renderer = renderers.get(request.locale) ?? new PdfRenderer(request.locale);
  renderers.set(request.locale, renderer);
  renderer.render(request.input).then(
    (pdf) => parentPort?.postMessage({ id: request.id, pdf } satisfies RenderReply),
    (error: unknown) =>
      parentPort?.postMessage({
        id: request.id,
        error: error instanceof Error ? error.message : String(error),
      } satisfies RenderReply),
  );
});
