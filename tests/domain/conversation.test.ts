/** The state machine: every command in every stage by every party, against a table written here. */
import { describe, expect, it } from '@jest/globals';
import {
  DomainError,
  nextStepFor,
  stages,
  transition,
  transitions,
  type Actor,
  type Command,
  type CommandType,
  type Conversation,
  type Stage,
} from '../../src/domain/index.js';
import {
  aConversation,
  anOfferedConversation,
  reflectionReport,
  vitalityPreparation,
  vitalityReport,
} from '../support/factories.js';

const now = '2026-11-23T10:00:00.000Z';
const employee: Actor = { id: 'fatima', party: 'employee' };
const manager: Actor = { id: 'jeroen', party: 'manager' };
const system: Actor = { id: 'system', party: 'system' };
const actors = { employee, manager, system };

const schedule = { start: '2026-12-02T09:00:00.000Z', end: '2026-12-02T10:00:00.000Z' };

/** A valid instance of every command for each type, so each can be tried in every stage by every party. */
function sampleCommands(type: 'vitaliteit' | 'reflectie'): Record<CommandType, Command> {
  return {
    plan: { type: 'plan', schedule },
    reschedule: { type: 'reschedule', schedule },
    cancel: { type: 'cancel', reason: 'Ziek' },
    'save-preparation': {
      type: 'save-preparation',
      answers: type === 'vitaliteit' ? vitalityPreparation : { 'deel.resultaat.reflectie': 'Gaat goed' },
    },
    'submit-preparation': { type: 'submit-preparation' },
    'save-follow-up': { type: 'save-follow-up', followUp: { a1: { status: 'gedaan' } } },
    'save-completion': {
      type: 'save-completion',
      answers:
        type === 'vitaliteit'
          ? { 'gesprek.kwaliteit': 'Aanvulling' }
          : { 'deel.resultaat.reflectie': 'Aanvulling' },
    },
    'complete-meeting': { type: 'complete-meeting' },
    'attach-meeting': {
      type: 'attach-meeting',
      meeting: { eventId: 'e1', joinUrl: 'https://teams.example/join' },
    },
    'save-report': {
      type: 'save-report',
      answers:
        type === 'vitaliteit' ? vitalityReport : { ...reflectionReport, 'resultaat.facilitering': 'Cursus' },
    },
    'submit-report': { type: 'submit-report', hash: 'h2' },
    decide: { type: 'decide', version: 1, decision: 'akkoord' },
    'mark-archived': {
      type: 'mark-archived',
      record: { location: 'x', url: 'y', hash: 'h1', archivedAt: now },
    },
    'change-archive-readers': { type: 'change-archive-readers', managerId: 'esther' },
    'save-pop': {
      type: 'save-pop',
      pop: { items: [{ id: 'p1', goal: 'Fitter', actions: 'Wandelen', who: 'employee', status: 'open' }] },
    },
    'save-evaluation': { type: 'save-evaluation', evaluation: { items: [], overall: 'Terugblik' } },
  };
}

/** A conversation in a stage, with the content that stage implies (so only the stage rule decides). */
function inStage(type: 'vitaliteit' | 'reflectie', stage: Stage): Conversation {
  const base = aConversation({
    type,
    stage,
    ...(type === 'vitaliteit'
      ? { preparation: vitalityPreparation, report: vitalityReport }
      : { report: reflectionReport }),
  });
  if (stage === 'awaiting_approval' || stage === 'approved' || stage === 'archived') {
    return {
      ...base,
      ...(stage === 'archived'
        ? { archive: { location: 'x', url: 'y', hash: 'h1', archivedAt: now, managerId: 'jeroen' } }
        : {}),
      versions: [
        {
          number: 1,
          hash: 'h1',
          submittedBy: type === 'vitaliteit' ? 'fatima' : 'jeroen',
          submittedAt: now,
          content: { preparation: {}, completion: {}, report: base.report },
        },
      ],
    };
  }
  return base;
}

type Who = keyof typeof actors;
const open: Stage[] = ['planned', 'preparing'];
const beforeMeeting: Stage[] = ['planned', 'preparing', 'prepared'];
/**
 * Who may do what in which stage, written out here by hand (not read from the code's own table), for a
 * Vitaliteitsgesprek. The Reflectiegesprek differs only where `reflectie` says so.
 */
