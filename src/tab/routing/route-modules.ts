/** The tab's pages as modules loaded once and remembered, so a route can render without waiting. */
import { matchPath } from './paths.js';
import type { Section } from './targets.js';

/** A module loader that starts at most once and remembers the module, so React can render it without waiting. */
export interface Preloadable<T> {
  (): Promise<T>;
  /** The module once it has arrived. */
  readonly value: T | undefined;
}

/**
 * Wraps a dynamic import. A failed load stays failed: the browser keeps a module that failed to load as failed
 * for the life of the page, so asking again cannot help, and React then sees the same rejected promise on every
 * render and shows the nearest error boundary (whose retry reloads the page).
 */
export function preloadable<T>(load: () => Promise<T>): Preloadable<T> {
  let promise: Promise<T> | undefined;
  let value: T | undefined;
  const get = (): Promise<T> =>
    (promise ??= load().then((module) => {
      value = module;
      return module;
    }));
  return Object.defineProperty(get, 'value', { get: () => value }) as Preloadable<T>;
}

/**
 * The demo identity switcher of local mode: a chunk of its own, so its code never loads inside Teams; locally it
 * is brought with the session, before the first render, so the header never grows under a finger.
 */
export const demoSwitcherModule = preloadable(() => import('../components/demo-switcher.js'));

// One chunk per page: the first paint only loads the page that was asked for.
export const pageModules = {
  home: preloadable(() => import('../pages/home-page.js')),
  conversation: preloadable(() => import('../pages/conversation-page.js')),
  request: preloadable(() => import('../pages/request-page.js')),
  plan: preloadable(() => import('../pages/plan-page.js')),
  team: preloadable(() => import('../pages/team-page.js')),
  archive: preloadable(() => import('../pages/archive-page.js')),
  archiveDocument: preloadable(() => import('../pages/archive-document-page.js')),
  year: preloadable(() => import('../pages/year-page.js')),
  rounds: preloadable(() => import('../pages/rounds-page.js')),
  archiveFile: preloadable(() => import('../pages/archive-document-page.js')),
  localMeeting: preloadable(() => import('../pages/local-meeting-page.js')),
};

/** The sub-pages of one conversation, by their Dutch route segment. */
export const sectionModules = {
  voorbereiden: preloadable(() => import('../pages/prepare-page.js')),
  gesprek: preloadable(() => import('../pages/meeting-page.js')),
  verslag: preloadable(() => import('../pages/report-page.js')),
  akkoord: preloadable(() => import('../pages/approve-page.js')),
  pop: preloadable(() => import('../pages/pop-page.js')),
  evaluatie: preloadable(() => import('../pages/evaluation-page.js')),
} satisfies Record<Section, Preloadable<unknown>>;

/**
 * The code of the meeting side panel's page, a conversation and its meeting page, started before the panel knows
 * which conversation it shows (it asks the API by the meeting's chat id), so neither waits for the other.
 */
export function preloadMeetingPanel(): Promise<void> {
  return Promise.all([pageModules.conversation(), sectionModules.gesprek()]).then(
    () => undefined,
    () => undefined,
  );
}

/** The meeting tab's configuration page (`?view=configure`). */
export const configureModule = preloadable(() => import('../pages/configure-page.js'));

/** Route patterns and the page module each needs, most specific first. */
export const routeModules: ReadonlyArray<{ pattern: string; module: keyof typeof pageModules }> = [
  { pattern: '/', module: 'home' },
  { pattern: '/gesprek/:id', module: 'conversation' },
  { pattern: '/gesprek/:id/:section', module: 'conversation' },
  { pattern: '/aanvragen', module: 'request' },
  { pattern: '/plannen', module: 'plan' },
  { pattern: '/team', module: 'team' },
  { pattern: '/archief', module: 'archive' },
  { pattern: '/archief/:id', module: 'archiveDocument' },
  { pattern: '/archief/:id/document', module: 'archiveFile' },
  { pattern: '/vergadering/:eventId', module: 'localMeeting' },
  { pattern: '/jaar/:employeeId', module: 'year' },
  { pattern: '/rondes', module: 'rounds' },
  { pattern: '/rondes/:id', module: 'rounds' },
];

/**
 * Starts downloading the code of the page in the address (and of its sub-page, at the same time) while the
 * app code and sign-in are still under way, so no chunk waits for another. Settles when both are there (or
 * failed: the page then shows its own loading error).
 */
export function preloadRoute(path: string): Promise<void> {
  for (const route of routeModules) {
    const params = matchPath(route.pattern, path);
    if (!params) continue;
    const loads: Array<Promise<unknown>> = [pageModules[route.module]()];
    const section = params.section;
    if (section && section in sectionModules)
      loads.push(sectionModules[section as keyof typeof sectionModules]());
    return Promise.all(loads).then(
      () => undefined,
      () => undefined,
    );
  }
  return Promise.resolve();
}
