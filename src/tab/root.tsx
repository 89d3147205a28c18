import {
  FluentProvider,
  Spinner,
  makeStyles,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  tokens,
  type Theme,
} from '@fluentui/react-components';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { createApiClient } from './api/client.js';
import type { DirectoryUser, Me, PublicConfig } from './api/types.js';
import { AppProvider, type AppServices } from './app-context.js';
import { ProblemBar } from './components/problem-bar.js';
import type { HostInfo, ThemeName } from './host/host.js';
import { I18nProvider, useI18n } from './i18n/i18n.js';
import { lazyPage } from './routing/lazy-page.js';
import { configureModule, preloadRoute } from './routing/route-modules.js';
import { parseHash } from './routing/paths.js';
import { Shell } from './shell.js';

const themes: Record<ThemeName, Theme> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

const useStyles = makeStyles({
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  center: { padding: tokens.spacingHorizontalXXL },
});

/** What the page shows: the app itself, or the meeting tab's configuration page. */
export type RootView = 'app' | 'configure';

const ConfigurePage = lazyPage(configureModule, (m) => m.ConfigurePage);

/** The whole tab: theme and language from the host, then sign-in, then the pages. */
export function Root({ host, view = 'app' }: { host: HostInfo; view?: RootView }) {
  const [theme, setTheme] = useState<ThemeName>(host.theme);
  const styles = useStyles();

  useEffect(() => {
    // Teams users switch themes while the tab is open.
    host.onThemeChange(setTheme);
  }, [host]);

  return (
    <FluentProvider theme={themes[theme]} className={styles.provider} data-theme={theme}>
      <I18nProvider locale={host.locale}>
        {view === 'configure' ? <Configure host={host} /> : <Bootstrap host={host} />}
      </I18nProvider>
    </FluentProvider>
  );
}

/** The configuration page needs no sign-in: Teams shows it before the tab exists. */
function Configure({ host }: { host: HostInfo }) {
  const i18n = useI18n();
  return (
    <Suspense fallback={<Spinner label={i18n.t('app.loading')} />}>
      <ConfigurePage host={host} />
    </Suspense>
  );
}

const demoUserKey = 'gc.demoUser';

function wantedDemoUser(): string | null {
  const fromQuery = new URLSearchParams(window.location.search).get('user');
  if (fromQuery) return fromQuery;
  try {
    return window.localStorage.getItem(demoUserKey);
  } catch {
    return null;
  }
}

function storedDemoUser(users: DirectoryUser[]): string | undefined {
  const wanted = wantedDemoUser();
  return users.find((u) => u.id === wanted)?.id ?? users[0]?.id;
}

interface Session {
  config: PublicConfig;
  authHeaders: () => Promise<Record<string, string>>;
  demoUsers: DirectoryUser[] | undefined;
  /** The first demo user's profile, asked for together with the configuration (local mode). */
  firstMe?: Me;
}

