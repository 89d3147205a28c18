/**
 * Renders every fixture card in real Chromium with the Adaptive Cards JavaScript renderer and saves a
 * screenshot per card and language to test-artifacts/cards/, for people to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { cardGallery } from '../fixtures/cards.js';
import { launchChromium } from '../support/browser.js';

const modules = join(process.cwd(), 'node_modules');
const outDir = join(process.cwd(), 'test-artifacts', 'cards');

// A Teams-like host: Segoe UI where available, Teams' accent colour, a chat-bubble width.
const hostConfig = {
  fontFamily: "'Segoe UI', 'Helvetica Neue', Arial, sans-serif",
  supportsInteractivity: true,
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#5B5FC7', subtle: '#5B5FC7' },
        good: { default: '#0E700E', subtle: '#0E700E' },
        warning: { default: '#8A3707', subtle: '#8A3707' },
        attention: { default: '#C4314B', subtle: '#C4314B' },
      },
    },
    emphasis: {
      backgroundColor: '#F5F5F5',
      foregroundColors: { default: { default: '#242424', subtle: '#616161' } },
    },
  },
  actions: {
    maxActions: 6,
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 12 },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
  },
};

let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 560, height: 800 }, deviceScaleFactor: 1 });
  await page.setContent(
    '<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0;background:#EBEBEB"><div id="host" style="width:520px;margin:16px;background:#fff;border-radius:6px;box-shadow:0 1px 2px rgba(0,0,0,.15)"></div></body></html>',
  );
  await page.addStyleTag({ path: join(modules, 'adaptivecards/dist/adaptivecards.css') });
  await page.addScriptTag({ path: join(modules, 'markdown-it/dist/browser/markdown-it.umd.min.js') });
  await page.addScriptTag({ path: join(modules, 'adaptivecards/dist/adaptivecards.min.js') });
});

afterAll(async () => {
  await browser?.close();
});

interface RenderResult {
  height: number;
  links: number;
  text: string;
}

describe('card screenshots in Chromium', () => {
  const cases = (['nl', 'en'] as const).flatMap((locale) =>
    Object.entries(cardGallery(locale)).map(([name, built]) => [name, locale, built.card] as const),
  );

  it.each(cases)('%s (%s)', async (name, locale, card) => {
    const result = await page.evaluate(
      ({ json, config }): RenderResult => {
        const ac = (window as unknown as { AdaptiveCards: typeof import('adaptivecards') }).AdaptiveCards;
        const adaptive = new ac.AdaptiveCard();
        adaptive.hostConfig = new ac.HostConfig(config);
        adaptive.parse(json);
        const element = adaptive.render();
        const host = document.getElementById('host');
        if (!host || !element) throw new Error('no render');
        host.replaceChildren(element);
        return {
          height: element.getBoundingClientRect().height,
          links: element.querySelectorAll('a').length,
          text: element.innerText,
        };
      },
      { json: JSON.parse(JSON.stringify(card)) as unknown, config: hostConfig },
    );
    expect(result.height).toBeGreaterThan(60);
    expect(result.links).toBe(0);
    expect(result.text).not.toMatch(/\\[*_[\]()#.!-]/); // escapes are consumed by the Markdown renderer
    await page.locator('#host').screenshot({ path: join(outDir, `${name}.${locale}.png`) });
    // What the employee reads before confirming "voor gezien": the opened show-card, as its own screenshot.
    const seen = locale === 'nl' ? 'Voor gezien' : 'Acknowledged (not agreed)';
    const button = page.locator('#host button', { hasText: seen });
    if ((await button.count()) === 1) {
      await button.click();
      await page.locator('#host').screenshot({ path: join(outDir, `${name}.voor-gezien.${locale}.png`) });
    }
  });
});
