/**
 * Every link in every card and notice the seeded demo year sends: opened in Chromium as the person who got it,
 * each lands on the page it names, as that person, without a 404 or "bestaat niet of je hebt er geen toegang toe".
 * HR's archive links open the document inside the tab.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from '../../src/server/app.js';
import { seedDemoIfEmpty } from '../../src/server/demo-seed.js';
import { eventually, sentMessages, startTestServer } from '../support/server.js';
import { buildTab, launchBrowser, newPage, screenshotDir } from './support.js';

interface SentMessage {
  type: 'send' | 'update';
  recipientId: string;
  card: Record<string, unknown>;
  summary?: string;
}

interface CardLink {
  recipientId: string;
  summary: string;
  title: string;
  url: string;
}

let app: RunningApp & { dataDir: string };
let browser: Browser;

const messages = () => sentMessages<SentMessage>(app.dataDir);

/** Every `Action.OpenUrl` (buttons and select actions) in a card, with its title. */
function linksIn(card: unknown): Array<{ title: string; url: string }> {
  const found: Array<{ title: string; url: string }> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.OpenUrl' && typeof o.url === 'string')
        found.push({ title: String(o.title ?? ''), url: o.url });
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** The link as the test server serves it: cards carry the configured public address. */
function served(url: string): string {
  const link = new URL(url);
  const base = new URL(app.url);
  link.protocol = base.protocol;
  link.host = base.host;
  return link.toString();
}

const refusals = /bestaat niet|geen toegang|Er ging iets mis|De server gaf een fout/;

async function expectLanded(page: Page, recipientId: string, what: string): Promise<void> {
  try {
    await page.getByRole('main').waitFor();
  } catch (error) {
    await page.screenshot({ path: join(screenshotDir, 'card-links-failed.png') });
    throw new Error(
      `${what}: no page (${page.url()}): ${(await page.locator('body').innerText()).slice(0, 300)}`,
      {
        cause: error,
      },
    );
  }
  await page.waitForFunction(
    (id) => (document.querySelector('[data-testid="demo-user"]') as HTMLSelectElement | null)?.value === id,
    recipientId,
  );
  // Let the page load its data before reading what it says (live updates keep a request open: no networkidle).
  await page.waitForFunction(() => !document.body.innerText.includes('Laden…'));
  const body = await page.locator('body').innerText();
  if (refusals.test(body)) throw new Error(`${what}: the page says ${refusals.exec(body)?.[0]}`);
}

beforeAll(async () => {
  buildTab();
  app = await startTestServer();
  expect(await seedDemoIfEmpty(app.ctx, true)).toBe(true);
  // Let the outbox deliver: wait until no new message arrives for a few seconds.
  let count = -1;
  let still = 0;
  await eventually(
    async () => {
      const now = messages().length;
      still = now === count && now > 0 ? still + 1 : 0;
      count = now;
      return still >= 15;
    },
    150_000,
    'the outbox to settle',
  );
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('links in the demo year’s cards and notices', () => {
  it('open the right page as the right person', async () => {
    const sent = messages().filter((m) => m.type === 'send');
    const links: CardLink[] = sent.flatMap((m) =>
      linksIn(m.card).map((l) => ({ recipientId: m.recipientId, summary: m.summary ?? '', ...l })),
    );
    expect(links.length).toBeGreaterThan(5);
    // Every link names its recipient: the demo tab opens as them.
    for (const link of links) expect(new URL(link.url).searchParams.get('user')).toBe(link.recipientId);

    const page = await newPage(browser);
    let checked = 0;
    const unique = [...new Map(links.map((l) => [`${l.recipientId} ${l.url}`, l])).values()];
    for (const link of unique) {
      const what = `"${link.title}" in "${link.summary}" for ${link.recipientId} (${link.url})`;
      const response = await page.goto(served(link.url));
      expect(response?.status() ?? 0).toBeLessThan(400);
      const url = new URL(link.url);
      if (url.pathname.startsWith('/meeting/')) {
        // The local join link: the stand-in for the Teams meeting, with the way to the conversation.
        await page.getByTestId('local-meeting').waitFor();
        await expectLanded(page, link.recipientId, what);
        await page.getByRole('link', { name: 'Naar het gesprek' }).waitFor();
        checked += 1;
        continue;
      }
      await expectLanded(page, link.recipientId, what);
      // The route the link names is where the tab is; a conversation's overview may send on to the page of its
      // stage (e.g. an archived one to its document), never to another conversation or page.
      const route = decodeURIComponent(url.hash.replace(/^#/, '').split('?')[0] ?? '/');
      const at = decodeURIComponent(new URL(page.url()).hash.replace(/^#/, '').split('?')[0] || '/');
      const id = /^\/gesprek\/([^/]+)$/.exec(route)?.[1];
      const fine = at.startsWith(route) || (id !== undefined && at === `/archief/${id}`);
      expect(`${what} → ${at}`).toBe(`${what} → ${fine ? at : route}`);
      checked += 1;
    }
    expect(checked).toBe(unique.length);
    console.log(`${checked} links in ${sent.length} messages opened as their recipient`);
    await page.screenshot({ path: join(screenshotDir, 'card-links-last.png') });
    await page.context().close();
  }, 600_000);

  it('HR’s archive is filterable and opens a document inside the tab, never a raw API answer', async () => {
    const page = await newPage(browser);
    await page.goto(`${app.url}/tabs/home/?user=ingrid#/archief`);
    await expectLanded(page, 'ingrid', 'HR archive');
    const rows = page.locator('[data-testid^="hr-row-"]');
    await rows.first().waitFor();
    const total = await rows.count();
    await page.getByTestId('archive-search').fill('zzz-niemand');
    await eventually(async () => (await rows.count()) === 0, 10_000, 'no rows for a search without match');
    await page.getByTestId('archive-search').fill('');
    await eventually(async () => (await rows.count()) === total, 10_000, 'every row back');
    const link = page.locator('[data-testid^="hr-row-"] a[href*="/document"]').first();
    await link.click();
    await page.getByTestId('archive-file').waitFor();
    await page.getByRole('button', { name: 'PDF downloaden' }).waitFor();
    await page.locator('iframe').waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(refusals);
    await page.screenshot({ path: join(screenshotDir, 'hr-archive-document.png') });
    await page.context().close();
  }, 120_000);
});
