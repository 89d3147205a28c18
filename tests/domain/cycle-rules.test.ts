/** The cycle's own rules: who signs what, what each relation sees, the circle and the people's log. */
import { describe, expect, it } from '@jest/globals';
import {
  canReadArchiveRecord,
  contentFreeRecordOf,
  conversationAsSeenBy,
  needsWayOut,
  parseEvaluation,
  parseFollowUp,
  parsePop,
  peopleLog,
  popFromAgreements,
  preparationStatus,
  previousTypesFor,
  signatureSummary,
  teamVitalityPicture,
  transition,
  yearView,
  type Actor,
} from '../../src/domain/index.js';
import {
  aConversation,
  anOfferedConversation,
  vitalityPreparation,
  vitalityReport,
} from '../support/factories.js';

const now = '2026-11-23T10:00:00.000Z';
const employee: Actor = { id: 'fatima', party: 'employee' };
const manager: Actor = { id: 'jeroen', party: 'manager' };

const reflectionOffered = () => anOfferedConversation('reflectie');

describe('who chose what', () => {
  it('says "voor gezien" with the remark, never agreement', () => {
    let c = reflectionOffered();
    c = transition(
      c,
      { type: 'decide', version: 1, decision: 'voor_gezien', comment: 'Niet eens met doel 2' },
      employee,
      now,
    ).conversation;
    c = transition(
      c,
      { type: 'decide', version: 1, decision: 'akkoord' },
      manager,
      '2026-11-24T08:00:00.000Z',
    ).conversation;
    const summary = signatureSummary(c, c.versions[0]!);
    expect(summary.outcome).toBe('acknowledged');
    expect(summary.finalAt).toBe('2026-11-24T08:00:00.000Z');
    expect(summary.lines).toEqual([
      { party: 'manager', kind: 'offered', actorId: 'jeroen', at: now },
      {
        party: 'employee',
        kind: 'decided',
        decision: 'voor_gezien',
        actorId: 'fatima',
        comment: 'Niet eens met doel 2',
        at: now,
      },
      {
        party: 'manager',
        kind: 'decided',
        decision: 'akkoord',
        actorId: 'jeroen',
        at: '2026-11-24T08:00:00.000Z',
      },
    ]);
  });

  it('calls it agreed only when both chose akkoord, and co-signed for a vitality report', () => {
    let c = reflectionOffered();
    c = transition(c, { type: 'decide', version: 1, decision: 'akkoord' }, employee, now).conversation;
    expect(signatureSummary(c, c.versions[0]!).outcome).toBe('pending');
    c = transition(c, { type: 'decide', version: 1, decision: 'akkoord' }, manager, now).conversation;
    expect(signatureSummary(c, c.versions[0]!).outcome).toBe('agreed');

    let v = anOfferedConversation('vitaliteit');
    v = transition(v, { type: 'decide', version: 1, decision: 'akkoord' }, manager, now).conversation;
    const summary = signatureSummary(v, v.versions[0]!);
    expect(summary.outcome).toBe('cosigned');
    expect(summary.lines.map((l) => `${l.party}:${l.kind}`)).toEqual(['employee:offered', 'manager:decided']);
  });

  it('points both to a way out after three versions sent back', () => {
    let c = reflectionOffered();
    for (let round = 1; round <= 3; round += 1) {
      expect(needsWayOut(c)).toBe(false);
      c = transition(
        c,
        { type: 'decide', version: round, decision: 'niet_akkoord', comment: 'Anders' },
        employee,
        now,
      ).conversation;
      if (round < 3)
        c = transition(c, { type: 'submit-report', hash: `h${round + 1}` }, manager, now).conversation;
      expect(signatureSummary(c, c.versions[round - 1]!).outcome).toBe('returned');
    }
    expect(needsWayOut(c)).toBe(true);
  });
});

