/** The conversation cycle over HTTP on both databases, and privacy, concurrency and bad input. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { as, eventually, startTestServer } from '../support/server.js';
import { backends, storeOptionsFor } from '../support/databases.js';
import { buildConversation, inDays, reachStage, step } from '../support/cycle.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe.each(backends)('the conversation cycle over HTTP (%s)', (backend) => {
  let server: Server;
  beforeAll(async () => {
    const { databaseUrl } = await storeOptionsFor(backend);
    server = await startTestServer({ env: databaseUrl ? { DATABASE_URL: databaseUrl } : {} });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('takes a Vitaliteitsgesprek from planning to its confidential filing: the author offers, the manager co-signs', async () => {
    const jeroen = as(server.url, 'jeroen');
    const fatima = as(server.url, 'fatima');
    const built = await buildConversation({ type: 'vitaliteit', stage: 'archived', server });
    const { id } = built;
    expect(built.steps.map((s) => `${s.by} ${s.command}`)).toEqual([
      'jeroen plan',
      'fatima save-preparation',
      'fatima submit-preparation',
      'jeroen save-completion',
      'jeroen complete-meeting',
      'fatima save-report',
      'fatima submit-report',
      'jeroen decide',
    ]);
    const archived = built.view;
    const signed = archived.conversation.versions[0]!;
    expect(signed.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(archived.conversation.archive?.hash).toBe(signed.hash);
    // The meeting's agreements came over into the report the employee signed.
    expect(signed.content.report['verslag.afspraken']).toEqual([
      { id: 'a1', text: 'Vaste thuiswerkdag op woensdag', owner: 'both' },
    ]);
    // Archiving was the system's change, not a person's: the revision the tab edits against still holds.
    expect(archived.conversation.revision).toBe(built.lastCommandView.conversation.revision);
    // Signed by offering, co-signed by the manager; the employee never approved her own report.
    expect(archived.conversation.decisions.map((d) => [d.party, d.decision])).toEqual([
      ['manager', 'akkoord'],
    ]);
    expect(archived.signatures[0]).toMatchObject({ version: 1, outcome: 'cosigned' });
    expect(archived.filing).toBe('confidential');
    const pdf = await fatima.raw('GET', `/api/conversations/${id}/document`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect((await jeroen.raw('GET', `/api/conversations/${id}/document`)).status).toBe(200);
    expect((await as(server.url, 'ingrid').raw('GET', `/api/conversations/${id}/document`)).status).toBe(404);
    const file = join(server.dataDir, archived.conversation.archive!.location);
    expect(existsSync(file)).toBe(true);
    expect(readdirSync(dirname(file)).filter((f) => f.endsWith('.pdf'))).toHaveLength(1);
    expect(existsSync(join(server.dataDir, 'archive', 'fatima'))).toBe(false);

    // The POP follows the report; the next conversation opens with the previous report and agreements.
    await step(fatima, id, {
      type: 'save-pop',
      pop: {
        items: [
          {
            id: 'p1',
            goal: 'Meer energie',
            actions: 'Wandelen in de lunch',
            who: 'employee',
            support: 'Vaste thuiswerkdag',
            due: '2027-03-01',
            status: 'open',
          },
        ],
      },
    });
    const next = await buildConversation({ type: 'vitaliteit', stage: 'planned', server, start: 180 });
    expect(next.lastCommandView.previous).toMatchObject({
      id,
      agreements: [{ text: 'Vaste thuiswerkdag op woensdag' }],
      pop: { items: [{ goal: 'Meer energie', due: '2027-03-01' }] },
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

  it('creates the Teams meeting through the outbox and asks the employee to prepare', async () => {
    const { id } = await buildConversation({
      type: 'vitaliteit',
      stage: 'planned',
      employee: 'noor',
      server,
    });
    const view = await eventually(
      async () => {
        const v = await as(server.url, 'noor').get(`/api/conversations/${id}`);
        return v.body.conversation.schedule.meetingUrl ? v : undefined;
      },
      20_000,
      'the meeting link',
    );
    expect(view.body.nextStep).toBe('prepare');
    expect(view.body.preparationStatus).toBe('not-started');
  });

  it('refuses the vitality author a decision on her own report, and offers the manager his', async () => {
    const { id, view } = await buildConversation({
      type: 'vitaliteit',
      stage: 'awaiting_approval',
      employee: 'sanne',
      server,
    });
    expect(view.choices).toEqual([]);
    expect((await as(server.url, 'jeroen').get(`/api/conversations/${id}`)).body.choices).toEqual([
      'akkoord',
      'niet_akkoord',
    ]);
    const refused = await as(server.url, 'sanne').post(`/api/conversations/${id}/commands`, {
      command: { type: 'decide', version: 1, decision: 'akkoord' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('author_signed');
    expect(refused.body.detail).toMatch(/ondertekend door het aan te bieden/);
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
    // The reflection opens with the earlier goals, in the employee's preparation: the manager sees none of it.
    expect(planned.body.conversation.preparation).toEqual({});
    expect((await daan.get(`/api/conversations/${id}`)).body.conversation.preparation).toMatchObject({
      'deel.kennis-competenties.doelen': [{ goalId: 'g1', title: 'Cursus Klantgericht schrijven afronden' }],
    });
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
        'resultaat.inrichting': 'Niet van toepassing',
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
    // Voor gezien is not agreement: every surface reads the outcome from here.
    expect(done.signatures.at(-1)).toMatchObject({ version: 2, outcome: 'acknowledged' });
    expect(done.signatures[0]).toMatchObject({ version: 1, outcome: 'returned' });
    await reachStage(server.url, 'daan', id, 'archived');
    expect((await as(server.url, 'ingrid').raw('GET', `/api/conversations/${id}/document`)).status).toBe(200);
  });
});

describe('privacy, concurrency and bad input', () => {
  let server: Server;
  let id: string;
  beforeAll(async () => {
    server = await startTestServer({ workers: false });
    id = (await buildConversation({ type: 'vitaliteit', stage: 'planned', server, start: 3 })).id;
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
    const planned = await buildConversation({
      type: 'vitaliteit',
      stage: 'planned',
      server,
      employee: 'daan',
      start: 4,
      meeting: 'outlook',
    });
    expect(planned.view.conversation.schedule?.source).toBe('outlook');
    const { rows } = await server.ctx.store.executor.query<{ name: string }>(
      "SELECT name FROM jobs.job WHERE data->>'conversationId' = $1",
      [planned.id],
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
