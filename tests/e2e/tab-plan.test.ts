/** Planning in the tab as in Outlook, on the seeded demo year: free slots, requests, one open one a type. */
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { requestCard } from '../../src/cards/request-card.js';
import type { ConversationSummary, ConversationView, Me } from '../../src/tab/api/types.js';
import { as } from '../support/client.js';
import { buildConversation } from '../support/cycle.js';
import { newPage, open, screenshotDir, tabSuite } from './support.js';

/** The seeded demo year: Jeroen leads the team, Noor has asked for a Vitaliteitsgesprek. */
const suite = tabSuite({ demo: true });

const jeroen = () => as(suite.server.url, 'jeroen');

async function conversations(): Promise<ConversationSummary[]> {
  return (await jeroen().get('/api/conversations')).body.items as ConversationSummary[];
}

const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }) =>
  Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);

/** The free-slot radios once they are there (the last radio is "Zelf een datum en tijd kiezen"). */
async function slotRadios(page: Page) {
  await page.getByRole('radio', { name: 'Zelf een datum en tijd kiezen' }).waitFor();
  return page.getByRole('radiogroup', { name: 'Vrije momenten voor jullie allebei' }).getByRole('radio');
}

describe('planning in the tab as in Outlook', () => {
  it('plans Noor’s request from the card’s link via a free slot; the request is gone afterwards', async () => {
    const request = (await conversations()).find(
      (c) => c.employee.id === 'noor' && c.stage === 'requested',
    ) as ConversationSummary;
    expect(request).toBeDefined();

    // The link in Jeroen's request card, opened as Jeroen.
    const { card } = requestCard({
      conversation: ((await jeroen().get(`/api/conversations/${request.id}`)).body as ConversationView)
        .conversation,
      employeeName: request.employee.displayName,
      links: { authMode: 'local', publicUrl: suite.server.url, teamsAppId: 'app' },
      locale: 'nl',
    });
    const cardUrl = new URL(/"url":"([^"]+)"/.exec(JSON.stringify(card))?.[1] as string);
    const page = await newPage(suite.browser, 1280);
    await open(page, suite.server.url, 'jeroen', cardUrl.hash.slice(1));
    await page.getByText(`Je plant de aanvraag van ${request.employee.displayName}.`).waitFor();

    const radios = await slotRadios(page);
    const count = await radios.count();
    expect(count).toBeGreaterThan(3);
    // The first free moment is chosen already; Jeroen takes the second.
    expect(await radios.first().isChecked()).toBe(true);
    await radios.nth(1).check();
    await page.screenshot({ path: join(screenshotDir, 'plan-request-1280.png'), fullPage: true });
    await page.getByRole('button', { name: 'Inplannen en uitnodigen' }).click();

    // The overview of the conversation, with word that the invitation went: not the meeting form.
    await page.waitForURL(new RegExp(`#/gesprek/${request.id}\\?uitgenodigd=1`));
    await page.getByText(`Uitnodiging verstuurd aan ${request.employee.displayName}.`).waitFor();
    expect(page.url()).not.toMatch(/\/gesprek\?|\/gesprek$/);

    const after = await conversations();
    const planned = after.find((c) => c.id === request.id) as ConversationSummary;
    expect(planned.stage).toBe('planned');
    expect(after.filter((c) => c.employee.id === 'noor' && c.stage === 'requested')).toEqual([]);
    // The free slot was free: no other scheduled conversation of Jeroen's overlaps it.
    const others = after.filter((c) => c.id !== request.id && c.schedule && c.stage !== 'cancelled');
    expect(others.length).toBeGreaterThan(3);
    expect(others.filter((c) => overlaps(c.schedule!, planned.schedule!))).toEqual([]);

    // The team row offers plain planning again.
    await open(page, suite.server.url, 'jeroen', '/team');
    const row = page.getByTestId('member-noor');
    await row.getByRole('link', { name: /^Plannen/ }).waitFor();
    expect(await row.getByRole('link', { name: /Aanvraag plannen/ }).count()).toBe(0);
    await page.context().close();
  }, 180_000);

  it('refuses a second Vitaliteitsgesprek for the same employee at the type field, with a link to the open one', async () => {
    const daan = (await conversations()).find(
      (c) => c.employee.id === 'daan' && c.type === 'vitaliteit' && c.stage === 'planned',
    ) as ConversationSummary;
    expect(daan).toBeDefined();
    const page = await newPage(suite.browser, 1280);
    await open(page, suite.server.url, 'jeroen', '/plannen?employee=daan');
    await slotRadios(page);
    await page.getByRole('button', { name: 'Inplannen en uitnodigen' }).click();
    const refusal = page.getByTestId('plan-open');
    await refusal
      .getByText(/loopt al een gesprek van deze soort: Vitaliteitsgesprek, fase ‘Gepland’/)
      .waitFor();
    const link = refusal.getByRole('link', { name: 'Lopend gesprek openen' });
    expect(await link.getAttribute('href')).toBe(`#/gesprek/${daan.id}`);
    expect(await page.getByText(/Invalid|expected/).count()).toBe(0);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(screenshotDir, 'plan-already-open-1280.png'), fullPage: true });
    await page.context().close();
  }, 120_000);

  it('offers “Plan deze aanvraag” when the open one is a request, and plans that request', async () => {
    const me = (await jeroen().get('/api/me')).body as Me;
    const all = await conversations();
    const openVitality = new Set(
      all
        .filter((c) => c.type === 'vitaliteit' && !['approved', 'archived', 'cancelled'].includes(c.stage))
        .map((c) => c.employee.id),
    );
    const free = me.reports.find((r) => !openVitality.has(r.id));
    if (!free) throw new Error('every report of Jeroen has an open Vitaliteitsgesprek');
    const asked = await buildConversation({
      type: 'vitaliteit',
      stage: 'requested',
      server: suite.server,
      employee: free.id,
    });

    const page = await newPage(suite.browser, 1280);
    await open_(page, `/plannen?employee=${free.id}`);
    await slotRadios(page);
    await page.getByRole('button', { name: 'Inplannen en uitnodigen' }).click();
    const refusal = page.getByTestId('plan-open');
    await refusal
      .getByText(`${free.displayName} heeft zelf al om een Vitaliteitsgesprek gevraagd.`, { exact: false })
      .waitFor();
    await refusal.getByRole('button', { name: 'Plan deze aanvraag' }).click();
    await page.waitForURL(new RegExp(`#/gesprek/${asked.id}\\?uitgenodigd=1`));
    await page.getByText(`Uitnodiging verstuurd aan ${free.displayName}.`).waitFor();
    const planned = (await conversations()).filter(
      (c) => c.employee.id === free.id && c.type === 'vitaliteit',
    );
    expect(planned.filter((c) => c.stage === 'requested')).toEqual([]);
    expect(planned.find((c) => c.id === asked.id)?.stage).toBe('planned');
    await page.context().close();
  }, 120_000);

  it.each([
    [1280, 'light'],
    [1280, 'dark'],
    [320, 'light'],
    [320, 'dark'],
  ] as const)(
    'shows the plan page at %i px in %s',
    async (width, theme) => {
      const page = await newPage(suite.browser, width);
      await open(
        page,
        suite.server.url,
        'jeroen',
        '/plannen?employee=fatima&type=goede-gesprek',
        `&theme=${theme}`,
      );
      await slotRadios(page);
      // Past the buttons' colour transition, so the shot shows them as they stay.
      await page.waitForTimeout(500);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scroll).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(screenshotDir, `plan-${width}-${theme}.png`), fullPage: true });
      await page.context().close();
    },
    120_000,
  );
});

/** Opens a route as Jeroen. */
function open_(page: Page, route: string): Promise<void> {
  return open(page, suite.server.url, 'jeroen', route);
}
