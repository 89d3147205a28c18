/**
 * Writes every card with sample data in both languages to dist/cards/<name>.<lang>.json, for review and
 * for pasting into the Adaptive Cards designer. Run: `npm run cards`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleCards } from '../src/cards/samples.js';

const outDir = join(process.cwd(), 'dist', 'cards');
mkdirSync(outDir, { recursive: true });
let count = 0;
for (const locale of ['nl', 'en'] as const) {
  for (const [name, built] of Object.entries(sampleCards(locale))) {
    writeFileSync(join(outDir, `${name}.${locale}.json`), `${JSON.stringify(built.card, null, 2)}\n`);
    count += 1;
  }
}
console.log(`${count} cards written to ${outDir}`);
