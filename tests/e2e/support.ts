/** What the tab's Chromium suites share: the built tab, the real server, a browser, pages and keyboard helpers. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';

export const screenshotDir = join(process.cwd(), 'test-artifacts', 'screenshots');

const root = process.cwd();
const tabDir = join(root, 'dist', 'tab');
const stampFile = join(root, 'dist', '.tab-build-stamp');
const lockDir = join(root, 'dist', '.tab-build.lock');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** What the built tab depends on, and what is in dist/tab now: equal stamps mean the build is current. */
function buildStamp(): string {
  const hash = createHash('sha256');
  const sources = [
    ...filesUnder(join(root, 'src', 'tab')),
    ...filesUnder(join(root, 'src', 'domain')),
    join(root, 'vite.config.ts'),
    join(root, 'package-lock.json'),
  ];
  for (const file of sources.sort()) hash.update(file).update(readFileSync(file));
  const built = join(tabDir, 'index.html');
  hash.update(existsSync(built) ? readFileSync(built) : 'none');
  return hash.digest('hex');
}

const sleep = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds the tab the way `npm start` does, so the server serves what users get. Once per change: the tab
 * suites run side by side, so the first builds (under a lock) and the others reuse that build.
 */
export function buildTab(): void {
  mkdirSync(join(root, 'dist'), { recursive: true });
  for (const deadline = Date.now() + 300_000; ; sleep(250)) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      // Another suite is building; a lock left by a killed run expires.
      if (
        Date.now() > deadline ||
        Date.now() - (statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 300_000
      )
        rmSync(lockDir, { recursive: true, force: true });
    }
  }
  try {
    if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== buildStamp()) {
      execFileSync(
        join(root, 'node_modules/.bin/vite'),
        ['build', '--config', 'vite.config.ts', '--logLevel', 'error'],
        { stdio: 'inherit' },
      );
      writeFileSync(stampFile, buildStamp());
    }
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
  mkdirSync(screenshotDir, { recursive: true });
}

export interface TestServer {
  url: string;
  stop(): Promise<void>;
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`Server at ${url} did not become healthy`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The real app in local mode with a fresh data directory; `E2E_BASE_URL` reuses a running server. `demo` seeds
 * the demo year first, as `npm start` does.
 */
export async function startServer(options: { demo?: boolean } = {}): Promise<TestServer> {
  const external = process.env.E2E_BASE_URL;
  if (external) {
    await waitForHealth(external, 60_000);
    return { url: external, stop: async () => undefined };
  }
  const { startTestServer } = await import('../support/server.js');
  const app = await startTestServer();
  if (options.demo) {
    const { seedDemoYear } = await import('../../src/server/demo-seed.js');
    await seedDemoYear(app.ctx);
  }
  return { url: app.url, stop: () => app.stop() };
}

/**
 * For one suite: the tab built as users get it, served by the real app, and a browser; started before the
 * suite's tests and stopped after them. Read `server` and `browser` inside tests (they exist from then on).
 */
export function tabSuite(options: { demo?: boolean } = {}): {
  readonly server: TestServer;
  readonly browser: Browser;
} {
  const suite: { server?: TestServer; browser?: Browser } = {};
  beforeAll(async () => {
    buildTab();
    suite.server = await startServer(options);
    suite.browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`the ${what} is not started yet: use it inside a test`);
    return value;
  };
  return {
    get server() {
      return started(suite.server, 'server');
    },
    get browser() {
      return started(suite.browser, 'browser');
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return launchChromium({ args: ['--lang=nl-NL'] });
}

/** A page for one demo user at a given width. */
export async function newPage(browser: Browser, width = 1280): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('pageerror:', error.message));
  // Generous: two suites share two cores with the server and Chromium.
  page.setDefaultTimeout(30_000);
  return page;
}

/** Opens a hash route of the tab as a demo user. */
export async function open(page: Page, base: string, user: string, route: string, extra = ''): Promise<void> {
  // A fresh query every time: the same URL with only a hash would not load the page again.
  await page.goto(`${base}/tabs/home/?user=${user}${extra}&load=${Date.now()}#${route}`);
  await page.getByRole('main').waitFor();
}

interface Focused {
  tag: string;
  type: string;
  name: string;
  text: string;
  disabled: boolean;
}

/** What has keyboard focus, with its accessible-ish name. */
export async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { tag: '', type: '', name: '', text: '', disabled: false };
    const labelledBy = el.getAttribute('aria-labelledby');
    const byIds = labelledBy
      ? labelledBy
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
      : '';
    const labels = (el as HTMLInputElement).labels;
    const name =
      el.getAttribute('aria-label') ?? (byIds || (labels && labels[0] ? (labels[0].textContent ?? '') : ''));
    return {
      tag: el.tagName.toLowerCase(),
      type: (el as HTMLInputElement).type ?? '',
      name: name.trim(),
      text: (el.textContent ?? '').trim(),
      disabled: (el as HTMLInputElement).disabled === true,
    };
  });
}

/**
 * Fills a whole format with the keyboard only: Tab moves on, typing fills each text field, the arrow key
 * chooses a smiley (or a course) in each radio group. Stops with focus on the button named `stopAt`.
 */
export async function fillByKeyboard(
  page: Page,
  stopAt: string,
  maxTabs = 400,
): Promise<{ texts: number; radios: number }> {
  let texts = 0;
  let radios = 0;
  let lastRadioGroup = '';
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const el = await focused(page);
    if (el.tag === 'button' && el.text === stopAt) return { texts, radios };
    if (el.disabled) continue;
    if (el.tag === 'textarea') {
      await page.keyboard.type(`Antwoord ${texts + 1}`);
      texts++;
    } else if (el.tag === 'input' && el.type === 'radio') {
      const group = await page.evaluate(() => (document.activeElement as HTMLInputElement).name);
      if (group !== lastRadioGroup) {
        await page.keyboard.press('ArrowRight');
        radios++;
        lastRadioGroup = group;
      }
    }
  }
  throw new Error(`Did not reach the button "${stopAt}" with Tab`);
}

/** Waits until the autosave status says everything is on the server. */
export async function waitSaved(page: Page): Promise<void> {
  // Past the typing pause first, so an older "saved" does not count.
  await page.waitForTimeout(1000);
  await page
    .getByTestId('save-status')
    .filter({ hasText: /Opgeslagen om|Saved at/ })
    .waitFor({ timeout: 20_000 });
}
