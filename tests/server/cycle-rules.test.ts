/**
 * The cycle's own rules over HTTP: the manager never receives an unshared draft (view, list, team page, team
 * picture), a blank remark is refused in Dutch, the follow-up, POP and self-evaluation go round trip, the next
 * conversation opens with the previous one for both parties, and an employee's year is hers and her manager's only.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { as, startTestServer } from '../support/server.js';
import {
  buildConversation,
  defaultTexts,
  refused,
  step,
  vitalityPreparation,
  type Client,
} from '../support/cycle.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

let server: Server;
let jeroen: Client;
beforeAll(async () => {
  server = await startTestServer({ env: { TEAM_PICTURE_MINIMUM: '2' } });
  jeroen = as(server.url, 'jeroen');
});
afterAll(async () => {
  await server?.stop();
});

/** Every text of a preparation, so a check can look for each of them in a body. */
const textsOf = (answers: Record<string, unknown>): string[] =>
  Object.values(answers).filter((v): v is string => typeof v === 'string' && v.length > 8);

const contributors = async (): Promise<number> =>
  (await jeroen.get('/api/team/vitality')).body.contributors as number;

describe('drafts are the author’s', () => {
  const secret = `Concept-${Date.now().toString(36)}: ik slaap slecht sinds de reorganisatie`;
  const drafted = [
    secret,
    ...textsOf(vitalityPreparation).filter((t) => t !== vitalityPreparation['kwaliteit.betekenis']),
  ];

  it('gives the manager that she prepares, never what: not in his view, list, team page, year or audit', async () => {
    const { id } = await buildConversation({
      type: 'vitaliteit',
      stage: 'preparing',
      employee: 'noor',
      server,
      texts: { preparation: secret },
    });
    const own = await as(server.url, 'noor').get(`/api/conversations/${id}`);
    expect(own.body.conversation.preparation['kwaliteit.betekenis']).toBe(secret);

    const view = await jeroen.get(`/api/conversations/${id}`);
    expect(view.status).toBe(200);
    expect(view.body.preparationStatus).toBe('in-progress');
    expect(view.body.conversation.preparation).toEqual({});
    const bodies = [
      JSON.stringify(view.body),
      JSON.stringify((await jeroen.get('/api/conversations')).body),
      JSON.stringify((await jeroen.get('/api/team')).body),
      JSON.stringify((await jeroen.get('/api/team/vitality')).body),
      JSON.stringify((await jeroen.get('/api/people/noor/year')).body),
      JSON.stringify((await jeroen.get(`/api/conversations/${id}/audit`)).body),
    ];
    for (const body of bodies) for (const text of drafted) expect(body).not.toContain(text);
    // No smiley either: the statements are hers, and unshared.
    expect(JSON.stringify(view.body.conversation)).not.toMatch(/"huis\.[a-z-]+\.\d+"/);

    // Once she shares, he reads it (so the checks above could see it).
    await step(as(server.url, 'noor'), id, { type: 'submit-preparation' });
    const shared = await jeroen.get(`/api/conversations/${id}`);
    expect(shared.body.preparationStatus).toBe('shared');
    expect(shared.body.conversation.preparation['kwaliteit.betekenis']).toBe(secret);
  });

  it('counts shared preparations only in the team picture', async () => {
    const before = await contributors();
    const { id } = await buildConversation({
      type: 'vitaliteit',
      stage: 'preparing',
      employee: 'thomas',
      server,
    });
    expect(await contributors()).toBe(before);
    await step(as(server.url, 'thomas'), id, { type: 'submit-preparation' });
    expect(await contributors()).toBe(before + 1);
    const picture = (await jeroen.get('/api/team/vitality')).body;
    expect(picture).toMatchObject({ shown: true, contributors: before + 1 });
  });
});

