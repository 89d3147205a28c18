import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { as, eventually, startTestServer } from '../support/server.js';
import { vitalityPreparation, vitalityReport } from '../support/factories.js';
import { backends, storeOptionsFor } from '../support/databases.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const inDays = (days: number, hour = 9) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

describe.each(backends)('the conversation cycle over HTTP (%s)', (backend) => {
  let server: Server;
  beforeAll(async () => {
    const { databaseUrl } = await storeOptionsFor(backend);
    server = await startTestServer({ env: databaseUrl ? { DATABASE_URL: databaseUrl } : {} });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('takes a Vitaliteitsgesprek from planning to the personnel file', async () => {
    const jeroen = as(server.url, 'jeroen');
    const fatima = as(server.url, 'fatima');
    const planned = await jeroen.post('/api/conversations', {
      employeeId: 'fatima',
      type: 'vitaliteit',
      start: inDays(7),
      end: inDays(7, 10),
    });
    expect(planned.status).toBe(201);
    const id = planned.body.conversation.id as string;
    expect(planned.body.conversation.stage).toBe('planned');

    // The Teams meeting is created and the invitation follows through the outbox.
    const withMeeting = await eventually(
      async () => {
        const view = await fatima.get(`/api/conversations/${id}`);
        return view.body.conversation.schedule.meetingUrl ? view : undefined;
      },
      20_000,
      'the meeting link',
    );
    expect(withMeeting.body.nextStep).toBe('prepare');

    let revision = withMeeting.body.conversation.revision as number;
    const send = async (who: ReturnType<typeof as>, command: object) => {
      const response = await who.post(`/api/conversations/${id}/commands`, { revision, command });
      expect(response.status).toBe(200);
      revision = response.body.conversation.revision;
      return response.body;
    };
    await send(fatima, { type: 'save-preparation', answers: vitalityPreparation });
    await send(fatima, { type: 'submit-preparation' });
    await send(jeroen, {
      type: 'save-completion',
      answers: { 'werkgeverschap.steun': 'Thuiswerkdag is mogelijk.' },
    });
    await send(jeroen, { type: 'complete-meeting' });
    await send(fatima, { type: 'save-report', answers: vitalityReport });
    const submitted = await send(fatima, { type: 'submit-report' });
    expect(submitted.conversation.versions[0].hash).toMatch(/^[0-9a-f]{64}$/);
    await send(fatima, { type: 'decide', version: 1, decision: 'akkoord' });
    const approved = await send(jeroen, { type: 'decide', version: 1, decision: 'akkoord' });
    expect(approved.conversation.stage).toBe('approved');

    const archived = await eventually(
      async () => {
        const view = await fatima.get(`/api/conversations/${id}`);
        return view.body.conversation.stage === 'archived' ? view : undefined;
      },
      30_000,
      'archiving',
    );
    expect(archived.body.conversation.archive.hash).toBe(submitted.conversation.versions[0].hash);
    // Archiving was the system's change, not a person's: the revision the tab edits against still holds.
    expect(archived.body.conversation.revision).toBe(revision);
    const pdf = await fatima.raw('GET', `/api/conversations/${id}/document`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const folder = join(server.dataDir, 'archive', 'fatima');
    expect(existsSync(folder)).toBe(true);
    expect(readdirSync(folder).filter((f) => f.endsWith('.pdf'))).toHaveLength(1);

    // The POP follows the report; the next conversation opens with the previous report and agreements.
    await send(fatima, {
      type: 'save-pop',
      pop: {
        goals: 'Meer energie',
        actions: 'Wandelen in de lunch',
        support: 'Vaste thuiswerkdag',
        date: '2027-03-01',
      },
    });
    const next = await jeroen.post('/api/conversations', {
      employeeId: 'fatima',
      type: 'vitaliteit',
      start: inDays(180),
      end: inDays(180, 10),
    });
    expect(next.body.previous).toMatchObject({
      id,
      agreements: [{ text: 'Vaste thuiswerkdag op woensdag' }],
      pop: { goals: 'Meer energie' },
    });

    // The trail shows every step, including the manager reading the employee's conversation.
    expect((await jeroen.get(`/api/conversations/${id}`)).status).toBe(200);
    const audit = await fatima.get(`/api/conversations/${id}/audit`);
    const actions = (audit.body.entries as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'conversation.planned',
        'conversation.report-submitted',
        'conversation.approved',
        'conversation.archived',
        'conversation.read',
      ]),
    );
  });

  it('takes a Reflectiegesprek through a "niet akkoord" round, building on Het Goede Gesprek', async () => {
    const jeroen = as(server.url, 'jeroen');
    const daan = as(server.url, 'daan');
    const goals = {
      'kennis-competenties': [{ id: 'g1', title: 'Cursus Klantgericht schrijven afronden' }],
      resultaat: [{ id: 'g2', title: 'Wachttijd telefoon onder 2 minuten' }],
    };
    const planned = await jeroen.post('/api/conversations', {
      employeeId: 'daan',
      type: 'reflectie',
      start: inDays(5),
      end: inDays(5, 10),
      earlierGoals: goals,
    });
    expect(planned.status).toBe(201);
    const id = planned.body.conversation.id as string;
    expect(planned.body.conversation.preparation['deel.kennis-competenties.doelen']).toEqual([
      { goalId: 'g1', title: 'Cursus Klantgericht schrijven afronden' },
    ]);
    let revision = planned.body.conversation.revision as number;
    const send = async (who: ReturnType<typeof as>, command: object, status = 200) => {
      const response = await who.post(`/api/conversations/${id}/commands`, { revision, command });
      expect(response.status).toBe(status);
      if (status === 200) revision = response.body.conversation.revision;
      return response.body;
    };
    const incomplete = await send(daan, {
      type: 'save-preparation',
      answers: {
        'deel.kennis-competenties.doelen': [
          { goalId: 'g1', title: 'Cursus Klantgericht schrijven afronden', progress: 'Module 3 van 4' },
        ],
      },
    });
    expect(incomplete.conversation.stage).toBe('preparing');
    const refused = await send(daan, { type: 'submit-preparation' }, 400);
    expect(refused.code).toBe('incomplete');
    await send(daan, {
      type: 'save-preparation',
      answers: {
        'deel.kennis-competenties.doelen': [
          {
            goalId: 'g1',
            title: 'Cursus Klantgericht schrijven afronden',
            progress: 'Module 3 van 4',
            course: 'continue',
          },
        ],
        'deel.resultaat.doelen': [
          {
            goalId: 'g2',
            title: 'Wachttijd telefoon onder 2 minuten',
            course: 'adjust',
            adjustment: 'Onder 3 minuten, gezien de bezetting',
          },
        ],
      },
    });
    await send(daan, { type: 'submit-preparation' });
    await send(jeroen, { type: 'complete-meeting' });
    expect(
      (await send(daan, { type: 'save-report', answers: { 'resultaat.facilitering': 'x' } }, 403)).code,
    ).toBe('forbidden');
    await send(jeroen, {
      type: 'save-report',
      answers: {
        'resultaat.facilitering': 'Tijd voor de cursus: 4 uur per week',
        'resultaat.bijstellingen': 'Wachttijddoel naar 3 minuten',
      },
    });
    await send(jeroen, { type: 'submit-report' });
    const rejected = await send(daan, {
      type: 'decide',
      version: 1,
      decision: 'niet_akkoord',
      comment: 'De cursusuren staan er niet goed in.',
    });
    expect(rejected.conversation.stage).toBe('held');
    await send(jeroen, {
      type: 'save-report',
      answers: { 'resultaat.facilitering': 'Tijd voor de cursus: 6 uur per week' },
    });
    await send(jeroen, { type: 'submit-report' });
    const stale = await send(jeroen, { type: 'decide', version: 1, decision: 'akkoord' }, 409);
    expect(stale.code).toBe('stale_version');
    await send(jeroen, { type: 'decide', version: 2, decision: 'akkoord' });
    const done = await send(daan, {
      type: 'decide',
      version: 2,
      decision: 'voor_gezien',
      comment: 'Gezien; ik had liever 8 uur gehad.',
    });
    expect(done.conversation.stage).toBe('approved');
    await eventually(
      async () => (await daan.get(`/api/conversations/${id}`)).body.conversation.stage === 'archived',
      30_000,
      'archiving',
    );
  });
});

describe('privacy, concurrency and bad input', () => {
  let server: Server;
  let id: string;
  beforeAll(async () => {
    server = await startTestServer({ workers: false });
    const planned = await as(server.url, 'jeroen').post('/api/conversations', {
      employeeId: 'fatima',
      type: 'vitaliteit',
      start: inDays(3),
      end: inDays(3, 10),
    });
    id = planned.body.conversation.id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.each([
    ['a colleague in the same team', 'daan'],
    ['the manager of another team', 'esther'],
    ['the second-level manager', 'marieke'],
    ['HR (drafts are not theirs to read)', 'ingrid'],
  ])('hides the conversation from %s', async (_who, userId) => {
    const other = as(server.url, userId);
    expect((await other.get(`/api/conversations/${id}`)).status).toBe(404);
    expect((await other.get(`/api/conversations/${id}/audit`)).status).toBe(404);
    expect(
      (
        await other.post(`/api/conversations/${id}/commands`, {
          command: { type: 'save-preparation', answers: { 'kwaliteit.betekenis': 'x' } },
        })
      ).status,
    ).toBe(404);
    const list = await other.get('/api/conversations');
    expect((list.body.items as { id: string }[]).map((c) => c.id)).not.toContain(id);
  });

  it('proposes free slots only for the planner and the people they manage', async () => {
    const from = inDays(1, 0);
    const until = inDays(8, 0);
    const slots = await as(server.url, 'jeroen').post('/api/calendar/free-slots', {
      attendeeIds: ['fatima'],
      durationMinutes: 60,
      from,
      until,
    });
    expect(slots.status).toBe(200);
    expect(slots.body.slots.length).toBeGreaterThan(0);
    for (const slot of slots.body.slots as { start: string; end: string }[]) {
      expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(3_600_000);
      expect(Date.parse(slot.start)).toBeGreaterThanOrEqual(Date.parse(from));
    }
    const probe = await as(server.url, 'jeroen').post('/api/calendar/free-slots', {
      attendeeIds: ['ruben'],
      durationMinutes: 60,
      from,
      until,
    });
    expect(probe.status).toBe(403);
  });

  it('invites straight away when the Outlook appointment is the meeting', async () => {
    const planned = await as(server.url, 'jeroen').post('/api/conversations', {
      employeeId: 'daan',
      type: 'vitaliteit',
      start: inDays(4),
      end: inDays(4, 10),
      meeting: 'outlook',
    });
    expect(planned.status).toBe(201);
    expect(planned.body.conversation.schedule.source).toBe('outlook');
    const { rows } = await server.ctx.store.executor.query<{ name: string }>(
      "SELECT name FROM jobs.job WHERE data->>'conversationId' = $1",
      [planned.body.conversation.id],
    );
    const queues = rows.map((r) => r.name);
    expect(queues).toContain('notify');
    expect(queues).not.toContain('calendar');
  });

  it('lets only the manager of a report plan a conversation', async () => {
    const response = await as(server.url, 'esther').post('/api/conversations', {
      employeeId: 'fatima',
      type: 'vitaliteit',
      start: inDays(3),
      end: inDays(3, 10),
    });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('not_your_report');
  });

  it('answers a stale write with 409 and the current state, and keeps the newer edit', async () => {
    const fatima = as(server.url, 'fatima');
    const view = await fatima.get(`/api/conversations/${id}`);
    const revision = view.body.conversation.revision;
    const first = await fatima.post(`/api/conversations/${id}/commands`, {
      revision,
      command: { type: 'save-preparation', answers: { 'kwaliteit.betekenis': 'Versie A' } },
    });
    expect(first.status).toBe(200);
    const second = await fatima.post(`/api/conversations/${id}/commands`, {
      revision,
      command: { type: 'save-preparation', answers: { 'kwaliteit.betekenis': 'Versie B' } },
    });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('stale_revision');
    expect(second.headers.get('content-type')).toContain('application/problem+json');
    // The answer carries what is stored now, so the tab can offer a merge.
    expect(second.body.current.conversation.preparation['kwaliteit.betekenis']).toBe('Versie A');
    expect(second.body.current.conversation.revision).toBe(first.body.conversation.revision);
    expect(
      (await fatima.get(`/api/conversations/${id}`)).body.conversation.preparation['kwaliteit.betekenis'],
    ).toBe('Versie A');
  });

  it.each([
    ['not JSON', '{"revision":', 400, 'malformed_json'],
    ['an unknown command', { command: { type: 'explode' } }, 400, 'validation_failed'],
    ['a system command', { command: { type: 'mark-archived', record: {} } }, 400, 'validation_failed'],
    [
      'an unknown field',
      { command: { type: 'save-preparation', answers: { 'nope.field': 'x' } } },
      400,
      'invalid_answers',
    ],
    [
      'a wrong smiley',
      { command: { type: 'save-preparation', answers: { 'huis.werk.1': 'great' } } },
      400,
      'invalid_answers',
    ],
    [
      'oversized text',
      { command: { type: 'save-preparation', answers: { 'kwaliteit.betekenis': 'x'.repeat(20_000) } } },
      400,
      'invalid_answers',
    ],
    [
      'a body over the limit',
      { command: { type: 'save-preparation', answers: { 'kwaliteit.betekenis': 'x'.repeat(300_000) } } },
      413,
      'payload_too_large',
    ],
    ['an illegal transition', { command: { type: 'submit-report' } }, 409, 'illegal_transition'],
    [
      'a decision before any report',
      { command: { type: 'decide', version: 1, decision: 'akkoord' } },
      409,
      'illegal_transition',
    ],
  ])('refuses %s with a clear 4xx', async (_what, body, status, code) => {
    const fatima = as(server.url, 'fatima');
    const before = await fatima.get(`/api/conversations/${id}`);
    const response = await fatima.post(`/api/conversations/${id}/commands`, body);
    expect(response.status).toBe(status);
    expect(response.body.code).toBe(code);
    expect(typeof response.body.detail).toBe('string');
    const after = await fatima.get(`/api/conversations/${id}`);
    expect(after.body.conversation.revision).toBe(before.body.conversation.revision);
  });

  it('speaks Dutch by default and English on request', async () => {
    const nl = await as(server.url, 'fatima').post(`/api/conversations/${id}/commands`, {
      command: { type: 'submit-report' },
    });
    const en = await as(server.url, 'fatima', 'en-US').post(`/api/conversations/${id}/commands`, {
      command: { type: 'submit-report' },
    });
    expect(nl.body.detail).toMatch(/Dit kan nu niet/);
    expect(en.body.detail).toMatch(/Not possible now/);
  });

  it('refuses unauthenticated requests and unknown demo users', async () => {
    expect((await fetch(`${server.url}/api/conversations`)).status).toBe(401);
    expect((await as(server.url, 'nobody').get('/api/conversations')).status).toBe(401);
  });

  it('refuses a body that is not JSON', async () => {
    const response = await fetch(`${server.url}/api/conversations`, {
      method: 'POST',
      headers: { 'x-demo-user': 'jeroen', 'content-type': 'text/plain' },
      body: 'hi',
    });
    expect(response.status).toBe(415);
  });

  it('sends security headers that allow framing only by Microsoft 365 hosts', async () => {
    const response = await fetch(`${server.url}/api/health`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain('frame-ancestors');
    expect(csp).toContain('https://teams.microsoft.com');
    expect(csp).not.toMatch(/frame-ancestors[^;]*\*(\s|;|$)/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
