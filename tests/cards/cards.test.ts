/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import { cardGallery } from '../fixtures/cards.js';
import { messages } from '../../src/cards/i18n.js';
import { formatRegistry } from '../../src/domain/index.js';
import { parseAndRender } from './render.js';

const locales = ['nl', 'en'] as const;
const cases = locales.flatMap((locale) =>
  Object.entries(cardGallery(locale)).map(([name, built]) => [name, locale, built] as const),
);

describe('every card with fixture data', () => {
  it('covers every card kind in both languages', () => {
    const names = Object.keys(cardGallery('nl'));
    expect(Object.keys(cardGallery('en'))).toEqual(names);
    for (const expected of [
      'invitation-vitaliteit',
      'reminder-cosign',
      'reminder-sign',
      'request',
      'approval-vitality-employee',
      'approval-vitality-manager',
      'approval-reflection-employee',
      'approval-reflection-acknowledged-manager',
      'approval-vitality-stale',
      'approval-vitality-way-out',
      'archived-vitality',
      'archived-reflection-employee',
      'cancelled',
      'rescheduled',
      'prepared',
      'revision-vitality',
      'report-reflection',
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
    const { element, problems } = parseAndRender(cardGallery(locale)['approval-hostile']!.card);
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
    const { element } = parseAndRender(cardGallery('nl')['invitation-vitaliteit']!.card);
    const visible = element.textContent ?? '';
    expect(visible).toContain('Jeroen de Vries nodigt je uit voor een Vitaliteitsgesprek.');
    expect(visible).toContain('dinsdag 15 december 2026 om 10:00 (Nederlandse tijd)');
    expect(visible).toContain('feedback, niet over beoordelen');
    expect(visible).toContain('wat je hier invult, wordt nooit gebruikt bij een beoordeling');
  });

  it('counts with plurals', () => {
    const { element } = parseAndRender(cardGallery('nl')['status-more']!.card);
    expect(element.textContent).toContain('En nog 1 gesprek in de app.');
    const english = parseAndRender(cardGallery('en')['status-more']!.card);
    expect(english.element.textContent).toContain('And 1 more conversation in the app.');
  });
});

/**
 * LANGUAGE.md: words an HR adviser struck out, per language. Checked on what people read: every rendered card
 * and every catalogue entry.
 */
const struckOut: Record<'nl' | 'en', RegExp[]> = {
  nl: [
    /Gearchiveerd/i,
    /goedgekeurd/i,
    /Beide partijen/i,
    /In personeelsdossier\b/,
    /Opgeslagen in het personeelsdossier/i,
    /Jouw besluit|Je besluit|Besluit versturen|Besluiten|Akkoorden/,
    /Geef je akkoord|Ter akkoord|Wacht op akkoord|jouw akkoord/i,
    /om te beoordelen/,
    /persoonlijk ontwikkelplan|vanuit het verslag/i,
    /Controlewaarde/i,
    /\bOpen (gesprek|format|document|de app)\b|\bPlan gesprek\b/,
    /tussendoor opslaan|verder gaan/,
    /maar nog niet ingediend|opgeslagen maar/,
    /wordt nooit gebruikt voor/,
    /het Het Goede Gesprek/,
    /Kan beter|Neutraal/,
    /door beide partijen/,
    /niet de inhoud/,
  ],
  en: [
    /\bformat\b/i,
    /\bSeen\b/,
    /Do not agree|did not agree|Disagree/i,
    /Give your approval/i,
    /approved by both|Both parties/i,
    /Good employeeship|employership|Insight into quality|Inventory of needs/i,
  ],
};

/**
 * Titles the cards take from the domain's formats: their wording is the domain's to fix (src/domain/formats.ts
 * still calls the reflection's document "Final format" in English), so they are left out of the card check.
 */
const domainTitles = formatRegistry.flatMap((f) => [f.report.title.en, f.title.en]);

describe('LANGUAGE.md on every card', () => {
  it.each(cases)('%s (%s) uses none of the struck-out words', (name, locale, built) => {
    const { element } = parseAndRender(JSON.parse(JSON.stringify(built.card)));
    let read = [element.textContent ?? '', built.summary, JSON.stringify(built.card.actions ?? [])].join(
      '\n',
    );
    if (locale === 'en') for (const title of domainTitles) read = read.replaceAll(title, '');
    for (const pattern of struckOut[locale])
      expect([name, read.match(pattern)?.[0]]).toEqual([name, undefined]);
  });

  it('the catalogue uses none of the struck-out words', () => {
    for (const [key, entry] of Object.entries(messages)) {
      for (const locale of ['nl', 'en'] as const) {
        for (const pattern of struckOut[locale])
          expect([key, entry[locale].match(pattern)?.[0]]).toEqual([key, undefined]);
      }
    }
  });
});
