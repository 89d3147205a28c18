/** How this tab talks to the API: configuration, the way to sign in and, in local mode, the demo users. */
import { createApiClient } from './api/client.js';
import { wantedDemoUser } from './demo-user.js';
import type { DirectoryUser, Me, PublicConfig } from './api/types.js';
import type { HostInfo } from './host/host.js';
import { createI18n } from './i18n/i18n.js';
import { preloadRoute } from './routing/route-modules.js';
import { parseHash } from './routing/paths.js';

/** How this tab talks to the API: configuration, the way to sign in and, in local mode, the demo users. */
export interface Session {
  config: PublicConfig;
  authHeaders: () => Promise<Record<string, string>>;
  demoUsers: DirectoryUser[] | undefined;
  /** The first demo user's profile, asked for together with the configuration (local mode). */
  firstMe?: Me;
}

/** The outcome of starting a session, kept as a value so the first render can show either. */
export type SessionStart = { session: Session } | { error: unknown };

/**
 * Configuration and sign-in, with the page's code, in one step: the first render then shows the page itself,
 * not a spinner that is replaced a moment later (and a page that had to suspend for its code would be shown
 * only after React's Suspense reveal delay of 300 ms). Outside Teams only local mode can work, so the demo
 * requests go out without waiting for the configuration.
 */
export async function startSession(host: HostInfo): Promise<Session> {
  const anonymous = createApiClient({ authHeaders: async () => ({}), locale: host.locale });
  const routeCode = preloadRoute(parseHash(window.location.hash).path);
  const demoUsers = host.inTeams ? undefined : anonymous.demoUsers().catch(() => undefined);
  const wanted = host.inTeams ? null : wantedDemoUser();
  const firstMe = wanted
    ? createApiClient({ authHeaders: async () => ({ 'X-Demo-User': wanted }), locale: host.locale })
        .me()
        .catch(() => undefined)
    : undefined;
  const signInFailed = (): Error => new Error(createI18n(host.locale).t('error.signIn'));
  const config = await anonymous.config();
  if (config.authMode === 'local') {
    const demo = await (demoUsers ?? anonymous.demoUsers().catch(() => undefined));
    if (!demo) throw signInFailed();
    const me = await firstMe;
    await routeCode;
    return { config, authHeaders: async () => ({}), demoUsers: demo.users, ...(me ? { firstMe: me } : {}) };
  }
  if (!host.inTeams || !config.clientId || !config.apiScope) throw signInFailed();
  const { createEntraTokenSource } = await import('./auth/entra.js');
  const token = await createEntraTokenSource({ clientId: config.clientId, apiScope: config.apiScope });
  await routeCode;
  return {
    config,
    authHeaders: async () => ({ Authorization: `Bearer ${await token()}` }),
    demoUsers: undefined,
  };
}

/** Starts a session and reports a failure to the host, settling either way. */
export function settleSession(host: HostInfo): Promise<SessionStart> {
  return startSession(host).then(
    (session) => ({ session }),
    (error: unknown) => {
      host.notifyFailure(error instanceof Error ? error.message : 'bootstrap failed');
      return { error };
    },
  );
}
