/**
 * Rendering benchmark for `npm run bench`: how long one final document takes, on realistic content.
 */
import { performance } from 'node:perf_hooks';
import type { FinalDocumentInput } from '../src/ports/documents.js';
import { PdfRenderer } from '../src/documents/pdf-renderer.js';

/**
 * Renders `iterations` documents (taking `inputs` in turn, e.g. a Vitaliteitsgesprek and a Reflectiegesprek
 * driven through the domain in tests/fixtures/documents.ts) and returns the mean milliseconds per document. One
 * warm-up render (font loading) is not counted.
 */
export async function benchRender(
  iterations: number,
  inputs: readonly FinalDocumentInput[],
): Promise<number> {
  if (!Number.isInteger(iterations) || iterations < 1)
    throw new Error('iterations must be a positive integer');
  if (inputs.length === 0) throw new Error('benchRender needs at least one document input');
  const renderer = new PdfRenderer();
  await renderer.render(inputs[0]!);
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await renderer.render(inputs[i % inputs.length]!);
  return (performance.now() - start) / iterations;
}
