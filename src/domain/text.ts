/** The languages the app speaks. Dutch is the default; English follows the Teams locale. */
export type Locale = 'nl' | 'en';

/** A piece of user-facing text in every supported language. */
export interface LocalizedText {
  nl: string;
  en: string;
}

/** Picks the text for a locale. */
export function localize(text: LocalizedText, locale: Locale): string {
  return text[locale];
}

/** Maps any BCP 47 tag (as Teams reports it, e.g. `en-us`, `nl-NL`) to a supported locale; Dutch otherwise. */
export function toLocale(tag: string | undefined | null): Locale {
  return tag && tag.toLowerCase().startsWith('en') ? 'en' : 'nl';
}
