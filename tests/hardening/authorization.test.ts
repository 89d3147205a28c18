/**
 * Authorization matrix: every API route, called by every role with someone else's ids. Vitality content
 * (answers, report, agreements, POP, evaluation) carries a unique marker; it may reach only the employee, their
 * manager and an active delegate. Everyone else gets a refusal and never the marker, in any body.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import { as, startTestServer } from '../support/server.js';
import { buildConversation, inDays } from '../support/cycle.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const marker = `MARKER-${Date.now().toString(36)}-vertrouwelijk`;
/** The unshared draft's text: the marker (so every outsider check covers it) plus its own tail. */
const draftMarker = `${marker}-CONCEPT`;

/** Roles towards Fatima (employee of Jeroen, in Marieke's department) in the demo organisation. */
const roles = {
  employee: 'fatima',
  ownManager: 'jeroen',
  colleague: 'daan',
  otherTeamsManager: 'esther',
  secondLevelManager: 'marieke',
  hr: 'ingrid',
  activeDelegate: 'lotte',
  expiredDelegate: 'ruben',
} as const;
type Role = keyof typeof roles;
const allowed: ReadonlySet<Role> = new Set<Role>(['employee', 'ownManager', 'activeDelegate']);

let server: Server;
let archivedId: string;
let openId: string;

/** Response body as text, with zip archives unpacked, so a marker cannot hide in a download. */
async function bodyText(response: Response): Promise<string> {
  const bytes = Buffer.from(await response.arrayBuffer());
  if ((response.headers.get('content-type') ?? '').includes('zip')) {
    const zip = await JSZip.loadAsync(bytes);
    const parts = await Promise.all(Object.values(zip.files).map((f) => f.async('string')));
    return parts.join('\n');
  }
  return bytes.toString('utf8');
}

async function call(
  userId: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; text: string }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'x-demo-user': userId, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, text: await bodyText(response) };
}