const expected: Record<CommandType, Partial<Record<Who, Stage[]>>> = {
  plan: { manager: ['requested'] },
  reschedule: { manager: beforeMeeting },
  cancel: { manager: ['requested', ...beforeMeeting, 'held'], employee: ['requested'] },
  'save-preparation': { employee: open },
  'submit-preparation': { employee: open },
  'save-follow-up': { employee: open },
  'save-completion': { manager: beforeMeeting },
  'complete-meeting': { manager: beforeMeeting },
  'attach-meeting': { system: [...beforeMeeting, 'held'] },
  'save-report': { employee: ['held'] },
  'submit-report': { employee: ['held'] },
  // The vitality author signed by offering; only the manager co-signs.
  decide: { manager: ['awaiting_approval'] },
  'mark-archived': { system: ['approved'] },
  'change-archive-readers': { system: ['archived'] },
  'save-pop': { employee: ['approved', 'archived'] },
  'save-evaluation': { employee: ['approved', 'archived'] },
};
const reflectie: Partial<Record<CommandType, Partial<Record<Who, Stage[]>>>> = {
  'save-report': { manager: ['held'] },
  'submit-report': { manager: ['held'] },
  decide: { employee: ['awaiting_approval'], manager: ['awaiting_approval'] },
};

describe.each(['vitaliteit', 'reflectie'] as const)(
  'transition table of a %s: every command × stage × party',
  (type) => {
    const table = type === 'vitaliteit' ? expected : { ...expected, ...reflectie };
    const commands = sampleCommands(type);
    const cases: [CommandType, Stage, Who][] = [];
    for (const command of Object.keys(expected) as CommandType[])
      for (const stage of stages)
        for (const party of Object.keys(actors) as Who[]) cases.push([command, stage, party]);

    it('covers every command the domain knows', () => {
      expect(Object.keys(expected).sort()).toEqual(Object.keys(transitions).sort());
    });

    it.each(cases)('%s in %s by %s', (commandType, stage, party) => {
      const allowed = table[commandType][party]?.includes(stage) ?? false;
      const act = () => transition(inStage(type, stage), commands[commandType], actors[party], now);
      if (allowed) {
        const result = act();
        expect(result.events.length).toBeGreaterThan(0);
        expect(result.conversation.updatedAt).toBe(now);
      } else {
        expect(act).toThrow(DomainError);
        try {
          act();
        } catch (e) {
          expect(['forbidden', 'illegal-transition']).toContain((e as DomainError).kind);
          // The system is refused by the table itself, before any rule of the command runs.
          if (party === 'system' && !table[commandType].system)
            expect((e as DomainError).code).toBe('forbidden');
        }
      }
    });
  },
);

describe('signing a vitality report', () => {
  const offered = () => anOfferedConversation('vitaliteit');

  it('is final when the manager co-signs the version the employee offered', () => {
    const result = transition(offered(), { type: 'decide', version: 1, decision: 'akkoord' }, manager, now);
    expect(result.conversation.stage).toBe('approved');
    expect(result.events.map((e) => e.type)).toEqual(['decided', 'approved']);
  });

  it('never asks the author to approve her own report', () => {
    expect(() =>
      transition(offered(), { type: 'decide', version: 1, decision: 'akkoord' }, employee, now),
    ).toThrow(expect.objectContaining({ code: 'author_signed' }));
  });

  it('goes back to the employee on "niet akkoord", and only a later version can be co-signed', () => {
    let c = offered();
    expect(() =>
      transition(c, { type: 'decide', version: 1, decision: 'niet_akkoord', comment: '   ' }, manager, now),
    ).toThrow(expect.objectContaining({ code: 'blank_text' }));
    c = transition(
      c,
      { type: 'decide', version: 1, decision: 'niet_akkoord', comment: 'Afspraak 1 concreter' },
      manager,
      now,
    ).conversation;
    expect(c.stage).toBe('held');
    c = transition(c, { type: 'submit-report', hash: 'h2' }, employee, now).conversation;
    expect(c.versions.map((v) => v.number)).toEqual([1, 2]);
    expect(() => transition(c, { type: 'decide', version: 1, decision: 'akkoord' }, manager, now)).toThrow(
      expect.objectContaining({ code: 'stale_version' }),
    );
    c = transition(c, { type: 'decide', version: 2, decision: 'akkoord' }, manager, now).conversation;
    expect(c.stage).toBe('approved');
  });

  it('records a delegate co-signing for the manager', () => {
    const delegate: Actor = { id: 'marieke', party: 'manager', onBehalfOf: 'jeroen' };
    const c = transition(
      offered(),
      { type: 'decide', version: 1, decision: 'akkoord' },
      delegate,
      now,
    ).conversation;
    expect(c.decisions[0]).toMatchObject({ actorId: 'marieke', onBehalfOf: 'jeroen', party: 'manager' });
  });
});

