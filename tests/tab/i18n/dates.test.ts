/** Tests of the tab's own date formatting against Intl, in Dutch and English. */
import { describe, expect, it } from '@jest/globals';
import { formatDate, formatDateTime, formatTime, parseIso } from '../../../src/tab/i18n/dates.js';
import { createI18n } from '../../../src/tab/i18n/i18n.js';

/** Dates spread over several years: every month, every weekday, hours and minutes on both sides of ten. */
function sampleDates(): Date[] {
  const dates: Date[] = [];
  let at = new Date(2024, 0, 1, 0, 0).getTime();
  for (let i = 0; i < 400; i++) {
    dates.push(new Date(at));
    at += (3 * 24 * 60 + 7 * 60 + 13) * 60_000; // 3 days, 7 hours and 13 minutes on
  }
  return dates;
}

describe('tab dates', () => {
  it.each([
    ['nl', 'nl-NL'],
    ['en', 'en-GB'],
  ] as const)('write %s dates exactly as Intl.DateTimeFormat does for %s', (locale, tag) => {
    const date = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric' });
    const dateTime = new Intl.DateTimeFormat(tag, {
      weekday: 'short',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
    });
    const time = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' });
    for (const at of sampleDates()) {
      expect(formatDate(at, locale)).toBe(date.format(at));
      expect(formatDateTime(at, locale)).toBe(dateTime.format(at));
      expect(formatTime(at)).toBe(time.format(at));
    }
  });

  it('reads a bare date as that day wherever the user is, and a timestamp as that instant', () => {
    const day = parseIso('2026-03-01');
    expect([day.getFullYear(), day.getMonth(), day.getDate(), day.getHours()]).toEqual([2026, 2, 1, 0]);
    expect(parseIso('2026-03-01T09:30:00.000Z').getTime()).toBe(Date.UTC(2026, 2, 1, 9, 30));
  });

  it('shows what is not a date as it came instead of NaN', () => {
    expect(createI18n('nl').date('binnenkort')).toBe('binnenkort');
    expect(createI18n('en').dateTime('')).toBe('');
  });

  it('gives a POP date in words in either language', () => {
    expect(createI18n('nl').date('2026-11-23')).toBe('23 november 2026');
    expect(createI18n('en').date('2026-11-23')).toBe('23 November 2026');
    expect(createI18n('nl').dateTime('2026-11-23T13:05:00')).toBe('ma 23 november om 13:05');
  });
});
