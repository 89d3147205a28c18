/** Text from everywhere in a PDF: decomposed letters, symbols and emoji printable in the embedded fonts. */
import { describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { buildFinalDocument } from '../../src/documents/final-document.js';
import { renderPdf } from '../../src/documents/pdf-renderer.js';
import {
  documentFamilies,
  fontPath,
  printableDefinition,
  printableRuns,
  textFamily,
} from '../../src/documents/printable-text.js';
import { reflectionDocumentInput } from '../fixtures/documents.js';

const outDir = join(process.cwd(), 'test-artifacts', 'documents');
const hasPoppler = spawnSync('pdftoppm', ['-v']).status === 0 && spawnSync('pdftotext', ['-v']).status === 0;

const decomposed = 'Zöë coördinatie'.normalize('NFD');
const names = 'Łódź, Dvořák, Øystein, Ærø, İstanbul, Nguyễn, Şahin, Məmmədov, Ştefan Ţurcanu, Ǧorđe';
const symbols = 'Minstens ≥ 3 dagen → ✓ ★ ≠ ∞';
const emoji = 'Smileys 🙂 😟 😐 👍 👍🏽 ❤️ 👩‍💻 🇳🇱';
const foreign = 'CJK 中文 日本語 עברית';
const broken = `kapot \uFFFD en \uD83D half`;
const hostile = [decomposed, names, symbols, emoji, foreign, broken].join('\n');

/**
 * Each font's cmap read straight from the files the renderer embeds, independent of the code under test:
 * a character counts as covered only when every style of its family has a glyph for it.
 */
const cmaps = new Map(
  documentFamilies.map((family) => {
    const files = [...new Set(Object.values(family.files))];
    const fonts = files.map((file) => fontkit.create(readFileSync(fontPath(family, file))) as fontkit.Font);
    return [family.name, (c: number) => fonts.every((font) => font.hasGlyphForCodePoint(c))] as const;
  }),
);

interface Printed {
  text: string;
  font: string;
}

/** Every printed string of a pdfmake node with the font family it is printed in (inherited like pdfmake does). */
function printed(node: unknown, font: string, out: Printed[] = []): Printed[] {
  if (typeof node === 'string') out.push({ text: node, font });
  else if (Array.isArray(node)) for (const item of node) printed(item, font, out);
  else if (typeof node === 'object' && node !== null) {
    const own = (node as { font?: unknown }).font;
    const inner = typeof own === 'string' ? own : font;
    for (const [key, value] of Object.entries(node)) {
      if (['text', 'stack', 'columns', 'ol', 'ul', 'content'].includes(key)) printed(value, inner, out);
      if (key === 'table') printed((value as { body?: unknown }).body, inner, out);
    }
  }
  return out;
}

/** The whole definition, header and footer of two pages included. */
function printedOf(definition: TDocumentDefinitions): Printed[] {
  const font = (definition.defaultStyle?.font as string | undefined) ?? textFamily.name;
  const pages = [definition.header, definition.footer].flatMap((page) =>
    typeof page === 'function'
      ? [(page as (a: number, b: number) => Content)(1, 2), (page as (a: number, b: number) => Content)(2, 2)]
      : [page],
  );
  return printed([definition.content, pages], font);
}

/** Characters of the definition that the font they are printed in has no glyph for. */
function uncovered(definition: TDocumentDefinitions): string[] {
  const missing: string[] = [];
  for (const { text, font } of printedOf(definition)) {
    const has = cmaps.get(font);
    if (!has) throw new Error(`unknown font ${font}`);
    for (const char of text) {
      const c = char.codePointAt(0) as number;
      // The emoji font draws joined sequences as one glyph: joiners and selectors need none of their own.
      if (font === 'NotoEmoji' && (c === 0x200d || c === 0xfe0f)) continue;
      if (c === 0x0a) continue;
      if (c === 0xfffd || !has(c)) missing.push(`${char} U+${c.toString(16)} in ${font}`);
    }
  }
  return missing;
}

function hostileDefinition(): TDocumentDefinitions {
  return printableDefinition(
    {
      content: [
        hostile,
        { text: [{ text: decomposed, bold: true }, ' ', emoji] },
        { stack: [names, { text: symbols, italics: true }] },
        { table: { body: [[foreign, { text: broken }]] } },
        { ul: [emoji, foreign] },
      ],
      header: () => ({ text: `${decomposed} 🙂` }),
      footer: (page: number) => ({ columns: [`${names} ${page}`, { text: emoji }] }),
      defaultStyle: { font: textFamily.name },
    },
    'nl',
  );
}

describe('printableRuns', () => {
  it('composes decomposed text (NFD) into single letters', () => {
    expect(printableRuns(decomposed, 'nl')).toEqual([{ text: 'Zöë coördinatie' }]);
    expect(printableRuns(names, 'nl')).toEqual([{ text: names }]);
  });

  it('prints emoji in the emoji font, math and symbols in theirs', () => {
    expect(printableRuns('Goed 🙂!', 'nl')).toEqual([
      { text: 'Goed ' },
      { text: '🙂', font: 'NotoEmoji' },
      { text: '!' },
    ]);
    // The variation selector goes: the outline emoji font has the heart, not the selector.
    expect(printableRuns('❤️', 'nl')).toEqual([{ text: '❤', font: 'NotoEmoji' }]);
    expect(printableRuns('≥ 3', 'nl')).toEqual([{ text: '≥', font: 'NotoSansMath' }, { text: ' 3' }]);
  });

  it('names what no embedded font has, in the document language, never a replacement character', () => {
    expect(
      printableRuns('中文 en עברית', 'nl')
        .map((r) => r.text)
        .join(''),
    ).toBe('[Han schrift, 2 tekens] en [Hebreeuws schrift, 5 tekens]');
    expect(
      printableRuns('中', 'en')
        .map((r) => r.text)
        .join(''),
    ).toBe('[Han script, 1 character]');
    expect(
      printableRuns(broken, 'nl')
        .map((r) => r.text)
        .join(''),
    ).toBe('kapot [onleesbaar teken] en [onleesbaar teken] half');
    expect(
      printableRuns('\uE000', 'en')
        .map((r) => r.text)
        .join(''),
    ).toBe('[character U+E000]');
  });
});

describe('printableDefinition', () => {
  it('leaves no character outside the font it is printed in, anywhere in the definition', () => {
    const definition = hostileDefinition();
    expect(uncovered(definition)).toEqual([]);
    const all = printedOf(definition)
      .map((p) => p.text)
      .join('');
    expect(all).toContain('Zöë coördinatie');
    expect(all).not.toContain(decomposed);
  });

  it('would notice a character the font lacks (the check itself can fail)', () => {
    const raw: TDocumentDefinitions = { content: [hostile], defaultStyle: { font: textFamily.name } };
    expect(uncovered(raw).length).toBeGreaterThan(5);
  });

  it('covers every string of the final document, header and footer included', () => {
    const input = reflectionDocumentInput();
    const conversation = structuredClone(input.conversation);
    const version = conversation.versions.at(-1);
    if (!version) throw new Error('no version');
    const [field] = Object.keys(version.content.report);
    if (!field) throw new Error('no report field');
    version.content.report[field] = hostile;
    const definition = buildFinalDocument(
      {
        ...input,
        conversation,
        organisation: `Gemeente ${decomposed} 🙂`,
        employee: { ...input.employee, displayName: `Zöë Şahin 🙂`.normalize('NFD') },
      },
      'nl',
    );
    expect(uncovered(definition)).toEqual([]);
    const all = printedOf(definition)
      .map((p) => p.text)
      .join('');
    expect(all).toContain('Zöë Şahin');
    expect(all).toContain('[Han schrift, 2 tekens]');
  });
});

describe('a PDF with text from everywhere', () => {
  it('prints every character as itself or by name, in fonts it embeds', async () => {
    const pdf = await renderPdf(hostileDefinition());
    mkdirSync(outDir, { recursive: true });
    const path = join(outDir, 'tekens.pdf');
    writeFileSync(path, pdf);
    if (!hasPoppler) return;
    const text = execFileSync('pdftotext', [path, '-']).toString('utf8');
    for (const expected of [
      'Zöë coördinatie',
      'Łódź, Dvořák, Øystein, Ærø, İstanbul, Nguyễn, Şahin, Məmmədov',
      '≥ 3 dagen → ✓ ★',
      '🙂 😟 😐 👍',
      '[Han schrift, 2 tekens]',
      '[onleesbaar teken]',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('\uFFFD');
    const fonts = execFileSync('pdffonts', [path]).toString('utf8');
    for (const font of ['NotoSans-Regular', 'NotoSans-Medium', 'NotoEmoji-Regular', 'NotoSansMath-Regular'])
      expect(fonts).toMatch(new RegExp(`${font}\\s+CID TrueType\\s+Identity-H\\s+yes`));
    for (const file of readdirSync(outDir).filter((f) => f.startsWith('tekens-') && f.endsWith('.png')))
      rmSync(join(outDir, file));
    // Kept for people to look at: test-artifacts/documents/tekens-1.png.
    execFileSync('pdftoppm', ['-r', '60', '-png', path, join(outDir, 'tekens')]);
    expect(readdirSync(outDir).some((f) => f.startsWith('tekens-'))).toBe(true);
  });
});
