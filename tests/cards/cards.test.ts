/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import { sampleCards } from '../../src/cards/samples.js';
import { parseAndRender } from './render.js';

const locales = ['nl', 'en'] as const;
const cases = locales.flatMap((locale) =>
  Object.entries(sampleCards(locale)).map(([name, built]) => [name, locale, built] as const),
);

describe('every card with sample data', () => {
  it('covers every card kind in both languages', () => {
    const names = Object.keys(sampleCards('nl'));
    expect(Object.keys(sampleCards('en'))).toEqual(names);
    for (const expected of [
      'invitation-vitaliteit',
      'reminder-approval',
      'request',
      'approval-employee',
      'approval-stale',
      'archived',
      'cancelled',
      'rescheduled',
      'prepared',
      'revision',
      'report',
      'help',
      'welcome',
      'status',
    ]) {
      expect(names).toContain(expected);
    }
  });

  it.each(cases)(
    '%s (%s) parses as schema 1.5 without a single event and renders',
    (_name, locale, built) => {
      const json: unknown = JSON.parse(JSON.stringify(built.card));
      const { problems, element } = parseAndRender(json);
      expect(problems).toEqual([]);
      expect(built.card.version).toBe('1.5');
      expect(built.card.lang).toBe(locale);
      expect(built.summary.trim()).not.toBe('');
      expect(element.textContent?.length ?? 0).toBeGreaterThan(20);
      // No Markdown construct ever reaches the output: we write none, and user text is escaped.
      expect(
        element.querySelectorAll('a, strong, em, h1, h2, h3, ul, ol, li, img, script, code, blockquote')
          .length,
      ).toBe(0);
      expect(element.innerHTML).not.toMatch(/<[^>]*\bon\w+=/i);
    },
  );

  it.each(locales)('shows hostile user text literally and unexpanded (%s)', (locale) => {
    const { element, problems } = parseAndRender(sampleCards(locale)['approval-hostile']!.card);
    expect(problems).toEqual([]);
    const visible = element.textContent ?? '';
    expect(visible).toContain('<script>alert(1)</script>');
    expect(visible).toContain('[Klik hier](javascript:alert(document.cookie))');
    expect(visible).toContain('{{DATE(2026-12-01T10:00:00Z, LONG)}}');
    expect(visible).toContain('${secret}');
    expect(visible).toContain('**Baas** [klik](javascript:alert(1))');
    expect(element.querySelectorAll('a, strong, em, h1, li, img, script').length).toBe(0);
  });

  it('reads naturally in Dutch: the invitation names the date in Amsterdam time', () => {
    const { element } = parseAndRender(sampleCards('nl')['invitation-vitaliteit']!.card);
    const visible = element.textContent ?? '';
    expect(visible).toContain('Jeroen de Vries nodigt je uit voor een Vitaliteitsgesprek.');
    expect(visible).toContain('dinsdag 15 december 2026 om 10:00 (Nederlandse tijd)');
    expect(visible).toContain('feedback, niet over beoordelen');
  });
});