describe('drafts are the author’s', () => {
  it('shows the manager that she prepares, never what, until she shares', () => {
    let c = aConversation({ stage: 'planned' });
    expect(preparationStatus(c)).toBe('not-started');
    c = transition(c, { type: 'save-preparation', answers: vitalityPreparation }, employee, now).conversation;
    expect(preparationStatus(c)).toBe('in-progress');
    expect(conversationAsSeenBy(c, 'manager').preparation).toEqual({});
    expect(conversationAsSeenBy(c, 'delegate').preparation).toEqual({});
    expect(conversationAsSeenBy(c, 'employee').preparation).toEqual(c.preparation);
    c = transition(c, { type: 'submit-preparation' }, employee, now).conversation;
    expect(preparationStatus(c)).toBe('shared');
    expect(conversationAsSeenBy(c, 'manager').preparation).toEqual(c.preparation);
  });

  it('keeps the report draft with its author until it is offered', () => {
    const v = aConversation({ stage: 'held', report: vitalityReport });
    expect(conversationAsSeenBy(v, 'manager').report).toEqual({});
    expect(conversationAsSeenBy(v, 'employee').report).toEqual(vitalityReport);
    const r = aConversation({ type: 'reflectie', stage: 'held', report: { 'resultaat.facilitering': 'x' } });
    expect(conversationAsSeenBy(r, 'employee').report).toEqual({});
  });

  it('counts only shared preparations in the team picture', () => {
    const drafts = Array.from({ length: 3 }, (_, i) =>
      aConversation({ employeeId: `e${i}`, stage: 'preparing', preparation: vitalityPreparation }),
    );
    const shared = aConversation({
      employeeId: 'e9',
      stage: 'prepared',
      preparation: vitalityPreparation,
      preparationSharedAt: now,
    });
    const picture = teamVitalityPicture([...drafts, shared], 1);
    expect(picture.contributors).toBe(1);
  });
});

describe('vitality never reaches HR', () => {
  it('lets HR open a filed reflection, never a filed vitality conversation', () => {
    const vitality = aConversation({ stage: 'archived' });
    const reflection = aConversation({ type: 'reflectie', stage: 'archived' });
    expect(canReadArchiveRecord('hr', vitality)).toBe(false);
    expect(canReadArchiveRecord('hr', reflection)).toBe(true);
    expect(canReadArchiveRecord('manager', vitality)).toBe(true);
    expect(canReadArchiveRecord('none', reflection)).toBe(false);
  });

  it('gives HR at most a record without a word of content', () => {
    const c = aConversation({
      stage: 'archived',
      preparation: vitalityPreparation,
      report: vitalityReport,
      versions: [
        {
          number: 1,
          hash: 'abc',
          submittedBy: 'fatima',
          submittedAt: now,
          content: { preparation: vitalityPreparation, completion: {}, report: vitalityReport },
        },
      ],
    });
    const record = contentFreeRecordOf(c);
    expect(Object.keys(record).sort()).toEqual([
      'conversationId',
      'date',
      'employeeId',
      'hash',
      'signed',
      'type',
    ]);
    expect(JSON.stringify(record)).not.toMatch(/Energie|thuiswerkdag|happy|neutral/i);
    expect(record).toMatchObject({ signed: true, hash: 'abc', type: 'vitaliteit' });
  });
});

