/** The tab's texts in Dutch and English: the catalogues, placeholders and plurals. */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { localize, type LocalizedText, type Locale } from '../../domain/text.js';
import { formatDate, formatDateTime, formatTime, parseIso } from './dates.js';
import { en } from './en.js';
import { nl, type MessageKey, type Messages } from './nl.js';

export type { MessageKey, Messages };

export const catalogs: Record<Locale, Messages> = { nl, en };

/** The branch of a plural for a count: an exact `=n` first, then `one` for 1, else `other`. */
function pluralBranch(options: Map<string, string>, count: number): string | undefined {
  return options.get(`=${count}`) ?? (count === 1 ? options.get('one') : undefined) ?? options.get('other');
}

/** Where the brace that closes the one at `open` is, or -1. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/**
 * Chooses the plural branches of a template, in the message-format style the cards use too:
 * `{count, plural, one {er is # bijdrage} other {er zijn # bijdragen}}`, with `=0 {…}` for an exact number and
 * `#` for the number itself. Dutch and English both have only "one" and "other".
 */
function choosePlurals(template: string, values: Record<string, string | number>): string {
  const start = /\{(\w+),\s*plural,/g;
  let out = '';
  let from = 0;
  for (let m = start.exec(template); m; m = start.exec(template)) {
    const end = closingBrace(template, m.index);
    const key = m[1] as string;
    if (end < 0 || !(key in values)) continue;
    const count = Number(values[key]);
    const options = new Map<string, string>();
    const body = template.slice(m.index + m[0].length, end);
    for (let i = 0; i < body.length;) {
      const selector = /\s*(=\d+|\w+)\s*\{/y;
      selector.lastIndex = i;
      const found = selector.exec(body);
      if (!found) break;
      const open = selector.lastIndex - 1;
      const close = closingBrace(body, open);
      if (close < 0) break;
      options.set(found[1] as string, body.slice(open + 1, close));
      i = close + 1;
    }
    out += template.slice(from, m.index) + (pluralBranch(options, count) ?? '').replace(/#/g, String(count));
    from = end + 1;
    start.lastIndex = from;
  }
  return out + template.slice(from);
}

/**
 * Fills `{name}` placeholders, after choosing plural branches (`{count, plural, one {…} other {…}}`); unknown
 * placeholders stay visible so a mistake shows up in review.
 */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return choosePlurals(template, values).replace(/\{(\w+)\}/g, (match, key: string) =>
    key in values ? String(values[key]) : match,
  );
}

export interface I18n {
  locale: Locale;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** Text from format data (labels in Dutch and English). */
  text(value: LocalizedText): string;
  date(iso: string): string;
  dateTime(iso: string): string;
  time(date: Date): string;
}

/** Formats a date from the API; a value that is not a date is shown as it came, not as "NaN". */
function dateFrom(iso: string, show: (date: Date) => string): string {
  const date = parseIso(iso);
  return Number.isNaN(date.getTime()) ? iso : show(date);
}

/** Builds the translation helpers for one locale. */
export function createI18n(locale: Locale): I18n {
  const messages = catalogs[locale];
  return {
    locale,
    t: (key, values) => format(messages[key], values),
    text: (value) => localize(value, locale),
    date: (iso) => dateFrom(iso, (date) => formatDate(date, locale)),
    dateTime: (iso) => dateFrom(iso, (date) => formatDateTime(date, locale)),
    time: (date) => formatTime(date),
  };
}

const I18nContext = createContext<I18n>(createI18n('nl'));

/** Provides the language chosen from the Teams locale or `?lang=`. */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => createI18n(locale), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The translation helpers of the current language. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
