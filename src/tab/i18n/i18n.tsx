import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { localize, type LocalizedText, type Locale } from '../../domain/text.js';
import { formatDate, formatDateTime, formatTime, parseIso } from './dates.js';
import { en } from './en.js';
import { nl, type MessageKey, type Messages } from './nl.js';

export type { MessageKey, Messages };

export const catalogs: Record<Locale, Messages> = { nl, en };

/** Fills `{name}` placeholders; unknown placeholders stay visible so a mistake shows up in review. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
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
