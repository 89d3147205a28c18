import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { fillByKeyboard, newPage, open, tabSuite, waitSaved } from './support.js';

const suite = tabSuite();

async function conversationIdFrom(page: Page): Promise<string> {
  await page.waitForURL(/#\/gesprek\/[^/]+\/gesprek/);
  const match = /#\/gesprek\/([^/?]+)/.exec(page.url());
  if (!match?.[1]) throw new Error(`no conversation id in ${page.url()}`);
  return match[1];
}

async function decide(page: Page, choice: RegExp, comment?: string) {
  await page.getByRole('radio', { name: choice }).check();
  if (comment) await page.getByLabel(/Toelichting|Opmerking/).fill(comment);
  await page.getByRole('button', { name: 'Besluit versturen' }).click();
}

/**
 * A Vitaliteitsgesprek from planning to the personnel file, through the tab only: the manager plans, the
 * employee prepares with the keyboard alone, the manager completes the format in the meeting, the employee
 * writes the report, the manager sends it back once, both approve version 2, and the archive record appears.
 */
async function wholeCycle(width: number, employee: { id: string; name: string }) {
  const manager = await newPage(suite.browser, width);
  const staff = await newPage(suite.browser, width);

  // Planning by Jeroen.
  await open(manager, suite.server.url, 'jeroen', `/plannen?employee=${employee.id}`);
  await manager.getByRole('button', { name: 'Inplannen en uitnodigen' }).click();
  const id = await conversationIdFrom(manager);

  // The employee sees it on Mijn gesprekken with what is expected, and prepares by keyboard alone.
  await open(staff, suite.server.url, employee.id, '/');
  const card = staff.getByTestId(`conversation-${id}`);
  await card.getByText('Bereid het gesprek voor.').waitFor();
  await card.getByRole('link', { name: /Ga verder/ }).click();
  await staff.waitForURL(new RegExp(`#/gesprek/${id}/voorbereiden`));
  await staff.getByRole('heading', { name: 'Voorbereiden' }).waitFor();
  const filled = await fillByKeyboard(staff, 'Voorbereiding afronden');
  expect(filled.radios).toBe(21);
  expect(filled.texts).toBe(13);
  await waitSaved(staff);
  await staff.keyboard.press('Enter');
  await staff.getByText('Je voorbereiding is afgerond en gedeeld met je leidinggevende.').waitFor();

  // The meeting: Jeroen sees the employee's answers and completes the same format.
  await open(manager, suite.server.url, 'jeroen', `/gesprek/${id}/gesprek`);
  await manager.getByText('Antwoord 1', { exact: true }).first().waitFor();
  await manager
    .getByLabel('Aanvulling leidinggevende: Wat betekent vitaliteit voor jou persoonlijk?')
    .fill('Fit blijven in een druk team.');
  await waitSaved(manager);
  // The meeting page must fit the side panel: no sideways scrolling.
  expect(
    await manager.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(1);
  await manager.getByRole('button', { name: 'Gesprek afronden' }).click();
  await manager.getByText('Het gesprek is afgerond.').waitFor();

  // The employee writes the report with an agreement.
  await open(staff, suite.server.url, employee.id, `/gesprek/${id}/verslag`);
  await staff.getByLabel('Wat hebben we besproken?').fill('We bespraken energie en werkdruk.');
  await staff.getByRole('button', { name: 'Afspraak toevoegen' }).click();
  await staff.getByLabel('Afspraak 1').fill('Elke dag een wandeling in de lunchpauze.');
  await waitSaved(staff);
  await staff.getByRole('button', { name: 'Ter akkoord aanbieden' }).click();
  await staff.getByText('Versie 1 is ter akkoord aangeboden.').waitFor();

  // Employee agrees; the manager does not, with a comment.
  await open(staff, suite.server.url, employee.id, `/gesprek/${id}/akkoord`);
  await decide(staff, /^Akkoord —/);
  await staff.getByText('Je besluit over versie 1 is vastgelegd.').waitFor();
  await open(manager, suite.server.url, 'jeroen', `/gesprek/${id}/akkoord`);
  await decide(manager, /^Niet akkoord —/, 'Graag ook de afspraak over thuiswerken opnemen.');
  await manager.getByText('Je besluit over versie 1 is vastgelegd.').waitFor();

  // Back to the employee: the comment and the changes against version 1.
  await open(staff, suite.server.url, employee.id, `/gesprek/${id}/verslag`);
  await staff.getByText('Jeroen Bakker ging niet akkoord met versie 1').waitFor();
  await staff.getByText('Graag ook de afspraak over thuiswerken opnemen.').waitFor();
  await staff.getByRole('button', { name: 'Afspraak toevoegen' }).click();
  await staff.getByLabel('Afspraak 2').fill('Twee dagen per week thuiswerken.');
  await waitSaved(staff);
  await staff.getByText(/Toegevoegd: Twee dagen per week thuiswerken/).waitFor();
  await staff.getByRole('button', { name: 'Ter akkoord aanbieden' }).click();
  await staff.getByText('Versie 2 is ter akkoord aangeboden.').waitFor();

  // Both approve version 2.
  await open(staff, suite.server.url, employee.id, `/gesprek/${id}/akkoord`);
  await decide(staff, /^Akkoord —/);
  await staff.getByText('Je besluit over versie 2 is vastgelegd.').waitFor();
  await open(manager, suite.server.url, 'jeroen', `/gesprek/${id}/akkoord`);
  await decide(manager, /^Akkoord —/);
  await manager.getByText('Je besluit over versie 2 is vastgelegd.').waitFor();

  // The outbox archives it: wait for the record on the archive page.
  const deadline = Date.now() + 60_000;
  for (;;) {
    await open(staff, suite.server.url, employee.id, '/archief');
    await staff.getByRole('heading', { name: 'Definitief document' }).waitFor();
    if (await staff.getByTestId(`archived-${id}`).count()) break;
    if (Date.now() > deadline) throw new Error('conversation was not archived within 60 s');
    await staff.waitForTimeout(1000);
  }
  await staff.getByTestId(`archived-${id}`).getByRole('link').click();
  await staff.getByRole('link', { name: 'Opgeslagen bestand openen' }).waitFor();
  await staff.getByText(/Jeroen Bakker: akkoord op/).waitFor();
  expect(await staff.getByText(/Twee dagen per week thuiswerken/).count()).toBeGreaterThan(0);

  // Without horizontal scrolling, also in the side panel.
  const overflow = await staff.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);

  await manager.context().close();
  await staff.context().close();
  return id;
}

describe('the whole Vitaliteitsgesprek in the tab', () => {
  it('runs from planning to the archive at desktop width (1280 px)', async () => {
    await wholeCycle(1280, { id: 'fatima', name: 'Fatima El Amrani' });
  }, 240_000);

  it('runs from planning to the archive in the meeting side panel (320 px)', async () => {
    await wholeCycle(320, { id: 'sanne', name: 'Sanne Jansen' });
  }, 240_000);
});
