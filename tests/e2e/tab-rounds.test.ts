/**
 * HR starts a round in the tab and sees its progress as counts per department; the team lead finds the round
 * with each report and a link to plan. Screenshots at 1280 and 320 px.
 */
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { amsterdamDay } from '../../src/domain/index.js';
import { as } from '../support/client.js';
import { buildConversation } from '../support/cycle.js';
import { newPage, open, screenshotDir, tabSuite } from './support.js';

const suite = tabSuite();
const day = (days: number) => amsterdamDay(new Date(Date.now() + days * 86_400_000));

describe('Gespreksrondes in the tab', () => {
  it('lets HR start a round for a department and shows its progress', async () => {
    const page = await newPage(suite.browser);
    await open(page, suite.server.url, 'ingrid', '/rondes');
    await page.getByRole('heading', { level: 1, name: 'Gespreksrondes' }).waitFor();
    await page.getByRole('link', { name: 'Gespreksrondes' }).waitFor();

    await page.getByRole('radio', { name: 'Het Goede Gesprek' }).check();
    await page.getByRole('radio', { name: 'Een afdeling' }).check();
    await page.getByRole('combobox', { name: 'Afdeling' }).selectOption('Dienstverlening');
    await page.getByLabel('Tot en met').fill(day(45));
    await page.getByRole('button', { name: 'Ronde starten' }).click();
    await page.getByText('De ronde is gestart.').waitFor();
    await page.screenshot({ path: join(screenshotDir, 'rounds-hr-start-1280.png'), fullPage: true });

    await page.getByRole('link', { name: 'Voortgang bekijken' }).first().click();
    const total = page.getByTestId('round-total');
    await total.waitFor();
    expect(await total.textContent()).toContain('Totaal (15)');
    expect(await page.getByTestId('department-Dienstverlening').textContent()).toContain('Nog niet gepland');
    await page.screenshot({ path: join(screenshotDir, 'rounds-hr-progress-1280.png'), fullPage: true });

    // Planning one report moves the counts.
    const rounds = await as(suite.server.url, 'jeroen').get('/api/rounds');
    expect(rounds.body.toPlan.length).toBeGreaterThan(0);
    await buildConversation({
      type: 'goede-gesprek',
      stage: 'planned',
      server: suite.server,
      employee: 'bram',
      start: 3,
    });
    await page.reload();
    await total.waitFor();
    expect(await page.getByTestId('round-total').getByTestId('count-planned').textContent()).toMatch(/[1-9]/);
    await page.context().close();

    const narrow = await newPage(suite.browser, 320);
    await open(narrow, suite.server.url, 'ingrid', '/rondes');
    await narrow.getByRole('link', { name: 'Voortgang bekijken' }).first().click();
    await narrow.getByTestId('round-total').waitFor();
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await narrow.screenshot({ path: join(screenshotDir, 'rounds-hr-progress-320.png'), fullPage: true });
    await narrow.context().close();
  }, 120_000);

  it('shows the team lead the round with each report, to plan with free moments right there', async () => {
    const page = await newPage(suite.browser, 320);
    await open(page, suite.server.url, 'jeroen', '/rondes');
    await page.getByRole('heading', { level: 2, name: 'Te plannen' }).waitFor();
    const plan = page.getByRole('button', { name: /^Gesprek plannen: / }).first();
    await plan.click();
    expect(await plan.getAttribute('aria-expanded')).toBe('true');
    const slots = page.getByRole('radiogroup', { name: 'Vrije momenten voor jullie allebei' });
    await slots.getByRole('radio').first().waitFor();
    // The plan page stays a step away, for what only it offers.
    const more = page.getByRole('link', { name: 'Meer mogelijkheden op de planpagina' });
    expect(await more.getAttribute('href')).toMatch(/#\/plannen\?employee=\w+&type=goede-gesprek/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(screenshotDir, 'rounds-manager-320.png'), fullPage: true });
    await page.context().close();
  }, 60_000);
});
