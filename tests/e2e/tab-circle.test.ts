import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ConversationView } from '../../src/tab/api/types.js';
import { apiAs, newPage, open, screenshotDir, tabSuite, waitSaved } from './support.js';

/**
 * "Zo is de cirkel rond" in Chromium: a signed conversation with agreements and a POP, then the next one. The
 * employee sees the previous agreements while preparing and says how each went; her manager sees that only once
 * she shared her preparation. Across types, the Reflectiegesprek opens with Het Goede Gesprek's goals.
 */
const suite = tabSuite();

function slot(daysAhead: number) {
  const start = new Date(Date.now() + daysAhead * 86_400_000);
  start.setUTCHours(9, 0, 0, 0);
  return { start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() };
}

/** Sends commands as a user, each on the revision just read (the calendar may bump it in between). */
async function run(user: string, id: string, ...commands: Array<Record<string, unknown>>) {
  const call = apiAs(suite.server.url, user);
  let view = await call<ConversationView>('GET', `/api/conversations/${id}`);
  for (const command of commands) {
    const send = () =>
      call<ConversationView>('POST', `/api/conversations/${id}/commands`, {
        revision: view.conversation.revision,
        command,
      });
    try {
      view = await send();
    } catch {
      view = await call<ConversationView>('GET', `/api/conversations/${id}`);
      view = await send();
    }
  }
  return view;
}

const plan = (manager: string, body: Record<string, unknown>) =>
  apiAs(suite.server.url, manager)<ConversationView>('POST', '/api/conversations', body);

const vitalityPreparation = {
  'kwaliteit.betekenis': 'Energie hebben voor werk en thuis.',
  'behoeften.verbeterpunten': 'Minder avondwerk.',
  'werknemerschap.zelf': 'Vaker pauze nemen.',
  'werkgeverschap.steun': 'Een vaste thuiswerkdag.',
};

const agreements = [
  { id: 'a1', text: 'Elke dag een wandeling in de lunchpauze.', owner: 'employee', due: '2027-01-31' },
  { id: 'a2', text: 'Een vaste thuiswerkdag op woensdag.', owner: 'both' },
];

/** A signed Vitaliteitsgesprek of Daan with two agreements (no POP yet). */
async function signedVitality(): Promise<string> {
  const first = await plan('jeroen', { employeeId: 'daan', type: 'vitaliteit', ...slot(1) });
  const id = first.conversation.id;
  await run('jeroen', id, { type: 'complete-meeting' });
  await run(
    'daan',
    id,
    {
      type: 'save-report',
      answers: {
        'verslag.samenvatting': 'We bespraken werkdruk, beweging en de balans met thuis.',
        'verslag.afspraken': agreements,
      },
    },
    { type: 'submit-report' },
  );
  await run('jeroen', id, { type: 'decide', version: 1, decision: 'akkoord' });
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
    const saved = await apiAs(suite.server.url, 'daan')<ConversationView>(
      'GET',
      `/api/conversations/${firstId}`,
    );
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
    const next = await plan('jeroen', {
      employeeId: 'daan',
      type: 'vitaliteit',
      ...slot(60),
      previousId: firstId,
    });
    const id = next.conversation.id;
    await run('daan', id, { type: 'save-preparation', answers: vitalityPreparation });
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
    const goals = await plan('jeroen', { employeeId: 'noor', type: 'goede-gesprek', ...slot(2) });
    const goalsId = goals.conversation.id;
    await run(
      'jeroen',
      goalsId,
      { type: 'complete-meeting' },
      {
        type: 'save-report',
        answers: {
          'doelen.kennis-competenties': [{ id: 'g1', title: 'Cursus klantgesprekken afronden' }],
          'doelen.resultaat': [{ id: 'g2', title: 'Wachttijd aan de balie onder 10 minuten' }],
        },
      },
      { type: 'submit-report' },
    );
    await run('noor', goalsId, { type: 'decide', version: 1, decision: 'akkoord' });
    await run('jeroen', goalsId, { type: 'decide', version: 1, decision: 'akkoord' });
    const reflection = await plan('jeroen', {
      employeeId: 'noor',
      type: 'reflectie',
      ...slot(120),
      previousId: goalsId,
    });
    const id = reflection.conversation.id;

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
