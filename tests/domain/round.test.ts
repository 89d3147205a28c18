/** Round rules: who may start one, its period, the Reflectiegesprek's half of the year, and progress as counts. */
import { describe, expect, it } from '@jest/globals';
import {
  amsterdamDay,
  checkMayStartRound,
  checkRoundOpen,
  checkRoundPeriod,
  countsTowardRound,
  hasUnplanned,
  otherDepartments,
  overlappingRound,
  roundProgress,
  roundReminderDay,
  roundState,
  stepOf,
  type ConversationFacts,
  type Round,
  type RoundMember,
} from '../../src/domain/index.js';

const today = '2026-12-01';

const round = (overrides: Partial<Round> = {}): Round => ({
  id: 'r1',
  type: 'reflectie',
  audience: { kind: 'department', department: 'Dienstverlening' },
  period: { from: '2026-12-01', until: '2026-12-31' },
  startedBy: 'ingrid',
  startedAt: '2026-12-01T09:00:00.000Z',
  state: 'open',
  memberCount: 0,
  managerCount: 0,
  ...overrides,
});

const facts = (employeeId: string, overrides: Partial<ConversationFacts> = {}): ConversationFacts => ({
  id: `c-${employeeId}`,
  employeeId,
  type: 'reflectie',
  stage: 'planned',
  createdAt: '2026-12-02T09:00:00.000Z',
  preparationShared: false,
  ...overrides,
});

