import { describe, expect, it } from '@jest/globals';
import { isPrintable, replacementCharacter, toPlainText } from '../../src/documents/plain-text.js';

describe('toPlainText', () => {
  it('keeps Dutch text, punctuation and line breaks as they are', () => {
    const dutch = 'Één privéleven, ’s avonds “Regie” – naïef, één café… ç ó ë ï ü €\nTweede regel';
    expect(toPlainText(dutch)).toBe(dutch);
    for (const c of 'éëïó’“”–…€') expect(isPrintable(c.codePointAt(0) as number)).toBe(true);
  });

  it('replaces emoji sequences and lone surrogate halves by one replacement character each', () => {
    expect(toPlainText('a 👍🏽 b 👨‍👩‍👧 c ❤️')).toBe(
      `a ${replacementCharacter} b ${replacementCharacter} c ${replacementCharacter}`,
    );
    expect(toPlainText('x\uD83Dy\uDE00z')).toBe(`x${replacementCharacter}y${replacementCharacter}z`);
  });

  it('drops control characters, turns tabs into spaces and normalises line ends', () => {
    expect(toPlainText('a\u0000b\u0007c\td\r\ne\rf')).toBe('abc    d\ne\nf');
  });

  it('adds break opportunities to long words without losing a character', () => {
    const word = 'a'.repeat(95);
    const out = toPlainText(word);
    expect(out.replaceAll('\u200B', '')).toBe(word);
    expect(out.split('\u200B').every((part) => part.length <= 20)).toBe(true);
    expect(toPlainText('kort woord')).toBe('kort woord');
  });

  it('prints nothing for values that are not text', () => {
    expect(toPlainText(undefined)).toBe('');
    expect(toPlainText({ text: 'x' })).toBe('');
    expect(toPlainText(42)).toBe('');
  });
});
