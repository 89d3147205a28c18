/**
 * The bot in Microsoft 365 Agents Playground, driven in Chromium like a person would: commands typed in the
 * chat, a signing card for a Reflectiegesprek that arrives proactively through the outbox, and the employee's
 * "Akkoord" pressed on it.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freePort } from '../support/client.js';
import { loopbackOnly, startPlayground, type Playground } from '../support/playground.js';
import { as, eventually, startTestServer } from '../support/server.js';
import { buildConversation } from '../support/cycle.js';
import { launchChromium } from '../support/browser.js';

const shots = join(process.cwd(), 'test-artifacts', 'playground');
let server: Awaited<ReturnType<typeof startTestServer>>;
let playground: Playground;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  const port = await freePort();
  server = await startTestServer({
    // The Playground's own test user acts as Fatima; proactive messages go to the Playground's connector.
    env: {
      BOT_ID: 'playground-bot',
      BOT_SERVICE_URL: `http://localhost:${port}/_connector`,
      PLAYGROUND_USER: 'fatima',
    },
  });
  playground = await startPlayground(`${server.url}/api/messages`, port);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  await server?.stop();
});

/** Types a message in the Playground's chat box and sends it. */
async function say(page: Page, text: string): Promise<void> {
  await page.locator('[data-lexical-editor="true"]').click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** The rendered Adaptive Cards in the chat whose heading is `title`. */
const cards = (page: Page, title: string | RegExp) =>
  page
    .locator('.ac-adaptiveCard')
    .filter({ has: page.getByRole('heading', { name: title, exact: typeof title === 'string' }) });

/** A Reflectiegesprek of Fatima's whose final format Jeroen offered (version 1), built through the API. */
async function offeredForSigning(): Promise<string> {
  const built = await buildConversation({
    type: 'reflectie',
    stage: 'awaiting_approval',
    server,
    employee: 'fatima',
  });
  return built.id;
}

it('answers typed commands, delivers the signing card proactively and records one "Akkoord" from it', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'nl-NL' });
  const blocked = await loopbackOnly(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  try {
    await page.goto(playground.url);
    // Opening the Playground installs the app: the bot welcomes Fatima and remembers her chat.
    await cards(page, 'Welkom bij Gesprekscyclus').first().waitFor();

    await say(page, 'help');
    await cards(page, 'Wat kan ik voor je doen?').waitFor();
    await page.screenshot({ path: join(shots, '1-help.png') });

    const id = await offeredForSigning();
    await say(page, 'mijn gesprekken');
    const status = cards(page, 'Mijn gesprekken');
    await status.waitFor();
    await expect(status.textContent()).resolves.toContain('Reflectiegesprek met Jeroen Bakker');
    await status.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, '2-mijn-gesprekken.png') });

    // The outbox's notify job sends the approval card through the Teams messenger to the Playground.
    // The heading follows the state: "Ter ondertekening: …" until she reacted, "In ondertekening: …" after.
    const approval = cards(page, /^(Ter|In) ondertekening: /);
    await approval.waitFor({ timeout: 30_000 });
    const akkoord = approval.getByRole('button', { name: 'Akkoord', exact: true });
    await akkoord.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, '3-approval-card.png') });
    await akkoord.click();

    // The Playground replaces the card with the one the bot answers: the decision noted, no buttons left.
    await approval.filter({ hasText: 'Je reactie is vastgelegd: akkoord.' }).waitFor();
    await expect(approval.getByRole('button', { name: 'Akkoord', exact: true }).count()).resolves.toBe(0);
    await approval.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, '4-approval-recorded.png') });

    const decided = await eventually(
      async () => {
        const response = await as(server.url, 'fatima').get(`/api/conversations/${id}`);
        return response.body.conversation.decisions.length > 0 ? response.body.conversation : undefined;
      },
      10_000,
      'the decision',
    );
    expect(decided.decisions).toEqual([
      expect.objectContaining({ party: 'employee', decision: 'akkoord', version: 1 }),
    ]);
    expect(decided.stage).toBe('awaiting_approval');

    // The refresh-cards job then updates the same message through the connector (an update answers 200, a new
    // message 201); whichever arrives last, the card shows Fatima's decision and no buttons.
    const invokeThenUpdate =
      /Agents Playground\W+User Application invoke 200[\s\S]*User Application\W+Microsoft 365 Agents Playground message 200/;
    await eventually(
      async () => invokeThenUpdate.test(await page.locator('body').innerText()),
      15_000,
      'the card update in the Log Panel',
    );
    await expect(approval.textContent()).resolves.toMatch(/Fatima El Amrani: akkoord/);
    await expect(approval.getByRole('button', { name: 'Akkoord', exact: true }).count()).resolves.toBe(0);
    await expect(approval.count()).resolves.toBe(1);
    await approval.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, '5-approval-refreshed.png') });

    // Still exactly one decision once the card has settled.
    const after = await as(server.url, 'fatima').get(`/api/conversations/${id}`);
    expect(after.body.conversation.decisions).toHaveLength(1);

    // Only the Playground page's font and icon CDN was asked for, and refused: everything else stayed on loopback.
    expect(blocked.filter((url) => !new URL(url).hostname.endsWith('.cdn.office.net'))).toEqual([]);
  } catch (error) {
    await page.screenshot({ path: join(shots, 'failure.png') });
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\nPlayground:\n${playground.output()}`,
    );
  } finally {
    await context.close();
  }
}, 90_000);
