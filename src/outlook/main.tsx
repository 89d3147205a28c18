/**
 * Start-up of the Outlook task pane: waits for office-js (loaded by index.html), finds the appointment being
 * composed, signs in and renders the pane. Opened outside Outlook it says so instead of failing silently.
 */
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from '@fluentui/react-components';
import { tabDeepLink, tabRoute } from '../cards/links.js';
import { toLocale, type Locale } from '../domain/text.js';
import { createHttpApiClient, type PublicConfig } from './api-client.js';
import { demoAuth, naaAuth, storedDemoUser, storeDemoUser } from './auth.js';
import { PlanPane } from './app.js';
import { say } from './i18n.js';
import type { OfficeGlobal } from './office-types.js';

const root = createRoot(document.getElementById('root') as HTMLElement);

function render(locale: Locale, content: ReactNode): void {
  root.render(
    <StrictMode>
      <FluentProvider theme={webLightTheme} lang={locale}>
        {content}
      </FluentProvider>
    </StrictMode>,
  );
}

function notice(locale: Locale, text: string, intent: 'info' | 'error' = 'info'): void {
  render(
    locale,
    <MessageBar intent={intent} style={{ margin: 16 }}>
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>,
  );
}

/** office.js sets `window.Office`; it is absent when the page is opened in a plain browser. */
function officeGlobal(): OfficeGlobal | undefined {
  return (globalThis as { Office?: OfficeGlobal }).Office;
}

async function start(): Promise<void> {
  const office = officeGlobal();
  const browserLocale = toLocale(navigator.language);
  if (!office) return notice(browserLocale, `${say('nl', 'noOffice')} / ${say('en', 'noOffice')}`);
  const info = await office.onReady();
  const locale = toLocale(office.context.displayLanguage);
  const item = office.context.mailbox?.item;
  if (!info.host || !item) return notice(locale, say(locale, info.host ? 'noItem' : 'noOffice'));

  const origin = window.location.origin;
  const config = (await (await fetch(`${origin}/api/config`)).json()) as PublicConfig;
  let authHeaders;
  try {
    authHeaders = config.authMode === 'entra' ? naaAuth(config) : demoAuth(storedDemoUser);
  } catch (error) {
    return notice(
      locale,
      `${say(locale, 'signInFailed')}: ${error instanceof Error ? error.message : String(error)}`,
      'error',
    );
  }
  if (config.authMode === 'local' && !storedDemoUser()) {
    // Local runs have no sign-in: act as the demo organisation's first manager until another is chosen.
    const { users } = (await (await fetch(`${origin}/api/demo/users`)).json()) as { users: { id: string }[] };
    const firstManager =
      users.find((u) => u.id === new URLSearchParams(window.location.search).get('as')) ??
      users[1] ??
      users[0];
    if (firstManager) storeDemoUser(firstManager.id);
  }
  const api = createHttpApiClient({ baseUrl: origin, authHeaders, locale });
  // A Teams deep link when the server names the Teams app; otherwise the tab's own web address.
  const formatLink = (conversationId: string) =>
    config.teamsAppId
      ? tabDeepLink({ authMode: 'entra', publicUrl: origin, teamsAppId: config.teamsAppId }, 'voorbereiden', {
          conversationId,
        })
      : `${origin}/tabs/home/#${tabRoute('voorbereiden', { conversationId })}`;
  render(locale, <PlanPane item={item} api={api} locale={locale} formatLink={formatLink} />);
}

start().catch((error: unknown) =>
  notice(
    'nl',
    `${say('nl', 'loadFailed')}: ${error instanceof Error ? error.message : String(error)}`,
    'error',
  ),
);
