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
}

/** The tab's pages that cards open. */
export type TabPage = 'home' | 'gesprek' | 'voorbereiden' | 'verslag' | 'akkoord' | 'plannen' | 'team';

export interface TabLinkParams {
  conversationId?: string;
  employeeId?: string;
}

/** The personal tab's entity id in the manifest (`staticTabs[].entityId`). */
export const tabEntityId = 'gesprekken';

const conversationPages: Partial<Record<TabPage, string>> = {
  gesprek: '',
  voorbereiden: '/voorbereiden',
  verslag: '/verslag',
  akkoord: '/akkoord',
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
      if (params.conversationId) query.set('gesprek', params.conversationId);
      const search = query.toString();
      return search ? `/plannen?${search}` : '/plannen';
    }
    case 'team':
      return '/team';
    default:
      return '/';
  }
}

/** A link that opens the tab on a page: a local URL in local mode, a Teams deep link otherwise. */
export function tabDeepLink(config: LinkConfig, page: TabPage, params: TabLinkParams = {}): string {
  const route = tabRoute(page, params);
  const base = config.publicUrl.replace(/\/+$/, '');
  if (config.authMode === 'local') return `${base}/tabs/home/#${route}`;
  const context = encodeURIComponent(JSON.stringify({ subEntityId: route }));
  const webUrl = encodeURIComponent(`${base}/tabs/home/#${route}`);
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(config.teamsAppId)}/${tabEntityId}?webUrl=${webUrl}&context=${context}`;
}