describe('a remark or comment of only spaces', () => {
  it('is refused with a 400 and a Dutch message, and nothing is recorded', async () => {
    const { id } = await buildConversation({
      type: 'reflectie',
      stage: 'awaiting_approval',
      employee: 'sanne',
      server,
    });
    const sanne = as(server.url, 'sanne');
    for (const [decision, comment] of [
      ['voor_gezien', '   '],
      ['niet_akkoord', '\t \n'],
    ] as const) {
      const reply = await refused(sanne, id, { type: 'decide', version: 1, decision, comment });
      expect({ decision, status: reply.status, code: reply.body.code }).toEqual({
        decision,
        status: 400,
        code: 'blank_text',
      });
      expect(reply.body.detail).toBe('Vul hier tekst in: alleen spaties worden niet bewaard.');
    }
    const english = await as(server.url, 'sanne', 'en-GB').post(`/api/conversations/${id}/commands`, {
      command: { type: 'decide', version: 1, decision: 'voor_gezien', comment: ' ' },
    });
    expect(english.body.detail).toBe('Please enter some text here: spaces alone are not saved.');
    const missing = await refused(sanne, id, { type: 'decide', version: 1, decision: 'voor_gezien' });
    expect(missing.body.code).toBe('comment_required');
    expect(missing.body.detail).toMatch(/Bij "voor gezien" is een opmerking verplicht/);
    expect((await sanne.get(`/api/conversations/${id}`)).body.conversation.decisions).toEqual([]);

    // With a remark, voor gezien makes the format final with the manager's akkoord — and says it is not agreement.
    await step(sanne, id, {
      type: 'decide',
      version: 1,
      decision: 'voor_gezien',
      comment: ' Gezien; de cursusuren zijn krap. ',
    });
    const done = await step(jeroen, id, { type: 'decide', version: 1, decision: 'akkoord' });
    expect(done.conversation.stage).toBe('approved');
    expect(done.signatures[0]).toMatchObject({
      outcome: 'acknowledged',
      lines: [
        { party: 'manager', kind: 'offered' },
        { party: 'employee', decision: 'voor_gezien', comment: 'Gezien; de cursusuren zijn krap.' },
        { party: 'manager', decision: 'akkoord' },
      ],
    });
  });

  it('is refused as a cancel reason too', async () => {
    const { id } = await buildConversation({ type: 'vitaliteit', stage: 'planned', employee: 'sem', server });
    const reply = await refused(jeroen, id, { type: 'cancel', reason: '    ' });
    expect([reply.status, reply.body.code]).toEqual([400, 'blank_text']);
    expect((await jeroen.get(`/api/conversations/${id}`)).body.conversation.stage).toBe('planned');
  });
});

