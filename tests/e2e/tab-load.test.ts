/**
 * Loading the tab in Chromium: a small first script before React and Fluent UI, then the page, which stays where
 * it was first drawn.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildConversation } from '../fixtures/build-conversation.js';
import { newPage, open, tabSuite } from './support.js';

const suite = tabSuite();

/** The files a built module imports statically, following their own imports. */
function staticImports(dir: string, file: string, seen = new Set<string>()): Set<string> {
  for (const match of readFileSync(join(dir, file), 'utf8').matchAll(
    /(?:import|from)\s*"\.\/([^"]+\.js)"/g,
  )) {
    const next = `assets/${match[1] as string}`;
    if (seen.has(next)) continue;
    seen.add(next);
    staticImports(dir, next, seen);
  }
  return seen;
}

describe('loading the tab', () => {
  it('runs its first script without waiting for React and Fluent UI to arrive', () => {
    const dir = join(process.cwd(), 'dist', 'tab');
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script type="module"[^>]*src="\/tabs\/home\/([^"]+)"/g)].map(
      (m) => m[1] as string,
    );
    expect(scripts).toHaveLength(2);
    const [early, app] = scripts as [string, string];
    expect(early).toMatch(/^assets\/early-/);
    const earlyNeeds = staticImports(dir, early);
    const appNeeds = [...staticImports(dir, app), app];
    const fluent = appNeeds.find((file) => /assets\/fluent-/.test(file));
    expect(fluent).toBeDefined();
    expect([...earlyNeeds].filter((file) => file === fluent || file === app)).toEqual([]);
    const bytes = [early, ...earlyNeeds].reduce((sum, file) => sum + readFileSync(join(dir, file)).length, 0);
    expect(bytes).toBeLessThan(20_000);
  });

  it('says it is loading from the first byte, then shows the page in its place', async () => {
    const page = await newPage(suite.browser);
    const html = await (await fetch(`${suite.server.url}/tabs/home/`)).text();
    expect(html).toContain('Laden…');
    await page.goto(`${suite.server.url}/tabs/home/?user=daan#/`);
    await page.getByRole('heading', { level: 1, name: 'Mijn gesprekken' }).waitFor();
    expect(await page.locator('.boot').count()).toBe(0);
    await page.context().close();
  });

  it("offers to try again when a page's code cannot be fetched, and shows the page on retry", async () => {
    const page = await newPage(suite.browser);
    let offline = true;
    await page.route(/\/assets\/home-page-[^/]+\.js$/, (route) =>
      offline ? route.abort() : route.continue(),
    );
    await page.goto(`${suite.server.url}/tabs/home/?user=daan#/`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('De app kon niet worden geladen.');
    // The rest of the tab is there: the menu still works.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();

    offline = false;
    await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn gesprekken' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.context().close();
  });

  it("draws the page where it stays: the demo switcher's code, however slow, never pushes it down", async () => {
    const built = await buildConversation({ type: 'vitaliteit', stage: 'planned', server: suite.server });
    for (const width of [320, 1280]) {
      const page = await newPage(suite.browser, width);
      // A slow chunk, as on a busy machine: the switcher with its explanation line once grew the header by
      // 62 px at 320 px after the page was drawn, and a click aimed at "Ga verder" landed beside it.
      await page.route(/\/assets\/demo-switcher-[^/]+\.js$/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        await route.continue();
      });
      await open(page, suite.server.url, built.employee, '/');
      const button = page.getByTestId(`conversation-${built.id}`).getByRole('link', { name: /Ga verder/ });
      await button.waitFor();
      const drawn = await button.boundingBox();
      await page.getByTestId('demo-user').waitFor();
      await page.waitForTimeout(300);
      expect(await button.boundingBox()).toEqual(drawn);
      await page.context().close();
    }
  }, 60_000);
});