beforeAll(async () => {
  server = await startTestServer();
  const texts = {
    preparation: marker,
    completion: marker,
    report: marker,
    agreement: marker,
    comment: marker,
  };
  // Signed and filed, with the marker in every text: preparation, meeting notes, report, agreement, the
  // manager's "niet akkoord" comment on version 1, the POP and the self-evaluation.
  const done = await buildConversation({
    type: 'vitaliteit',
    stage: 'archived',
    server,
    texts,
    decisions: [{ manager: 'niet_akkoord' }, { manager: 'akkoord' }],
    pop: {
      items: [{ id: 'p1', goal: marker, actions: marker, who: 'employee', support: marker, status: 'open' }],
    },
    evaluation: { items: [{ popItemId: 'p1', status: 'loopt', text: marker }], overall: marker },
  });
  archivedId = done.id;
  // A second conversation still in preparation, so drafts are covered too.
  const open = await buildConversation({
    type: 'vitaliteit',
    stage: 'preparing',
    server,
    start: 30,
    texts: { preparation: draftMarker },
  });
  openId = open.id;
  const jeroen = as(server.url, 'jeroen');
  expect(
    (
      await jeroen.post('/api/delegations', {
        delegateId: roles.activeDelegate,
        from: inDays(-1),
        until: inDays(10),
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await jeroen.post('/api/delegations', {
        delegateId: roles.expiredDelegate,
        from: inDays(-20),
        until: inDays(-10),
      })
    ).status,
  ).toBe(201);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

/** Every route, with Fatima's ids where a route takes one. */
function routes(): Array<{
  name: string;
  method: string;
  path: string;
  body?: unknown;
  perConversation?: boolean;
}> {
  const slot = { attendeeIds: ['fatima'], durationMinutes: 60, from: inDays(1), until: inDays(5) };
  return [
    { name: 'GET /api/health', method: 'GET', path: '/api/health' },
    { name: 'GET /api/config', method: 'GET', path: '/api/config' },
    { name: 'GET /api/demo/users', method: 'GET', path: '/api/demo/users' },
    { name: 'GET /api/me', method: 'GET', path: '/api/me' },
    { name: 'GET /api/me/export', method: 'GET', path: '/api/me/export' },
    { name: 'GET /api/formats', method: 'GET', path: '/api/formats' },
    { name: 'GET /api/conversations', method: 'GET', path: '/api/conversations' },
    { name: 'GET /api/team', method: 'GET', path: '/api/team' },
    { name: 'GET /api/team/vitality', method: 'GET', path: '/api/team/vitality' },
    { name: 'GET /api/archive', method: 'GET', path: '/api/archive' },
    { name: 'POST /api/calendar/free-slots', method: 'POST', path: '/api/calendar/free-slots', body: slot },
    {
      name: 'POST /api/conversations (for Fatima)',
      method: 'POST',
      path: '/api/conversations',
      body: { employeeId: 'fatima', type: 'vitaliteit', start: inDays(60), end: inDays(60, 10) },
      perConversation: true,
    },
    {
      name: 'POST /api/conversations/requests',
      method: 'POST',
      path: '/api/conversations/requests',
      body: { type: 'vitaliteit', note: 'graag' },
    },
    {
      name: 'GET /api/conversations/:id (archived)',
      method: 'GET',
      path: `/api/conversations/${archivedId}`,
      perConversation: true,
    },
    {
      name: 'GET /api/conversations/:id (draft)',
      method: 'GET',
      path: `/api/conversations/${openId}`,
      perConversation: true,
    },
    {
      name: 'GET /api/conversations/:id/audit',
      method: 'GET',
      path: `/api/conversations/${archivedId}/audit`,
      perConversation: true,
    },
    {
      name: 'GET /api/conversations/:id/document',
      method: 'GET',
      path: `/api/conversations/${archivedId}/document`,
      perConversation: true,
    },
    {
      name: 'POST /api/conversations/:id/commands (save-preparation)',
      method: 'POST',
      path: `/api/conversations/${openId}/commands`,
      body: {
        command: { type: 'save-preparation', answers: { 'behoeften.verbeterpunten': 'overschreven' } },
      },
      perConversation: true,
    },
    {
      name: 'POST /api/conversations/:id/commands (save-evaluation)',
      method: 'POST',
      path: `/api/conversations/${archivedId}/commands`,
      body: {
        command: { type: 'save-evaluation', evaluation: { items: [], overall: 'overschreven' } },
      },
      perConversation: true,
    },
    {
      name: 'GET /api/people/:id/year',
      method: 'GET',
      path: '/api/people/fatima/year',
      perConversation: true,
    },
    {
      name: 'POST /api/delegations',
      method: 'POST',
      path: '/api/delegations',
      body: { delegateId: 'noor', from: inDays(-1), until: inDays(1) },
    },
    {
      name: 'POST /api/hr/erasure (someone without data)',
      method: 'POST',
      path: '/api/hr/erasure',
      body: { employeeId: 'thomas', reason: 'matrix' },
    },
    {
      name: 'POST /api/hr/erasure (Fatima, by non-HR)',
      method: 'POST',
      path: '/api/hr/erasure',
      body: { employeeId: 'fatima', reason: 'matrix' },
      perConversation: true,
    },
  ];
}

const outsiders = (Object.keys(roles) as Role[]).filter((r) => !allowed.has(r));

describe('authorization matrix', () => {
  it('shows the marker to the employee, the manager and the active delegate (the check can see it)', async () => {
    for (const role of allowed) {
      const view = await call(roles[role], 'GET', `/api/conversations/${archivedId}`);
      expect({ role, status: view.status }).toEqual({ role, status: 200 });
      expect(view.text).toContain(marker);
    }
  });

  it('shows the manager and the delegate that Fatima prepares, never what, until she shares', async () => {
    for (const role of ['ownManager', 'activeDelegate'] as const) {
      const view = await call(roles[role], 'GET', `/api/conversations/${openId}`);
      expect({ role, status: view.status }).toEqual({ role, status: 200 });
      // The signed previous conversation opens this one for both; the draft reaches no one but its author.
      expect(view.text).toContain(marker);
      expect(view.text).not.toContain(draftMarker);
      expect(JSON.parse(view.text).preparationStatus).toBe('in-progress');
    }
    expect((await call(roles.employee, 'GET', `/api/conversations/${openId}`)).text).toContain(draftMarker);
  });

  it('answers HR with 404 on the signed Vitaliteitsgesprek, its document and the year', async () => {
    for (const path of [
      `/api/conversations/${archivedId}`,
      `/api/conversations/${archivedId}/document`,
      `/api/conversations/${archivedId}/audit`,
      '/api/people/fatima/year',
    ])
      expect({ path, status: (await call(roles.hr, 'GET', path)).status }).toEqual({ path, status: 404 });
  });

  it.each(outsiders)('never lets %s read or change Fatima’s vitality content on any route', async (role) => {
    const userId = roles[role];
    const leaks: string[] = [];
    const accepted: string[] = [];
    for (const route of routes()) {
      // HR erasing someone is HR's right; here it must not touch Fatima, whose case is the last route.
      if (role === 'hr' && route.name.startsWith('POST /api/hr/erasure (Fatima')) continue;
      const response = await call(userId, route.method, route.path, route.body);
      // A signed Vitaliteitsgesprek is kept confidentially: not even HR opens its PDF.
      if (response.text.includes(marker)) leaks.push(`${route.name} → ${response.status}`);
      if (route.perConversation && response.status < 400) accepted.push(`${route.name} → ${response.status}`);
      expect(response.status).not.toBe(500);
    }
    expect(leaks).toEqual([]);
    expect(accepted).toEqual([]);
    // Nothing was changed on the way.
    const view = await as(server.url, 'fatima').get(`/api/conversations/${openId}`);
    expect(JSON.stringify(view.body)).not.toContain('overschreven');
    const done = await as(server.url, 'fatima').get(`/api/conversations/${archivedId}`);
    expect(done.body.conversation.evaluation.overall).toBe(marker);
  });

  it('lets the expired delegate act no more than a stranger, and logs every read by others', async () => {
    const before = await as(server.url, 'fatima').get(`/api/conversations/${archivedId}/audit`);
    const reads = (entries: Array<{ action: string; actorId: string }>) =>
      entries.filter((e) => e.action === 'conversation.read').map((e) => e.actorId);
    expect((await call(roles.expiredDelegate, 'GET', `/api/conversations/${archivedId}`)).status).toBe(404);
    await call(roles.activeDelegate, 'GET', `/api/conversations/${archivedId}`);
    const after = await as(server.url, 'fatima').get(`/api/conversations/${archivedId}/audit`);
    const added = reads(after.body.entries).slice(reads(before.body.entries).length);
    expect(added).toEqual([roles.activeDelegate]);
  });
});
