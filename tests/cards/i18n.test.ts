import { describe, expect, it } from '@jest/globals';
import { messages, plain, text, type MessageKey } from '../../src/cards/i18n.js';

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

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
  });
});