describe('the circle', () => {
  const pop = {
    items: [
      {
        id: 'p1',
        goal: 'Een vaste thuiswerkdag',
        actions: 'Woensdag blokkeren in de agenda',
        who: 'both',
        due: '2027-03-01',
        support: 'Laptop met dockingstation thuis',
        status: 'loopt',
      },
    ],
  };
  const evaluation = {
    items: [
      { popItemId: 'p1', status: 'gedaan', text: 'Woensdag thuis werkt goed.' },
      { popItemId: 'not-in-the-pop', status: 'open', text: 'Wordt weggelaten.' },
    ],
    overall: 'Meer energie dan een halfjaar geleden.',
  };
  let firstId: string;
  let year: number;

  it('keeps the POP and the self-evaluation as sent, for her and her manager, and refuses blank ones', async () => {
    const built = await buildConversation({
      type: 'vitaliteit',
      stage: 'approved',
      employee: 'daan',
      server,
    });
    firstId = built.id;
    year = new Date(built.view.conversation.schedule!.start).getUTCFullYear();
    const daan = as(server.url, 'daan');
    const saved = await step(daan, firstId, { type: 'save-pop', pop });
    expect(saved.conversation.pop).toMatchObject(pop);
    await step(daan, firstId, { type: 'save-evaluation', evaluation });
    for (const who of [daan, jeroen]) {
      const { conversation } = (await who.get(`/api/conversations/${firstId}`)).body;
      expect(conversation.pop).toMatchObject(pop);
      expect(conversation.evaluation).toMatchObject({
        items: [evaluation.items[0]],
        overall: evaluation.overall,
      });
    }
    const blankGoal = { items: [{ ...pop.items[0], goal: '  ' }] };
    expect((await refused(daan, firstId, { type: 'save-pop', pop: blankGoal })).body.code).toBe('blank_text');
    expect(
      (await refused(daan, firstId, { type: 'save-evaluation', evaluation: { items: [], overall: ' ' } }))
        .body.code,
    ).toBe('blank_text');
    // The manager reads the POP but does not write it.
    expect((await refused(jeroen, firstId, { type: 'save-pop', pop })).status).toBe(403);
    expect((await daan.get(`/api/conversations/${firstId}`)).body.conversation.pop).toMatchObject(pop);
  });

  it('opens the next conversation with the signed agreements for both; her follow-up reaches him once she shares', async () => {
    const note = 'Woensdag lukt bijna altijd, alleen niet in de vakantieweken.';
    const next = await buildConversation({
      type: 'vitaliteit',
      stage: 'preparing',
      employee: 'daan',
      server,
      start: 30,
      followUp: { a1: { status: 'loopt', note } },
    });
    const daan = as(server.url, 'daan');
    for (const who of [daan, jeroen]) {
      const { previous } = (await who.get(`/api/conversations/${next.id}`)).body;
      expect(previous).toMatchObject({
        id: firstId,
        type: 'vitaliteit',
        agreements: [{ id: 'a1', text: defaultTexts.agreement, owner: 'both' }],
        pop: { items: [{ id: 'p1', goal: pop.items[0]!.goal }] },
        evaluation: { overall: evaluation.overall },
        signature: { outcome: 'cosigned' },
      });
    }
    expect((await daan.get(`/api/conversations/${next.id}`)).body.conversation.followUp).toEqual({
      a1: { status: 'loopt', note },
    });
    const before = await jeroen.get(`/api/conversations/${next.id}`);
    expect(before.body.conversation.followUp).toBeUndefined();
    expect(JSON.stringify(before.body)).not.toContain(note);
    const blank = await refused(daan, next.id, {
      type: 'save-follow-up',
      followUp: { a1: { status: 'gedaan', note: '   ' } },
    });
    expect(blank.body.code).toBe('blank_text');

    await step(daan, next.id, { type: 'submit-preparation' });
    const after = await jeroen.get(`/api/conversations/${next.id}`);
    expect(after.body.conversation.followUp).toEqual({ a1: { status: 'loopt', note } });
  });

  it('hands Het Goede Gesprek’s goals to the Reflectiegesprek, for both parties', async () => {
    await buildConversation({ type: 'goede-gesprek', stage: 'approved', employee: 'eva', server });
    const reflection = await buildConversation({
      type: 'reflectie',
      stage: 'planned',
      employee: 'eva',
      server,
    });
    const goal = { id: 'g1', title: defaultTexts.report };
    for (const who of [as(server.url, 'eva'), jeroen]) {
      const { previous } = (await who.get(`/api/conversations/${reflection.id}`)).body;
      expect(previous).toMatchObject({ type: 'goede-gesprek', goals: { resultaat: [goal] } });
    }
    expect(reflection.view.conversation.preparation['deel.resultaat.doelen']).toEqual([
      { goalId: goal.id, title: goal.title },
    ]);
  });

  it('shows an employee’s year to her and her manager, and to nobody else', async () => {
    for (const userId of ['daan', 'jeroen']) {
      const reply = await as(server.url, userId).get(`/api/people/daan/year?year=${year}`);
      expect({ userId, status: reply.status }).toEqual({ userId, status: 200 });
      expect(reply.body.employee.id).toBe('daan');
      expect((reply.body.view.vitaliteit as { id: string }[]).map((e) => e.id)).toContain(firstId);
      expect(reply.body.view.expected).toEqual({ goedeGesprek: true, reflectie: true });
    }
    // HR has counts, never a person's conversations; a colleague, another team's manager and the second level nothing.
    for (const userId of ['ingrid', 'fatima', 'esther', 'marieke']) {
      const reply = await as(server.url, userId).get(`/api/people/daan/year?year=${year}`);
      expect({ userId, status: reply.status }).toEqual({ userId, status: 404 });
      expect(JSON.stringify(reply.body)).not.toContain(firstId);
    }
    expect((await jeroen.get('/api/people/nobody-here/year')).status).toBe(404);
  });
});
