import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { catalogs, createI18n, format } from '../../../src/tab/i18n/i18n.js';

/** The placeholders of a text: `{name}`, and the count of a plural; a plural's branch text is not one. */
const placeholders = (text: string): string[] =>
  [
    ...[...text.matchAll(/(?<!(?:=\d+|\bone|\bother)\s*)\{(\w+)\}/g)].map((m) => m[1] as string),
    ...[...text.matchAll(/\{(\w+),\s*plural,/g)].map((m) => `${m[1] as string} (plural)`),
  ].sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('translations', () => {
  const nlKeys = Object.keys(catalogs.nl).sort();
  const enKeys = Object.keys(catalogs.en).sort();

  it('has every key in both Dutch and English', () => {
    expect(enKeys.filter((k) => !nlKeys.includes(k))).toEqual([]);
    expect(nlKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it('has no empty texts and the same placeholders in both languages', () => {
    for (const key of nlKeys) {
      const nl = catalogs.nl[key as keyof typeof catalogs.nl];
      const en = catalogs.en[key as keyof typeof catalogs.en];
      expect({ key, nl: nl.trim().length > 0, en: en.trim().length > 0 }).toEqual({
        key,
        nl: true,
        en: true,
      });
      expect({ key, placeholders: placeholders(en) }).toEqual({ key, placeholders: placeholders(nl) });
    }
  });

  it('uses only keys that exist, wherever the tab calls t() with a literal key', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(process.cwd(), 'src/tab'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g))
        used.add(m[1] as string);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !nlKeys.includes(k))).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('Opgeslagen om {time}', { time: '10:42' })).toBe('Opgeslagen om 10:42');
    expect(format('{a} en {b}', { a: 1 })).toBe('1 en {b}');
  });

  it('formats times in the chosen language', () => {
    const at = new Date(2026, 10, 23, 10, 42);
    expect(createI18n('nl').t('save.saved', { time: createI18n('nl').time(at) })).toBe('Opgeslagen om 10:42');
    expect(createI18n('en').date('2026-11-23')).toContain('November');
    expect(createI18n('nl').date('2026-11-23')).toContain('november');
  });
});

describe('plurals', () => {
  it('counts in Dutch and English: er is 1 bijdrage, er zijn 3 bijdragen', () => {
    const nl = createI18n('nl');
    const en = createI18n('en');
    expect(nl.t('team.pictureHidden', { count: 1, minimum: 5 })).toBe(
      'Het teambeeld wordt niet getoond: er is 1 bijdrage en er zijn er minstens 5 nodig, zodat niemand herkenbaar is.',
    );
    expect(nl.t('team.pictureHidden', { count: 3, minimum: 5 })).toContain('er zijn 3 bijdragen en');
    expect(nl.t('team.pictureHidden', { count: 0, minimum: 5 })).toContain('er zijn nog geen bijdragen en');
    expect(en.t('team.pictureHidden', { count: 1, minimum: 5 })).toContain('there is 1 contribution and');
    expect(nl.t('sig.wayOutCount', { count: 1 })).toBe('Er is al 1 versie teruggestuurd.');
  });

  it('chooses an exact branch first and leaves a plural without its count visible', () => {
    const template = '{n, plural, =0 {geen} one {# ding} other {# dingen}} over';
    expect(format(template, { n: 0 })).toBe('geen over');
    expect(format(template, { n: 1 })).toBe('1 ding over');
    expect(format(template, { n: 12 })).toBe('12 dingen over');
    expect(format(template)).toBe(template);
  });

  it('has no count in a catalogue text without a plural for it', () => {
    for (const [key, text] of Object.entries(catalogs.nl)) {
      // "er zijn {count} …" reads wrong for 1: every count goes through a plural.
      expect({ key, bare: /\{count\}/.test(text) }).toEqual({ key, bare: false });
    }
  });
});

describe('LANGUAGE.md', () => {
  const nlTexts = Object.values(catalogs.nl).join('\n');
  const enTexts = Object.values(catalogs.en).join('\n');

  it('uses one term per concept and none of the corrected phrases', () => {
    for (const wrong of [
      /Gearchiveerd/,
      /goedgekeurd/i,
      /Jouw besluit/,
      /Besluit versturen/,
      /Akkoorden/,
      /ontwikkelplan/,
      /vanuit het verslag/,
      /Controlewaarde/,
      /klaar is om te beoordelen/,
      /Geef je akkoord op/,
      /nooit gebruikt voor een beoordeling/,
      /het Het Goede Gesprek/,
      /het Goede Gesprek/,
      /Kan beter/,
    ])
      expect({ wrong: String(wrong), found: wrong.test(nlTexts) }).toEqual({
        wrong: String(wrong),
        found: false,
      });
    for (const wrong of [/\bformat\b/, /\bSeen\b/, /Do not agree/, /did not agree/, /Give your approval/])
      expect({ wrong: String(wrong), found: wrong.test(enTexts) }).toEqual({
        wrong: String(wrong),
        found: false,
      });
  });

  it('says when the preparation is shared, truly: when she chooses ‘Voorbereiding delen’', () => {
    expect(catalogs.nl['prepare.submit']).toBe('Voorbereiding delen');
    expect(catalogs.nl['prepare.shareInfo']).toContain('‘Voorbereiding delen’');
    expect(catalogs.nl['prep.status.in-progress']).toBe('{name} bereidt zich voor — nog niet gedeeld.');
  });
});
