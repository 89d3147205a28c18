/**
 * What the PDF can print, and how any text is made printable. One pass over the finished pdfmake definition
 * (`printableDefinition`) puts every string that reaches the page — what people typed, names, format texts
 * that HR can replace, fixed labels — through the same steps:
 *
 * 1. NFC: decomposed input ("Zöë" as Z o U+0308 e U+0308, as macOS and some browsers send it) becomes the
 *    composed form, so it prints, searches and copies as one letter.
 * 2. Per grapheme (a letter with its marks, an emoji with its joiners and skin tone), the first embedded font
 *    that has every glyph prints it: Noto Sans (Latin with Extended-A/B and Additional, Greek, Cyrillic),
 *    then Noto Sans Math (arrows, ≤ ≥ ≠ ∞), Noto Sans Symbols 2 (✓ ★ ■ ●). An emoji prints in Noto Emoji,
 *    a monochrome outline font: the 🙂 or 👍 someone typed is drawn as what it is, in the ink colour, like
 *    text around it (an HR file is printed in black and white; colour emoji fonts are bitmaps pdfkit cannot
 *    embed).
 * 3. Anything no embedded font has is never left to become a box or "�": an emoji gets its CLDR name in
 *    brackets ("[enigszins lachend gezicht]", "[slightly smiling face]"); a run of another script says what it
 *    is ("[Hebreeuws schrift, 5 tekens]") — we do not ship CJK, Arabic or Hebrew fonts (tens of megabytes, and
 *    right-to-left text needs more than a font); a broken character says so ("[onleesbaar teken]"). The
 *    original text stays in the app and in the archive's JSON.
 *
 * Fonts come only from npm packages (never the machine), so every server renders the same document.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Locale } from '../domain/text.js';

/** One embedded font family: its npm package and the TrueType file for each style. */
export interface FontFamily {
  /** pdfmake's family name. */
  name: string;
  package: string;
  files: { normal: string; bold: string; italics: string; bolditalics: string };
}

const sameFile = (file: string) => ({ normal: file, bold: file, italics: file, bolditalics: file });

/** The document's text font; bold is Medium, the weight the layout was designed with. */
export const textFamily: FontFamily = {
  name: 'NotoSans',
  package: '@expo-google-fonts/noto-sans',
  files: {
    normal: '400Regular/NotoSans_400Regular.ttf',
    bold: '500Medium/NotoSans_500Medium.ttf',
    italics: '400Regular_Italic/NotoSans_400Regular_Italic.ttf',
    bolditalics: '500Medium_Italic/NotoSans_500Medium_Italic.ttf',
  },
};

/** Fonts for what the text font lacks, in the order they are tried (one style each: symbols have no italics). */
export const fallbackFamilies: readonly FontFamily[] = [
  {
    name: 'NotoSansMath',
    package: '@expo-google-fonts/noto-sans-math',
    files: sameFile('400Regular/NotoSansMath_400Regular.ttf'),
  },
  {
    name: 'NotoSansSymbols2',
    package: '@expo-google-fonts/noto-sans-symbols-2',
    files: sameFile('400Regular/NotoSansSymbols2_400Regular.ttf'),
  },
];

export const emojiFamily: FontFamily = {
  name: 'NotoEmoji',
  package: '@expo-google-fonts/noto-emoji',
  files: sameFile('400Regular/NotoEmoji_400Regular.ttf'),
};

/** Every family the renderer must embed. */
export const documentFamilies: readonly FontFamily[] = [textFamily, ...fallbackFamilies, emojiFamily];

const require = createRequire(import.meta.url);

/** Where a font file of a family is on disk (inside its npm package). */
export function fontPath(family: FontFamily, file: string): string {
  return join(dirname(require.resolve(`${family.package}/package.json`)), file);
}

const coverage = new Map<string, ReadonlySet<number>>();

/** The code points a family has a glyph for in every one of its styles (read once from the fonts' cmaps). */
export function coverageOf(family: FontFamily): ReadonlySet<number> {
  let set = coverage.get(family.name);
  if (!set) {
    const files = [...new Set(Object.values(family.files))];
    const sets = files.map((file) => {
      const font = fontkit.create(readFileSync(fontPath(family, file)));
      if (!('characterSet' in font)) throw new Error(`${file} is a font collection`);
      return new Set(font.characterSet);
    });
    const [first, ...rest] = sets as [Set<number>, ...Set<number>[]];
    set = new Set([...first].filter((c) => rest.every((s) => s.has(c))));
    coverage.set(family.name, set);
  }
  return set;
}

/** Never printed even where a font has a glyph: the replacement character and controls. */
function unprintable(codePoint: number): boolean {
  return codePoint === 0xfffd || codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0);
}

const variationSelector = /[\uFE0E\uFE0F]/gu;
const joiner = 0x200d;
const emojiLike = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;
const segmenter = new Intl.Segmenter('nl', { granularity: 'grapheme' });

