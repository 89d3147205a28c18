/** The tab's texts in Dutch and English: the catalogues, and their ICU messages formatted by intl-messageformat. */
import { IntlMessageFormat } from 'intl-messageformat';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { localize, type LocalizedText, type Locale } from '../../domain/text.js';
import { formatDate, formatDateTime, formatTime, parseIso } from './dates.js';
import { en } from './en.js';
import { nl, type MessageKey, type Messages } from './nl.js';

export type { MessageKey, Messages };

export const catalogs: Record<Locale, Messages> = { nl, en };

/**
 * Parses a text as an ICU message (`{name}`, `{count, plural, =0 {…} one {# ding} other {# dingen}}`) for a
 * language's plural rules. Tags are off, so a `<` in a text is just a character. Throws on a malformed message;
 * the catalogue test compiles every text this way.
 */
export function compileMessage(template: string, locale: Locale): IntlMessageFormat {
  return new IntlMessageFormat(template, locale, undefined, { ignoreTag: true });
}

/** Each text parsed once per language: a page formats the same texts on every render. */
const compiled = new Map<string, IntlMessageFormat>();

function messageFor(template: string, locale: Locale): IntlMessageFormat {
  const cacheKey = `${locale}:${template}`;
  let message = compiled.get(cacheKey);
  if (!message) {
    message = compileMessage(template, locale);
    compiled.set(cacheKey, message);
  }
  return message;
}

/**
 * Formats an ICU message in Dutch or English: the plural branch by the language's rules, `#` as a number in it. A
 * `{name}` without its value stays visible as `{name}`, and a message that cannot be formatted (a plural without
 * its count, a malformed text) is shown as written, so a mistake shows up in review instead of breaking the page.
 */
export function format(
  template: string,
  values: Record<string, string | number> = {},
  locale: Locale = 'nl',
): string {
  const filled: Record<string, string | number> = { ...values };
  for (const [, name] of template.matchAll(/\{(\w+)\}/g))
    if (name !== undefined && !(name in filled)) filled[name] = `{${name}}`;
  try {
    return String(messageFor(template, locale).format(filled));
  } catch {
    return template;
  }
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
    t: (key, values) => format(messages[key], values, locale),
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
