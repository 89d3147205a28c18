/**
 * Photographs every demo user's first screen on the seeded demo year, at 1280 and 320 px, so a newcomer's first
 * five minutes can be looked at. Run after `npm run build:web`: `tsx scripts/first-screens.ts [out-dir]`.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/server/config.js';
import { startApp } from '../src/server/app.js';
import { seedDemoIfEmpty } from '../src/server/demo-seed.js';
import { launchChromium } from '../tests/support/browser.js';

const out = process.argv[2] ?? join('test-artifacts', 'first-screens');
mkdirSync(out, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'first-screens-'));
const app = await startApp(
  loadConfig({ ...process.env, PORT: '0', DATA_DIR: dataDir, AUTH_MODE: 'local', NODE_ENV: 'development' }),
);
try {
  await seedDemoIfEmpty(app.ctx, true);
  // Let the outbox file the signed documents and send the invitations, as a real first start would.
  await new Promise((resolve) => setTimeout(resolve, 8000));
  const users = await app.ctx.directory.listUsers();
  const browser = await launchChromium();
  for (const width of [1280, 320]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'nl-NL' });
    for (const user of users) {
      const page = await context.newPage();
      await page.goto(`${app.url}/tabs/home/?user=${user.id}`);
      await page.getByRole('main').waitFor();
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: join(out, `${user.id}-${width}.png`), fullPage: width === 1280 });
      await page.close();
    }
    // The default first screen: no user chosen yet.
    const page = await context.newPage();
    await page.goto(`${app.url}/tabs/home/`);
    await page.getByRole('main').waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(out, `default-${width}.png`), fullPage: width === 1280 });
    await context.close();
  }
  await browser.close();
  console.log(`${users.length + 1} first screens at 1280 and 320 px in ${out}`);
} finally {
  await app.stop();
}
