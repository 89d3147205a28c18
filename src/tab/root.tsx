/** The whole tab: theme and language from the host, then sign-in, then the pages. */
import { FluentProvider, Spinner, makeStyles, tokens, type Theme } from '@fluentui/react-components';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { createApiClient } from './api/client.js';
import type { DirectoryUser, Me } from './api/types.js';
import { AppProvider, type AppServices } from './app-context.js';
import { ProblemBar } from './components/problem-bar.js';
import type { HostInfo } from './host/host.js';
import { I18nProvider, useI18n } from './i18n/i18n.js';
import { lazyPage } from './routing/lazy-page.js';
import { configureModule } from './routing/route-modules.js';
import { demoUserAmong, storeDemoUser } from './demo-user.js';
import { settleSession, type Session, type SessionStart } from './session.js';
import { Shell } from './shell.js';
import { loadTheme } from './theme/themes.js';

const useStyles = makeStyles({
  provider: { backgroundColor: tokens.colorNeutralBackground2 },
  // On a box of its own, not on the provider: Fluent gives every portal (the toasts, dialogs) the provider's
  // classes too, and a portal as tall as the window covered the whole page while a step's toast showed.
  page: { minHeight: '100vh' },
  center: { padding: tokens.spacingHorizontalXXL },
});

/** What the page shows: the app itself, or the meeting tab's configuration page. */
export type RootView = 'app' | 'configure';

const ConfigurePage = lazyPage(configureModule, (m) => m.ConfigurePage);

export interface RootProps {
  host: HostInfo;
  view?: RootView;
  /** The host's theme, loaded before the first render. */
  theme: Theme;
  /** The session started before the first render (the app view); without it the tab starts one itself. */
  start?: SessionStart;
}

/** The whole tab: theme and language from the host, then sign-in, then the pages. */
export function Root({ host, view = 'app', theme: initialTheme, start }: RootProps) {
  const [theme, setTheme] = useState({ name: host.theme, value: initialTheme });
  const styles = useStyles();

  useEffect(() => {
    // Teams users switch themes while the tab is open.
    let latest = 0;
    host.onThemeChange((name) => {
      const asked = ++latest;
      void loadTheme(name).then((value) => {
        if (asked === latest) setTheme({ name, value });
      });
    });
  }, [host]);

  return (
    <FluentProvider theme={theme.value} className={styles.provider} data-theme={theme.name}>
      <div className={styles.page}>
        <I18nProvider locale={host.locale}>
          {view === 'configure' ? <Configure host={host} /> : <Bootstrap host={host} start={start} />}
        </I18nProvider>
      </div>
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

function storedDemoUser(users: DirectoryUser[] | undefined): string | undefined {
  return users ? demoUserAmong(users) : undefined;
}

function Bootstrap({ host, start }: { host: HostInfo; start: SessionStart | undefined }) {
  const i18n = useI18n();
  const styles = useStyles();
  const first = start && 'session' in start ? start.session : undefined;
  const [session, setSession] = useState<Session | undefined>(first);
  const [demoUserId, setDemoUserId] = useState<string | undefined>(() => storedDemoUser(first?.demoUsers));
  const [fetchedMe, setMe] = useState<Me | undefined>(undefined);
  const [error, setError] = useState<unknown>(start && 'error' in start ? start.error : undefined);
  // Attempt 0 is the session started before the first render, if there was one.
  const [attempt, setAttempt] = useState(start ? 0 : 1);

  // Step 1: configuration and the way to sign in (again after "Opnieuw proberen").
  useEffect(() => {
    if (attempt === 0) return;
    let current = true;
    void settleSession(host).then((result) => {
      if (!current) return;
      if ('error' in result) {
        setError(result.error);
        return;
      }
      setError(undefined);
      setSession(result.session);
      setDemoUserId(storedDemoUser(result.session.demoUsers));
    });
    return () => {
      current = false;
    };
  }, [host, attempt]);

  // The profile fetched with the configuration serves until another demo user is chosen (with Entra, always).
  const firstMe =
    session?.firstMe && (!session.demoUsers || session.firstMe.user.id === demoUserId)
      ? session.firstMe
      : undefined;
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
            storeDemoUser(id);
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
