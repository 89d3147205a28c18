import { createRoot } from 'react-dom/client';
import { detectHost } from './host/host.js';
import { Root } from './root.js';
import { prefetch } from './api/prefetch.js';
import { parseHash } from './routing/router.js';
import { preloadRoute } from './shell.js';

const route = parseHash(window.location.hash).path;
preloadRoute(route);
startPrefetch(route);

/** In the plain browser (local demo mode) the user is known before sign-in: ask for the first data at once. */
function startPrefetch(path: string): void {
  if (window.self !== window.top) return;
  const params = new URLSearchParams(window.location.search);
  const locale = params.get('lang')?.toLowerCase().startsWith('en') ? 'en' : 'nl';
  prefetch('/api/config', '', locale);
  prefetch('/api/demo/users', '', locale);
  let user: string | null = params.get('user');
  try {
    user ??= window.localStorage.getItem('gc.demoUser');
  } catch {
    user = null;
  }
  if (!user) return;
  prefetch('/api/me', user, locale);
  const conversation = /^\/gesprek\/([^/]+)/.exec(path)?.[1];
  if (conversation) prefetch(`/api/conversations/${encodeURIComponent(decodeURIComponent(conversation))}`, user, locale);
  else if (path === '/') prefetch('/api/conversations', user, locale);
}

const container = document.getElementById('root');
if (container) {
  void detectHost().then((host) => {
    document.documentElement.lang = host.locale;
    createRoot(container).render(<Root host={host} />);
  });
}
