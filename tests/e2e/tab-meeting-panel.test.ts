/** The meeting page in Chromium, in the Teams side panel and at full width, and forms that guide. */
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { currentFormat, fieldsOf } from '../../src/domain/formats.js';
import type { ConversationView } from '../../src/tab/api/types.js';
import { as } from '../support/client.js';
import { buildConversation, step } from '../support/cycle.js';
import { newPage, open, screenshotDir, tabSuite, waitSaved } from './support.js';

const suite = tabSuite();

/** Every field of her vitality preparation answered: the heaviest meeting page there is. */
const everyAnswer = Object.fromEntries(
  fieldsOf(currentFormat('vitaliteit').preparation).map((f) => [
    f.id,
    f.kind === 'smiley'
      ? 'happy'
      : f.id === 'kwaliteit.betekenis'
        ? 'Uitgerust aan de dag beginnen.'
        : `Antwoord op ${f.id}, een paar woorden.`,
  ]),
);

/** Her whole vitality preparation filled and shared, for Jeroen's meeting page. */
async function sharedVitality(employee: string): Promise<string> {
  const built = await buildConversation({
    type: 'vitaliteit',
    stage: 'prepared',
    server: suite.server,
    employee,
    start: 3,
    answers: { preparation: everyAnswer },
  });
  return built.id;
}

/** A Vitaliteitsgesprek Jeroen planned, nothing prepared yet. */
async function planned(employee: string): Promise<string> {
  return (
    await buildConversation({
      type: 'vitaliteit',
      stage: 'planned',
      server: suite.server,
      employee,
      start: 3,
    })
  ).id;
}

/** What the API holds now, as `user` sees it. */
const stored = async (user: string, id: string) =>
  (await as(suite.server.url, user).get(`/api/conversations/${id}`)).body as ConversationView;

const height = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);
const themes = ['light', 'dark', 'contrast'] as const;

