/**
 * Live for both parties: the manager's meeting page in the side panel (320 px) shows the employee's shared
 * preparation as soon as she shares it, without a reload.
 */
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { as } from '../support/client.js';
import { buildConversation, step } from '../support/cycle.js';
import { newPage, open, screenshotDir, tabSuite } from './support.js';

const suite = tabSuite();

describe('live updates in the tab', () => {
  it('the manager at 320 px sees her shared preparation appear without a reload', async () => {
    const marker = 'Meer ruimte voor de klantgesprekken op dinsdag';
    const built = await buildConversation({
      type: 'vitaliteit',
      stage: 'preparing',
      server: suite.server,
      employee: 'fatima',
      manager: 'jeroen',
      texts: { preparation: marker },
    });
    const manager = await newPage(suite.browser, 320);
    await open(manager, suite.server.url, built.manager, `/gesprek/${built.id}/gesprek`);
    await manager.getByRole('heading').first().waitFor();
    // A mark on this document: a reload would lose it.
    await manager.evaluate(() => ((window as unknown as { liveMark: number }).liveMark = 1));
    // Give the page a moment to open its stream; her draft is not his to see.
    await manager.waitForTimeout(1000);
    await manager.getByTestId('preparation-status').waitFor();
    expect(await manager.getByText(marker).count()).toBe(0);

    const sharedAt = Date.now();
    await step(as(suite.server.url, built.employee), built.id, { type: 'submit-preparation' });
    // Her statements arrive in the panel (compact, one section per fold) and the "she prepares" line goes.
    await manager.getByRole('heading', { name: /^Stellingen van / }).waitFor({ timeout: 5000 });
    const latency = Date.now() - sharedAt;
    expect(latency).toBeLessThan(5000);
    expect(await manager.evaluate(() => (window as unknown as { liveMark?: number }).liveMark)).toBe(1);
    expect(await manager.getByTestId('preparation-status').count()).toBe(0);
    // What she wrote is there to read once a fold is opened.
    const shared = manager.locator('section[aria-labelledby="meeting-shared"]');
    // Her answers are folded per topic (one open at a time): open the topics until her text shows.
    const answer = shared.getByText(marker).first();
    for (let tries = 0; tries < 12 && !(await answer.isVisible()); tries += 1) {
      const folded = shared.locator('button[aria-expanded="false"]');
      if ((await folded.count()) <= tries) break;
      await folded.nth(tries).click();
    }
    await answer.waitFor();
    await manager.screenshot({ path: join(screenshotDir, 'live-meeting-320-shared.png'), fullPage: false });
    console.log(`live update reached the 320 px meeting page in ${latency} ms`);
    await manager.context().close();
  }, 240_000);
});
