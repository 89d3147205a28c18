/**
 * Renders the final document to PDF bytes with pdfmake (server API of 0.3: setFonts, createPdf, getBuffer).
 * The fonts (Noto Sans with its math, symbol and emoji companions, see `printable-text.ts`) come from their
 * npm packages; they are loaded into pdfmake's virtual file system and embedded (subset) in every PDF.
 * Nothing is read from the machine's font folders, and no file or URL access is allowed while rendering.
 */
import { readFile } from 'node:fs/promises';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Locale } from '../domain/text.js';
import type { DocumentRenderer, FinalDocumentInput } from '../ports/documents.js';
import { buildFinalDocument } from './final-document.js';
import { documentFamilies, fontPath } from './printable-text.js';

/** Where the fonts live in pdfmake's virtual file system; a prefix of our own keeps other names free. */
const vfsFolder = 'gesprekscyclus-fonts';

let fontsReady: Promise<void> | undefined;

async function loadFonts(): Promise<void> {
  const fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>> = {};
  for (const family of documentFamilies) {
    const styles = Object.entries(family.files) as [keyof typeof family.files, string][];
    for (const file of new Set(styles.map(([, f]) => f))) {
      pdfmake.virtualfs.writeFileSync(
        `${vfsFolder}/${family.name}/${file}`,
        await readFile(fontPath(family, file)),
      );
    }
    fonts[family.name] = Object.fromEntries(
      styles.map(([style, file]) => [style, `${vfsFolder}/${family.name}/${file}`]),
    ) as Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>;
  }
  pdfmake.setFonts(fonts);
  // Documents contain no images or links to fetch: refuse every URL and every local path.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
}

/** Loads the embedded fonts once per process. */
function ensureFonts(): Promise<void> {
  fontsReady ??= loadFonts().catch((error: unknown) => {
    fontsReady = undefined;
    throw error;
  });
  return fontsReady;
}

declare module 'pdfmake' {
  /** pdfmake's in-memory file system (server build), where fonts can be put as bytes. */
  export const virtualfs: { writeFileSync(name: string, content: Buffer): void };
}

/** Renders a pdfmake definition to PDF bytes with the document fonts (made printable by its builder). */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Uint8Array> {
  await ensureFonts();
  const buffer = await pdfmake.createPdf(definition).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** The `DocumentRenderer` of the app: the final document as an A4 PDF. */
export class PdfRenderer implements DocumentRenderer {
  /** @param locale language of the fixed texts; Dutch unless the organisation chose English. */
  constructor(private readonly locale: Locale = 'nl') {}

  async render(input: FinalDocumentInput): Promise<Uint8Array> {
    return renderPdf(buildFinalDocument(input, this.locale));
  }
}
