/** Dates and times in Dutch and English without Intl on the first screen. */
import type { Locale } from '../../domain/text.js';

/**
 * Dates and times as the tab shows them, in the user's own time zone. Written out instead of using
 * `Intl.DateTimeFormat`: the first formatter a page builds makes Chromium load the locale's calendar data,
 * ≈ 25 ms on the tab's first screen, for three fixed patterns in two languages. The output is the same as
 * `Intl.DateTimeFormat` for `nl-NL` and `en-GB` (tests compare the two).
 */
const names: Record<Locale, { months: readonly string[]; weekdays: readonly string[]; at: string }> = {
  nl: {
    months: [
      'januari',
      'februari',
      'maart',
      'april',
      'mei',
      'juni',
      'juli',
      'augustus',
      'september',
      'oktober',
      'november',
      'december',
    ],
    weekdays: ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
    at: 'om',
  },
  en: {
    months: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
    weekdays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    at: 'at',
  },
};

const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads an ISO string. A bare date (`2026-11-23`, as POP dates are stored) is a day in the calendar, not
 * midnight UTC, so it is read as local midnight: west of Greenwich it would otherwise show the day before.
 */
export function parseIso(iso: string): Date {
  const day = dateOnly.exec(iso);
  if (day) return new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
  return new Date(iso);
}

const twoDigits = (n: number): string => String(n).padStart(2, '0');

/** `23 november 2026` / `23 November 2026`. */
export function formatDate(date: Date, locale: Locale): string {
  return `${date.getDate()} ${names[locale].months[date.getMonth()]} ${date.getFullYear()}`;
}

/** `14:05`. */
export function formatTime(date: Date): string {
  return `${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`;
}

/** `ma 23 november om 14:05` / `Mon 23 November at 14:05`. */
export function formatDateTime(date: Date, locale: Locale): string {
  const { months, weekdays, at } = names[locale];
  return `${weekdays[date.getDay()]} ${date.getDate()} ${months[date.getMonth()]} ${at} ${formatTime(date)}`;
}
