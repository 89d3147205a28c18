/**
 * Reads PDFs in tests as a person's viewer would: pages to PNG, the text, the fonts. Poppler's tools
 * (pdftoppm, pdftotext, pdffonts) where installed, otherwise pdf.js (`pdfjs-dist`) drawing on `@napi-rs/canvas`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

/** A font as the PDF carries it. */
export interface PdfFont {
  /** Base font name without the subset prefix, e.g. `Roboto-Regular`. */
  name: string;
  /** As pdffonts names it, e.g. `CID TrueType`. */
  type: string;
  embedded: boolean;
}

let poppler: boolean | undefined;

/** True when poppler's pdftoppm, pdftotext and pdffonts run here. */
export function hasPoppler(): boolean {
  poppler ??= ['pdftoppm', 'pdftotext', 'pdffonts'].every(
    (tool) => spawnSync(tool, ['-v'], { stdio: 'ignore' }).status === 0,
  );
  return poppler;
}

/** Writes each page of the PDF at `path` to `${prefix}-N.png` at `dpi` (pdftoppm pads N with zeros from ten pages). */
export async function pdfToPngs(path: string, prefix: string, dpi = 60): Promise<void> {
  if (hasPoppler()) {
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', path, prefix]);
    return;
  }
  const { createCanvas } = await import('@napi-rs/canvas');
  const document = await open(path);
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport }).promise;
    writeFileSync(`${prefix}-${n}.png`, canvas.toBuffer('image/png'));
  }
  await document.loadingTask.destroy();
}

/** The text of the PDF at `path`, page after page; `layout` keeps columns apart as `pdftotext -layout` does. */
export async function pdfText(path: string, options: { layout?: boolean } = {}): Promise<string> {
  if (hasPoppler()) {
    return execFileSync('pdftotext', [...(options.layout ? ['-layout'] : []), '-enc', 'UTF-8', path, '-'], {
      encoding: 'utf8',
    });
  }
  const document = await open(path);
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : '');
    }
    pages.push(text);
  }
  await document.loadingTask.destroy();
  return pages.join('\n\f');
}

/** The fonts the PDF at `path` uses. */
export async function pdfFonts(path: string): Promise<PdfFont[]> {
  if (hasPoppler()) {
    // name, type (may hold spaces), encoding, emb, sub, uni, object id: read from the right.
    return execFileSync('pdffonts', [path], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((line) => line.trim())
      .map((line) => {
        const match = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
        if (!match) throw new Error(`pdffonts printed a line it does not know: ${line}`);
        return { name: baseName(match[1] as string), type: match[2] as string, embedded: match[4] === 'yes' };
      });
  }
  const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await open(path);
  const fonts = new Map<string, PdfFont>();
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const operators = await page.getOperatorList();
    operators.fnArray.forEach((fn, i) => {
      if (fn !== OPS.setFont) return;
      const font = page.commonObjs.get(operators.argsArray[i][0]) as {
        name: string;
        type: string;
        missingFile: boolean;
      };
      fonts.set(font.name, {
        name: baseName(font.name),
        type: typeNames[font.type] ?? font.type,
        embedded: !font.missingFile,
      });
    });
  }
  await document.loadingTask.destroy();
  return [...fonts.values()];
}

/** pdf.js's font types under the names pdffonts gives them. */
const typeNames: Record<string, string> = {
  CIDFontType2: 'CID TrueType',
  CIDFontType0: 'CID Type 0',
  TrueType: 'TrueType',
  Type1: 'Type 1',
  Type3: 'Type 3',
};

/** `ABCDEF+Roboto-Regular` → `Roboto-Regular`. */
const baseName = (name: string): string => name.replace(/^[A-Z]{6}\+/, '');

async function open(path: string) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return getDocument({
    data: new Uint8Array(readFileSync(path)),
    fontExtraProperties: true,
    verbosity: 0,
  }).promise;
}
