import { Badge, Field, Link, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { useApp } from './app-context.js';
import { useI18n, type MessageKey } from './i18n/i18n.js';
import { matchPath, useHashLocation, type HashLocation } from './routing/router.js';

/** What every page receives from the router. */
export interface PageProps {
  params: Record<string, string>;
  location: HashLocation;
}

type Page = LazyExoticComponent<ComponentType<PageProps>>;

// One chunk per page: the first paint only loads the page that was asked for.
const load = {
  home: () => import('./pages/home-page.js'),
  conversation: () => import('./pages/conversation-page.js'),
  request: () => import('./pages/request-page.js'),
  plan: () => import('./pages/plan-page.js'),
  team: () => import('./pages/team-page.js'),
  archive: () => import('./pages/archive-page.js'),
  archiveDocument: () => import('./pages/archive-document-page.js'),
};
const HomePage = lazy(() => load.home().then((m) => ({ default: m.HomePage })));
const ConversationPage = lazy(() => load.conversation().then((m) => ({ default: m.ConversationPage })));
const RequestPage = lazy(() => load.request().then((m) => ({ default: m.RequestPage })));
const PlanPage = lazy(() => load.plan().then((m) => ({ default: m.PlanPage })));
const TeamPage = lazy(() => load.team().then((m) => ({ default: m.TeamPage })));
const ArchivePage = lazy(() => load.archive().then((m) => ({ default: m.ArchivePage })));
const ArchiveDocumentPage = lazy(() => load.archiveDocument().then((m) => ({ default: m.ArchiveDocumentPage })));

const preloaders: Record<string, () => Promise<unknown>> = {
  '/': load.home,
  '/gesprek/:id': load.conversation,
  '/gesprek/:id/:section': load.conversation,
  '/aanvragen': load.request,
  '/plannen': load.plan,
  '/team': load.team,
  '/archief': load.archive,
  '/archief/:id': load.archiveDocument,
};

/**
 * Starts downloading the code of the page in the address while sign-in is still under way, so the page
 * chunk and the API calls do not wait for each other.
 */
export function preloadRoute(path: string): void {
  for (const [pattern, preload] of Object.entries(preloaders)) {
    const params = matchPath(pattern, path);
    if (!params) continue;
    void preload()
      .then((module) => {
        const section = params.section;
        if (section && typeof module === 'object' && module !== null && 'preloadSection' in module) {
          (module as { preloadSection(section: string): void }).preloadSection(section);
        }
      })
      .catch(() => undefined);
    return;
  }
}

/** The routes, most specific first. */
export const routes: ReadonlyArray<{ pattern: string; page: Page }> = [
  { pattern: '/', page: HomePage },
  { pattern: '/gesprek/:id', page: ConversationPage },
  { pattern: '/gesprek/:id/:section', page: ConversationPage },
  { pattern: '/aanvragen', page: RequestPage },
  { pattern: '/plannen', page: PlanPage },
  { pattern: '/team', page: TeamPage },
  { pattern: '/archief', page: ArchivePage },
  { pattern: '/archief/:id', page: ArchiveDocumentPage },
];

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalM },
  nav: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  navList: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, listStyle: 'none', margin: 0, padding: 0 },
  current: { fontWeight: tokens.fontWeightSemibold, textDecorationLine: 'underline' },
  demo: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS, marginLeft: 'auto', flexWrap: 'wrap', minWidth: 0, maxWidth: '100%' },
  demoField: { minWidth: 0, maxWidth: '100%' },
  // Never wider than the 320 px side panel minus the header padding.
  demoSelect: { maxWidth: 'calc(100vw - 32px)' },
  main: {
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    maxWidth: '1100px',
    margin: '0 auto',
    '@media (max-width: 480px)': { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}` },
  },
  skip: {
    position: 'absolute',
    left: '-9999px',
    ':focus': { left: tokens.spacingHorizontalS, top: tokens.spacingVerticalS, zIndex: 10 },
  },
});

/** The frame around every page: menu, demo identity switcher and the routed page. */
export function Shell() {
  const { me, demo } = useApp();
  const i18n = useI18n();
  const styles = useStyles();
  const location = useHashLocation();

  const links: Array<{ to: string; label: MessageKey; show: boolean }> = [
    { to: '/', label: 'nav.home', show: true },
    { to: '/team', label: 'nav.team', show: me.isManager },
    { to: '/aanvragen', label: 'nav.request', show: Boolean(me.manager) },
    { to: '/archief', label: 'nav.archive', show: true },
  ];

  let match: { page: Page; params: Record<string, string> } | undefined;
  for (const route of routes) {
    const params = matchPath(route.pattern, location.path);
    if (params) {
      match = { page: route.page, params };
      break;
    }
  }

  const handleUserChange = (id: string) => demo?.setUserId(id);

  return (
    <>
      <a className={styles.skip} href="#content" onClick={(event) => {
        // The hash is our router: move focus without changing the route.
        event.preventDefault();
        document.getElementById('content')?.focus();
      }}>
        {i18n.t('app.skipToContent')}
      </a>
      <header className={styles.header}>
        <Text className={styles.brand}>{i18n.t('app.name')}</Text>
        <nav aria-label={i18n.t('nav.label')} className={styles.nav}>
          <ul className={styles.navList}>
            {links
              .filter((l) => l.show)
              .map((l) => {
                const active = l.to === '/' ? location.path === '/' : location.path.startsWith(l.to);
                return (
                  <li key={l.to}>
                    <Link href={`#${l.to}`} aria-current={active ? 'page' : undefined} className={active ? styles.current : undefined}>
                      {i18n.t(l.label)}
                    </Link>
                  </li>
                );
              })}
          </ul>
        </nav>
        {demo ? (
          <div className={styles.demo}>
            <Badge appearance="filled" color="warning">
              {i18n.t('demo.badge')}
            </Badge>
            <Field label={i18n.t('demo.switchUser')} size="small" className={styles.demoField}>
              <Select
                size="small"
                className={styles.demoSelect}
                value={demo.userId}
                data-testid="demo-user"
                onChange={(_event, data) => handleUserChange(data.value)}
              >
                {demo.users.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.displayName}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        ) : null}
      </header>
      <main id="content" tabIndex={-1} className={styles.main}>
        <Suspense fallback={<Spinner label={i18n.t('app.loading')} />}>
          {match ? <match.page params={match.params} location={location} /> : <Text>{i18n.t('error.notFound')}</Text>}
        </Suspense>
      </main>
    </>
  );
}