describe('the circle', () => {
  it('builds on the right earlier conversation across types', () => {
    expect(previousTypesFor('reflectie')[0]).toBe('goede-gesprek');
    expect(previousTypesFor('goede-gesprek')[0]).toBe('reflectie');
    expect(previousTypesFor('vitaliteit')).toEqual(['vitaliteit']);
  });

  it('takes a status per earlier agreement, and refuses a note of only spaces', () => {
    expect(parseFollowUp({ a1: { status: 'loopt', note: ' half ' } })).toEqual({
      a1: { status: 'loopt', note: 'half' },
    });
    expect(() => parseFollowUp({ a1: { status: 'klaar' } })).toThrow(
      expect.objectContaining({ code: 'invalid_follow_up' }),
    );
    expect(() => parseFollowUp({ a1: { status: 'gedaan', note: '   ' } })).toThrow(
      expect.objectContaining({ code: 'blank_text' }),
    );
  });

  it('makes a POP from the agreements in one step and refuses blank items', () => {
    const items = popFromAgreements([
      { id: 'a1', text: 'Vaste thuiswerkdag', owner: 'both', due: '2027-03-01' },
    ]);
    expect(items).toEqual([
      {
        id: 'pop-a1',
        goal: 'Vaste thuiswerkdag',
        actions: '',
        who: 'both',
        due: '2027-03-01',
        status: 'open',
        agreementId: 'a1',
      },
    ]);
    expect(() => parsePop({ items })).toThrow(expect.objectContaining({ code: 'blank_text' }));
    expect(() => parsePop({ items: [] })).toThrow(expect.objectContaining({ code: 'empty_pop' }));
    const pop = parsePop({ items: [{ ...items[0], actions: 'Woensdag thuis' }] });
    expect(pop.items[0]?.actions).toBe('Woensdag thuis');
    const evaluation = parseEvaluation(
      {
        items: [
          { popItemId: 'pop-a1', status: 'gedaan', text: 'Lukt' },
          { popItemId: 'x', status: 'open', text: '' },
        ],
        overall: 'Goed jaar',
      },
      { ...pop, updatedAt: now },
    );
    expect(evaluation.items.map((i) => i.popItemId)).toEqual(['pop-a1']);
    expect(() => parseEvaluation({ items: [], overall: '  ' }, undefined)).toThrow(
      expect.objectContaining({ code: 'blank_text' }),
    );
  });

  it('lists an employee’s year by type, leaving cancelled ones out', () => {
    const view = yearView(
      [
        { id: '1', type: 'goede-gesprek', stage: 'archived', date: '2026-02-01T09:00:00Z' },
        { id: '2', type: 'vitaliteit', stage: 'cancelled', date: '2026-03-01T09:00:00Z' },
        { id: '3', type: 'vitaliteit', stage: 'planned', date: '2026-10-01T09:00:00Z' },
        { id: '4', type: 'reflectie', stage: 'archived', date: '2025-09-01T09:00:00Z' },
      ],
      2026,
    );
    expect(view.goedeGesprek.map((e) => e.id)).toEqual(['1']);
    expect(view.vitaliteit.map((e) => e.id)).toEqual(['3']);
    expect(view.reflectie).toEqual([]);
    expect(view.expected).toEqual({ goedeGesprek: false, reflectie: true });
  });
});

describe('the people’s log', () => {
  it('collapses a person’s consecutive saves, leaves reads and unknown actions out, and carries no ids', () => {
    const entry = (at: string, actorId: string, action: string, details: Record<string, unknown> = {}) => ({
      at,
      actorId,
      action,
      details,
    });
    const log = peopleLog([
      entry('2026-11-01T09:00:00Z', 'jeroen', 'conversation.planned', { schedule: { start: 'x' } }),
      entry('2026-11-01T09:01:00Z', 'system', 'conversation.meeting-attached', {
        meeting: { eventId: 'AAMk', joinUrl: 'http://localhost/join' },
      }),
      ...Array.from({ length: 9 }, (_, i) =>
        entry(`2026-11-02T09:0${i}:00Z`, 'fatima', 'conversation.preparation-saved'),
      ),
      entry('2026-11-02T10:00:00Z', 'jeroen', 'conversation.read'),
      entry('2026-11-02T11:00:00Z', 'fatima', 'conversation.preparation-submitted'),
      entry('2026-11-03T11:00:00Z', 'fatima', 'conversation.decided', {
        decision: 'voor_gezien',
        version: 2,
      }),
      entry('2026-11-03T12:00:00Z', 'x', 'something.internal'),
    ]);
    expect(log.map((l) => [l.action, l.count])).toEqual([
      ['conversation.planned', 1],
      ['conversation.meeting-attached', 1],
      ['conversation.preparation-saved', 9],
      ['conversation.preparation-submitted', 1],
      ['conversation.decided', 1],
    ]);
    expect(log[2]).toMatchObject({ from: '2026-11-02T09:00:00Z', at: '2026-11-02T09:08:00Z' });
    expect(log[4]).toMatchObject({ decision: 'voor_gezien', version: 2 });
    expect(JSON.stringify(log)).not.toMatch(/AAMk|localhost|schedule/);
  });
});