/** Which family prints a grapheme, or undefined when none does. */
function familyFor(grapheme: string): FontFamily | undefined {
  const codePoints = (cleaned: string) => Array.from(cleaned, (c) => c.codePointAt(0) as number);
  if (emojiLike.test(grapheme)) {
    const set = coverageOf(emojiFamily);
    const points = codePoints(grapheme.replace(variationSelector, '')).filter((c) => c !== joiner);
    if (points.every((c) => set.has(c))) return emojiFamily;
  }
  const points = codePoints(grapheme.replace(variationSelector, ''));
  if (points.some(unprintable)) return undefined;
  return [textFamily, ...fallbackFamilies].find((family) => {
    const set = coverageOf(family);
    return points.every((c) => set.has(c));
  });
}

/** A piece of text and the family that prints it (undefined: the document's text font). */
export interface Run {
  text: string;
  font?: string;
}

type EmojiNames = ReadonlyMap<string, string>;
const emojiNames = new Map<Locale, EmojiNames>();

/** Emoji names from CLDR (emojibase-data), keyed by code points without variation selectors. */
function namesFor(locale: Locale): EmojiNames {
  let names = emojiNames.get(locale);
  if (!names) {
    interface Entry {
      unicode: string;
      label: string;
      skins?: Entry[];
    }
    const entries = JSON.parse(
      readFileSync(require.resolve(`emojibase-data/${locale}/compact.json`), 'utf8'),
    ) as Entry[];
    const map = new Map<string, string>();
    const add = (entry: Entry) => {
      map.set(entry.unicode.replace(variationSelector, ''), entry.label);
      for (const skin of entry.skins ?? []) add(skin);
    };
    entries.forEach(add);
    names = map;
    emojiNames.set(locale, names);
  }
  return names;
}

/** Scripts we name when a run of their characters cannot be printed (ISO 15924 codes, as in `\p{Script=…}`). */
const scripts = [
  'Hani',
  'Hira',
  'Kana',
  'Hang',
  'Arab',
  'Hebr',
  'Thai',
  'Beng',
  'Taml',
  'Telu',
  'Knda',
  'Mlym',
  'Gujr',
  'Guru',
  'Sinh',
  'Geor',
  'Armn',
  'Ethi',
  'Khmr',
  'Laoo',
  'Mymr',
  'Tibt',
  'Mong',
  'Syrc',
  'Thaa',
  'Tfng',
  'Cher',
].map((code) => ({ code, pattern: new RegExp(`^\\p{Script=${code}}`, 'u') }));

const words = {
  nl: { script: 'schrift', one: 'teken', many: 'tekens', broken: 'onleesbaar teken', sign: 'teken' },
  en: {
    script: 'script',
    one: 'character',
    many: 'characters',
    broken: 'unreadable character',
    sign: 'character',
  },
} as const;

function scriptOf(grapheme: string): string | undefined {
  return scripts.find((s) => s.pattern.test(grapheme))?.code;
}

/** The bracketed description of a run of graphemes no font prints. */
function describe(graphemes: readonly string[], locale: Locale): string {
  const w = words[locale];
  const first = graphemes[0] ?? '';
  if (emojiLike.test(first)) {
    const name = namesFor(locale).get(first.replace(variationSelector, ''));
    return `[${name ?? 'emoji'}]`;
  }
  const script = scriptOf(first);
  if (script) {
    const name = new Intl.DisplayNames([locale], { type: 'script' }).of(script) ?? script;
    const count = `${graphemes.length} ${graphemes.length === 1 ? w.one : w.many}`;
    return `[${name} ${w.script}, ${count}]`;
  }
  const point = first.codePointAt(0) ?? 0xfffd;
  if (point === 0xfffd || (point >= 0xd800 && point <= 0xdfff)) return `[${w.broken}]`;
  return `[${w.sign} U+${point.toString(16).toUpperCase().padStart(4, '0')}]`;
}

/**
 * Any string as runs that the embedded fonts print: NFC, each grapheme in the first font that has it, the
 * rest named in brackets (in the document's language). Adjacent graphemes of one font share a run.
 */
export function printableRuns(text: string, locale: Locale): Run[] {
  const runs: Run[] = [];
  const push = (piece: string, font: string | undefined) => {
    const last = runs.at(-1);
    if (last && last.font === font) last.text += piece;
    else runs.push(font === undefined ? { text: piece } : { text: piece, font });
  };
  // Characters of one script that no font prints are counted in one bracket; emoji are named one by one.
  let unnamed: string[] = [];
  let unnamedScript: string | undefined;
  const flush = () => {
    if (unnamed.length) push(describe(unnamed, locale), undefined);
    unnamed = [];
    unnamedScript = undefined;
  };
  const composed = text.toWellFormed().normalize('NFC');
  for (const { segment } of segmenter.segment(composed)) {
    const family = segment === '\n' || segment === '\r\n' ? textFamily : familyFor(segment);
    if (family) {
      flush();
      // Emoji print without their variation selectors: the emoji font has the glyph, not the selector.
      const piece = family === emojiFamily ? segment.replace(variationSelector, '') : segment;
      push(piece, family === textFamily ? undefined : family.name);
      continue;
    }
    const script = emojiLike.test(segment) ? undefined : scriptOf(segment);
    if (script === undefined || script !== unnamedScript) flush();
    unnamed.push(segment);
    unnamedScript = script;
    if (script === undefined) flush();
  }
  flush();
  return runs;
}

