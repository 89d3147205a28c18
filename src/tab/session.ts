/** How this tab talks to the API: configuration, the way to sign in and, in local mode, the demo users. */
import { createApiClient, type ApiClient } from './api/client.js';
import { keepAnswer } from './api/prefetch.js';
import { demoUserAmong, wantedDemoUser } from './demo-user.js';
import type { ConversationView, DirectoryUser, Me, PublicConfig } from './api/types.js';
import type { HostInfo } from './host/host.js';
import { createI18n } from './i18n/i18n.js';
import { demoSwitcherModule, preloadMeetingPanel, preloadRoute } from './routing/route-modules.js';
import { parseHash } from './routing/paths.js';
import { situationOf, targetHref } from './routing/targets.js';

/** How this tab talks to the API: configuration, the way to sign in and, in local mode, the demo users. */
export interface Session {
  config: PublicConfig;
  authHeaders: () => Promise<Record<string, string>>;
  demoUsers: DirectoryUser[] | undefined;
  /** The profile, asked for together with the configuration (local mode: the first demo user's). */
  firstMe?: Me;
}

/** The outcome of starting a session, kept as a value so the first render can show either. */
export type SessionStart = { session: Session } | { error: unknown };

/**
 * The meeting chat whose conversation the tab opens: in a meeting's side panel opened without a route of its
 * own (a deep link's route, put in the address before this, wins).
 */
export function meetingToOpen(host: HostInfo, path: string): string | undefined {
  return host.sidePanel && path === '/' ? host.meetingChatId : undefined;
}

/**
 * Opens the page of the next step in the meeting's conversation before the first render, with the view in hand
 * for that page (as `user`, the demo user or '' with Entra), and brings its code.
 */
function openMeetingConversation(view: ConversationView, user: string, locale: string): Promise<void> {
  const target = targetHref(situationOf(view));
  if (!target) return Promise.resolve();
  keepAnswer(`/api/conversations/${encodeURIComponent(view.conversation.id)}`, user, locale, view);
  window.history.replaceState(null, '', target);
  return preloadRoute(parseHash(target).path);
}

/**
 * The meeting's conversation, or undefined: none of hers (404) or not reachable now. Either way the panel then
 * starts on the home page, whose list finds the meeting's conversation again or shows why it cannot.
 */
function meetingConversation(api: ApiClient, chatId: string): Promise<ConversationView | undefined> {
  return api.meetingConversation(chatId).catch(() => undefined);
}

/** Local mode's requests as the wanted demo user: the users to choose from, the profile, the meeting's conversation. */
function demoRequests(host: HostInfo, wanted: string | null, meetingChat: string | undefined) {
  const as = (user: string) =>
    createApiClient({ authHeaders: async () => ({ 'X-Demo-User': user }), locale: host.locale });
  return {
    users: createApiClient({ authHeaders: async () => ({}), locale: host.locale })
      .demoUsers()
      .catch(() => undefined),
    me: wanted
      ? as(wanted)
          .me()
          .catch(() => undefined)
      : undefined,
    meeting: wanted && meetingChat ? meetingConversation(as(wanted), meetingChat) : undefined,
    as,
  };
}

/**
 * Configuration and sign-in, with the page's code, in one step: the first render then shows the page itself,
 * not a spinner that is replaced a moment later (and a page that had to suspend for its code would be shown
 * only after React's Suspense reveal delay of 300 ms). Outside Teams only local mode can work, so the demo
 * requests go out without waiting for the configuration. In a meeting's side panel the meeting's conversation is
 * asked for beside the profile, and its page's code is on its way from the start, so nothing waits for the list
 * of conversations or for code that was not asked for.
 */
export async function startSession(host: HostInfo): Promise<Session> {
  const anonymous = createApiClient({ authHeaders: async () => ({}), locale: host.locale });
  const path = parseHash(window.location.hash).path;
  const meetingChat = meetingToOpen(host, path);
  const routeCode = meetingChat ? preloadMeetingPanel() : preloadRoute(path);
  const wanted = wantedDemoUser();
  const early = host.inTeams ? undefined : demoRequests(host, wanted, meetingChat);
  // The demo switcher sits in the header above every page: its code arrives before the first render, or the
  // header would grow (by its explanation line) under the first click. A failed load is left to its boundary.
  const switcherCode = () => demoSwitcherModule().catch(() => undefined);
  const earlySwitcher = host.inTeams ? undefined : switcherCode();
  const signInFailed = (): Error => new Error(createI18n(host.locale).t('error.signIn'));
  const config = await anonymous.config();
  if (config.authMode === 'local') {
    // Inside Teams they go out once the configuration says local mode (a tenant signs in with Entra there).
    const requests = early ?? demoRequests(host, wanted, meetingChat);
    const demo = await requests.users;
    if (!demo) throw signInFailed();
    // The tab acts as the wanted user when there is one; what was asked as someone else is left unused.
    const user = demoUserAmong(demo.users, wanted);
    const asWanted = user !== undefined && user === wanted;
    const [me, meeting] = await Promise.all([
      asWanted ? requests.me : undefined,
      asWanted
        ? requests.meeting
        : user && meetingChat
          ? meetingConversation(requests.as(user), meetingChat)
          : undefined,
    ]);
    if (meeting && user) await openMeetingConversation(meeting, user, host.locale);
    await Promise.all([routeCode, earlySwitcher ?? switcherCode()]);
    return { config, authHeaders: async () => ({}), demoUsers: demo.users, ...(me ? { firstMe: me } : {}) };
  }
  if (!host.inTeams || !config.clientId || !config.apiScope) throw signInFailed();
  const { createEntraTokenSource } = await import('./auth/entra.js');
  const token = await createEntraTokenSource({ clientId: config.clientId, apiScope: config.apiScope });
  const authHeaders = async (): Promise<Record<string, string>> => ({
    Authorization: `Bearer ${await token()}`,
  });
  // The first token once (it may ask for consent), then the profile and the meeting's conversation together.
  await token();
  const signedIn = createApiClient({ authHeaders, locale: host.locale });
  const [me, meeting] = await Promise.all([
    signedIn.me().catch(() => undefined),
    meetingChat ? meetingConversation(signedIn, meetingChat) : undefined,
  ]);
  if (meeting) await openMeetingConversation(meeting, '', host.locale);
  await routeCode;
  return { config, authHeaders, demoUsers: undefined, ...(me ? { firstMe: me } : {}) };
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
