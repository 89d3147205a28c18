import { describe, expect, it } from '@jest/globals';
import { newPage, tabSuite } from './support.js';

const suite = tabSuite();

describe('loading the tab', () => {
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
