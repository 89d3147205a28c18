/**
 * @jest-environment jsdom
 *
 * Starting the tab in a meeting's side panel: the meeting's conversation is asked for by its chat id beside the
 * profile (no list of conversations first), its page's code from the start, and the first render opens it.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';

// The pages' code is not what is tested here: which of it is asked for, and when, is.
const code: string[] = [];
jest.unstable_mockModule('../../src/tab/routing/route-modules.js', () => ({
  preloadRoute: jest.fn(async (path: string) => void code.push(`route ${path}`)),
  preloadMeetingPanel: jest.fn(async () => void code.push('meeting panel')),
  demoSwitcherModule: jest.fn(async () => void code.push('demo switcher')),
}));
jest.unstable_mockModule('../../src/tab/auth/entra.js', () => ({
  createEntraTokenSource: jest.fn(async () => async () => 'token-jeroen'),
}));

const { startSession } = await import('../../src/tab/session.js');
const { takePrefetchedBody } = await import('../../src/tab/api/prefetch.js');
type HostInfo = import('../../src/tab/host/host.js').HostInfo;

const chatId = '19:meeting_YmVuY2g@thread.v2';
const meetingPath = `/api/meetings/${encodeURIComponent(chatId)}/conversation`;
const jeroen = { id: 'jeroen', displayName: 'Jeroen Bakker', email: 'jeroen@dijkstad.example' };
const fatima = { id: 'fatima', displayName: 'Fatima El Amrani', email: 'fatima@dijkstad.example' };

/** The part of the view the start-up reads to choose the page. */
const view = {
  conversation: { id: 'c2', type: 'vitaliteit', stage: 'prepared', employeeId: 'fatima' },
  party: 'manager',
  nextStep: 'hold-meeting',
};

function sidePanel(overrides: Partial<HostInfo> = {}): HostInfo {
  return {
    inTeams: true,
    locale: 'nl',
    theme: 'light',
    sidePanel: true,
    meetingChatId: chatId,
    onThemeChange: () => undefined,
    notifySuccess: () => undefined,
    notifyFailure: () => undefined,
    ...overrides,
  };
}

/** Every request and answer in the order they happened, each answer a few milliseconds after its request. */
let log: string[];
const realFetch = globalThis.fetch;

function serve(answers: Record<string, unknown>, authMode: 'local' | 'entra' = 'local'): void {
  const all: Record<string, unknown> = {
    '/api/config':
      authMode === 'local'
        ? { authMode }
        : { authMode, clientId: 'app', apiScope: 'api://app/access_as_user' },
    '/api/demo/users': { users: [jeroen, fatima] },
    '/api/me': { user: jeroen, reports: [fatima], isHr: false, isManager: true },
    ...answers,
  };
  globalThis.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input);
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const who = headers['X-Demo-User'] ?? headers.Authorization ?? 'anonymous';
    log.push(`ask ${path} as ${who}`);
    await new Promise((r) => setTimeout(r, 5));
    log.push(`answer ${path}`);
    const body = all[path];
    // What the client reads of an answer (jsdom has no Response).
    return { ok: body !== undefined, status: body ? 200 : 404, json: async () => body ?? { status: 404 } };
  }) as unknown as typeof fetch;
}

beforeEach(() => {
  log = [];
  code.length = 0;
  window.history.replaceState(null, '', '/tabs/home/index.html?view=zijpaneel&user=jeroen');
});
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** Where in the log a line is; fails when it is not there. */
const at = (line: string): number => {
  const index = log.indexOf(line);
  if (index < 0) throw new Error(`not in the log: ${line}\n${log.join('\n')}`);
  return index;
};

describe('the side panel starting', () => {
  it('asks for the meeting conversation beside the profile and opens it before the first render', async () => {
    serve({ [meetingPath]: view });
    const session = await startSession(sidePanel());
    // Its page's code was asked for before anything was answered, and the home page's never.
    expect(code[0]).toBe('meeting panel');
    expect(code).not.toContain('route /');
    // One request, together with the profile and the users: none waits for another, and no list.
    const asked = at(`ask ${meetingPath} as jeroen`);
    expect(asked).toBeLessThan(at('answer /api/me'));
    expect(at('ask /api/me as jeroen')).toBeLessThan(at(`answer ${meetingPath}`));
    expect(log.some((l) => l.startsWith('ask /api/conversations'))).toBe(false);
    // The first render opens his page in it, with the view already there for it.
    expect(window.location.hash).toBe('#/gesprek/c2/gesprek');
    expect(window.location.search).toBe('?view=zijpaneel&user=jeroen');
    expect(code).toContain('route /gesprek/c2/gesprek');
    expect(takePrefetchedBody('/api/conversations/c2', 'jeroen', 'nl')).toEqual(view);
    expect(session.firstMe?.user.id).toBe('jeroen');
    // Local mode: the demo switcher's code is there for the first render, so the page never moves under it.
    expect(code).toContain('demo switcher');
  });

  it('starts on the home page when the meeting has no conversation of hers', async () => {
    serve({});
    await startSession(sidePanel());
    expect(at(`answer ${meetingPath}`)).toBeGreaterThan(0);
    expect(window.location.hash).toBe('');
    expect(takePrefetchedBody('/api/conversations/c2', 'jeroen', 'nl')).toBeUndefined();
  });

  it('keeps a route it was opened with, and looks up nothing outside a side panel', async () => {
    serve({ [meetingPath]: view });
    window.history.replaceState(
      null,
      '',
      '/tabs/home/index.html?view=zijpaneel&user=jeroen#/gesprek/c9/verslag',
    );
    await startSession(sidePanel());
    expect(window.location.hash).toBe('#/gesprek/c9/verslag');
    window.history.replaceState(null, '', '/tabs/home/index.html?user=jeroen');
    await startSession(sidePanel({ sidePanel: false }));
    expect(window.location.hash).toBe('');
    expect(log.some((l) => l.startsWith(`ask ${meetingPath}`))).toBe(false);
  });

  it('with Entra sign-in, asks with the token for both together, and keeps the view for the signed-in user', async () => {
    serve({ [meetingPath]: view }, 'entra');
    const session = await startSession(sidePanel());
    const asked = at(`ask ${meetingPath} as Bearer token-jeroen`);
    expect(asked).toBeLessThan(at('answer /api/me'));
    expect(at('ask /api/me as Bearer token-jeroen')).toBeLessThan(at(`answer ${meetingPath}`));
    expect(window.location.hash).toBe('#/gesprek/c2/gesprek');
    expect(takePrefetchedBody('/api/conversations/c2', '', 'nl')).toEqual(view);
    expect(session.firstMe?.user.id).toBe('jeroen');
    expect(session.demoUsers).toBeUndefined();
    // Inside Teams with Entra there is no demo: its code is never asked for.
    expect(code).not.toContain('demo switcher');
  });
});
