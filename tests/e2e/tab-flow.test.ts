/** The tab in Chromium: a Vitaliteitsgesprek from plan to archive; voor gezien in a Reflectiegesprek. */
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { currentFormat, fieldsOf } from '../../src/domain/formats.js';
import { buildConversation } from '../fixtures/build-conversation.js';
import { fillByKeyboard, newPage, open, screenshotDir, tabSuite, waitSaved } from './support.js';

const suite = tabSuite();

async function conversationIdFrom(page: Page): Promise<string> {
  // Planning lands on the conversation's overview, which says the invitation went.
  await page.waitForURL(/#\/gesprek\/[^/?]+\?uitgenodigd=1/);
  const match = /#\/gesprek\/([^/?]+)/.exec(page.url());
  if (!match?.[1]) throw new Error(`no conversation id in ${page.url()}`);
  return match[1];
}

/**
 * Chooses a reaction on the Ondertekening page and sends it; every reaction asks first (`confirm`: the button that
 * confirms it in the dialog), unless the form refuses it before that.
 */
async function decide(page: Page, choice: RegExp, comment?: string, confirm?: string) {
  await page.getByRole('radio', { name: choice }).check();
  if (comment) await page.getByLabel(/Wat moet er anders\?|Jouw opmerking/).fill(comment);
  await page.getByRole('button', { name: 'Reactie versturen' }).click();
  // A dialog at full width, inline when the window is as narrow as the side panel.
  if (confirm)
    await page
      .getByRole('dialog')
      .or(page.getByTestId('confirm-inline'))
      .getByRole('button', { name: confirm })
      .click();
}

/** What the vitality format asks of her: statements (one smiley group each) and text questions. */
const vitality = fieldsOf(currentFormat('vitaliteit').preparation);

/**
 * A Vitaliteitsgesprek from planning to its confidential filing, through the tab only: the manager plans, the
 * employee prepares with the keyboard alone and shares it, the manager sees her statements read-only and takes
 * notes per topic, the employee writes the report and signs it by offering it, the manager sends it back once and
 * co-signs version 2, and the filed record appears.
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
  await staff
    .getByTestId('share-info')
    .getByText(/pas als je kiest voor ‘Voorbereiding delen’/)
    .waitFor();

  // Before she shares, her manager sees that she prepares, never what.
  await open(manager, suite.server.url, 'jeroen', `/gesprek/${id}/gesprek`);
  await manager
    .getByText(`${employee.name} is nog niet begonnen met de voorbereiding.`, { exact: false })
    .waitFor();

  const filled = await fillByKeyboard(staff, 'Voorbereiding delen');
  expect(filled.radios).toBe(vitality.filter((f) => f.kind === 'smiley').length);
  expect(filled.texts).toBe(vitality.filter((f) => f.kind === 'text').length);
  await waitSaved(staff);
  await open(manager, suite.server.url, 'jeroen', `/gesprek/${id}/gesprek`);
  await manager
    .getByText(`${employee.name} bereidt zich voor — nog niet gedeeld.`, { exact: false })
    .waitFor();
  expect(await manager.getByText('Antwoord 1', { exact: true }).count()).toBe(0);
  await staff.getByRole('button', { name: 'Voorbereiding delen' }).focus();
  await staff.keyboard.press('Enter');
  // Sharing asks first (a dialog at full width, inline in the side panel), saying what happens next.
  await staff.getByRole('button', { name: 'Delen', exact: true }).click();
  await staff.getByText('Je hebt je voorbereiding gedeeld met je leidinggevende.').waitFor();

  // The meeting: Jeroen sees her statements read-only and takes notes per topic; he rates nothing.
  await open(manager, suite.server.url, 'jeroen', `/gesprek/${id}/gesprek`);
  await manager.getByText('Antwoord 1', { exact: true }).first().waitFor();
  await manager.getByRole('heading', { name: `Stellingen van ${employee.name}` }).waitFor();
  expect(await manager.getByRole('radio').count()).toBe(0);
  const note = manager.getByLabel('Aantekeningen van de leidinggevende — 1. Inzicht in kwaliteit');
  await note.fill('Fit blijven in een druk team.');
  await waitSaved(manager);
  // The meeting page must fit the side panel: no sideways scrolling.
  expect(
    await manager.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(1);
  await manager.getByRole('button', { name: 'Gesprek afronden' }).click();
  await manager.getByRole('button', { name: 'Afronden', exact: true }).click();
  await manager
    .getByTestId('meeting-locked')
    .getByText(/Het gesprek is afgerond\./)
    .waitFor();
  // Held: what was noted stays as it was noted.
  expect(await note.isDisabled()).toBe(true);

  // The employee writes the report with an agreement.
  await open(staff, suite.server.url, employee.id, `/gesprek/${id}/verslag`);
  await staff.getByLabel('Wat hebben we besproken?').fill('We bespraken energie en werkdruk.');
  await staff.getByRole('button', { name: 'Afspraak toevoegen' }).click();
  await staff.getByLabel('Afspraak 1').fill('Elke dag een wandeling in de lunchpauze.');
  await waitSaved(staff);
  await staff.getByRole('button', { name: 'Ondertekenen en ter medeondertekening aanbieden' }).click();
  await staff.getByRole('button', { name: 'Aanbieden', exact: true }).click();
  await staff.getByText('Je hebt versie 1 ondertekend en ter medeondertekening aangeboden.').waitFor();

  // She signed by offering: no buttons for her on the Ondertekening page.
  await open(staff, suite.server.url, employee.id, `/gesprek/${id}/akkoord`);
  await staff.getByText(/^Je hebt het verslag ondertekend en ter medeondertekening aangeboden/).waitFor();
  expect(await staff.getByRole('radio').count()).toBe(0);

  // The manager sends it back, with a comment (spaces alone are refused at the field).
  await open(manager, suite.server.url, 'jeroen', `/gesprek/${id}/akkoord`);
  await decide(manager, /^Niet akkoord —/, '   ');
  await manager.getByText('Vul een toelichting in bij ‘Niet akkoord’.').waitFor();
  await decide(
    manager,
    /^Niet akkoord —/,
    'Graag ook de afspraak over thuiswerken opnemen.',
    'Niet akkoord geven',
  );
  await manager.getByText('Je reactie op versie 1 is vastgelegd.').waitFor();

  // Back to the employee: the comment and the changes against version 1.
  await open(staff, suite.server.url, employee.id, `/gesprek/${id}/verslag`);
  await staff
    .getByText('Jeroen Bakker heeft versie 1 niet akkoord gegeven; jij maakt een nieuwe versie.')
    .waitFor();
  await staff.getByText('Graag ook de afspraak over thuiswerken opnemen.').waitFor();
  await staff.getByRole('button', { name: 'Afspraak toevoegen' }).click();
  await staff.getByLabel('Afspraak 2').fill('Twee dagen per week thuiswerken.');
  await waitSaved(staff);
  await staff.getByText(/Toegevoegd: Twee dagen per week thuiswerken/).waitFor();
  await staff.getByRole('button', { name: 'Ondertekenen en ter medeondertekening aanbieden' }).click();
  await staff.getByRole('button', { name: 'Aanbieden', exact: true }).click();
  await staff.getByText('Je hebt versie 2 ondertekend en ter medeondertekening aangeboden.').waitFor();

  // The manager co-signs version 2.
  await open(manager, suite.server.url, 'jeroen', `/gesprek/${id}/akkoord`);
  await decide(manager, /^Medeondertekenen —/, undefined, 'Medeondertekenen');
  await manager.getByText('Je reactie op versie 2 is vastgelegd.').waitFor();
  await manager
    .getByTestId('signature-block')
    .getByText(/^Je hebt medeondertekend — /)
    .waitFor();

  // The outbox archives it: wait for the record on the archive page.
  const deadline = Date.now() + 60_000;
  for (;;) {
    await open(staff, suite.server.url, employee.id, '/archief');
    await staff.getByRole('heading', { name: 'Mijn definitieve documenten' }).waitFor();
    if (await staff.getByTestId(`archived-${id}`).count()) break;
    if (Date.now() > deadline) throw new Error('conversation was not archived within 60 s');
    await staff.waitForTimeout(1000);
  }
  await staff.getByTestId(`archived-${id}`).getByRole('link').click();
  await staff.getByRole('link', { name: 'Opgeslagen bestand openen' }).waitFor();
  await staff.getByText(/^Vertrouwelijk bewaard sinds /).waitFor();
  await staff.getByText(/^Jeroen Bakker heeft medeondertekend — /).waitFor();
  expect(await staff.getByText(/akkoord/).count()).toBe(0);
  expect(await staff.getByText(/Twee dagen per week thuiswerken/).count()).toBeGreaterThan(0);

  // Without horizontal scrolling, also in the side panel.
  const overflow = await staff.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);

  // HR: at most a content-free record, never a link to the document.
  const hr = await newPage(suite.browser, width);
  await open(hr, suite.server.url, 'ingrid', '/archief');
  await hr.getByText(/Van een Vitaliteitsgesprek zie je hooguit/).waitFor();
  const row = hr.getByTestId(`hr-row-${id}`);
  if (await row.count()) {
    await row.getByText('Alleen registratie: de inhoud wordt vertrouwelijk bewaard').waitFor();
    expect(await row.getByRole('link').count()).toBe(0);
  }
  await hr.context().close();

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

/** A Reflectiegesprek whose final format Jeroen offered to the employee, held without a preparation. */
async function offeredReflection(employeeId: string): Promise<string> {
  const { id } = await buildConversation({
    type: 'reflectie',
    stage: 'awaiting_approval',
    server: suite.server,
    employee: employeeId,
    start: 2,
    answers: { preparation: 'none', completion: {} },
  });
  return id;
}

const remark = 'Gezien; de werkdruk in het voorjaar zie ik anders.';
const explanation =
  'Je geeft aan dat je het verslag hebt gezien, zonder het overal mee eens te zijn. Het document wordt daarmee definitief en gaat met jouw opmerking naar je personeelsdossier. Wil je een aanpassing? Kies dan ‘Niet akkoord’.';

/**
 * A Reflectiegesprek where the employee chooses voor gezien with a remark: she reads what it means before it is
 * sent (a dialog at full width, inline in the side panel), and afterwards every line about her says voor gezien
 * with her remark, never akkoord.
 */
async function voorGezien(employeeId: string, width: number, sidePanel: boolean) {
  const id = await offeredReflection(employeeId);
  const staff = await newPage(suite.browser, width);
  const extra = sidePanel ? '&view=zijpaneel' : '';
  await open(staff, suite.server.url, employeeId, `/gesprek/${id}/akkoord`, extra);
  await staff.getByRole('radio', { name: /^Voor gezien —/ }).check();
  await staff.getByLabel(/Jouw opmerking/).fill('   ');
  await staff.getByRole('button', { name: 'Reactie versturen' }).click();
  await staff.getByText('Vul een opmerking in bij ‘Voor gezien’.').waitFor();
  await staff.getByLabel(/Jouw opmerking/).fill(remark);
  await staff.getByText(`${remark.length} van 2.000 tekens`).waitFor();
  await staff.getByRole('button', { name: 'Reactie versturen' }).click();

  // First the text about what voor gezien does, then the confirmation.
  const confirmation = sidePanel ? staff.getByTestId('confirm-inline') : staff.getByRole('dialog');
  await confirmation.getByText(explanation).waitFor();
  expect(await staff.getByRole('dialog').count()).toBe(sidePanel ? 0 : 1);
  await staff.screenshot({
    path: join(screenshotDir, `voor-gezien-confirm-${sidePanel ? 'side-panel' : width}.png`),
    fullPage: true,
  });
  await confirmation.getByRole('button', { name: 'Voor gezien bevestigen' }).click();
  await staff.getByText('Je reactie op versie 1 is vastgelegd.').waitFor();
  await staff.getByText('We wachten nog op de reactie van Jeroen Bakker.').waitFor();

  // Jeroen agrees: the version is final, and the approval page says what each chose.
  const manager = await newPage(suite.browser, width);
  await open(manager, suite.server.url, 'jeroen', `/gesprek/${id}/akkoord`, extra);
  const employeeName = await manager.getByTestId('signature-block').innerText();
  expect(employeeName).toMatch(/: voor gezien — /);
  await manager.getByRole('radio', { name: /^Akkoord —/ }).check();
  await manager.getByRole('button', { name: 'Reactie versturen' }).click();
  await (sidePanel ? manager.getByTestId('confirm-inline') : manager.getByRole('dialog'))
    .getByRole('button', { name: 'Akkoord geven' })
    .click();
  await manager.getByText('Je reactie op versie 1 is vastgelegd.').waitFor();

  await open(staff, suite.server.url, employeeId, `/gesprek/${id}/akkoord`, extra);
  const block = staff.getByTestId('signature-block');
  await block.getByTestId('signature-headline').waitFor();
  expect(await block.getByTestId('signature-headline').innerText()).toBe(
    `Versie 1 is definitief. Medewerker: voor gezien, met opmerking: “${remark}”. Leidinggevende: akkoord.`,
  );
  const text = await block.innerText();
  expect(text).toMatch(/Jouw reactie: voor gezien — /);
  expect(text).toContain('Je hebt voor gezien gekozen');
  expect(text).not.toMatch(/beiden akkoord|Jouw reactie: akkoord|Medewerker: akkoord/);
  expect(
    await staff.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(1);
  await staff.screenshot({
    path: join(screenshotDir, `voor-gezien-done-${sidePanel ? 'side-panel' : width}.png`),
    fullPage: true,
  });
  await staff.context().close();
  await manager.context().close();
}

describe('voor gezien in a Reflectiegesprek', () => {
  it('is explained in a dialog at desktop width, then shown as voor gezien with her remark', async () => {
    await voorGezien('thomas', 1280, false);
  }, 180_000);

  it('is explained inline in the 320 px meeting side panel, never in a modal dialog', async () => {
    await voorGezien('noor', 320, true);
  }, 180_000);
});
