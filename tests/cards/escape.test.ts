/** User text in cards is escaped: no Markdown or HTML a host could render survives. */
import { describe, expect, it } from '@jest/globals';
import MarkdownIt from 'markdown-it';
import { escapeCardText } from '../../src/cards/escape.js';

// Linkify on: the strictest renderer a host could use. Teams' Markdown subset is smaller than this.
const markdown = new MarkdownIt({ html: true, linkify: true });

function render(text: string): string {
  return markdown.render(escapeCardText(text));
}

const forbiddenTags = /<(a|strong|em|h[1-6]|ul|ol|li|img|script|code|pre|blockquote|table|del|s|hr)\b/i;

describe('escapeCardText', () => {
  const hostile: Array<[string, string]> = [
    ['a Markdown link to javascript:', '[Klik hier](javascript:alert(document.cookie))'],
    ['an image', '![x](https://evil.example/pixel.png)'],
    ['bold and italics', '**vet** __ook vet__ *schuin* _schuin_'],
    ['raw HTML', '<script>alert(1)</script><b onclick="x()">b</b>'],
    ['an HTML entity', '&lt;script&gt; &#106;avascript:'],
    ['templating', '${secret} $root.value'],
    ['a host date function', '{{DATE(2026-12-01T10:00:00Z, LONG)}} {{TIME(2026-12-01T10:00:00Z)}}'],
    ['a heading on a new line', 'hallo\n# Kop\n## Kop 2'],
    ['a list and a quote', 'regel\n- een\n* twee\n+ drie\n1. vier\n> citaat'],
    ['a setext heading and a rule', 'tekst\n===\n---\n***'],
    ['inline code and fences', '`code` ```\nblok\n```'],
    ['an autolink', '<https://evil.example> https://evil.example www.evil.example'],
    ['a table', '| a | b |\n|---|---|\n| 1 | 2 |'],
    ['strikethrough', '~~weg~~'],
  ];

  it.each(hostile)('renders %s as plain text', (_name, input) => {
    const html = render(input);
    expect(html).not.toMatch(forbiddenTags);
    expect(html).not.toMatch(/<[^>]*\b(href|src|on\w+)=/i);
    expect(html.replace(/<\/?p>/g, '')).not.toMatch(/<(?!br)/);
  });

  it('keeps the visible text as typed', () => {
    const input = '[Klik](javascript:alert(1)) **vet** 50% & ${x}';
    const visible = render(input)
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .trim();
    expect(visible).toBe(input);
  });

  it('breaks host date functions and templating apart', () => {
    const escaped = escapeCardText('{{DATE(2026-12-01T10:00:00Z, SHORT)}} ${name}');
    expect(escaped).not.toContain('{{');
    expect(escaped).not.toContain('${');
    expect(escaped).not.toMatch(/\{\{(DATE|TIME)\(/);
  });

  it('keeps each line apart, collapses empty lines and drops indentation that would make code blocks', () => {
    expect(escapeCardText('a\r\nb\rc')).toBe('a\n\nb\n\nc');
    expect(escapeCardText('a\n\n\n\n\nb')).toBe('a\n\nb');
    expect(escapeCardText('a\n    code')).toBe('a\n\ncode');
    expect(markdown.render(escapeCardText('a\nb'))).toBe('<p>a</p>\n<p>b</p>\n');
    expect(markdown.render(escapeCardText('a\n    code'))).not.toContain('<code>');
  });

  it('puts everything on one line when asked', () => {
    expect(escapeCardText('Jan\n# Baas', { singleLine: true })).toBe('Jan \\# Baas');
  });

  it('drops control and bidirectional override characters', () => {
    expect(escapeCardText('a\u0000b\u202Ec\u200Bd')).toBe('abcd');
  });

  it('cuts long text with an ellipsis before escaping', () => {
    const escaped = escapeCardText('x'.repeat(50), { maxLength: 10 });
    expect(escaped).toBe(`${'x'.repeat(9)}…`);
  });

  it('leaves ordinary Dutch text readable', () => {
    const text = 'Energie hebben voor werk én thuis, zonder avondwerk';
    expect(escapeCardText(text)).toBe(text);
  });
});
