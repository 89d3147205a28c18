/** Every page of the tab in Chromium and every Teams theme: no serious axe finding, no sideways scrolling. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Answers } from '../../src/domain/index.js';
import { buildConversation, type BuiltConversation } from '../fixtures/build-conversation.js';
import {
  buildTab,
  launchBrowser,
  newPage,
  open,
  screenshotDir,
  startServer,
  type TestServer,
} from './support.js';

let server: TestServer;
let browser: Browser;

interface PageCase {
  name: string;
  user: string;
  route: string;
  /** Text that shows the page has its data. */
  ready: string | RegExp;
}

let cases: PageCase[] = [];

const report: Answers = {
  'verslag.samenvatting': 'We bespraken werkdruk, beweging en de balans met thuis.',
  'verslag.afspraken': [
    { id: 'a1', text: 'Elke dag een wandeling in de lunchpauze.', owner: 'employee', due: '2027-01-31' },
  ],
};

/** Conversations in every stage a page needs, built through the real commands. */
async function arrange(server: TestServer): Promise<PageCase[]> {
  const reflection = await buildConversation({
    type: 'reflectie',
    stage: 'planned',
    server,
    employee: 'thomas',
    start: 4,
    earlierGoals: {
      'vitaliteit-werkplezier': [{ id: 'g1', title: 'Vaker pauze nemen' }],
      'kennis-competenties': [{ id: 'g2', title: 'Cursus klantgesprekken afronden' }],
      resultaat: [{ id: 'g3', title: 'Wachttijd aan de balie onder 10 minuten' }],
    },
  });
  const goals = await buildConversation({
    type: 'goede-gesprek',
    stage: 'planned',
    server,
    employee: 'noor',
    start: 5,
  });
  // Shared: the manager sees her statements read-only and takes notes per topic.
  const shared = await buildConversation({
    type: 'vitaliteit',
    stage: 'prepared',
    server,
    employee: 'sanne',
    start: 3,
    answers: {
      preparation: {
        'kwaliteit.betekenis': 'Uitgerust aan de dag beginnen.',
        'behoeften.verbeterpunten': 'Minder avondwerk.',
        'werknemerschap.zelf': 'Vaste tijden voor mail.',
        'werkgeverschap.steun': 'Een rustige werkplek.',
        'huis.gezondheid.1': 'happy',
        'huis.gezondheid.2': 'neutral',
        'huis.werk.1': 'sad',
        'huis.werk.2': 'na',
      },
    },
  });
  // A final format offered to the employee: akkoord, voor gezien or niet akkoord.
  const offeredReflection = await buildConversation({
    type: 'reflectie',
    stage: 'awaiting_approval',
    server,
    employee: 'fatima',
    start: 2,
    answers: { preparation: 'none', completion: {} },
  });
  // Esther's team: a meeting held without a preparation, and a report she offered.
  const held = await buildConversation({
    type: 'vitaliteit',
    stage: 'held',
    server,
    employee: 'lotte',
    manager: 'esther',
    start: 2,
    answers: { preparation: 'none', completion: {} },
  });
  const awaiting = await buildConversation({
    type: 'vitaliteit',
    stage: 'awaiting_approval',
    server,
    employee: 'ruben',
    manager: 'esther',
    start: 1,
    answers: { preparation: 'none', completion: {}, report },
  });
  // She signed by offering; the manager co-signed; her POP is made and the outbox filed it.
  const done = await buildConversation({
    type: 'vitaliteit',
    stage: 'archived',
    server,
    employee: 'daan',
    start: 1,
    answers: { preparation: 'none', completion: {}, report },
    pop: {
      items: [
        {
          id: 'p1',
          goal: 'Fitter worden',
          actions: 'Wandelen',
          who: 'employee',
          support: 'Flexibele lunchtijden',
          due: '2027-03-01',
          status: 'open',
        },
      ],
    },
  });
  // His next one, once the first is signed: one open conversation of a type at a time.
  const preparing = await buildConversation({
    type: 'vitaliteit',
    stage: 'preparing',
    server,
    employee: 'daan',
    start: 3,
    answers: {
      preparation: {
        'kwaliteit.betekenis': 'Energie hebben voor werk en thuis.',
        'huis.gezondheid.1': 'happy',
        'huis.werk.1': 'sad',
      },
    },
  });

  const id = (built: BuiltConversation) => built.id;
  return [
    { name: 'home', user: 'daan', route: '/', ready: 'Mijn eigen gesprekken' },
    {
      name: 'prepare-vitaliteit',
      user: 'daan',
      route: `/gesprek/${id(preparing)}/voorbereiden`,
      ready: 'Energie hebben voor werk en thuis.',
    },
    {
      name: 'prepare-reflectie',
      user: 'thomas',
      route: `/gesprek/${id(reflection)}/voorbereiden`,
      ready: 'Vaker pauze nemen',
    },
    {
      name: 'prepare-goede-gesprek',
      user: 'noor',
      route: `/gesprek/${id(goals)}/voorbereiden`,
      ready: 'Mijn voorstel voor doelen',
    },
    {
      name: 'meeting-not-shared',
      user: 'jeroen',
      route: `/gesprek/${id(preparing)}/gesprek`,
      ready: /bereidt zich voor — nog niet gedeeld/,
    },
    {
      name: 'meeting',
      user: 'jeroen',
      route: `/gesprek/${id(shared)}/gesprek`,
      ready: 'Uitgerust aan de dag beginnen.',
    },
    {
      name: 'report',
      user: 'lotte',
      route: `/gesprek/${id(held)}/verslag`,
      ready: 'Wat hebben we besproken?',
    },
    {
      name: 'approve',
      user: 'esther',
      route: `/gesprek/${id(awaiting)}/akkoord`,
      ready: 'Reactie versturen',
    },
    {
      name: 'approve-author',
      user: 'ruben',
      route: `/gesprek/${id(awaiting)}/akkoord`,
      ready: /^Je hebt het verslag ondertekend en ter medeondertekening aangeboden/,
    },
    {
      name: 'approve-reflectie',
      user: 'fatima',
      route: `/gesprek/${id(offeredReflection)}/akkoord`,
      ready: 'Reactie versturen',
    },
    {
      name: 'pop',
      user: 'daan',
      route: `/gesprek/${id(done)}/pop`,
      ready: 'Persoonlijk ontwikkelingsplan (POP)',
    },
    { name: 'evaluation', user: 'daan', route: `/gesprek/${id(done)}/evaluatie`, ready: /Zelfevaluatie/ },
    { name: 'request', user: 'fatima', route: '/aanvragen', ready: 'Aanvraag versturen' },
    { name: 'plan', user: 'jeroen', route: '/plannen?employee=fatima', ready: 'Inplannen en uitnodigen' },
    { name: 'team', user: 'jeroen', route: '/team', ready: /Het teambeeld wordt niet getoond/ },
    { name: 'archive', user: 'daan', route: '/archief', ready: /Vertrouwelijk bewaard sinds/ },
    {
      name: 'archive-document',
      user: 'daan',
      route: `/archief/${id(done)}`,
      ready: 'Opgeslagen bestand openen',
    },
    {
      name: 'archive-hr',
      user: 'ingrid',
      route: '/archief',
      ready: /Als HR kun je de definitieve documenten/,
    },
  ];
}

