/**
 * Renders the final document to PDF bytes with pdfmake (server API of 0.3: setFonts, createPdf, getBuffer).
 * The Roboto font shipped inside the pdfmake package is loaded into pdfmake's virtual file system and embedded
 * (subset) in every PDF; nothing is read from the machine's font folders, and no file or URL access is allowed
 * while rendering.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Locale } from '../domain/text.js';
import type { DocumentRenderer, FinalDocumentInput } from '../server/context.js';
import { buildFinalDocument, documentFont } from './final-document.js';

const fontFiles = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

/** Where the fonts live in pdfmake's virtual file system; a prefix of our own keeps other names free. */
const vfsFolder = 'gesprekscyclus-fonts';

let fontsReady: Promise<void> | undefined;

async function loadFonts(): Promise<void> {
  const require = createRequire(import.meta.url);
  const folder = join(dirname(require.resolve('pdfmake/fonts/Roboto.js')), 'Roboto');
  for (const file of Object.values(fontFiles)) {
    pdfmake.virtualfs.writeFileSync(`${vfsFolder}/${file}`, await readFile(join(folder, file)));
  }
  pdfmake.setFonts({
    [documentFont]: {
      normal: `${vfsFolder}/${fontFiles.normal}`,
      bold: `${vfsFolder}/${fontFiles.bold}`,
      italics: `${vfsFolder}/${fontFiles.italics}`,
      bolditalics: `${vfsFolder}/${fontFiles.bolditalics}`,
    },
  });
  // Documents contain no images or links to fetch: refuse every URL and every local path.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
}

/** Loads the embedded font once per process. */
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

/** Renders any pdfmake definition to PDF bytes with the document font. */
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
