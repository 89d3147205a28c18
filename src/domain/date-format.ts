/**
 * Shared `Intl.DateTimeFormat` instances. Building one costs far more than formatting with it (the locale and
 * time zone data are resolved each time), and cards, documents and calendars format dates in hot paths.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

/** The formatter for `locale` and `options`, built once per distinct pair. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}