/** A string the text font prints as it is, or the same text as runs with fallback fonts and names. */
function printableText(text: string, locale: Locale): string | Run[] {
  const runs = printableRuns(text, locale);
  if (runs.length === 0) return '';
  if (runs.length === 1 && runs[0]?.font === undefined) return runs[0]?.text ?? '';
  return runs;
}

/** Keys of a pdfmake node whose strings are printed: `text`, and the containers whose items are nodes. */
const containers = new Set(['stack', 'columns', 'ol', 'ul', 'content']);

function textValue(value: unknown, locale: Locale): unknown {
  if (typeof value === 'string') return printableText(value, locale);
  if (Array.isArray(value))
    return value.flatMap((item): unknown => {
      if (typeof item === 'string') {
        const printable = printableText(item, locale);
        return Array.isArray(printable) ? printable : [printable];
      }
      return [printableNode(item, locale)];
    });
  return printableNode(value, locale);
}

/** A pdfmake node with every printed string made printable; anything else is copied as it is. */
export function printableNode<T>(node: T, locale: Locale): T {
  if (typeof node === 'string') {
    const printable = printableText(node, locale);
    return (typeof printable === 'string' ? printable : { text: printable }) as T;
  }
  if (Array.isArray(node)) return node.map((item: unknown) => printableNode(item, locale)) as T;
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'text') out[key] = textValue(value, locale);
    else if (containers.has(key)) out[key] = printableNode(value, locale);
    else if (key === 'table' && typeof value === 'object' && value !== null) {
      const table = value as { body?: unknown[][] };
      out[key] = { ...table, ...(table.body ? { body: printableNode(table.body, locale) } : {}) };
    } else out[key] = value;
  }
  return out as T;
}

type PageFunction = (...args: never[]) => Content;

function printablePages<F>(value: F, locale: Locale): F {
  if (typeof value !== 'function') return value === undefined ? value : printableNode(value, locale);
  const page = value as unknown as PageFunction;
  return ((...args: never[]) => printableNode(page(...args), locale)) as F;
}

/**
 * The whole definition made printable: the content, the header and footer on every page, and the metadata
 * (NFC only there: a PDF viewer shows metadata with its own fonts).
 */
export function printableDefinition(definition: TDocumentDefinitions, locale: Locale): TDocumentDefinitions {
  const info = definition.info
    ? Object.fromEntries(
        Object.entries(definition.info).map(([key, value]) => [
          key,
          typeof value === 'string' ? value.toWellFormed().normalize('NFC') : value,
        ]),
      )
    : undefined;
  return {
    ...definition,
    ...(info ? { info } : {}),
    content: printableNode(definition.content, locale),
    header: printablePages(definition.header, locale),
    footer: printablePages(definition.footer, locale),
  };
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Words longer than `longWord` get an invisible break opportunity every `chunk` characters. */
const longWord = 30;
const chunk = 20;
const zeroWidthSpace = '\u200B';

function breakLongWords(text: string): string {
  return text.replace(new RegExp(`[^\\s\\u200B]{${longWord + 1},}`, 'gu'), (word) => {
    const parts: string[] = [];
    let current = '';
    for (const { segment } of segmenter.segment(word)) {
      current += segment;
      if (current.length >= chunk) {
        parts.push(current);
        current = '';
      }
    }
    if (current) parts.push(current);
    return parts.join(zeroWidthSpace);
  });
}

/**
 * A user value as plain text for the document: NFC, lone surrogate halves marked as broken (named later by
 * `printableDefinition`), control characters gone, tabs as spaces, line breaks kept, long words given break
 * opportunities. Emoji and other scripts are kept: which font prints them is decided for the whole
 * definition at once. Non-strings print as nothing.
 */
export function toPlainText(value: unknown): string {
  if (typeof value !== 'string') return '';
  const wellFormed = value
    .replace(loneSurrogate, '\uFFFD')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ');
  let out = '';
  for (const { segment } of segmenter.segment(wellFormed)) {
    if (segment === '\n') {
      out += '\n';
      continue;
    }
    const codePoints = Array.from(segment, (c) => c.codePointAt(0) as number);
    if (codePoints.every((c) => c < 0x20 || (c >= 0x7f && c < 0xa0))) continue;
    out += segment;
  }
  return breakLongWords(out);
}
