/**
 * "Zo is de cirkel rond" in Chromium: a signed conversation with agreements and a POP, then the next one. The
 * employee sees the previous agreements while preparing and says how each went; her manager sees that only once
 * she shared her preparation. Across types, the Reflectiegesprek opens with Het Goede Gesprek's goals.
 */
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Agreement } from '../../src/domain/index.js';
import type { ConversationView } from '../../src/tab/api/types.js';
import { buildConversation } from '../fixtures/build-conversation.js';
import { as } from '../support/client.js';
import { newPage, open, screenshotDir, tabSuite, waitSaved } from './support.js';

const suite = tabSuite();

const agreements: Agreement[] = [
  { id: 'a1', text: 'Elke dag een wandeling in de lunchpauze.', owner: 'employee', due: '2027-01-31' },
  { id: 'a2', text: 'Een vaste thuiswerkdag op woensdag.', owner: 'both' },
];

/** A signed Vitaliteitsgesprek of Daan with two agreements (no POP yet), held without a preparation. */
async function signedVitality(): Promise<string> {
  const { id } = await buildConversation({
    type: 'vitaliteit',
    stage: 'approved',
    server: suite.server,
    employee: 'daan',
    start: 1,
    answers: {
      preparation: 'none',
      completion: {},
      report: {
        'verslag.samenvatting': 'We bespraken werkdruk, beweging en de balans met thuis.',
        'verslag.afspraken': agreements,
      },
    },
  });
  return id;
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('the circle closes', () => {
  it('a Vitaliteitsgesprek opens with the previous agreements, their status and the POP', async () => {
    const firstId = await signedVitality();

    // The POP, made from the report's agreements in one click.
    const staff = await newPage(suite.browser);
    await open(staff, suite.server.url, 'daan', `/gesprek/${firstId}/pop`);
    await staff.getByRole('button', { name: 'Maak een POP van de afspraken' }).click();
    await staff.getByLabel('Mijn doel — Onderdeel 1').waitFor();
    expect(await staff.getByLabel('Mijn doel — Onderdeel 1').inputValue()).toBe(agreements[0]!.text);
    // Made from agreements, the actions are still empty: marked at the field, nothing saved yet.
    await staff
      .getByText('Schrijf op wat je gaat doen; alleen spaties worden niet bewaard.')
      .first()
      .waitFor();
    await staff.getByLabel('Wat ga ik doen — Onderdeel 1').fill('Om 12:30 een half uur naar buiten.');
    await staff.getByLabel('Wat ga ik doen — Onderdeel 2').fill('Woensdag in de agenda blokkeren.');
    await staff
      .getByLabel('Welke ondersteuning heb ik nodig (optioneel) — Onderdeel 2')
      .fill('Een laptop voor thuis.');
    await staff.getByLabel('Stand — Onderdeel 2').selectOption('loopt');
    await waitSaved(staff);
    await shoot(staff, 'circle-pop-light');
    await staff
      .getByTestId('pop-item-2')
      .screenshot({ path: join(screenshotDir, 'circle-pop-item-light.png') });
    const saved = (await as(suite.server.url, 'daan').get(`/api/conversations/${firstId}`))
      .body as ConversationView;
    expect(saved.conversation.pop?.items.map((i) => [i.goal, i.status, i.agreementId])).toEqual([
      [agreements[0]!.text, 'open', 'a1'],
      [agreements[1]!.text, 'loopt', 'a2'],
    ]);

    // The self-evaluation before the next conversation.
    await open(staff, suite.server.url, 'daan', `/gesprek/${firstId}/evaluatie`);
    await staff.getByLabel(/^Terugblik — Onderdeel 1/).fill('Lukt bijna elke dag.');
    await staff.getByLabel('Terugblik in het geheel').fill('Meer energie, de thuiswerkdag helpt.');
    await waitSaved(staff);

    // The next one, planned; the employee prepares.
    const { id } = await buildConversation({
      type: 'vitaliteit',
      stage: 'preparing',
      server: suite.server,
      employee: 'daan',
      start: 60,
      previousId: firstId,
    });
    await open(staff, suite.server.url, 'daan', `/gesprek/${id}/voorbereiden`);
    const previous = staff.getByTestId('previous-conversation');
    await previous.getByRole('heading', { name: 'Het vorige gesprek' }).waitFor();
    await previous.getByText('Medewerker: ondertekend en aangeboden. Leidinggevende: akkoord.').waitFor();
    await previous.getByText('Meer energie, de thuiswerkdag helpt.').waitFor();
    const first = previous.getByTestId('agreement-a1');
    await first.getByRole('radio', { name: 'Loopt' }).check();
    await first.getByRole('textbox').fill('Lukt vier van de vijf dagen.');
    await waitSaved(staff);

    // Until she shares, her manager sees that she prepares, not how the agreements went.
    const manager = await newPage(suite.browser);
    await open(manager, suite.server.url, 'jeroen', `/gesprek/${id}/gesprek`);
    await manager.getByTestId('follow-up-not-shared').waitFor();
    expect(await manager.getByText('Lukt vier van de vijf dagen.').count()).toBe(0);

    // The preparation page, photographed at both widths in every Teams theme.
    for (const theme of ['light', 'dark', 'contrast']) {
      for (const width of [1280, 320]) {
        await staff.setViewportSize({ width, height: 900 });
        await open(staff, suite.server.url, 'daan', `/gesprek/${id}/voorbereiden`, `&theme=${theme}`);
        await staff.getByTestId('agreement-a1').getByText('Lukt vier van de vijf dagen.').waitFor();
        if (width === 320) expect(await noSidewaysScroll(staff)).toBeLessThanOrEqual(0);
        await shoot(staff, `circle-prepare-${width}-${theme}`);
        await staff
          .getByTestId('previous-conversation')
          .screenshot({ path: join(screenshotDir, `circle-previous-${width}-${theme}.png`) });
      }
    }
    await staff.setViewportSize({ width: 1280, height: 900 });

    // She shares; now the manager sees her status beside each agreement in the meeting view.
    await staff.getByRole('button', { name: /^Voorbereiding (afronden|delen)$/ }).click();
    await staff.getByRole('button', { name: 'Delen', exact: true }).click();
    await staff
      .getByText(/^(Je voorbereiding is afgerond en gedeeld|Je hebt je voorbereiding gedeeld)/)
      .waitFor();
    await manager.setViewportSize({ width: 320, height: 900 });
    await open(manager, suite.server.url, 'jeroen', `/gesprek/${id}/gesprek`);
    const seen = manager.getByTestId('previous-conversation').getByTestId('agreement-a1');
    await seen.getByText('Loopt', { exact: true }).waitFor();
    await seen.getByText('— Lukt vier van de vijf dagen.').waitFor();
    await manager
      .getByTestId('previous-conversation')
      .getByTestId('agreement-a2')
      .getByText('Geen stand gegeven')
      .waitFor();
    expect(await noSidewaysScroll(manager)).toBeLessThanOrEqual(0);
    await shoot(manager, 'circle-meeting-320-light');
    await manager
      .getByTestId('previous-conversation')
      .screenshot({ path: join(screenshotDir, 'circle-previous-meeting-320-light.png') });
    await staff.context().close();
    await manager.context().close();
  }, 240_000);

  it('a Reflectiegesprek opens with the goals of Het Goede Gesprek, for both', async () => {
    const goals = await buildConversation({
      type: 'goede-gesprek',
      stage: 'approved',
      server: suite.server,
      employee: 'noor',
      start: 2,
      answers: {
        preparation: 'none',
        report: {
          'doelen.kennis-competenties': [{ id: 'g1', title: 'Cursus klantgesprekken afronden' }],
          'doelen.resultaat': [{ id: 'g2', title: 'Wachttijd aan de balie onder 10 minuten' }],
        },
      },
    });
    const { id } = await buildConversation({
      type: 'reflectie',
      stage: 'planned',
      server: suite.server,
      employee: 'noor',
      start: 120,
      previousId: goals.id,
    });

    const staff = await newPage(suite.browser);
    await open(staff, suite.server.url, 'noor', `/gesprek/${id}/voorbereiden`);
    const previous = staff.getByTestId('previous-conversation');
    await previous.getByRole('heading', { name: 'Doelen uit Het Goede Gesprek' }).waitFor();
    await previous.getByText('Cursus klantgesprekken afronden').waitFor();
    await previous.getByText('Wachttijd aan de balie onder 10 minuten').waitFor();
    await previous.getByText('Medewerker: akkoord.', { exact: false }).waitFor();
    await shoot(staff, 'circle-prepare-reflectie-1280-light');

    const manager = await newPage(suite.browser, 320);
    await open(manager, suite.server.url, 'jeroen', `/gesprek/${id}/gesprek`);
    await manager
      .getByTestId('previous-conversation')
      .getByText('Wachttijd aan de balie onder 10 minuten')
      .waitFor();
    expect(await noSidewaysScroll(manager)).toBeLessThanOrEqual(0);
    await staff.context().close();
    await manager.context().close();
  }, 120_000);

  it('shows the year per employee, with the gaps the manager can plan', async () => {
    const page = await newPage(suite.browser);
    await open(page, suite.server.url, 'jeroen', '/team');
    // The team page settles (its rows and dates load) before a person's click lands on the link.
    await page.waitForLoadState('networkidle');
    await page.getByRole('link', { name: 'Jaaroverzicht van Noor Hendriks' }).click();
    await page.waitForFunction(() => window.location.hash.startsWith('#/jaar/noor'));
    await page.getByRole('heading', { level: 1, name: /^Jaaroverzicht \d{4}: Noor Hendriks$/ }).waitFor();
    await page
      .getByTestId('year-gap-vitaliteit')
      .getByRole('link', { name: /Gesprek plannen/ })
      .waitFor();
    await shoot(page, 'circle-year-1280-light');

    await open(page, suite.server.url, 'noor', '/');
    await page.getByRole('link', { name: 'Mijn jaaroverzicht' }).click();
    await page.getByRole('heading', { level: 1, name: /^Jaaroverzicht \d{4}$/ }).waitFor();
    expect(await page.getByRole('link', { name: /Gesprek plannen/ }).count()).toBe(0);
    await page.context().close();
  }, 60_000);
});