function Bootstrap({ host }: { host: HostInfo }) {
  const i18n = useI18n();
  const styles = useStyles();
  const [session, setSession] = useState<Session | undefined>(undefined);
  const [demoUserId, setDemoUserId] = useState<string | undefined>(undefined);
  const [fetchedMe, setMe] = useState<Me | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [attempt, setAttempt] = useState(0);

  // Step 1: configuration and the way to sign in; in local mode also the demo users and "me", all at once.
  useEffect(() => {
    let current = true;
    const anonymous = createApiClient({ authHeaders: async () => ({}), locale: host.locale });
    // Signed in and the page's code there in one step: a page that had to suspend for its code would be shown
    // only after React's Suspense reveal delay (300 ms).
    const routeCode = preloadRoute(parseHash(window.location.hash).path);
    (async (): Promise<Session> => {
      // Outside Teams only local mode can work, so the demo requests go out without waiting for the configuration.
      const demoUsers = host.inTeams ? undefined : anonymous.demoUsers().catch(() => undefined);
      const wanted = host.inTeams ? null : wantedDemoUser();
      const firstMe = wanted
        ? createApiClient({ authHeaders: async () => ({ 'X-Demo-User': wanted }), locale: host.locale })
            .me()
            .catch(() => undefined)
        : undefined;
      const config = await anonymous.config();
      if (config.authMode === 'local') {
        const demo = await (demoUsers ?? anonymous.demoUsers().catch(() => undefined));
        if (!demo) throw new Error(i18n.t('error.signIn'));
        const me = await firstMe;
        await routeCode;
        return {
          config,
          authHeaders: async () => ({}),
          demoUsers: demo.users,
          ...(me ? { firstMe: me } : {}),
        };
      }
      if (!host.inTeams || !config.clientId || !config.apiScope) throw new Error(i18n.t('error.signIn'));
      const { createEntraTokenSource } = await import('./auth/entra.js');
      const token = await createEntraTokenSource({ clientId: config.clientId, apiScope: config.apiScope });
      await routeCode;
      return {
        config,
        authHeaders: async () => ({ Authorization: `Bearer ${await token()}` }),
        demoUsers: undefined,
      };
    })().then(
      (value) => {
        if (!current) return;
        setSession(value);
        if (value.demoUsers) setDemoUserId(storedDemoUser(value.demoUsers));
      },
      (reason: unknown) => {
        if (!current) return;
        setError(reason);
        host.notifyFailure(reason instanceof Error ? reason.message : 'bootstrap failed');
      },
    );
    return () => {
      current = false;
    };
  }, [host, attempt, i18n]);

  // The profile fetched with the configuration serves until another demo user is chosen.
  const firstMe = session?.firstMe && session.firstMe.user.id === demoUserId ? session.firstMe : undefined;
  const me = firstMe ?? fetchedMe;

  const api = useMemo(() => {
    if (!session) return undefined;
    const authHeaders = session.demoUsers
      ? async (): Promise<Record<string, string>> => (demoUserId ? { 'X-Demo-User': demoUserId } : {})
      : session.authHeaders;
    return createApiClient({
      authHeaders,
      locale: host.locale,
      ...(session.demoUsers && demoUserId ? { prefetchUser: demoUserId } : {}),
    });
  }, [session, demoUserId, host.locale]);

  // Step 2: who am I (again after switching demo users).
  useEffect(() => {
    if (!api) return;
    if (firstMe) {
      setMe(undefined);
      host.notifySuccess();
      return;
    }
    let current = true;
    setMe(undefined);
    api.me().then(
      (value) => {
        if (!current) return;
        setMe(value);
        setError(undefined);
        host.notifySuccess();
      },
      (reason: unknown) => {
        if (!current) return;
        setError(reason);
        host.notifyFailure(reason instanceof Error ? reason.message : 'sign-in failed');
      },
    );
    return () => {
      current = false;
    };
  }, [api, host, firstMe]);

  const services = useMemo((): AppServices | undefined => {
    if (!session || !api || !me) return undefined;
    const demo = session.demoUsers
      ? {
          users: session.demoUsers,
          userId: me.user.id,
          setUserId: (id: string) => {
            try {
              window.localStorage.setItem(demoUserKey, id);
            } catch {
              // Without storage the choice lasts until reload; that is fine for a demo.
            }
            setDemoUserId(id);
          },
        }
      : undefined;
    return { api, config: session.config, me, host, demo };
  }, [session, api, me, host]);

  if (error && !services) {
    return (
      <div className={styles.center}>
        <ProblemBar error={error} onRetry={() => setAttempt((n) => n + 1)} />
      </div>
    );
  }
  if (!services) {
    return (
      <div className={styles.center}>
        <Spinner label={i18n.t('app.loading')} />
      </div>
    );
  }
  return (
    <AppProvider value={services}>
      <Shell key={services.me.user.id} />
    </AppProvider>
  );
}
