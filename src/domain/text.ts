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

/**
 * Whether every string inside a value can be stored and shown: well-formed Unicode (no lone surrogate
 * halves) and no NUL characters, which PostgreSQL cannot keep in text.
 */
export function isStorableText(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.isWellFormed() && !value.includes('\u0000');
  if (depth > 32) return false;
  if (Array.isArray(value)) return value.every((v) => isStorableText(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).every(
      ([k, v]) => isStorableText(k, depth + 1) && isStorableText(v, depth + 1),
    );
  }
  return true;
}
