import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ConversationView } from '../../src/tab/api/types.js';
import {
  apiAs,
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

function slot(daysAhead: number) {
  const start = new Date(Date.now() + daysAhead * 86_400_000);
  start.setUTCHours(9, 0, 0, 0);
  return { start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() };
}

/** Runs commands as a user, each on the revision it just read. */
async function run(base: string, user: string, id: string, ...commands: Array<Record<string, unknown>>) {
  const call = apiAs(base, user);
  let view = await call<ConversationView>('GET', `/api/conversations/${id}`);
  for (const command of commands) {
    try {
      view = await call<ConversationView>('POST', `/api/conversations/${id}/commands`, {
        revision: view.conversation.revision,
        command,
      });
    } catch {
      // The calendar effect may have bumped the revision just now: read again and retry once.
      view = await call<ConversationView>('GET', `/api/conversations/${id}`);
      view = await call<ConversationView>('POST', `/api/conversations/${id}/commands`, {
        revision: view.conversation.revision,
        command,
      });
    }
  }
  return view;
}

const report = {
  'verslag.samenvatting': 'We bespraken werkdruk, beweging en de balans met thuis.',
  'verslag.afspraken': [
    { id: 'a1', text: 'Elke dag een wandeling in de lunchpauze.', owner: 'employee', due: '2027-01-31' },
  ],
};

/** Conversations in every stage a page needs, arranged through the API. */
async function arrange(base: string): Promise<PageCase[]> {
  const jeroen = apiAs(base, 'jeroen');
  const esther = apiAs(base, 'esther');
  const plan = (as: typeof jeroen, body: Record<string, unknown>) =>
    as<ConversationView>('POST', '/api/conversations', body);

  const reflection = await plan(jeroen, {
    employeeId: 'thomas',
    type: 'reflectie',
    ...slot(4),
    earlierGoals: {
      'vitaliteit-werkplezier': [{ id: 'g1', title: 'Vaker pauze nemen' }],
      'kennis-competenties': [{ id: 'g2', title: 'Cursus klantgesprekken afronden' }],
      resultaat: [{ id: 'g3', title: 'Wachttijd aan de balie onder 10 minuten' }],
    },
  });
  const goals = await plan(jeroen, { employeeId: 'noor', type: 'goede-gesprek', ...slot(5) });
  // Shared: the manager sees her statements read-only and takes notes per topic.
  const shared = await plan(jeroen, { employeeId: 'sanne', type: 'vitaliteit', ...slot(3) });
  await run(
    base,
    'sanne',
    shared.conversation.id,
    {
      type: 'save-preparation',
      answers: {
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
    { type: 'submit-preparation' },
  );
  // A final format offered to the employee: akkoord, voor gezien or niet akkoord.
  const offeredReflection = await plan(jeroen, { employeeId: 'fatima', type: 'reflectie', ...slot(2) });
  await run(
    base,
    'jeroen',
    offeredReflection.conversation.id,
    { type: 'complete-meeting' },
    {
      type: 'save-report',
      answers: {
        'resultaat.facilitering': 'Een vervolgcursus timemanagement in het voorjaar.',
        'resultaat.inrichting': 'Niet van toepassing',
        'resultaat.bijstellingen': 'Niet van toepassing',
        'resultaat.afspraken': [{ id: 'r1', text: 'Klantpanel per kwartaal opzetten', owner: 'employee' }],
      },
    },
    { type: 'submit-report' },
  );
  const held = await plan(esther, { employeeId: 'lotte', type: 'vitaliteit', ...slot(2) });
  await run(base, 'esther', held.conversation.id, { type: 'complete-meeting' });
  const awaiting = await plan(esther, { employeeId: 'ruben', type: 'vitaliteit', ...slot(1) });
  await run(base, 'esther', awaiting.conversation.id, { type: 'complete-meeting' });
  await run(
    base,
    'ruben',
    awaiting.conversation.id,
    { type: 'save-report', answers: report },
    { type: 'submit-report' },
  );
  const done = await plan(jeroen, { employeeId: 'daan', type: 'vitaliteit', ...slot(1) });
  await run(base, 'jeroen', done.conversation.id, { type: 'complete-meeting' });
  await run(
    base,
    'daan',
    done.conversation.id,
    { type: 'save-report', answers: report },
    { type: 'submit-report' },
  );
  // She signed by offering; the manager co-signs.
  await run(base, 'jeroen', done.conversation.id, { type: 'decide', version: 1, decision: 'akkoord' });
  await run(base, 'daan', done.conversation.id, {
    type: 'save-pop',
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
  // Wait for the outbox to archive it.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const view = await apiAs(base, 'daan')<ConversationView>(
      'GET',
      `/api/conversations/${done.conversation.id}`,
    );
    if (view.conversation.archive) break;
    if (Date.now() > deadline) throw new Error('not archived in time');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  // His next one, once the first is signed: one open conversation of a type at a time.
  const preparing = await plan(jeroen, { employeeId: 'daan', type: 'vitaliteit', ...slot(3) });
  await run(base, 'daan', preparing.conversation.id, {
    type: 'save-preparation',
    answers: {
      'kwaliteit.betekenis': 'Energie hebben voor werk en thuis.',
      'huis.gezondheid.1': 'happy',
      'huis.werk.1': 'sad',
    },
  });

  const id = (v: ConversationView) => v.conversation.id;
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
  cases = await arrange(server.url);
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
          const result = await new AxeBuilder({ page })
            .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
            .analyze();
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
