/**
 * Writes every card with fixture data in both languages to dist/cards/<name>.<lang>.json, for review and for
 * pasting into the Adaptive Cards designer. The conversations are driven through the domain's state machine
 * (tests/fixtures). Run: `npm run cards`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardGallery } from '../tests/fixtures/cards.js';

const outDir = join(process.cwd(), 'dist', 'cards');
mkdirSync(outDir, { recursive: true });
let count = 0;
for (const locale of ['nl', 'en'] as const) {
  for (const [name, built] of Object.entries(cardGallery(locale))) {
    writeFileSync(join(outDir, `${name}.${locale}.json`), `${JSON.stringify(built.card, null, 2)}\n`);
    count += 1;
  }
}
console.log(`${count} cards written to ${outDir}`);
