/** A plain browser's language and colours: the first language the app speaks, high contrast over dark over light. */
import { describe, expect, it } from '@jest/globals';
import { browserLocale } from '../../../src/tab/host/host.js';

describe('the language of a plain browser', () => {
  it('takes the first language the app speaks', () => {
    expect(browserLocale(['en-GB', 'nl-NL'])).toBe('en');
    expect(browserLocale(['nl-BE', 'en-US'])).toBe('nl');
    expect(browserLocale(['de-DE', 'en-US'])).toBe('en');
    expect(browserLocale(['EN'])).toBe('en');
  });

  it('speaks Dutch when the browser lists neither', () => {
    expect(browserLocale([])).toBe('nl');
    expect(browserLocale(['fr-FR', 'de'])).toBe('nl');
  });
});
