/**
 * Tab benchmark: initial JavaScript (gzip) and cold load time to an interactive Vitaliteitsgesprek format in
 * Chromium, each against a bare Fluent UI v9 page built the same way (bench/bare-fluent), and the meeting side
 * panel's cold load at 320 px as Teams opens it (bench/teams-side-panel.ts). The API is answered from fixtures by
 * the same local server that serves the pages, so only the tab itself is measured.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { formatFor } from '../src/domain/formats.js';
import { launchChromium } from '../tests/support/browser.js';
import {
  sidePanelFixtures,
  sidePanelHostPage,
  sidePanelHostPath,
  watchSidePanel,
} from './teams-side-panel.js';

export interface TabBenchResult {
  /** Initial JS of the tab: the entry script and every module it preloads, gzip level 9, in KB. */
  initialJsKb: number;
  bareInitialJsKb: number;
  sizeRatio: number;
  /**
   * Median milliseconds from navigation to the first animation frame in which a radio is laid out and visible,
   * cold cache, measured inside the page (so the figure is not rounded up to Playwright's polling steps).
   */
  coldLoadMs: number;
  bareColdLoadMs: number;
  loadRatio: number;
  /** The same loads timed the older way: when Playwright's `waitFor` (polling after 0, 20, 50, 100, 100, 500 ms…) saw the radio. */
  polledColdLoadMs: number;
  barePolledColdLoadMs: number;
  polledLoadRatio: number;
  /**
   * The meeting side panel at 320 px, opened as Teams opens it (framed, teams-js answered with the
   * `meetingSidePanel` context; the app finds the meeting's conversation from its chat id and shows the manager's
   * meeting page with her whole vitality preparation): median milliseconds from the frame's navigation to the first
   * frame in which the meeting's first section is visible, and to the compact header before it.
   */
  sidePanelColdLoadMs: number;
  sidePanelHeaderMs: number;
  /** The side panel's cold load against the bare Fluent page's. */
  sidePanelLoadRatio: number;
  /** The goals: ≤ 250 KB gzip initial JS and ≤ 1.3× the bare page's cold load. */
  withinBudget: boolean;
}

const root = process.cwd();
const vite = join(root, 'node_modules/.bin/vite');

function build(config: string, outDir: string): void {
  execFileSync(
    vite,
    ['build', '--config', config, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    { stdio: 'inherit' },
  );
}

/** Sums the gzip size of the scripts index.html loads before anything else. */
export function initialJsKb(dir: string, base: string): number {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const urls = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1] as string);
  const bytes = [...new Set(urls)]
    .map((url) => join(dir, url.startsWith(base) ? url.slice(base.length) : url))
    .reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
  return Math.round((bytes / 1024) * 10) / 10;
}

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves the built pages, fixed `pages` (HTML by path), and the API answers from `api` on the same origin, as the
 * app server does: answering through Playwright's request interception would add a round trip to the test driver
 * to every API call. An answer keyed `<demo user> <path>` is that user's; otherwise `<path>` is everyone's.
 */
export function serve(
  mounts: Record<string, string>,
  api: Record<string, unknown> = {},
  pages: Record<string, string> = {},
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] as string);
    const page = pages[path];
    if (page !== undefined) {
      res.writeHead(200, { 'Content-Type': 'text/html', 'Cache-Control': 'no-store' });
      res.end(page);
      return;
    }
    if (path.startsWith('/api/')) {
      const user = req.headers['x-demo-user'];
      const body = (typeof user === 'string' ? api[`${user} ${path}`] : undefined) ?? api[path];
      res.writeHead(body ? 200 : 404, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(body ?? { status: 404 }));
      return;
    }
    const mount = Object.keys(mounts).find((m) => path.startsWith(m));
    if (!mount) {
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(mounts[mount] as string, path.slice(mount.length)));
    if (!file.startsWith(mounts[mount] as string) || !existsSync(file) || statSync(file).isDirectory())
      file = join(mounts[mount] as string, 'index.html');
    res.writeHead(200, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        server,
        url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
      });
    }),
  );
}

