/** The frame around every page of the tab: its routes, menu, demo identity switcher and the routed page. */
import { Link, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ComponentType } from 'react';
import { useApp } from './app-context.js';
import { LoadBoundary } from './components/load-boundary.js';
import { useNarrow } from './components/use-side-panel.js';
import { useI18n, type MessageKey } from './i18n/i18n.js';
import { lazyPage } from './routing/lazy-page.js';
import { demoSwitcherModule, pageModules, routeModules } from './routing/route-modules.js';
import { matchPath, useHashLocation, type HashLocation } from './routing/router.js';

/** What every page receives from the router. */
export interface PageProps {
  params: Record<string, string>;
  location: HashLocation;
}

type Page = ComponentType<PageProps>;

const pages: Record<keyof typeof pageModules, Page> = {
  home: lazyPage(pageModules.home, (m) => m.HomePage),
  conversation: lazyPage(pageModules.conversation, (m) => m.ConversationPage),
  request: lazyPage(pageModules.request, (m) => m.RequestPage),
  plan: lazyPage(pageModules.plan, (m) => m.PlanPage),
  team: lazyPage(pageModules.team, (m) => m.TeamPage),
  archive: lazyPage(pageModules.archive, (m) => m.ArchivePage),
  archiveDocument: lazyPage(pageModules.archiveDocument, (m) => m.ArchiveDocumentPage),
  year: lazyPage(pageModules.year, (m) => m.YearPage),
  rounds: lazyPage(pageModules.rounds, (m) => m.RoundsPage),
  archiveFile: lazyPage(pageModules.archiveFile, (m) => m.ArchiveFilePage),
  localMeeting: lazyPage(pageModules.localMeeting, (m) => m.LocalMeetingPage),
};

const DemoSwitcher = lazyPage(demoSwitcherModule, (m) => m.DemoSwitcher);

/** The routes, most specific first. */
export const routes: ReadonlyArray<{ pattern: string; page: Page }> = routeModules.map((r) => ({
  pattern: r.pattern,
  page: pages[r.module],
}));

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
  navList: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  current: { fontWeight: tokens.fontWeightSemibold, textDecorationLine: 'underline' },
  demo: {
    // The switcher's code comes with the session (route-modules.ts); should it still be on its way, the space of
    // its label and small select is kept.
    minHeight: '46px',
    display: 'flex',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalS,
    marginLeft: 'auto',
    flexWrap: 'wrap',
    minWidth: 0,
    maxWidth: '100%',
  },
  // The meeting side panel: 280 px of content and 20 px on each side (Teams' design rules), no app menu.
  panelMain: { padding: `${tokens.spacingVerticalS} 20px` },
  panelFooter: {
    padding: `${tokens.spacingVerticalS} 20px`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
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
  const { me, demo, host } = useApp();
  const i18n = useI18n();
  const styles = useStyles();
  const location = useHashLocation();
  const narrow = useNarrow();
  // The side panel's frame: in the Teams meeting side panel, and for a conversation in a window that narrow (a
  // narrow window elsewhere keeps the app menu).
  const sidePanel = host.sidePanel || (narrow && location.path.startsWith('/gesprek/'));

  const links: Array<{ to: string; label: MessageKey; show: boolean }> = [
    { to: '/', label: 'nav.home', show: true },
    { to: '/team', label: 'nav.team', show: me.isManager },
    { to: '/aanvragen', label: 'nav.request', show: Boolean(me.manager) },
    { to: '/rondes', label: 'nav.rounds', show: me.isHr || me.isManager },
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

  return (
    <>
      <a
        className={styles.skip}
        href="#content"
        onClick={(event) => {
          // The hash is our router: move focus without changing the route.
          event.preventDefault();
          document.getElementById('content')?.focus();
        }}
      >
        {i18n.t('app.skipToContent')}
      </a>
      {sidePanel ? null : (
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
                      <Link
                        href={`#${l.to}`}
                        aria-current={active ? 'page' : undefined}
                        className={active ? styles.current : undefined}
                      >
                        {i18n.t(l.label)}
                      </Link>
                    </li>
                  );
                })}
            </ul>
          </nav>
          {demo ? (
            <div className={styles.demo}>
              <LoadBoundary>
                <DemoSwitcher demo={demo} />
              </LoadBoundary>
            </div>
          ) : null}
        </header>
      )}
      {/* In the side panel the page itself says who, which conversation and which stage: no app menu. */}
      <main id="content" tabIndex={-1} className={sidePanel ? styles.panelMain : styles.main}>
        <LoadBoundary key={location.path} loading={<Spinner label={i18n.t('app.loading')} />}>
          {match ? (
            <match.page params={match.params} location={location} />
          ) : (
            <Text>{i18n.t('error.notFound')}</Text>
          )}
        </LoadBoundary>
      </main>
      {sidePanel && demo ? (
        <footer className={styles.panelFooter}>
          <LoadBoundary>
            <DemoSwitcher demo={demo} />
          </LoadBoundary>
        </footer>
      ) : null}
    </>
  );
}
