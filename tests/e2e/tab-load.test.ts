/** Loading the tab in Chromium: a small first script before React and Fluent UI, then the page. */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newPage, tabSuite } from './support.js';

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
});