const fatima = { id: 'fatima', displayName: 'Fatima El Amrani', email: 'fatima@dijkstad.example' };
const jeroen = { id: 'jeroen', displayName: 'Jeroen Bakker', email: 'jeroen@dijkstad.example' };

/** API answers for one employee opening her preparation. */
export function fixtures(): Record<string, unknown> {
  const now = new Date().toISOString();
  const view = {
    conversation: {
      id: 'c1',
      type: 'vitaliteit',
      formatVersion: 1,
      employeeId: 'fatima',
      managerId: 'jeroen',
      stage: 'preparing',
      requestedBy: 'manager',
      schedule: { start: now, end: now },
      preparation: {},
      completion: {},
      report: {},
      versions: [],
      decisions: [],
      createdAt: now,
      updatedAt: now,
      revision: 1,
    },
    format: formatFor('vitaliteit', 1),
    relation: 'employee',
    party: 'employee',
    nextStep: 'prepare',
    people: { employee: fatima, manager: jeroen },
    previous: null,
  };
  return {
    '/api/config': { authMode: 'local', appName: 'Gesprekscyclus', locale: 'nl', teamPictureMinimum: 5 },
    '/api/demo/users': { users: [fatima, jeroen] },
    '/api/me': { user: fatima, manager: jeroen, reports: [], isHr: false, isManager: false },
    '/api/conversations/c1': view,
  };
}

/**
 * Runs in the page before any of its scripts: notes the first frame in which a radio is laid out and visible.
 * A string, not a function: tsx would add helpers to a function's source that do not exist in the page.
 */