beforeAll(async () => {
  buildTab();
  server = await startServer();
  browser = await launchBrowser();
  cases = await arrange(server);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function show(page: Page, c: PageCase, theme: string, width = 1280) {
  await page.setViewportSize({ width, height: 900 });
  await open(page, server.url, c.user, c.route, `&theme=${theme}`);
  await page.getByText(c.ready).first().waitFor();
}

const themes = ['light', 'dark', 'contrast'] as const;

describe('every page, in every Teams theme', () => {
  it('has no serious or critical axe violations, and is photographed', async () => {
    const problems: string[] = [];
    // One page per theme, side by side, to keep the suite short.
    await Promise.all(
      themes.map(async (theme) => {
        const page = await newPage(browser);
        for (const c of cases) {
          await show(page, c, theme);
          expect(
            await page.evaluate(() => document.querySelector('[data-theme]')?.getAttribute('data-theme')),
          ).toBe(theme);
          // A theme changes colours only: every rule in the light theme, the colour rules in the others.
          const axe = new AxeBuilder({ page });
          const result = await (
            theme === 'light'
              ? axe.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
              : axe.withRules(['color-contrast', 'link-in-text-block'])
          ).analyze();
          for (const v of result.violations) {
            if (v.impact === 'serious' || v.impact === 'critical') {
              problems.push(
                `${c.name}/${theme}: ${v.id} (${v.impact}) ${v.nodes
                  .slice(0, 3)
                  .map((n) => n.target.join(' '))
                  .join(' | ')}`,
              );
            }
          }
          await page.screenshot({ path: join(screenshotDir, `${c.name}-${theme}.png`), fullPage: true });
        }
        await page.context().close();
      }),
    );
    expect(problems).toEqual([]);
  }, 300_000);

  it('fits the 320 px meeting side panel without sideways scrolling, in every theme', async () => {
    const page = await newPage(browser, 320);
    for (const name of ['meeting', 'prepare-vitaliteit', 'report', 'approve', 'approve-reflectie']) {
      const c = cases.find((x) => x.name === name) as PageCase;
      for (const theme of themes) {
        await show(page, c, theme, 320);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect({ name, theme, overflow }).toEqual({ name, theme, overflow: 0 });
        await page.screenshot({ path: join(screenshotDir, `${name}-320-${theme}.png`), fullPage: true });
      }
    }
    await page.context().close();
  }, 180_000);

  it('speaks English when the locale is English', async () => {
    const page = await newPage(browser);
    const home = cases.find((x) => x.name === 'home') as PageCase;
    await open(page, server.url, home.user, home.route, '&lang=en');
    await page.getByRole('heading', { name: 'My conversations' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.screenshot({ path: join(screenshotDir, 'home-en.png'), fullPage: true });
    await page.context().close();
  }, 60_000);
});