describe('the meeting in the Teams side panel and at full width', () => {
  it('at 320 px: no app menu, a compact header, her answers folded, and far shorter than the 5,170 px before', async () => {
    const base = suite.server.url;
    const id = await sharedVitality('sanne');
    const page = await newPage(suite.browser, 320);
    for (const theme of themes) {
      await open(page, base, 'jeroen', `/gesprek/${id}/gesprek`, `&view=zijpaneel&theme=${theme}`);
      await page.getByTestId('panel-header').waitFor();
      await page.getByRole('button', { name: 'Gesprek afronden' }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0);
      // Who, type and stage in the header; every section one tap away, with its progress.
      await expect(page.getByTestId('panel-header').innerText()).resolves.toMatch(
        /Vitaliteitsgesprek · Voorbereid/,
      );
      await page.getByRole('navigation', { name: 'Naar een onderdeel' }).waitFor();
      await page.getByTestId('to-agreements').waitFor();
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scroll).toBeLessThanOrEqual(320);
      const h = await height(page);
      console.log(`side panel 320 px (${theme}): ${h} px tall`);
      // Before: 5,170 px with the app menu, the timeline and every statement in full.
      expect(h).toBeLessThan(3000);
      await page.screenshot({ path: join(screenshotDir, `panel-meeting-320-${theme}.png`), fullPage: true });
    }
    // Her answers open per section: face and statement.
    await page.getByRole('button', { name: /^Gezondheid/ }).click();
    await page.getByText('Ik voel me lichamelijk fit genoeg voor mijn werk.').waitFor();
    // The agreements always at hand: the jump in the sticky bar goes to them.
    await page.getByTestId('to-agreements').click();
    await page.getByRole('button', { name: 'Afspraak toevoegen' }).waitFor();
    await page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
    await page.getByLabel('Afspraak 1').fill('Elke dag een wandeling in de lunchpauze.');
    await waitSaved(page);
    await expect(page.getByTestId('to-agreements').innerText()).resolves.toBe('Afspraken (1)');

    // Afronden asks inline in the panel (no modal dialog there), and the result stands where he is.
    await page.getByRole('button', { name: 'Gesprek afronden' }).click();
    const confirm = page.getByTestId('confirm-inline');
    await confirm.waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await expect(confirm.innerText()).resolves.toMatch(/liggen daarna vast/);
    await confirm.getByRole('button', { name: 'Afronden' }).click();
    await page.getByTestId('step-result').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'step-result',
    );
    await expect(page.getByLabel('Afspraak 1').isDisabled()).resolves.toBe(true);
    expect((await stored('jeroen', id)).conversation.stage).toBe('held');
    await page.screenshot({ path: join(screenshotDir, 'panel-meeting-320-completed.png'), fullPage: true });
    await page.context().close();
  }, 240_000);

  it('at 1280 px: the full meeting view keeps the app menu and asks in a dialog', async () => {
    const base = suite.server.url;
    const id = await sharedVitality('daan');
    const page = await newPage(suite.browser, 1280);
    for (const theme of themes) {
      await open(page, base, 'jeroen', `/gesprek/${id}/gesprek`, `&theme=${theme}`);
      await page.getByRole('button', { name: 'Gesprek afronden' }).waitFor();
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
      console.log(`full meeting view 1280 px (${theme}): ${await height(page)} px tall`);
      await page.screenshot({ path: join(screenshotDir, `meeting-1280-${theme}.png`), fullPage: true });
    }
    // The same page in a 320 px window outside Teams is laid out as the side panel.
    await page.setViewportSize({ width: 320, height: 900 });
    await page.getByTestId('panel-header').waitFor();
    for (const theme of themes) {
      await open(page, base, 'jeroen', `/gesprek/${id}/gesprek`, `&theme=${theme}`);
      await page.getByTestId('panel-header').waitFor();
      await page.getByRole('button', { name: 'Gesprek afronden' }).waitFor();
      await page.screenshot({ path: join(screenshotDir, `meeting-320-${theme}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
    await page.getByRole('button', { name: 'Gesprek afronden' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Terug' }).click();
    await page.context().close();
  }, 240_000);
});

describe('forms that guide', () => {
  it('a 12,000-character answer is marked with the limit and does not stop the other fields from saving', async () => {
    const base = suite.server.url;
    const id = await planned('thomas');
    const page = await newPage(suite.browser, 1280);
    await open(page, base, 'thomas', `/gesprek/${id}/voorbereiden`);
    const long = page.locator('#field-wrap-kwaliteit\\.betekenis textarea');
    await long.fill('x'.repeat(12_000));
    const field = page.locator('#field-wrap-kwaliteit\\.betekenis');
    await field.getByText(/Te lang: maximaal 10\.000 tekens/).waitFor();
    await expect(field.getByTestId('char-count').innerText()).resolves.toBe('12.000 / 10.000 tekens');
    await expect(long.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.locator('#field-wrap-behoeften\\.verbeterpunten textarea').fill('Minder avondwerk.');
    await page
      .getByTestId('save-status')
      .filter({ hasText: '1 antwoord is te lang en nog niet bewaard; de rest is opgeslagen' })
      .waitFor({ timeout: 20_000 });
    const status = await page.getByTestId('save-status').innerText();
    expect(status).not.toMatch(/too_big|String must|Too big|format:/i);
    const view = await stored('thomas', id);
    expect(view.conversation.preparation['behoeften.verbeterpunten']).toBe('Minder avondwerk.');
    expect(view.conversation.preparation['kwaliteit.betekenis']).toBeUndefined();
    // Shortened, it is saved too.
    await long.fill('Uitgerust aan de dag beginnen.');
    await waitSaved(page);
    const after = await stored('thomas', id);
    expect(after.conversation.preparation['kwaliteit.betekenis']).toBe('Uitgerust aan de dag beginnen.');
    await page.context().close();
  }, 180_000);

  it('a submit with missing fields lists them at the top, marks them and moves focus to the first', async () => {
    const base = suite.server.url;
    const id = await planned('noor');
    const page = await newPage(suite.browser, 1280);
    await open(page, base, 'noor', `/gesprek/${id}/voorbereiden`);
    await page.locator('#field-wrap-behoeften\\.verbeterpunten textarea').fill('Minder avondwerk.');
    await waitSaved(page);
    await page.getByRole('button', { name: 'Voorbereiding delen' }).click();
    const summary = page.getByTestId('form-problems');
    await summary.waitFor();
    await expect(summary.innerText()).resolves.toMatch(/Wat betekent vitaliteit voor jou persoonlijk\?/);
    expect(
      await page.evaluate(() => {
        const active = document.activeElement;
        return `${active?.tagName}:${active?.closest('[id^="field-wrap-"]')?.id}`;
      }),
    ).toBe('TEXTAREA:field-wrap-kwaliteit.betekenis');
    await expect(
      page.locator('#field-wrap-kwaliteit\\.betekenis textarea').getAttribute('aria-invalid'),
    ).resolves.toBe('true');
    await page.locator('#field-wrap-kwaliteit\\.betekenis').getByText('Vul dit nog in.').waitFor();
    // Nothing was sent: no dialog, no generic error.
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.getByText('Er ging iets mis').count()).toBe(0);
    await page.screenshot({ path: join(screenshotDir, 'prepare-missing-1280.png'), fullPage: false });
    // Filled in, the share asks first in a dialog that says what happens next.
    const missing = await summary.getByRole('button').allInnerTexts();
    expect(missing.length).toBeGreaterThan(0);
    await page.context().close();
  }, 180_000);

  it('the manager reacts to her progress and course per goal instead of retyping them; his note reaches the final format', async () => {
    const base = suite.server.url;
    // She shares how far her goal has come, and keeps its course.
    const { id } = await buildConversation({
      type: 'reflectie',
      stage: 'prepared',
      server: suite.server,
      employee: 'fatima',
      start: 3,
      earlierGoals: { resultaat: [{ id: 'g3', title: 'Wachttijd aan de balie onder 10 minuten' }] },
      texts: { progress: 'Nu gemiddeld 12 minuten.' },
    });
    const page = await newPage(suite.browser, 320);
    await open(page, base, 'jeroen', `/gesprek/${id}/gesprek`, '&view=zijpaneel');
    const hers = page.getByTestId('employee-review').first();
    await hers.waitFor();
    await expect(hers.innerText()).resolves.toMatch(/Nu gemiddeld 12 minuten\.[\s\S]*Koers vervolgen/);
    await page
      .getByLabel('Jouw reactie: Wachttijd aan de balie onder 10 minuten')
      .fill('Goed op weg; de piek op maandag blijft.');
    await waitSaved(page);
    await page.screenshot({ path: join(screenshotDir, 'panel-reflectie-320-light.png'), fullPage: true });
    await step(as(base, 'jeroen'), id, { type: 'complete-meeting' });
    await open(page, base, 'jeroen', `/gesprek/${id}/verslag`, '&view=zijpaneel');
    const notes = page.getByTestId('goal-notes');
    await notes.waitFor();
    await expect(notes.innerText()).resolves.toMatch(/Goed op weg; de piek op maandag blijft\./);
    // An empty final format cannot be offered: each outcome item filled or "niet van toepassing".
    await page.getByRole('button', { name: 'Ter ondertekening aanbieden' }).click();
    await page.getByTestId('form-problems').waitFor();
    expect(await page.getByTestId('confirm-inline').count()).toBe(0);
    for (const box of await page.getByRole('checkbox', { name: 'Niet van toepassing' }).all())
      await box.check();
    await waitSaved(page);
    await page.getByRole('button', { name: 'Ter ondertekening aanbieden' }).click();
    await page.getByTestId('confirm-inline').getByRole('button', { name: 'Aanbieden' }).click();
    await page.getByTestId('step-result').waitFor();
    await page.screenshot({ path: join(screenshotDir, 'panel-report-320-offered.png'), fullPage: true });
    await page.context().close();
  }, 240_000);
});
