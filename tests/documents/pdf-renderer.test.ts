/** The PDF renderer: real multi-page PDFs in both languages, nothing internal printed, hostile text. */
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchRender } from '../../bench/render-document.js';
import { PdfRenderer } from '../../src/documents/pdf-renderer.js';
import {
  reflectionDocumentInput,
  reflectionRemark,
  vitalityDocumentInput,
  vitalityMeeting,
} from '../fixtures/documents.js';
import type { FinalDocumentInput } from '../../src/ports/documents.js';
import { pdfFonts, pdfText, pdfToPngs } from '../support/pdf.js';

const outDir = join(process.cwd(), 'test-artifacts', 'documents');

/** Page objects in the PDF file itself (pdfkit writes dictionaries uncompressed). */
function pageObjects(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type \/Page\n/g) ?? []
  ).length;
}

async function renderTo(
  name: string,
  input: FinalDocumentInput,
  locale: 'nl' | 'en' = 'nl',
): Promise<{ pdf: Uint8Array; path: string }> {
  const pdf = await new PdfRenderer(locale).render(input);
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, `${name}.pdf`);
  writeFileSync(path, pdf);
  return { pdf, path };
}

/** Turns the PDF into PNG pages (kept for people to look at) and returns how many there are. */
async function pngPages(path: string, name: string): Promise<number> {
  for (const file of readdirSync(outDir).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')))
    rmSync(join(outDir, file));
  await pdfToPngs(path, join(outDir, name));
  return readdirSync(outDir).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')).length;
}

describe('PdfRenderer', () => {
  it('renders a realistic Vitaliteitsgesprek to a multi-page PDF', async () => {
    const { pdf, path } = await renderTo('vitaliteitsgesprek', vitalityDocumentInput());
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const pages = pageObjects(pdf);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(await pngPages(path, 'vitaliteitsgesprek')).toBe(pages);
    const text = (await pdfText(path)).replace(/\s+/g, ' ');
    // Every Dutch character comes out as itself, so the font carries it and maps it back.
    for (const expected of [
      'Vertrouwelijk — alleen voor de medewerker en de leidinggevende; wordt nooit gebruikt bij een beoordeling.',
      'Vertrouwelijk bewaard',
      'privéleven',
      'collega’s',
      '“Regie op je werk”',
      'namens Jeroen de Vries',
      `Pagina 1 van ${pages}`,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/personeelsdossier/i);
    const fonts = await pdfFonts(path);
    expect(fonts).toContainEqual({ name: 'NotoSans-Regular', type: 'CID TrueType', embedded: true });
    expect(fonts.filter((font) => !font.embedded)).toEqual([]);
  });

  it('renders a realistic Reflectiegesprek, in Dutch and in English', async () => {
    const { pdf, path } = await renderTo('reflectiegesprek', reflectionDocumentInput());
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const english = await renderTo('reflectiegesprek-en', reflectionDocumentInput(), 'en');
    expect(pageObjects(english.pdf)).toBeGreaterThanOrEqual(3);
    expect(await pngPages(path, 'reflectiegesprek')).toBe(pageObjects(pdf));
    const text = (await pdfText(path)).replace(/\s+/g, ' ');
    expect(text).toContain('Definitief format');
    expect(text).toContain('Koers: vervolgen');
    expect(text).toContain('Opgenomen in personeelsdossier');
    expect(text).toContain(
      `Versie 2 is definitief. Medewerker: voor gezien, met opmerking: “${reflectionRemark}” Leidinggevende: akkoord.`,
    );
    expect(text).toContain('Voor gezien');
    // Voor gezien is seen, not agreed: no word of agreement by both.
    expect(text).not.toMatch(/beiden akkoord|beide partijen|goedgekeurd/i);
    const englishText = (await pdfText(english.path)).replace(/\s+/g, ' ');
    expect(englishText).toContain('Employee: acknowledged (not agreed), with remark:');
    expect(englishText).toContain('D. Log');
  });

  it('prints nothing internal: no audit key, id, event id or address, and decomposed names as they should', async () => {
    const vitality = vitalityDocumentInput();
    const reflection = reflectionDocumentInput();
    for (const [name, input] of [
      ['intern-vitaliteit', vitality],
      ['intern-reflectie', reflection],
    ] as const) {
      const { path } = await renderTo(name, input);
      const text = await pdfText(path);
      expect(text).not.toContain('conversation.');
      expect(text).not.toMatch(/\b(document|delegation|privacy|retention)\.[a-z]/);
      expect(text).not.toMatch(/https?:|localhost|www\./i);
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
      expect(text).not.toMatch(/AAMk/);
      expect(text).not.toContain(vitalityMeeting.eventId);
      for (const id of [input.conversation.id, input.employee.id, input.manager.id, 'u-sanne'])
        expect(text).not.toContain(id);
      expect(text).not.toContain('\uFFFD');
    }
    const text = await pdfText((await renderTo('intern-reflectie', reflection)).path);
    expect(text).toContain('Zöë Jansen');
    expect(text).toContain('coördinatie');
    expect(text).not.toContain('Zöë'.normalize('NFD'));
  });

  it('renders hostile text without breaking the document', async () => {
    const input = vitalityDocumentInput();
    const conversation = structuredClone(input.conversation);
    const version = conversation.versions.at(-1);
    if (!version) throw new Error('no version');
    version.content.report['verslag.samenvatting'] =
      `{"text":"x"} <b>vet</b> \${x} ${'lang'.repeat(300)} 👍🏽 \uD83D ${'tekst '.repeat(1600)}`;
    const { pdf, path } = await renderTo('vijandige-tekst', { ...input, conversation });
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = (await pdfText(path)).replace(/\s+/g, ' ');
    expect(text).toContain('{"text":"x"} <b>vet</b> ${x}');
    // Nothing of a very long text is cut off: its last word is there.
    expect(text.match(/tekst/g)?.length).toBeGreaterThanOrEqual(1600);
  });

  it('has a benchmark that reports milliseconds per document', async () => {
    const ms = await benchRender(2, [vitalityDocumentInput(), reflectionDocumentInput()]);
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeLessThan(10_000);
    await expect(benchRender(0, [vitalityDocumentInput()])).rejects.toThrow(/positive/);
    await expect(benchRender(1, [])).rejects.toThrow(/at least one/);
  });
});
