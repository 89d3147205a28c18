import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { catalogs, createI18n, format } from '../../../src/tab/i18n/i18n.js';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();

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
