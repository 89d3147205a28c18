/**
 * Dates in the final document: always Dutch time (Europe/Amsterdam), whatever the server's time zone, so the
 * document reads the same wherever it was rendered.
 */
import type { Conversation } from '../domain/conversation.js';
import type { Locale } from '../domain/text.js';
import { dateTimeFormat } from '../domain/date-format.js';

/** The time zone every date in the document is shown in. */
export const documentTimeZone = 'Europe/Amsterdam';

const intlLocale: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

function parse(iso: string): Date | undefined {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** "1 december 2026" (or "1 December 2026"); a plain YYYY-MM-DD date is shown as that calendar day. */
export function formatDate(iso: string, locale: Locale): string {
  const plainDay = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = parse(plainDay ? `${iso}T12:00:00Z` : iso);
  if (!date) return iso;
  return dateTimeFormat(intlLocale[locale], {
    timeZone: plainDay ? 'UTC' : documentTimeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
}

/** "1 december 2026 om 10:15" (or "1 December 2026 at 10:15"), in Europe/Amsterdam. */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = parse(iso);
  if (!date) return iso;
  const day = formatDate(iso, locale);
  return `${day} ${locale === 'nl' ? 'om' : 'at'} ${formatTime(iso)}`;
}

/** The calendar day (YYYY-MM-DD, Europe/Amsterdam) of an instant, or undefined when it is not a date. */
export function isoDay(iso: string): string | undefined {
  const date = parse(iso);
  if (!date) return undefined;
  // en-CA formats as YYYY-MM-DD.
  return dateTimeFormat('en-CA', {
    timeZone: documentTimeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

/**
 * When the meeting took place: when the manager closed it (`heldAt`, from then on the meeting notes are locked),
 * or else its planned start. Never when the document became final: that is `signatureSummary(...).finalAt`.
 */
export function meetingMoment(conversation: Conversation): string | undefined {
  return conversation.heldAt ?? conversation.schedule?.start;
}

/** The day of the meeting (YYYY-MM-DD, Europe/Amsterdam), or the day the conversation was created. */
export function meetingDay(conversation: Conversation): string {
  const moment = meetingMoment(conversation);
  return (moment && isoDay(moment)) ?? isoDay(conversation.createdAt) ?? '0000-00-00';
}

/** "10:15", in Europe/Amsterdam. */
export function formatTime(iso: string): string {
  const date = parse(iso);
  if (!date) return iso;
  return dateTimeFormat('nl-NL', {
    timeZone: documentTimeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/**
 * A run of days without the year, for a log line: "24 t/m 26 november", "30 november t/m 2 december", or one
 * day "1 december" (English: "24–26 November", "30 November – 2 December").
 */
export function formatDayRange(fromIso: string, toIso: string, locale: Locale): string {
  const from = parse(fromIso);
  const to = parse(toIso);
  if (!from || !to) return `${fromIso}–${toIso}`;
  const part = (date: Date, options: Intl.DateTimeFormatOptions) =>
    dateTimeFormat(intlLocale[locale], { timeZone: documentTimeZone, ...options }).format(date);
  const day = (date: Date) => part(date, { day: 'numeric' });
  const month = (date: Date) => part(date, { month: 'long' });
  const dayMonth = (date: Date) => `${day(date)} ${month(date)}`;
  if (isoDay(fromIso) === isoDay(toIso)) return dayMonth(to);
  const sameMonth = isoDay(fromIso)?.slice(0, 7) === isoDay(toIso)?.slice(0, 7);
  if (locale === 'nl') return `${sameMonth ? day(from) : dayMonth(from)} t/m ${dayMonth(to)}`;
  return sameMonth ? `${day(from)}–${dayMonth(to)}` : `${dayMonth(from)} – ${dayMonth(to)}`;
}

/** "4 dec 2026 11:07", for narrow table columns; Europe/Amsterdam. */
export function formatDateTimeShort(iso: string, locale: Locale): string {
  const date = parse(iso);
  if (!date) return iso;
  const parts = dateTimeFormat(intlLocale[locale], {
    timeZone: documentTimeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(date);
  const time = dateTimeFormat(intlLocale[locale], {
    timeZone: documentTimeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return `${parts.replace('.', '')} ${time}`;
}
