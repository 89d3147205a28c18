/** The tab once signed in: the shell and the page for the current route. */
import { createRoot } from 'react-dom/client';
import type { HostInfo } from './host/host.js';
import { Root, type RootView } from './root.js';
import { preloadRoute } from './routing/route-modules.js';
import { parseHash, startRoute } from './routing/router.js';
import { settleSession } from './session.js';
import { loadTheme } from './theme/themes.js';

/**
 * Opens the route a Teams deep link asked for (`subPageId`) by putting it in the hash before the first render,
 * so the router starts there. Returns the route it opened, if any.
 */
export function openDeepLink(host: HostInfo): string | undefined {
  const route = startRoute(window.location.hash, host.subPageId);
  if (!route) return undefined;
  window.history.replaceState(null, '', `#${route}`);
  void preloadRoute(parseHash(route).path);
  return route;
}

/**
 * Renders the tab once the host, its theme and the session are known, so the first render is the page
 * itself. Until then index.html's own loading indicator shows; React replaces it.
 */
export async function mount(container: HTMLElement, host: HostInfo, view: RootView): Promise<void> {
  document.documentElement.lang = host.locale;
  if (view === 'app') openDeepLink(host);
  const [theme, start] = await Promise.all([
    loadTheme(host.theme),
    view === 'app' ? settleSession(host) : undefined,
  ]);
  createRoot(container).render(<Root host={host} view={view} theme={theme} start={start} />);
}
