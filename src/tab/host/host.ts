/** Where the tab runs (Teams or a plain browser) and the person's language, theme and context there. */
import type { Locale } from '../../domain/text.js';
import { toLocale } from '../../domain/text.js';

export type ThemeName = 'light' | 'dark' | 'contrast';

/** Where the tab runs and what the host tells us about the user's preferences. */
export interface HostInfo {
  inTeams: boolean;
  locale: Locale;
  theme: ThemeName;
  /** Teams meeting side panel: a narrow column (320 px). */
  sidePanel: boolean;
  /** In a Teams meeting: the meeting chat's id (`19:meeting_…@thread.v2`), to open that meeting's conversation. */
  meetingChatId?: string;
  /** The route a Teams deep link asked for (`context.page.subPageId`, e.g. `/gesprek/c-1/akkoord`). */
  subPageId?: string;
  /** Registers a handler for live theme changes in Teams; a no-op in the browser. */
  onThemeChange(handler: (theme: ThemeName) => void): void;
  notifySuccess(): void;
  notifyFailure(message: string): void;
}

/** Maps a Teams theme name (`default`, `dark`, `contrast`) to ours. */
export function toThemeName(teamsTheme: string | undefined | null): ThemeName {
  if (teamsTheme === 'dark') return 'dark';
  if (teamsTheme === 'contrast') return 'contrast';
  return 'light';
}

/** Query overrides for testing and local use: `?theme=dark|contrast&lang=en`. */
export function readOverrides(search: string): { theme?: ThemeName; locale?: Locale } {
  const params = new URLSearchParams(search);
  const theme = params.get('theme');
  const lang = params.get('lang');
  return {
    ...(theme === 'dark' || theme === 'contrast' || theme === 'light' ? { theme } : {}),
    ...(lang ? { locale: toLocale(lang) } : {}),
  };
}

/** The address the meeting tab's configuration saves for the side panel (see configure-page.tsx). */
export const sidePanelView = 'zijpaneel';

function isSidePanelView(search: string): boolean {
  return new URLSearchParams(search).get('view') === sidePanelView;
}

function isInIframe(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    // A cross-origin parent throws on access: that is exactly the hosted case.
    return true;
  }
}

/**
 * The language of a plain browser: the first of the browser's languages the app speaks, so an en-GB browser
 * gets English and a nl-BE one Dutch; Dutch when it lists neither.
 */
export function browserLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('nl')) return 'nl';
    if (lower.startsWith('en')) return 'en';
  }
  return 'nl';
}

function navigatorLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}

const darkQuery = '(prefers-color-scheme: dark)';
// Windows high contrast (forced colours) wins over a dark preference: the contrast theme is built for it.
const contrastQuery = '(forced-colors: active)';

function matches(query: string): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
}

/** The theme a plain browser asks for: high contrast, dark or light. */
export function browserTheme(): ThemeName {
  if (matches(contrastQuery)) return 'contrast';
  return matches(darkQuery) ? 'dark' : 'light';
}

/** Follows the browser's colour preferences while the page is open, as Teams' theme handler does inside Teams. */
function onBrowserThemeChange(handler: (theme: ThemeName) => void): void {
  if (typeof window.matchMedia !== 'function') return;
  for (const query of [darkQuery, contrastQuery]) {
    window.matchMedia(query).addEventListener?.('change', () => handler(browserTheme()));
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function localHost(): HostInfo {
  const overrides = readOverrides(window.location.search);
  return {
    inTeams: false,
    // An address parameter first (tests, links), then the browser's own languages and colour preferences.
    locale: overrides.locale ?? browserLocale(navigatorLanguages()),
    theme: overrides.theme ?? browserTheme(),
    sidePanel: isSidePanelView(window.location.search),
    onThemeChange: (handler) => {
      if (!overrides.theme) onBrowserThemeChange(handler);
    },
    notifySuccess: () => undefined,
    notifyFailure: () => undefined,
  };
}

let detection: Promise<HostInfo> | undefined;

/**
 * The host, detected once per page: the first script starts it, so Teams' answer is under way while the app
 * code still loads, and the app picks up the same answer.
 */
export function hostOfThisPage(): Promise<HostInfo> {
  return (detection ??= detectHost());
}

/**
 * Initialises teams-js when the page runs inside a frame, and falls back to the plain browser when it does
 * not or when Teams does not answer quickly. teams-js is only downloaded in the hosted case.
 */
export async function detectHost(timeoutMs = 2500, framed: boolean = isInIframe()): Promise<HostInfo> {
  if (!framed) return localHost();
  try {
    const { app } = await import('@microsoft/teams-js');
    await withTimeout(app.initialize(), timeoutMs);
    const context = await withTimeout(app.getContext(), timeoutMs);
    const overrides = readOverrides(window.location.search);
    return {
      inTeams: true,
      locale: overrides.locale ?? toLocale(context.app.locale),
      theme: overrides.theme ?? toThemeName(context.app.theme),
      sidePanel: context.page.frameContext === 'sidePanel' || isSidePanelView(window.location.search),
      ...(context.page.subPageId ? { subPageId: context.page.subPageId } : {}),
      ...(context.meeting?.id && context.chat?.id ? { meetingChatId: context.chat.id } : {}),
      onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(toThemeName(theme))),
      notifySuccess: () => void app.notifySuccess(),
      notifyFailure: (message) => app.notifyFailure({ reason: app.FailedReason.Other, message }),
    };
  } catch {
    // Framed but not by Teams (or Teams did not answer): behave as the local browser app.
    return localHost();
  }
}
