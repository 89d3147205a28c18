/*
 * The first script: small and without React, so it runs as soon as it arrives. It starts the page's code and
 * data while the app code (React, Fluent UI; main.tsx) is still downloading and compiling.
 */
import { prefetch } from './api/prefetch.js';
import { wantedDemoUser } from './demo-user.js';
import { browserLocale, hostOfThisPage, sidePanelView } from './host/host.js';
import { parseHash } from './routing/paths.js';
import { configureModule, preloadMeetingPanel, preloadRoute } from './routing/route-modules.js';

const params = new URLSearchParams(window.location.search);
const configure = params.get('view') === 'configure';
const route = parseHash(window.location.hash).path;
const framed = window.self !== window.top;
const host = hostOfThisPage();
if (configure) void configureModule().catch(() => undefined);
else {
  // A meeting's side panel without a route shows the meeting's conversation, which the app finds once it can
  // sign in: that page's code now, beside the sign-in, instead of the home page's. Teams opens the side panel
  // at its configured address (`?view=zijpaneel`); its context says so too, a moment later.
  if (framed && route === '/' && params.get('view') === sidePanelView) void preloadMeetingPanel();
  else void preloadRoute(route);
  void host.then((found) => {
    if (found.sidePanel && found.meetingChatId && route === '/') void preloadMeetingPanel();
  });
  startPrefetch(route);
}

/** Asks for the first data at once; with a demo user (plain browser, local mode) also the user's own data. */
function startPrefetch(path: string): void {
  // The same language the app will speak (host.ts), so what is fetched now is already in it.
  const lang = params.get('lang');
  const locale = lang
    ? lang.toLowerCase().startsWith('en')
      ? 'en'
      : 'nl'
    : browserLocale(navigator.languages ?? []);
  // Public, the same for everyone: worth asking early inside Teams too.
  prefetch('/api/config', '', locale);
  if (framed) return;
  prefetch('/api/demo/users', '', locale);
  const user = wantedDemoUser();
  if (!user) return;
  prefetch('/api/me', user, locale);
  const conversation = /^\/gesprek\/([^/]+)/.exec(path)?.[1];
  if (conversation)
    prefetch(`/api/conversations/${encodeURIComponent(decodeURIComponent(conversation))}`, user, locale);
  else if (path === '/') prefetch('/api/conversations', user, locale);
}
