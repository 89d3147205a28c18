import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { dateTimeFormat } from '../../domain/date-format.js';
import { localize, type LocalizedText, type Locale } from '../../domain/text.js';
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

const dateOptions: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
const dateTimeOptions: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
};
const timeOptions: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/**
 * Builds the translation helpers for one locale. Date formatters are made on first use and shared: building
 * an `Intl.DateTimeFormat` loads locale data, which cost tens of milliseconds of the tab's first load.
 */
export function createI18n(locale: Locale): I18n {
  const messages = catalogs[locale];
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
  return {
    locale,
    t: (key, values) => format(messages[key], values),
    text: (value) => localize(value, locale),
    date: (iso) => dateTimeFormat(tag, dateOptions).format(new Date(iso)),
    dateTime: (iso) => dateTimeFormat(tag, dateTimeOptions).format(new Date(iso)),
    time: (date) => dateTimeFormat(tag, timeOptions).format(date),
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