const codeOf = (work: () => unknown): string | undefined => {
  try {
    work();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('who may start a round', () => {
  const members: RoundMember[] = [
    { employeeId: 'fatima', managerId: 'jeroen', department: 'Dienstverlening' },
    { employeeId: 'ruben', managerId: 'esther', department: 'Financiën' },
  ];
  const department = { kind: 'department', department: 'Dienstverlening' } as const;

  it('lets HR start a round for anyone, everyone included', () => {
    const hr = { id: 'ingrid', isHr: true, isDirector: false };
    expect(codeOf(() => checkMayStartRound(hr, { kind: 'everyone' }, members, () => false))).toBeUndefined();
  });

  it('lets a director start one for the people below them only', () => {
    const director = { id: 'marieke', isHr: false, isDirector: true };
    expect(codeOf(() => checkMayStartRound(director, department, members, () => true))).toBeUndefined();
    expect(codeOf(() => checkMayStartRound(director, department, members, (id) => id === 'fatima'))).toBe(
      'round_outside_own_part',
    );
    expect(codeOf(() => checkMayStartRound(director, { kind: 'everyone' }, members, () => true))).toBe(
      'round_outside_own_part',
    );
  });

  it('refuses everyone else, a team lead too', () => {
    const lead = { id: 'jeroen', isHr: false, isDirector: false };
    expect(codeOf(() => checkMayStartRound(lead, department, members, () => true))).toBe('round_not_allowed');
  });
});

describe('the period of a round', () => {
  it('must end after it starts, within a year, and not lie in the past', () => {
    expect(
      codeOf(() => checkRoundPeriod('goede-gesprek', { from: '2027-01-10', until: '2027-01-10' }, today)),
    ).toBe('round_invalid_period');
    expect(
      codeOf(() => checkRoundPeriod('goede-gesprek', { from: '2027-01-01', until: '2028-03-01' }, today)),
    ).toBe('round_period_too_long');
    expect(
      codeOf(() => checkRoundPeriod('goede-gesprek', { from: '2026-11-01', until: '2027-01-31' }, today)),
    ).toBe('round_start_in_past');
    // A round may start a few days back (this Monday), and a running round keeps its start when changed.
    expect(
      codeOf(() => checkRoundPeriod('goede-gesprek', { from: '2026-11-26', until: '2027-01-31' }, today)),
    ).toBeUndefined();
    expect(
      codeOf(() =>
        checkRoundPeriod('goede-gesprek', { from: '2026-10-01', until: '2027-01-31' }, today, {
          keepFrom: '2026-10-01',
        }),
      ),
    ).toBeUndefined();
    expect(
      codeOf(() =>
        checkRoundPeriod('goede-gesprek', { from: '2026-10-01', until: '2026-11-30' }, today, {
          keepFrom: '2026-10-01',
        }),
      ),
    ).toBe('round_end_in_past');
  });

  it('refuses a Reflectiegesprek round outside the second half of one year', () => {
    expect(
      codeOf(() => checkRoundPeriod('reflectie', { from: '2026-12-01', until: '2026-12-31' }, today)),
    ).toBeUndefined();
    expect(
      codeOf(() => checkRoundPeriod('reflectie', { from: '2027-03-01', until: '2027-04-30' }, today)),
    ).toBe('round_reflection_second_half');
    expect(
      codeOf(() => checkRoundPeriod('reflectie', { from: '2026-12-01', until: '2027-01-31' }, today)),
    ).toBe('round_reflection_second_half');
    // Het Goede Gesprek and a vitality round may lie anywhere in the year.
    expect(
      codeOf(() => checkRoundPeriod('vitaliteit', { from: '2027-03-01', until: '2027-04-30' }, today)),
    ).toBeUndefined();
  });

  it('says in Dutch what to choose instead', () => {
    try {
      checkRoundPeriod('reflectie', { from: '2027-03-01', until: '2027-04-30' }, today);
    } catch (error) {
      expect((error as { text: { nl: string } }).text.nl).toContain('tweede helft van het jaar');
    }
  });

  it('closes once the period has passed, and a closed or cancelled round cannot change', () => {
    expect(roundState(round(), today)).toBe('open');
    expect(roundState(round(), '2027-01-01')).toBe('closed');
    expect(codeOf(() => checkRoundOpen(round(), '2027-01-01'))).toBe('round_not_open');
    expect(codeOf(() => checkRoundOpen(round({ state: 'cancelled' }), today))).toBe('round_not_open');
  });

  it('finds a second open round of the same type for the same group in an overlapping period', () => {
    const existing = round();
    expect(overlappingRound([existing], round({ id: 'r2' }), today)?.id).toBe('r1');
    expect(overlappingRound([existing], round({ id: 'r2', type: 'vitaliteit' }), today)).toBeUndefined();
    expect(overlappingRound([round({ state: 'cancelled' })], round({ id: 'r2' }), today)).toBeUndefined();
  });

  it('reminds a week before the end, never before the start', () => {
    expect(roundReminderDay({ from: '2026-12-01', until: '2026-12-31' }, 7)).toBe('2026-12-24');
    expect(roundReminderDay({ from: '2026-12-01', until: '2026-12-03' }, 7)).toBe('2026-12-01');
  });

  it('counts days in Dutch time', () => {
    expect(amsterdamDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});

describe('which conversations count toward a round', () => {
  it('counts one of the same type planned while the round runs, or scheduled inside its period', () => {
    const r = round();
    expect(countsTowardRound(r, facts('fatima'))).toBe(true);
    expect(countsTowardRound(r, facts('fatima', { type: 'vitaliteit' }))).toBe(false);
    expect(countsTowardRound(r, facts('fatima', { stage: 'cancelled' }))).toBe(false);
    const earlier = { createdAt: '2026-11-01T09:00:00.000Z' };
    expect(countsTowardRound(r, facts('fatima', earlier))).toBe(false);
    expect(
      countsTowardRound(r, facts('fatima', { ...earlier, scheduleStart: '2026-12-10T09:00:00+01:00' })),
    ).toBe(true);
  });

  it('maps stages to steps, a shared preparation as prepared', () => {
    expect(stepOf(undefined)).toBe('invited');
    expect(stepOf(facts('a', { stage: 'requested' }))).toBe('invited');
    expect(stepOf(facts('a', { stage: 'preparing' }))).toBe('planned');
    expect(stepOf(facts('a', { stage: 'preparing', preparationShared: true }))).toBe('prepared');
    expect(stepOf(facts('a', { stage: 'awaiting_approval' }))).toBe('held');
    expect(stepOf(facts('a', { stage: 'approved' }))).toBe('signed');
    expect(stepOf(facts('a', { stage: 'archived' }))).toBe('filed');
  });
});

describe('progress as counts', () => {
  const members: RoundMember[] = [
    ...['a', 'b', 'c', 'd', 'e'].map((id) => ({ employeeId: id, managerId: 'm1', department: 'Groot' })),
    { employeeId: 'x', managerId: 'm2', department: 'Klein' },
    { employeeId: 'y', managerId: 'm3', department: 'Kleiner' },
  ];
  const all = [
    facts('a'),
    facts('b', { stage: 'archived' }),
    facts('c', { stage: 'held' }),
    facts('x', { stage: 'approved' }),
  ];

  it('counts each member once, per department, with no names or content', () => {
    const progress = roundProgress(round(), members, all, 5);
    expect(progress.counts).toEqual({ invited: 3, planned: 1, prepared: 0, held: 1, signed: 1, filed: 1 });
    expect(progress.departments.map((d) => d.department)).toEqual(['Groot', 'Klein', 'Kleiner']);
    expect(JSON.stringify(progress)).not.toMatch(/"a"|c-a/);
  });

  it('pools small departments in a vitality round and hides a pool still below the minimum', () => {
    const vitality = round({ type: 'vitaliteit' });
    const progress = roundProgress(
      vitality,
      members,
      all.map((f) => ({ ...f, type: 'vitaliteit' as const })),
      5,
    );
    expect(progress.departments).toEqual([
      expect.objectContaining({ department: 'Groot', shown: true }),
      { department: otherDepartments, members: 2, shown: false },
    ]);
    const tiny = roundProgress(vitality, members.slice(5), [], 5);
    expect(tiny.counts).toBeUndefined();
  });

  it('knows whether a manager still has reports to plan', () => {
    const mine = members.slice(0, 2);
    expect(hasUnplanned(round(), mine, [facts('a')])).toBe(true);
    expect(hasUnplanned(round(), mine, [facts('a'), facts('b')])).toBe(false);
  });
});
