/**
 * Deep links from cards into the personal tab. One helper builds all of them, so the tab's routes are
 * defined in one place: a plain URL in local mode, a Teams entity link (with the route as sub-entity) in Teams.
 */

/** The configuration a link needs; `Config` from src/server/config.ts satisfies it. */
export interface LinkConfig {
  authMode: 'local' | 'entra';
  /** Where the server is reachable, e.g. `http://localhost:3978`. */
  publicUrl: string;
  /** The Teams app id from the manifest. */
  teamsAppId: string;
  /**
   * Who the link is for. Local mode names them in the link (`?user=`, which the tab's demo switcher follows), so a
   * link in Fatima's card opens as Fatima; in Teams the tab opens as the signed-in user and this is not used.
   */
  recipientId?: string;
}

/** The link configuration for one recipient's cards. */
export function linksFor<T extends LinkConfig>(config: T, recipientId: string): LinkConfig {
  return {
    authMode: config.authMode,
    publicUrl: config.publicUrl,
    teamsAppId: config.teamsAppId,
    recipientId,
  };
}

/** The tab's pages that cards open. */
export type TabPage =
  | 'home'
  | 'gesprek'
  | 'voorbereiden'
  | 'verslag'
  | 'akkoord'
  | 'pop'
  | 'plannen'
  | 'team'
  | 'archief'
  | 'rondes';

export interface TabLinkParams {
  conversationId?: string;
  employeeId?: string;
  /** For `rondes`: one round (a manager's list of reports to plan in it, HR's progress). */
  roundId?: string;
}

/** The personal tab's entity id in the manifest (`staticTabs[].entityId`). */
export const tabEntityId = 'gesprekken';

const conversationPages: Partial<Record<TabPage, string>> = {
  gesprek: '',
  voorbereiden: '/voorbereiden',
  verslag: '/verslag',
  akkoord: '/akkoord',
  pop: '/pop',
};

/**
 * The tab's hash route for a page, e.g. `/gesprek/c-1/akkoord` or `/plannen?employee=fatima`. The tab
 * reads it from the URL hash (local) or from the Teams context's `page.subPageId` (Teams).
 */
export function tabRoute(page: TabPage, params: TabLinkParams = {}): string {
  const suffix = conversationPages[page];
  if (suffix !== undefined) {
    if (!params.conversationId) throw new Error(`Page "${page}" needs a conversationId`);
    return `/gesprek/${encodeURIComponent(params.conversationId)}${suffix}`;
  }
  switch (page) {
    case 'plannen': {
      const query = new URLSearchParams();
      if (params.employeeId) query.set('employee', params.employeeId);
      // The plan page takes the request it plans from `request`: planning then closes that request.
      if (params.conversationId) query.set('request', params.conversationId);
      const search = query.toString();
      return search ? `/plannen?${search}` : '/plannen';
    }
    case 'team':
      return '/team';
    case 'archief':
      return params.conversationId ? `/archief/${encodeURIComponent(params.conversationId)}` : '/archief';
    case 'rondes':
      return params.roundId ? `/rondes/${encodeURIComponent(params.roundId)}` : '/rondes';
    default:
      return '/';
  }
}

/** A link that opens the tab on a page: a local URL in local mode, a Teams deep link otherwise. */
export function tabDeepLink(config: LinkConfig, page: TabPage, params: TabLinkParams = {}): string {
  const route = tabRoute(page, params);
  const base = config.publicUrl.replace(/\/+$/, '');
  if (config.authMode === 'local') return `${base}/tabs/home/${demoUserQuery(config)}#${route}`;
  const context = encodeURIComponent(JSON.stringify({ subEntityId: route }));
  const webUrl = encodeURIComponent(`${base}/tabs/home/#${route}`);
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(config.teamsAppId)}/${tabEntityId}?webUrl=${webUrl}&context=${context}`;
}

function demoUserQuery(config: LinkConfig): string {
  return config.recipientId ? `?user=${encodeURIComponent(config.recipientId)}` : '';
}

/**
 * The "Deelnemen aan Teams-vergadering" link: the meeting's join URL as the calendar gave it. In local mode the
 * local calendar's join link (`<publicUrl>/meeting/<event>`) names the recipient too, so the local meeting page
 * opens as them; a Teams join URL is never changed.
 */
export function meetingLink(config: LinkConfig, joinUrl: string): string {
  const base = config.publicUrl.replace(/\/+$/, '');
  if (config.authMode !== 'local' || !config.recipientId || !joinUrl.startsWith(`${base}/meeting/`))
    return joinUrl;
  const url = new URL(joinUrl);
  url.searchParams.set('user', config.recipientId);
  return url.toString();
}

/** The tab route that stands in for a Teams meeting locally: `/vergadering/<event>`. */
export function localMeetingRoute(eventId: string): string {
  return `/vergadering/${encodeURIComponent(eventId)}`;
}

/** Where the local calendar's join link leads: the tab's local meeting page, as the user the link names. */
export function localMeetingPage(eventId: string, userId?: string): string {
  const query = userId ? `?user=${encodeURIComponent(userId)}` : '';
  return `/tabs/home/${query}#${localMeetingRoute(eventId)}`;
}
