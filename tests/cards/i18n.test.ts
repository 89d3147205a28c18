/** Card texts: every key in Dutch and English, with the same placeholders. */
import { describe, expect, it } from '@jest/globals';
import { messages, plain, text, type MessageKey } from '../../src/cards/i18n.js';

/** `{name}` placeholders and `{count, plural, …}` arguments, each once. */
const placeholders = (template: string) =>
  [...new Set([...template.matchAll(/\{(\w+)(?:\}|,\s*plural,)/g)].map((m) => m[1]))].sort();

describe('card translations', () => {
  const keys = Object.keys(messages) as MessageKey[];

  it.each(keys)('%s has Dutch and English with the same placeholders', (key) => {
    const entry = messages[key] as Partial<Record<'nl' | 'en', string>>;
    expect(typeof entry.nl).toBe('string');
    expect(typeof entry.en).toBe('string');
    expect(entry.nl?.trim()).not.toBe('');
    expect(entry.en?.trim()).not.toBe('');
    expect(placeholders(entry.nl ?? '')).toEqual(placeholders(entry.en ?? ''));
  });

  it('has no other languages and no stray keys', () => {
    for (const key of keys) expect(Object.keys(messages[key]).sort()).toEqual(['en', 'nl']);
  });

  it('escapes values in Markdown text but not in plain text', () => {
    expect(text('requestIntro', 'nl', { employee: '**Jan**' })).toBe(
      '\\*\\*Jan\\*\\* vraagt om een Vitaliteitsgesprek met jou.',
    );
    expect(plain('requestSummary', 'en', { employee: '**Jan**' })).toBe(
      '**Jan** asks for a vitality conversation',
    );
  });

  it('refuses a missing value rather than showing a placeholder', () => {
    expect(() => plain('requestSummary', 'nl')).toThrow('{employee}');
    expect(() => plain('statusMore', 'nl')).toThrow('{count}');
  });

  it('chooses the plural by the count, in both languages', () => {
    expect(plain('statusMore', 'nl', { count: 1 })).toBe('En nog 1 gesprek in de app.');
    expect(plain('statusMore', 'nl', { count: 3 })).toBe('En nog 3 gesprekken in de app.');
    expect(plain('statusMore', 'en', { count: 1 })).toBe('And 1 more conversation in the app.');
    expect(plain('statusMore', 'en', { count: 0 })).toBe('And 0 more conversations in the app.');
    expect(plain('wayOutCount', 'nl', { count: 1 })).toBe('Er is al 1 versie teruggestuurd.');
    expect(plain('wayOutCount', 'nl', { count: 4 })).toBe('Er zijn al 4 versies teruggestuurd.');
    expect(text('wayOutCount', 'en', { count: 3 })).toBe('3 versions have been sent back already.');
  });

  it('leaves no plural syntax or placeholder in any message', () => {
    const vars = new Proxy({}, { get: (_t, key) => (key === 'count' ? 2 : 'x'), has: () => true });
    for (const key of keys) {
      for (const locale of ['nl', 'en'] as const) {
        const filled = plain(key, locale, vars as Record<string, string | number>);
        expect([key, filled]).not.toEqual([key, expect.stringMatching(/[{}#]/)]);
      }
    }
  });
});
