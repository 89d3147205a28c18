/** Tests of the tab's message catalogues: every text an ICU message in both languages, every count a plural. */
import { describe, expect, it } from '@jest/globals';
import type { IntlMessageFormat } from 'intl-messageformat';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { catalogs, compileMessage, createI18n, format } from '../../../src/tab/i18n/i18n.js';

type MessageElement = ReturnType<IntlMessageFormat['getAst']>[number];
/** What a placeholder is in the parser's AST (its TYPE enum): 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural. */
const kinds: Record<number, string> = {
  1: 'argument',
  2: 'number',
  3: 'date',
  4: 'time',
  5: 'select',
  6: 'plural',
};

/**
 * Every placeholder of a parsed message, at any depth: `name` for `{name}`, `count (plural)` for a plural, each
 * with the plurals it stands inside of.
 */
function placeholdersOf(
  elements: readonly MessageElement[],
  within: readonly string[] = [],
): { name: string; kind: string; within: readonly string[] }[] {
  return elements.flatMap((element) => {
    const kind = kinds[element.type];
    if (!kind || !('value' in element)) return [];
    const own = { name: element.value, kind, within };
    if (!('options' in element)) return [own];
    const inner = [...within, element.value];
    return [own, ...Object.values(element.options).flatMap((option) => placeholdersOf(option.value, inner))];
  });
}

/** The placeholders of a text as the ICU parser reads it, each once: `name`, and `count (plural)`. */
const placeholders = (text: string): string[] =>
  [
    ...new Set(
      placeholdersOf(compileMessage(text, 'nl').getAst()).map(({ name, kind }) =>
        kind === 'argument' ? name : `${name} (${kind})`,
      ),
    ),
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

  it('chooses each count by the language it is shown in: 1 bijdrage, 2 bijdragen, 1 contribution', () => {
    const nl = createI18n('nl');
    const en = createI18n('en');
    expect(nl.t('team.pictureHidden', { count: 2, minimum: 5 })).toContain('er zijn 2 bijdragen en');
    expect(en.t('team.pictureHidden', { count: 2, minimum: 5 })).toContain('there are 2 contributions and');
    expect(en.t('team.pictureHidden', { count: 0, minimum: 5 })).toContain('there are no contributions yet');
    expect(nl.t('panel.statementsCount', { count: 1 })).toBe('1 stelling');
    expect(en.t('panel.statementsCount', { count: 1 })).toBe('1 statement');
    expect(en.t('panel.statementsCount', { count: 7 })).toBe('7 statements');
    expect(en.t('rounds.members', { count: 1, managers: 2 })).toBe('1 employee, 2 managers');
    expect(nl.t('rounds.members', { count: 2, managers: 1 })).toBe('2 medewerkers, 1 leidinggevende');
    expect(nl.t('plan.minutes', { minutes: 45 })).toBe('45 minuten');
    expect(en.t('plan.minutes', { minutes: 1 })).toBe('1 minute');
  });

  it('writes a count as a number of its language: 1.200 in Dutch, 1,200 in English', () => {
    expect(createI18n('nl').t('rounds.members', { count: 1200, managers: 40 })).toBe(
      '1.200 medewerkers, 40 leidinggevenden',
    );
    expect(createI18n('en').t('rounds.members', { count: 1200, managers: 40 })).toBe(
      '1,200 employees, 40 managers',
    );
  });

  it('chooses an exact branch first and leaves a plural without its count visible', () => {
    const template = '{n, plural, =0 {geen} one {# ding} other {# dingen}} over';
    expect(format(template, { n: 0 })).toBe('geen over');
    expect(format(template, { n: 1 })).toBe('1 ding over');
    expect(format(template, { n: 12 })).toBe('12 dingen over');
    expect(format(template)).toBe(template);
  });

  it('parses every catalogue text as an ICU message, each plural with branches its language has', () => {
    for (const [locale, messages] of Object.entries(catalogs) as [
      keyof typeof catalogs,
      Record<string, string>,
    ][])
      for (const [key, text] of Object.entries(messages))
        expect({ locale, key, problem: problemOf(text, locale) }).toEqual({ locale, key, problem: '' });
  });

  it('refuses a malformed message or an unknown branch, so the catalogue test cannot pass one', () => {
    expect(problemOf('{count, plural, one {# ding} other {# dingen}', 'nl')).not.toBe('');
    expect(problemOf('{count, plural, one {# ding}}', 'nl')).not.toBe('');
    expect(problemOf('{count, plural, een {# ding} other {# dingen}}', 'nl')).toBe('branch een');
    expect(problemOf('{count, plural, one {# ding} few {# dingen} other {# dingen}}', 'en')).toBe(
      'branch few',
    );
    expect(problemOf('{count, plural, =0 {geen} one {# ding} other {# dingen}}', 'nl')).toBe('');
  });

  it('keeps every placeholder a placeholder: no quote (an ASCII apostrophe) hides one', () => {
    for (const messages of Object.values(catalogs))
      for (const [key, text] of Object.entries(messages)) {
        const written = [...new Set([...text.matchAll(/\{(\w+)[},]/g)].map((m) => m[1] as string))];
        const parsed = [...new Set(placeholdersOf(compileMessage(text, 'nl').getAst()).map((p) => p.name))];
        // A plural's branch text such as `=0 {Afspraken}` looks like a placeholder to the pattern; it is not one.
        expect({
          key,
          missing: written.filter((name) => !parsed.includes(name) && !isBranch(text, name)),
        }).toEqual({
          key,
          missing: [],
        });
      }
  });

  it('has no count in a catalogue text without a plural for it', () => {
    for (const [locale, messages] of Object.entries(catalogs))
      for (const [key, text] of Object.entries(messages)) {
        // "er zijn {count} …" reads wrong for 1: every count goes through a plural (a {count} inside its own plural
        // is fine, "#" is the usual way).
        const bare = placeholdersOf(compileMessage(text, 'nl').getAst()).filter(
          (p) => p.name === 'count' && p.kind !== 'plural' && !p.within.includes('count'),
        );
        expect({ locale, key, bare: bare.length }).toEqual({ locale, key, bare: 0 });
      }
  });

  it('would catch a bare count', () => {
    const bare = placeholdersOf(compileMessage('er zijn {count} bijdragen', 'nl').getAst());
    expect(bare).toEqual([{ name: 'count', kind: 'argument', within: [] }]);
  });
});

/**
 * What is wrong with a text as an ICU message in a language: the parser's error, or a plural branch the language's
 * plural rules never choose (the parser takes any word, and a misspelt `one` would never show). Empty if nothing.
 */
function problemOf(text: string, locale: 'nl' | 'en'): string {
  let elements: readonly MessageElement[];
  try {
    elements = compileMessage(text, locale).getAst();
  } catch (error) {
    return String(error);
  }
  const categories: readonly string[] = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const branches = (list: readonly MessageElement[]): string[] =>
    list.flatMap((element) =>
      'options' in element
        ? [
            ...(element.type === 6 ? Object.keys(element.options) : []),
            ...Object.values(element.options).flatMap((option) => branches(option.value)),
          ]
        : [],
    );
  const unknown = branches(elements).filter(
    (branch) => !/^=\d+$/.test(branch) && !categories.includes(branch),
  );
  return unknown.map((branch) => `branch ${branch}`).join(', ');
}

/** Whether `{name}` in a text is a plural branch (`one {name}`, `=0 {name}`) rather than a placeholder. */
function isBranch(text: string, name: string): boolean {
  return new RegExp(`(=\\d+|\\b(zero|one|two|few|many|other))\\s*\\{${name}\\}`).test(text);
}

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
