/** @jest-environment jsdom */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';

// teams-js as Teams answers when a card's deep link opens the tab: the route arrives as `page.subPageId`.
const context: Record<string, unknown> = {
  app: { locale: 'nl-nl', theme: 'dark' },
  page: { id: 'gesprekken', frameContext: 'content', subPageId: '/gesprek/c-1/akkoord' },
};
jest.unstable_mockModule('@microsoft/teams-js', () => ({
  app: {
    initialize: jest.fn(async () => undefined),
    getContext: jest.fn(async () => context),
    registerOnThemeChangeHandler: jest.fn(),
    notifySuccess: jest.fn(),
    notifyFailure: jest.fn(),
    FailedReason: { Other: 'Other' },
  },
}));

const { detectHost } = await import('../../../src/tab/host/host.js');
const { openDeepLink } = await import('../../../src/tab/app.js');
const { startRoute } = await import('../../../src/tab/routing/paths.js');

describe('a Teams deep link', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/tabs/home/index.html');
  });

  it('reads the route from the Teams context', async () => {
    const host = await detectHost(1000, true);
    expect(host.inTeams).toBe(true);
    expect(host.theme).toBe('dark');
    expect(host.subPageId).toBe('/gesprek/c-1/akkoord');
    expect(host.meetingChatId).toBeUndefined();
  });

  it('knows the meeting chat in a meeting side panel', async () => {
    const personal = { ...context };
    Object.assign(context, {
      page: { id: 'gesprek', frameContext: 'sidePanel' },
      meeting: { id: 'MCMxOTptZWV0aW5n' },
      chat: { id: '19:meeting_NjQ1@thread.v2' },
    });
    try {
      const host = await detectHost(1000, true);
      expect(host.sidePanel).toBe(true);
      expect(host.meetingChatId).toBe('19:meeting_NjQ1@thread.v2');
    } finally {
      for (const key of Object.keys(context)) delete context[key];
      Object.assign(context, personal);
    }
  });

  it('opens that route before the first render', async () => {
    const host = await detectHost(1000, true);
    expect(openDeepLink(host)).toBe('/gesprek/c-1/akkoord');
    expect(window.location.hash).toBe('#/gesprek/c-1/akkoord');
    expect(window.location.pathname).toBe('/tabs/home/index.html');
  });

  it('keeps a route that is already in the address', async () => {
    window.history.replaceState(null, '', '/tabs/home/index.html#/team');
    const host = await detectHost(1000, true);
    expect(openDeepLink(host)).toBeUndefined();
    expect(window.location.hash).toBe('#/team');
  });

  it('opens routes with a query, and nothing that is not one of our routes', () => {
    expect(startRoute('', '/plannen?employee=fatima')).toBe('/plannen?employee=fatima');
    expect(startRoute('#/', '/gesprek/c-1/akkoord')).toBe('/gesprek/c-1/akkoord');
    expect(startRoute('', undefined)).toBeUndefined();
    expect(startRoute('', 'https://evil.example/')).toBeUndefined();
    expect(startRoute('', '//evil.example/x')).toBeUndefined();
    expect(startRoute('', 'javascript:alert(1)')).toBeUndefined();
  });
});
