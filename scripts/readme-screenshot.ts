/**
 * Takes the README's screenshot: the real app in local mode, a planned Vitaliteitsgesprek, and the
 * employee's preparation page in headless Chromium. Run after `npm run build:web`: `tsx scripts/readme-screenshot.ts`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/server/config.js';
import { startApp } from '../src/server/app.js';
import { launchChromium } from '../tests/support/browser.js';

const dataDir = mkdtempSync(join(tmpdir(), 'readme-'));
const app = await startApp(
  loadConfig({ ...process.env, PORT: '0', DATA_DIR: dataDir, AUTH_MODE: 'local', NODE_ENV: 'development' }),
);
try {
  const start = new Date(Date.now() + 3 * 86_400_000);
  start.setUTCHours(9, 0, 0, 0);
  const response = await fetch(`${app.url}/api/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-user': 'jeroen' },
    body: JSON.stringify({
      employeeId: 'fatima',
      type: 'vitaliteit',
      start: start.toISOString(),
      end: new Date(start.getTime() + 3_600_000).toISOString(),
    }),
  });
  const { conversation } = (await response.json()) as { conversation: { id: string } };
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, locale: 'nl-NL' });
  await page.goto(`${app.url}/tabs/home/?user=fatima#/gesprek/${conversation.id}/voorbereiden`);
  await page.getByText('Wat betekent vitaliteit voor jou persoonlijk?').waitFor();
  await page
    .getByRole('textbox')
    .first()
    .fill('Energie hebben voor mijn werk én voor thuis; goed slapen en genoeg bewegen.');
  await page.getByRole('radio', { name: 'Klopt', exact: true }).first().check();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: 'docs/images/voorbereiden.png' });
  await browser.close();
} finally {
  await app.stop();
}
