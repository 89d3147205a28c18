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
import { aConversation, vitalityPreparation, vitalityReport } from '../support/factories.js';

const now = '2026-11-23T10:00:00.000Z';
const employee: Actor = { id: 'fatima', party: 'employee' };
const manager: Actor = { id: 'jeroen', party: 'manager' };
const system: Actor = { id: 'system', party: 'system' };
const actors = { employee, manager, system };

const schedule = { start: '2026-12-02T09:00:00.000Z', end: '2026-12-02T10:00:00.000Z' };

/** A valid instance of every command, so each can be tried in every stage by every party. */
const sampleCommands: Record<CommandType, Command> = {
  plan: { type: 'plan', schedule },
  reschedule: { type: 'reschedule', schedule },
  cancel: { type: 'cancel', reason: 'Ziek' },
  'save-preparation': { type: 'save-preparation', answers: vitalityPreparation },
  'submit-preparation': { type: 'submit-preparation' },
  'save-completion': { type: 'save-completion', answers: { 'kwaliteit.betekenis': 'Aanvulling' } },
  'complete-meeting': { type: 'complete-meeting' },
  'attach-meeting': {
    type: 'attach-meeting',
    meeting: { eventId: 'e1', joinUrl: 'https://teams.example/join' },
  },
  'save-report': { type: 'save-report', answers: vitalityReport },
  'submit-report': { type: 'submit-report', hash: 'h2' },
  decide: { type: 'decide', version: 1, decision: 'akkoord' },
  'mark-archived': {
    type: 'mark-archived',
    record: { location: 'x', url: 'y', hash: 'h1', archivedAt: now },
  },
  'save-pop': { type: 'save-pop', pop: { goals: 'g', actions: 'a', support: 's' } },
  'save-evaluation': { type: 'save-evaluation', text: 'Terugblik' },
};

/** A conversation in a stage, with the content that stage implies (so only the stage rule decides). */
function inStage(stage: Stage): Conversation {
  const base = aConversation({ stage, preparation: vitalityPreparation, report: vitalityReport });
  if (stage === 'awaiting_approval' || stage === 'approved' || stage === 'archived') {
    return {
      ...base,
      versions: [
        {
          number: 1,
          hash: 'h1',
          submittedBy: 'fatima',
          submittedAt: now,
          content: { preparation: {}, completion: {}, report: vitalityReport },
        },
      ],
    };
  }
  return base;
}

describe('transition table: every command × stage × party', () => {
  const cases: [CommandType, Stage, keyof typeof actors][] = [];
  for (const command of Object.keys(sampleCommands) as CommandType[])
    for (const stage of stages)
      for (const party of Object.keys(actors) as (keyof typeof actors)[]) cases.push([command, stage, party]);

  it.each(cases)('%s in %s by %s', (commandType, stage, party) => {
    const rule = transitions[commandType];
    const allowed =
      rule.parties.includes(party) &&
      rule.from.includes(stage) &&
      // Only the report's author (the employee, for a vitality report) writes and submits it.
      !((commandType === 'save-report' || commandType === 'submit-report') && party !== 'employee') &&
      // An employee may only withdraw their own request, not cancel a planned conversation.
      !(commandType === 'cancel' && party === 'employee' && stage !== 'requested');
    const act = () => transition(inStage(stage), sampleCommands[commandType], actors[party], now);
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
      }
    }
  });
});

describe('the approval cycle', () => {
  function submitted(): Conversation {
    let c = aConversation({ stage: 'held', preparation: vitalityPreparation });
    c = transition(c, { type: 'save-report', answers: vitalityReport }, employee, now).conversation;
    return transition(c, { type: 'submit-report', hash: 'h1' }, employee, now).conversation;
  }

  it('is approved when the employee agrees and the manager agrees on the same version', () => {
    let c = submitted();
    c = transition(c, { type: 'decide', version: 1, decision: 'akkoord' }, employee, now).conversation;
    expect(c.stage).toBe('awaiting_approval');
    const result = transition(c, { type: 'decide', version: 1, decision: 'akkoord' }, manager, now);
    expect(result.conversation.stage).toBe('approved');
    expect(result.events.map((e) => e.type)).toEqual(['decided', 'approved']);
  });

  it('accepts "voor gezien" from the employee only with a remark', () => {
    const c = submitted();
    expect(() =>
      transition(c, { type: 'decide', version: 1, decision: 'voor_gezien' }, employee, now),
    ).toThrow(/remark/);
    const seen = transition(
      c,
      { type: 'decide', version: 1, decision: 'voor_gezien', comment: 'Gezien, niet mee eens over punt 2' },
      employee,
      now,
    );
    const done = transition(
      seen.conversation,
      { type: 'decide', version: 1, decision: 'akkoord' },
      manager,
      now,
    );
    expect(done.conversation.stage).toBe('approved');
  });

  it('refuses "voor gezien" from the manager', () => {
    expect(() =>
      transition(
        submitted(),
        { type: 'decide', version: 1, decision: 'voor_gezien', comment: 'x' },
        manager,
        now,
      ),
    ).toThrow(expect.objectContaining({ code: 'decision_not_allowed' }));
  });

  it('sends the report back on "niet akkoord" and approves only a later version', () => {
    let c = submitted();
    expect(() =>
      transition(c, { type: 'decide', version: 1, decision: 'niet_akkoord' }, manager, now),
    ).toThrow(DomainError);
    c = transition(
      c,
      { type: 'decide', version: 1, decision: 'niet_akkoord', comment: 'Afspraak 1 concreter' },
      manager,
      now,
    ).conversation;
    expect(c.stage).toBe('held');
    c = transition(c, { type: 'submit-report', hash: 'h2' }, employee, now).conversation;
    expect(c.versions.map((v) => v.number)).toEqual([1, 2]);
    expect(() => transition(c, { type: 'decide', version: 1, decision: 'akkoord' }, employee, now)).toThrow(
      expect.objectContaining({ code: 'stale_version' }),
    );
    c = transition(c, { type: 'decide', version: 2, decision: 'akkoord' }, employee, now).conversation;
    c = transition(c, { type: 'decide', version: 2, decision: 'akkoord' }, manager, now).conversation;
    expect(c.stage).toBe('approved');
  });

  it('records exactly one decision per party and version', () => {
    const c = transition(
      submitted(),
      { type: 'decide', version: 1, decision: 'akkoord' },
      employee,
      now,
    ).conversation;
    expect(() => transition(c, { type: 'decide', version: 1, decision: 'akkoord' }, employee, now)).toThrow(
      expect.objectContaining({ code: 'already_decided' }),
    );
    expect(c.decisions).toHaveLength(1);
  });

  it('records a delegate deciding for the manager', () => {
    const delegate: Actor = { id: 'marieke', party: 'manager', onBehalfOf: 'jeroen' };
    const c = transition(
      submitted(),
      { type: 'decide', version: 1, decision: 'akkoord' },
      delegate,
      now,
    ).conversation;
    expect(c.decisions[0]).toMatchObject({ actorId: 'marieke', onBehalfOf: 'jeroen', party: 'manager' });
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
      transition(c, { type: 'save-report', answers: { 'resultaat.facilitering': 'Cursus' } }, employee, now),
    ).toThrow(expect.objectContaining({ kind: 'forbidden' }));
    const saved = transition(
      c,
      { type: 'save-report', answers: { 'resultaat.facilitering': 'Cursus' } },
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
