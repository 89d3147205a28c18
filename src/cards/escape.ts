/**
 * Safe text for Adaptive Cards. TextBlocks and facts render Markdown and hosts expand `{{DATE(...)}}` /
 * `{{TIME(...)}}`, so anything a person typed (names, comments, answers) has to be neutralised before it
 * lands in a card: otherwise a comment like `[Klik](javascript:...)` becomes a link that looks like ours.
 */

/**
 * Text that is safe to place in a Markdown-rendering card field. Only {@link escapeCardText} and the
 * i18n helpers produce it, so raw user text cannot reach a TextBlock by accident (checked at compile time).
 */
export type CardText = string & { readonly __cardText: true };

export interface EscapeOptions {
  /** Replace line breaks by spaces (names, titles). */
  singleLine?: boolean;
  /** Cut the text to this many characters (before escaping), adding an ellipsis. */
  maxLength?: number;
}

// Every ASCII punctuation character that CommonMark, Teams' Markdown subset or the card hosts give a
// meaning: emphasis, links, images, lists, headings, quotes, tables, code, entities, templating and the
// DATE/TIME functions. CommonMark allows a backslash before any of them and then shows the character itself.
const significant = /[\\`*_{}[\]()#+\-.!|<>~$&=:^"']/g;

/**
 * Escapes user text for a Markdown TextBlock or Fact: every significant character gets a backslash, line
 * endings are normalised (each line its own paragraph), control characters dropped, so the text shows
 * as typed and can never form a link, an image, emphasis, a heading, a list or a host function.
 */
export function escapeCardText(text: string, options: EscapeOptions = {}): CardText {
  let value = text.normalize('NFC').replace(/\r\n?/g, '\n');
  // Control characters (other than newline and tab) have no business in a card and can confuse renderers.
  // eslint-disable-next-line no-control-regex
  value = value.replace(/[\u0000-\u0008\u000B-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g, '');
  if (options.maxLength !== undefined && value.length > options.maxLength) {
    value = `${value.slice(0, Math.max(0, options.maxLength - 1)).trimEnd()}…`;
  }
  if (options.singleLine) value = value.replace(/\s*\n\s*/g, ' ');
  const escaped = value
    .split('\n')
    // Leading spaces would turn a line into a code block: keep the text, drop the indentation.
    .map((line) => line.replace(/^[ \t]+/, '').replace(significant, (c) => `\\${c}`))
    .filter((line) => line.trim() !== '')
    // Markdown folds a single line break into a space; a paragraph break keeps the person's lines apart.
    .join('\n\n');
  return escaped as CardText;
}

/** Marks text written by the app itself (translations) as card-safe; never use it for user input. */
export function trusted(text: string): CardText {
  return text as CardText;
}

/** Joins card-safe pieces. */
export function joinCardText(parts: readonly CardText[], separator = ''): CardText {
  return parts.join(separator) as CardText;
}
