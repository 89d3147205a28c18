/**
 * The round card's link in Chromium: opened as the manager it was sent to, the tab shows his own reports in that
 * round; he plans with one right there from the free moments of both calendars, and she moves on to "Gepland".
 * After HR cancels the round, the same link says so and offers no planning. Screenshots at 1280 and 320 px.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from '../../src/server/app.js';
import { amsterdamDay } from '../../src/domain/index.js';
import { as, eventually, sentMessages, startTestServer } from '../support/server.js';
import { buildTab, launchBrowser, newPage, screenshotDir } from './support.js';

interface SentMessage {
  type: 'send' | 'update';
  recipientId: string;
  idempotencyKey?: string;
  card: { actions?: Array<{ url?: string }> };
}

let app: RunningApp & { dataDir: string };
let browser: Browser;
let roundId: string;
const day = (days: number) => amsterdamDay(new Date(Date.now() + days * 86_400_000));

const messages = () => sentMessages<SentMessage>(app.dataDir);

/** The link of Jeroen's round card, at the address the test server serves. */
async function jeroensLink(): Promise<string> {
  const card = await eventually(
    async () =>
      messages().find((m) => m.type === 'send' && m.idempotencyKey === `round:${roundId}:invite:jeroen`),
    30_000,
    'Jeroen’s round card',
  );
  const link = new URL(card.card.actions?.[0]?.url ?? '');
  const base = new URL(app.url);
  link.protocol = base.protocol;
  link.host = base.host;
  return link.toString();
}

async function openedAs(page: Page, userId: string): Promise<void> {
  await page.getByRole('main').waitFor();
  await page.waitForFunction(
    (id) => (document.querySelector('[data-testid="demo-user"]') as HTMLSelectElement | null)?.value === id,
    userId,
  );
}

beforeAll(async () => {
  buildTab();
  app = await startTestServer({ env: { DEMO_SEED: 'off' } });
  const started = await as(app.url, 'ingrid').post('/api/rounds', {
    type: 'goede-gesprek',
    audience: { kind: 'department', department: 'Dienstverlening' },
    period: { from: day(1), until: day(30) },
  });
  expect(started.status).toBe(201);
  roundId = started.body.round.id;
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the round card in the tab', () => {
  it('opens Jeroen’s list for the round as Jeroen, and plans with Fatima from a free moment', async () => {
    const link = await jeroensLink();
    const page = await newPage(browser);
    await page.goto(link);
    await openedAs(page, 'jeroen');
    expect(new URL(page.url()).hash).toBe(`#/rondes/${roundId}`);
    await page.getByRole('heading', { level: 3, name: 'Jouw medewerkers in deze ronde' }).waitFor();
    // His own 14 reports, each still to plan; no counts of the department.
    expect(await page.getByRole('button', { name: /^Gesprek plannen: / }).count()).toBe(14);
    expect(await page.getByTestId('round-total').count()).toBe(0);

    await page.getByRole('button', { name: 'Gesprek plannen: Fatima El Amrani' }).click();
    const slots = page.getByRole('radiogroup', { name: 'Vrije momenten voor jullie allebei' });
    await slots.getByRole('radio').first().waitFor();
    // Free moments first, then "by hand"; the first free moment is chosen.
    expect(await slots.getByRole('radio').count()).toBeGreaterThan(1);
    expect(await slots.getByRole('radio').first().isChecked()).toBe(true);
    await page.screenshot({ path: join(screenshotDir, 'round-card-plan-1280.png'), fullPage: true });
    await page.getByRole('button', { name: 'Inplannen en uitnodigen' }).click();
    await page.getByText('Uitnodiging verstuurd aan Fatima El Amrani.').waitFor();
    await page.getByTestId('report-fatima').getByText('Fatima El Amrani — Gepland').waitFor();
    expect(await page.getByRole('link', { name: 'Gesprek openen: Fatima El Amrani' }).count()).toBe(1);

    // What was planned is Fatima's conversation of the round's type, in the round's period.
    const list = await as(app.url, 'jeroen').get(`/api/rounds/${roundId}`);
    const fatima = (
      list.body.reports as Array<{ employee: { id: string }; step: string; conversationId?: string }>
    ).find((r) => r.employee.id === 'fatima');
    expect(fatima?.step).toBe('planned');
    const view = await as(app.url, 'jeroen').get(`/api/conversations/${fatima?.conversationId}`);
    expect(view.body.conversation.type).toBe('goede-gesprek');
    const plannedDay = amsterdamDay(new Date(view.body.conversation.schedule.start));
    expect(plannedDay >= day(1) && plannedDay <= day(30)).toBe(true);
    await page.context().close();
  }, 120_000);

  it('fits at 320 px, and after HR cancels the round says so and offers no planning', async () => {
    const link = await jeroensLink();
    const narrow = await newPage(browser, 320);
    await narrow.goto(link);
    await openedAs(narrow, 'jeroen');
    await narrow.getByRole('button', { name: 'Gesprek plannen: Daan Visser' }).click();
    const slots = narrow.getByRole('radiogroup', { name: 'Vrije momenten voor jullie allebei' });
    await slots.getByRole('radio').first().waitFor();
    expect(await narrow.getByRole('button', { name: 'Inplannen en uitnodigen' }).isEnabled()).toBe(true);
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await narrow.screenshot({ path: join(screenshotDir, 'round-card-plan-320.png'), fullPage: true });

    expect((await as(app.url, 'ingrid').post(`/api/rounds/${roundId}/cancel`)).status).toBe(200);
    await narrow.goto(`${link.split('#')[0]}&load=${Date.now()}#/rondes/${roundId}`);
    await openedAs(narrow, 'jeroen');
    await narrow.getByText(/Deze gespreksronde is geannuleerd/).waitFor();
    expect(await narrow.getByRole('button', { name: /^Gesprek plannen: / }).count()).toBe(0);
    await narrow.getByRole('link', { name: 'Gesprek openen: Fatima El Amrani' }).waitFor();
    await narrow.screenshot({ path: join(screenshotDir, 'round-card-cancelled-320.png'), fullPage: true });
    await narrow.context().close();
  }, 120_000);
});