describe('reacting to the final format of a reflection', () => {
  const offered = () => anOfferedConversation('reflectie');

  it('is final when the employee agrees and the manager agrees on the same version', () => {
    let c = offered();
    c = transition(c, { type: 'decide', version: 1, decision: 'akkoord' }, employee, now).conversation;
    expect(c.stage).toBe('awaiting_approval');
    c = transition(c, { type: 'decide', version: 1, decision: 'akkoord' }, manager, now).conversation;
    expect(c.stage).toBe('approved');
  });

  it('accepts "voor gezien" from the employee only with a remark that is more than spaces', () => {
    const c = offered();
    expect(() =>
      transition(c, { type: 'decide', version: 1, decision: 'voor_gezien' }, employee, now),
    ).toThrow(expect.objectContaining({ code: 'comment_required' }));
    expect(() =>
      transition(c, { type: 'decide', version: 1, decision: 'voor_gezien', comment: ' \n ' }, employee, now),
    ).toThrow(expect.objectContaining({ code: 'blank_text' }));
    const seen = transition(
      c,
      {
        type: 'decide',
        version: 1,
        decision: 'voor_gezien',
        comment: '  Gezien, niet mee eens over punt 2 ',
      },
      employee,
      now,
    );
    expect(seen.conversation.decisions[0]?.comment).toBe('Gezien, niet mee eens over punt 2');
    const done = transition(
      seen.conversation,
      { type: 'decide', version: 1, decision: 'akkoord' },
      manager,
      now,
    );
    expect(done.conversation.stage).toBe('approved');
  });

  it('refuses a remark longer than the limit instead of cutting it off', () => {
    expect(() =>
      transition(
        offered(),
        { type: 'decide', version: 1, decision: 'voor_gezien', comment: 'x'.repeat(2001) },
        employee,
        now,
      ),
    ).toThrow(expect.objectContaining({ code: 'text_too_long' }));
  });

  it('refuses "voor gezien" from the manager', () => {
    expect(() =>
      transition(
        offered(),
        { type: 'decide', version: 1, decision: 'voor_gezien', comment: 'x' },
        manager,
        now,
      ),
    ).toThrow(expect.objectContaining({ code: 'decision_not_allowed' }));
  });

  it('records exactly one reaction per party and version', () => {
    const c = transition(
      offered(),
      { type: 'decide', version: 1, decision: 'akkoord' },
      employee,
      now,
    ).conversation;
    expect(() => transition(c, { type: 'decide', version: 1, decision: 'akkoord' }, employee, now)).toThrow(
      expect.objectContaining({ code: 'already_decided' }),
    );
    expect(c.decisions).toHaveLength(1);
  });
});

describe('the meeting', () => {
  it('locks the notes once the meeting is held, and hands its agreements to the report', () => {
    let c = aConversation({ stage: 'prepared', preparation: vitalityPreparation });
    const agreements = [{ id: 'a9', text: 'Elke dag een wandeling', owner: 'employee' as const }];
    c = transition(
      c,
      {
        type: 'save-completion',
        answers: { 'gesprek.behoeften': 'Minder avondwerk', 'gesprek.afspraken': agreements },
      },
      manager,
      now,
    ).conversation;
    c = transition(c, { type: 'complete-meeting' }, manager, now).conversation;
    expect(c.heldAt).toBe(now);
    expect(c.report['verslag.afspraken']).toEqual(agreements);
    expect(() =>
      transition(c, { type: 'save-completion', answers: { 'gesprek.behoeften': 'later' } }, manager, now),
    ).toThrow(expect.objectContaining({ kind: 'illegal-transition' }));
  });

  it("does not let the manager rate the employee's own statements in a vitality conversation", () => {
    const c = aConversation({ stage: 'prepared' });
    expect(() =>
      transition(c, { type: 'save-completion', answers: { 'huis.gezondheid.1': 'sad' } }, manager, now),
    ).toThrow(expect.objectContaining({ code: 'invalid_answers' }));
  });

  it('leaves an unshared preparation out of the offered version', () => {
    let c = aConversation({
      type: 'reflectie',
      stage: 'preparing',
      preparation: { 'deel.resultaat.reflectie': 'concept' },
      report: reflectionReport,
    });
    c = transition(c, { type: 'complete-meeting' }, manager, now).conversation;
    c = transition(c, { type: 'submit-report', hash: 'h' }, manager, now).conversation;
    expect(c.versions[0]?.content.preparation).toEqual({});
  });
});

describe('the final format of a reflection', () => {
  it('is never offered empty: each outcome item is filled or says "niet van toepassing"', () => {
    const held = aConversation({
      type: 'reflectie',
      stage: 'held',
      report: { 'resultaat.facilitering': 'Cursus' },
    });
    expect(() => transition(held, { type: 'submit-report', hash: 'h' }, manager, now)).toThrow(
      expect.objectContaining({ code: 'incomplete' }),
    );
    const complete = { ...held, report: reflectionReport };
    expect(transition(complete, { type: 'submit-report', hash: 'h' }, manager, now).conversation.stage).toBe(
      'awaiting_approval',
    );
  });
});

