/**
 * Rendering benchmark for `npm run bench`: how long one final document takes, on realistic content.
 */
import { performance } from 'node:perf_hooks';
import { PdfRenderer } from './pdf-renderer.js';
import { sampleReflectionInput, sampleVitalityInput } from './samples.js';

/**
 * Renders `iterations` documents (alternating a Vitaliteitsgesprek and a Reflectiegesprek) and returns the
 * mean milliseconds per document. One warm-up render (font loading) is not counted.
 */
export async function benchRender(iterations: number): Promise<number> {
  if (!Number.isInteger(iterations) || iterations < 1)
    throw new Error('iterations must be a positive integer');
  const renderer = new PdfRenderer();
  const inputs = [sampleVitalityInput(), sampleReflectionInput()];
  await renderer.render(inputs[0]!);
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await renderer.render(inputs[i % inputs.length]!);
  return (performance.now() - start) / iterations;
}