export const watchFirstRadio = `(() => {
  const check = () => {
    const radio = document.querySelector('input[type="radio"]');
    if (radio) {
      const box = radio.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && getComputedStyle(radio).visibility !== 'hidden') {
        window.firstRadioMs = performance.now();
        return;
      }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

const median = (values: number[]): number =>
  Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number);

/** One cold load of `url` in a fresh context (empty cache, like a first open in Teams). */
async function coldLoadOnce(browser: Browser, url: string): Promise<{ inPage: number; polled: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  try {
    await context.addInitScript({ content: watchFirstRadio });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('radio').first().waitFor({ state: 'visible' });
    const polled = await page.evaluate(() => performance.now());
    const ready = await page.waitForFunction(
      () => (window as unknown as { firstRadioMs?: number }).firstRadioMs,
    );
    return { inPage: Number(await ready.jsonValue()), polled };
  } finally {
    await context.close();
  }
}

/**
 * One cold load of the meeting side panel in its Teams host page: the times the tab's frame noted for its compact
 * header and its first section. Fails if the tab did not run as Teams' side panel (teams-js not answered).
 */
async function sidePanelLoadOnce(
  browser: Browser,
  url: string,
): Promise<{ header: number; section: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  try {
    await context.addInitScript({ content: watchSidePanel });
    const page = await context.newPage();
    await page.goto(url);
    const frame = page.frameLocator('#panel');
    await frame.locator('[id^="section-"]').first().waitFor({ state: 'visible' });
    const calls =
      (await page.evaluate(() => (window as unknown as { teamsCalls: string[] }).teamsCalls)) ?? [];
    if (!calls.includes('initialize') || !calls.includes('getContext'))
      throw new Error(`the side panel did not ask Teams for its context (calls: ${calls.join(', ')})`);
    const inner = page.frames().find((f) => f !== page.mainFrame());
    if (!inner) throw new Error('the side panel has no frame');
    const times = await inner.waitForFunction(() => {
      const w = window as unknown as { panelHeaderMs?: number; panelSectionMs?: number };
      return w.panelHeaderMs !== undefined && w.panelSectionMs !== undefined
        ? { header: w.panelHeaderMs, section: w.panelSectionMs }
        : undefined;
    });
    return (await times.jsonValue()) as { header: number; section: number };
  } finally {
    await context.close();
  }
}

interface LoadSummary {
  bare: { inPage: number; polled: number };
  tab: { inPage: number; polled: number };
  sidePanel: { header: number; section: number };
}

/**
 * Cold loads of the pages, taken in turns (bare, tab, side panel, bare, tab…) so that a machine getting slower or
 * faster during the run weighs on all alike; medians of each.
 */
async function coldLoads(
  browser: Browser,
  urls: { bare: string; tab: string; sidePanel: string },
  runs: number,
): Promise<LoadSummary> {
  const samples = {
    bare: { inPage: [] as number[], polled: [] as number[] },
    tab: { inPage: [] as number[], polled: [] as number[] },
  };
  const panel = { header: [] as number[], section: [] as number[] };
  for (let i = 0; i < runs; i++) {
    for (const which of ['bare', 'tab'] as const) {
      const { inPage, polled } = await coldLoadOnce(browser, urls[which]);
      samples[which].inPage.push(inPage);
      samples[which].polled.push(polled);
    }
    const { header, section } = await sidePanelLoadOnce(browser, urls.sidePanel);
    panel.header.push(header);
    panel.section.push(section);
  }
  const summary = (which: 'bare' | 'tab') => ({
    inPage: median(samples[which].inPage),
    polled: median(samples[which].polled),
  });
  return {
    bare: summary('bare'),
    tab: summary('tab'),
    sidePanel: { header: median(panel.header), section: median(panel.section) },
  };
}

/** Builds the tab and the bare page, then measures both. */
export async function benchTab(options: { runs?: number } = {}): Promise<TabBenchResult> {
  const runs = options.runs ?? 15;
  const out = mkdtempSync(join(tmpdir(), 'bench-tab-'));
  const tabDir = join(out, 'tab');
  const bareDir = join(out, 'bare');
  build('vite.config.ts', tabDir);
  build('bench/bare-fluent/vite.config.ts', bareDir);
  const tabKb = initialJsKb(tabDir, '/tabs/home/');
  const bareKb = initialJsKb(bareDir, '/bare/');

  const { server, url } = await serve(
    { '/tabs/home/': `${tabDir}/`, '/bare/': `${bareDir}/` },
    { ...fixtures(), ...sidePanelFixtures() },
    { [sidePanelHostPath]: sidePanelHostPage() },
  );
  const browser = await launchChromium();
  try {
    // One warm-up of each, so the browser process itself is not what is measured.
    const urls = {
      bare: `${url}/bare/`,
      tab: `${url}/tabs/home/?user=fatima#/gesprek/c1/voorbereiden`,
      sidePanel: `${url}${sidePanelHostPath}`,
    };
    await coldLoads(browser, urls, 1);
    const { bare, tab, sidePanel } = await coldLoads(browser, urls, runs);
    const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;
    const loadRatio = ratio(tab.inPage, bare.inPage);
    return {
      initialJsKb: tabKb,
      bareInitialJsKb: bareKb,
      sizeRatio: Math.round((tabKb / bareKb) * 100) / 100,
      coldLoadMs: tab.inPage,
      bareColdLoadMs: bare.inPage,
      loadRatio,
      polledColdLoadMs: tab.polled,
      barePolledColdLoadMs: bare.polled,
      polledLoadRatio: ratio(tab.polled, bare.polled),
      sidePanelColdLoadMs: Math.round(sidePanel.section),
      sidePanelHeaderMs: Math.round(sidePanel.header),
      sidePanelLoadRatio: ratio(sidePanel.section, bare.inPage),
      withinBudget: tabKb <= 250 && loadRatio <= 1.3,
    };
  } finally {
    await browser.close();
    server.close();
  }
}

// `tsx bench/tab.ts` prints the result on its own.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  benchTab().then((result) => console.log(JSON.stringify(result, null, 2)));
}
