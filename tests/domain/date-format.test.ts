/** Shared date formatters: one per locale and options, formatting as a fresh one would. */
import { describe, expect, it } from '@jest/globals';
import { dateTimeFormat } from '../../src/domain/date-format.js';

describe('dateTimeFormat', () => {
  const options: Intl.DateTimeFormatOptions = { timeZone: 'Europe/Amsterdam', dateStyle: 'long' };

  it('builds one formatter per locale and options, and reuses it', () => {
    expect(dateTimeFormat('nl-NL', { ...options })).toBe(dateTimeFormat('nl-NL', options));
    expect(dateTimeFormat('en-GB', options)).not.toBe(dateTimeFormat('nl-NL', options));
    expect(dateTimeFormat('nl-NL', { ...options, dateStyle: 'short' })).not.toBe(
      dateTimeFormat('nl-NL', options),
    );
  });

  it('formats like a new Intl.DateTimeFormat with the same arguments', () => {
    const at = new Date('2026-12-01T09:00:00Z');
    expect(dateTimeFormat('nl-NL', options).format(at)).toBe('1 december 2026');
    expect(dateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', timeStyle: 'short' }).format(at)).toBe(
      '10:00',
    );
  });
});
