/**
 * Turns anything a person typed into a string the document font can print. User text is only ever placed in
 * pdfmake `text` strings (never spread into nodes), so this is about glyphs and layout, not about markup.
 */

/** Code point ranges the embedded Roboto font has glyphs for (from its cmap; controls and specials left out). */
const supported: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x18f, 0x18f],
  [0x192, 0x192],
  [0x1a0, 0x1a1],
  [0x1af, 0x1b0],
  [0x1f0, 0x1f0],
  [0x1fa, 0x1ff],
  [0x218, 0x21b],
  [0x237, 0x237],
  [0x259, 0x259],
  [0x2bc, 0x2bc],
  [0x2c6, 0x2c7],
  [0x2c9, 0x2c9],
  [0x2d8, 0x2dd],
  [0x2f3, 0x2f3],
  [0x300, 0x301],
  [0x303, 0x303],
  [0x309, 0x309],
  [0x30f, 0x30f],
  [0x323, 0x323],
  [0x384, 0x38a],
  [0x38c, 0x38c],
  [0x38e, 0x3a1],
  [0x3a3, 0x3ce],
  [0x3d1, 0x3d2],
  [0x3d6, 0x3d6],
  [0x400, 0x486],
  [0x488, 0x513],
  [0x1e00, 0x1e01],
  [0x1e3e, 0x1e3f],
  [0x1e80, 0x1e85],
  [0x1e9e, 0x1e9e],
  [0x1ea0, 0x1ef9],
  [0x1f4d, 0x1f4d],
  [0x2000, 0x200b],
  [0x2010, 0x2011],
  [0x2013, 0x2015],
  [0x2017, 0x201e],
  [0x2020, 0x2022],
  [0x2025, 0x2027],
  [0x2030, 0x2030],
  [0x2032, 0x2033],
  [0x2039, 0x203a],
  [0x203c, 0x203c],
  [0x2044, 0x2044],
  [0x2070, 0x2070],
  [0x2074, 0x208e],
  [0x20a3, 0x20a4],
  [0x20a6, 0x20ac],
  [0x20b1, 0x20b1],
  [0x20b9, 0x20ba],
  [0x20bc, 0x20bd],
  [0x20c1, 0x20c1],
  [0x2105, 0x2105],
  [0x2113, 0x2113],
  [0x2116, 0x2116],
  [0x2122, 0x2122],
  [0x2126, 0x2126],
  [0x212e, 0x212e],
  [0x215b, 0x215e],
  [0x2202, 0x2202],
  [0x2206, 0x2206],
  [0x220f, 0x220f],
  [0x2211, 0x2212],
  [0x221a, 0x221a],
  [0x221e, 0x221e],
  [0x222b, 0x222b],
  [0x2248, 0x2248],
  [0x2260, 0x2260],
  [0x2264, 0x2265],
  [0x25a0, 0x25a0],
  [0x25ca, 0x25cb],
  [0x25cf, 0x25cf],
  [0xfb01, 0xfb04],
  [0xfffd, 0xfffd],
];

/** Printed instead of a character the font cannot show (an emoji, a broken surrogate half). */
export const replacementCharacter = '\uFFFD';

/** Whether the document font has a glyph for a code point. */
export function isPrintable(codePoint: number): boolean {
  let low = 0;
  let high = supported.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const range = supported[middle] as readonly [number, number];
    if (codePoint < range[0]) high = middle - 1;
    else if (codePoint > range[1]) low = middle + 1;
    else return true;
  }
  return false;
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const segmenter = new Intl.Segmenter('nl', { granularity: 'grapheme' });
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
 * A printable, plain version of a user value: lone surrogate halves and unsupported graphemes (emoji included,
 * with their joiners and variation selectors) become one replacement character, control characters go,
 * tabs become spaces, line breaks stay, long words get break opportunities. Non-strings print as nothing.
 */
export function toPlainText(value: unknown): string {
  if (typeof value !== 'string') return '';
  const wellFormed = value
    .replace(loneSurrogate, replacementCharacter)
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
    out += codePoints.every(isPrintable) ? segment : replacementCharacter;
  }
  return breakLongWords(out);
}