describe('preparation and report content', () => {
  it('refuses unknown fields and wrongly shaped answers', () => {
    const c = aConversation();
    expect(() => transition(c, { type: 'save-preparation', answers: { nope: 'x' } }, employee, now)).toThrow(
      expect.objectContaining({ code: 'invalid_answers' }),
    );
    expect(() =>
      transition(c, { type: 'save-preparation', answers: { 'huis.werk.1': 'great' } }, employee, now),
    ).toThrow(expect.objectContaining({ code: 'invalid_answers' }));
    expect(() => transition(c, { type: 'save-preparation', answers: 'text' }, employee, now)).toThrow(
      DomainError,
    );
  });

  it('will not submit a preparation with required questions open', () => {
    const c = transition(
      aConversation(),
      { type: 'save-preparation', answers: { 'kwaliteit.betekenis': 'x' } },
      employee,
      now,
    ).conversation;
    expect(() => transition(c, { type: 'submit-preparation' }, employee, now)).toThrow(
      expect.objectContaining({ code: 'incomplete' }),
    );
  });

  it('lets only the manager write the final format of a reflection', () => {
    const c = aConversation({ type: 'reflectie', stage: 'held' });
    expect(() =>
      transition(
        c,
        { type: 'save-report', answers: { ...reflectionReport, 'resultaat.facilitering': 'Cursus' } },
        employee,
        now,
      ),
    ).toThrow(expect.objectContaining({ kind: 'forbidden' }));
    const saved = transition(
      c,
      { type: 'save-report', answers: { ...reflectionReport, 'resultaat.facilitering': 'Cursus' } },
      manager,
      now,
    );
    expect(saved.conversation.report['resultaat.facilitering']).toBe('Cursus');
  });

  it('refuses a schedule that ends before it starts', () => {
    const c = aConversation();
    expect(() =>
      transition(
        c,
        { type: 'reschedule', schedule: { start: '2026-12-02T10:00:00Z', end: '2026-12-02T09:00:00Z' } },
        manager,
        now,
      ),
    ).toThrow(expect.objectContaining({ code: 'invalid_schedule' }));
  });
});

describe('planning', () => {
  it('refuses a start in the past, and lets a few minutes of filling in the form pass', () => {
    const c = aConversation();
    expect(() =>
      transition(
        c,
        {
          type: 'reschedule',
          schedule: { start: '2026-11-23T09:00:00.000Z', end: '2026-11-23T10:00:00.000Z' },
        },
        manager,
        now,
      ),
    ).toThrow(expect.objectContaining({ code: 'start_in_past' }));
    const moved = transition(
      c,
      {
        type: 'reschedule',
        schedule: { start: '2026-11-23T09:50:00.000Z', end: '2026-11-23T10:50:00.000Z' },
      },
      manager,
      now,
    );
    expect(moved.conversation.schedule?.start).toBe('2026-11-23T09:50:00.000Z');
  });

  it('finds the open conversation of a type, never a finished one', async () => {
    const { openConversationOf } = await import('../../src/domain/index.js');
    const list = [
      aConversation({ id: 'done', stage: 'archived' }),
      aConversation({ id: 'gone', stage: 'cancelled' }),
      aConversation({ id: 'other', type: 'reflectie', stage: 'planned' }),
    ];
    expect(openConversationOf(list, 'vitaliteit')).toBeUndefined();
    const open = aConversation({ id: 'open', stage: 'requested' });
    expect(openConversationOf([...list, open], 'vitaliteit')?.id).toBe('open');
  });
});

describe('next step', () => {
  it('tells each party what is expected of them', () => {
    expect(nextStepFor(aConversation({ stage: 'planned' }), 'employee')).toBe('prepare');
    expect(nextStepFor(aConversation({ stage: 'held' }), 'employee')).toBe('write-report');
    expect(nextStepFor(aConversation({ stage: 'held', type: 'reflectie' }), 'manager')).toBe('write-report');
    expect(nextStepFor(aConversation({ stage: 'requested' }), 'manager')).toBe('plan');
  });
});

describe('text that can be stored', () => {
  it('accepts ordinary Dutch text and emoji, and refuses lone surrogates and NUL anywhere in a value', async () => {
    const { isStorableText } = await import('../../src/domain/index.js');
    expect(isStorableText({ a: ['Één café 🙂', { b: 'ok' }], n: 1, x: null })).toBe(true);
    expect(isStorableText({ a: ['voor \ud800 na'] })).toBe(false);
    expect(isStorableText({ a: { b: 'x\u0000y' } })).toBe(false);
    expect(isStorableText({ ['k\u0000']: 'v' })).toBe(false);
  });
});
