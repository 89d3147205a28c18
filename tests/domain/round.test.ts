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
  roundConversations,
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

  it('reads the scheduled day in Dutch time, as the period is', () => {
    const r = round({ period: { from: '2026-12-01', until: '2026-12-31' } });
    const before = { createdAt: '2026-11-01T09:00:00.000Z' };
    // 00:30 on 1 December in Amsterdam is still 30 November in UTC; 00:30 on 1 January is 31 December in UTC.
    expect(countsTowardRound(r, facts('a', { ...before, scheduleStart: '2026-11-30T23:30:00.000Z' }))).toBe(
      true,
    );
    expect(countsTowardRound(r, facts('a', { ...before, scheduleStart: '2026-12-31T23:30:00.000Z' }))).toBe(
      false,
    );
  });

  it('counts a member by her conversation furthest along, so a second one never takes her back', () => {
    const filed = facts('a', { id: 'c-1', stage: 'archived', createdAt: '2026-12-02T09:00:00.000Z' });
    const again = facts('a', { id: 'c-2', stage: 'planned', createdAt: '2026-12-20T09:00:00.000Z' });
    expect(roundConversations(round(), [filed, again]).get('a')?.id).toBe('c-1');
    expect(roundConversations(round(), [again, filed]).get('a')?.id).toBe('c-1');
    // As far along: the latest.
    const later = { ...again, id: 'c-3', createdAt: '2026-12-21T09:00:00.000Z' };
    expect(roundConversations(round(), [later, again]).get('a')?.id).toBe('c-3');
    expect(
      roundProgress(round(), [{ employeeId: 'a', managerId: 'm', department: 'D' }], [filed, again], 5)
        .counts,
    ).toMatchObject({ filed: 1, planned: 0 });
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

  it('pools small departments in a vitality round, with the smallest others until the pool is big enough', () => {
    const vitality = round({ type: 'vitaliteit' });
    const big = ['f', 'g', 'h', 'i', 'j', 'k'].map((id) => ({
      employeeId: id,
      managerId: 'm4',
      department: 'Groter',
    }));
    const progress = roundProgress(
      vitality,
      [...members, ...big],
      all.map((f) => ({ ...f, type: 'vitaliteit' as const })),
      5,
    );
    // Klein and Kleiner (2 together) alone would be a hidden line that the total minus Groot and Groter gives
    // away: the smallest other department, Groot (5), joins them.
    expect(progress.departments).toEqual([
      expect.objectContaining({ department: 'Groter', members: 6, shown: true }),
      {
        department: otherDepartments,
        members: 7,
        pooled: ['Groot', 'Klein', 'Kleiner'],
        shown: true,
        counts: { invited: 3, planned: 1, prepared: 0, held: 1, signed: 1, filed: 1 },
      },
    ]);
    const tiny = roundProgress(vitality, members.slice(5), [], 5);
    expect(tiny.counts).toBeUndefined();
    expect(tiny.departments).toEqual([
      { department: otherDepartments, members: 2, pooled: ['Klein', 'Kleiner'], shown: false },
    ]);
  });

  it('never lets the total minus the shown lines stand for fewer than the minimum in a vitality round', () => {
    const vitality = round({ type: 'vitaliteit' });
    const sizes = [1, 2, 3, 4, 5, 6, 7, 9, 12];
    for (let seed = 0; seed < 200; seed++) {
      const roster: RoundMember[] = [];
      let n = 0;
      for (let d = 0; d < 1 + (seed % 6); d++) {
        const size = sizes[(seed * 7 + d * 3) % sizes.length] as number;
        for (let i = 0; i < size; i++)
          roster.push({ employeeId: `p${n++}`, managerId: 'm', department: `D${d}` });
      }
      const progress = roundProgress(vitality, roster, [], 5);
      const shown = progress.departments.reduce((sum, line) => sum + (line.shown ? line.members : 0), 0);
      const hidden = roster.length - shown;
      if (progress.counts) expect(hidden === 0 || hidden >= 5).toBe(true);
      for (const line of progress.departments) if (line.shown) expect(line.members).toBeGreaterThanOrEqual(5);
    }
  });

  it('knows whether a manager still has reports to plan', () => {
    const mine = members.slice(0, 2);
    expect(hasUnplanned(round(), mine, [facts('a')])).toBe(true);
    expect(hasUnplanned(round(), mine, [facts('a'), facts('b')])).toBe(false);
  });
});
