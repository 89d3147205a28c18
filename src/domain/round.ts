/**
 * Rounds: HR (or a director, for their part of the organisation) starts a cycle for many people at once — a
 * Reflectiegesprek, Het Goede Gesprek or an invitation to a Vitaliteitsgesprek — for a department, a manager's
 * teams or everyone, in a period. Each manager then plans with each report; HR sees progress as counts only.
 *
 * Decisions written down here:
 * - A conversation counts toward a round by matching, not by a stored link: the same type, an employee in the
 *   round, not cancelled, and either planned while the round runs or scheduled inside its period. So a
 *   conversation planned from the plan page, from Outlook or from the round's own link all count the same.
 * - A Reflectiegesprek round is refused outside the second half of the year (1 July – 31 December of one year),
 *   as the seed places the conversation there; Het Goede Gesprek and vitality rounds may lie anywhere.
 * - A round is closed once its period has passed; that state is derived from the date, never stored.
 * - Progress never holds content, and in a vitality round a department below the minimum group size is pooled
 *   with the other small ones (and hidden when the pool is still small), so no count stands for one person.
 */
import { DomainError } from './errors.js';
import type { ConversationType } from './formats.js';
import type { Stage } from './conversation.js';
import { dateTimeFormat } from './date-format.js';

/** The kinds of round: the conversation each manager plans with each report. */
export const roundTypes = [
  'reflectie',
  'goede-gesprek',
  'vitaliteit',
] as const satisfies readonly ConversationType[];
export type RoundType = (typeof roundTypes)[number];

/** Whom a round is for. */
export type RoundAudience =
  | { kind: 'department'; department: string }
  /** Everyone below this manager, at every level (their teams and their managers' teams). */
  | { kind: 'manager'; managerId: string }
  | { kind: 'everyone' };

/** What is stored; `closed` is derived from the period (see `roundState`). */
export type StoredRoundState = 'open' | 'cancelled';
export type RoundState = StoredRoundState | 'closed';

/** Calendar days (YYYY-MM-DD, Europe/Amsterdam), both inclusive. */
export interface RoundPeriod {
  from: string;
  until: string;
}

export interface Round {
  id: string;
  type: RoundType;
  audience: RoundAudience;
  period: RoundPeriod;
  startedBy: string;
  startedAt: string;
  state: StoredRoundState;
  cancelledBy?: string;
  cancelledAt?: string;
  /** How many employees and managers it concerns (fixed at the start, from the directory then). */
  memberCount: number;
  managerCount: number;
}

/** One employee in a round, with the manager who plans and the department counted under. */
export interface RoundMember {
  employeeId: string;
  managerId: string;
  department: string;
}

/** How far one report is in the round, in order. */
export const progressSteps = ['invited', 'planned', 'prepared', 'held', 'signed', 'filed'] as const;
export type ProgressStep = (typeof progressSteps)[number];
export type ProgressCounts = Record<ProgressStep, number>;

/** The content-free facts about one conversation that progress is counted from. */
export interface ConversationFacts {
  id: string;
  employeeId: string;
  type: ConversationType;
  stage: Stage;
  createdAt: string;
  scheduleStart?: string;
  preparationShared: boolean;
}

/**
 * A department's line in the progress: its counts, or only its size when too small to show. The pooled line of
 * a vitality round (`otherDepartments`) names the departments in it.
 */
export type DepartmentProgress = { department: string; members: number; pooled?: string[] } & (
  { shown: true; counts: ProgressCounts } | { shown: false }
);

export interface RoundProgress {
  members: number;
  /** The round's totals; absent in a vitality round smaller than the minimum group size. */
  counts?: ProgressCounts;
  departments: DepartmentProgress[];
  /** The group size below which a vitality round pools departments. */
  minimum: number;
}

/** The longest period a round may run. */
export const maxRoundDays = 366;
/** How many days back a round may start (a round started this week for this Monday is fine). */
export const roundStartGraceDays = 7;
/** The department counted for an employee without one in the directory. */
export const noDepartment = '';
/** The pooled line of small departments in a vitality round. */
export const otherDepartments = '*';

const invalid = (code: string, nl: string, en: string, details?: Record<string, unknown>) =>
  new DomainError('invalid', code, { nl, en }, details);

export const roundErrors = {
  notAllowed: () =>
    new DomainError('forbidden', 'round_not_allowed', {
      nl: 'Alleen HR, of een directeur voor het eigen deel van de organisatie, kan een gespreksronde starten.',
      en: 'Only HR, or a director for their own part of the organisation, can start a round.',
    }),
  outsideOwnPart: () =>
    new DomainError('forbidden', 'round_outside_own_part', {
      nl: 'Als directeur start je een ronde alleen voor leidinggevenden en medewerkers onder jou.',
      en: 'As a director you start a round only for the managers and employees below you.',
    }),
  notFound: () =>
    new DomainError('not-found', 'round_not_found', {
      nl: 'Deze gespreksronde bestaat niet of je hebt er geen toegang toe.',
      en: 'This round does not exist or you have no access to it.',
    }),
  notOpen: (state: RoundState) =>
    new DomainError(
      'conflict',
      'round_not_open',
      {
        nl:
          state === 'cancelled'
            ? 'Deze gespreksronde is geannuleerd en kan niet meer worden gewijzigd.'
            : 'Deze gespreksronde is afgelopen en kan niet meer worden gewijzigd.',
        en:
          state === 'cancelled'
            ? 'This round was cancelled and can no longer be changed.'
            : 'This round has ended and can no longer be changed.',
      },
      { state },
    ),
  empty: () =>
    invalid(
      'round_empty',
      'Er zijn geen medewerkers met een leidinggevende in deze groep. Kies een andere afdeling of leidinggevende.',
      'There are no employees with a manager in this group. Choose another department or manager.',
    ),
  overlaps: (roundId: string) =>
    new DomainError(
      'conflict',
      'round_overlaps',
      {
        nl: 'Er loopt al een gespreksronde van deze soort voor dezelfde groep in deze periode.',
        en: 'A round of this type for the same group is already running in this period.',
      },
      { roundId },
    ),
  invalidPeriod: () =>
    invalid(
      'round_invalid_period',
      'De einddatum van de ronde moet na de begindatum liggen.',
      'The end date of the round must be after its start date.',
    ),
  periodTooLong: () =>
    invalid(
      'round_period_too_long',
      `Een gespreksronde duurt hoogstens ${maxRoundDays} dagen.`,
      `A round lasts at most ${maxRoundDays} days.`,
    ),
  startInPast: () =>
    invalid(
      'round_start_in_past',
      `De ronde kan hoogstens ${roundStartGraceDays} dagen terug beginnen. Kies een begindatum vanaf vandaag.`,
      `A round can start at most ${roundStartGraceDays} days back. Choose a start date from today.`,
    ),
  endInPast: () =>
    invalid(
      'round_end_in_past',
      'De einddatum ligt in het verleden. Kies een einddatum vanaf vandaag.',
      'The end date is in the past. Choose an end date from today.',
    ),
  reflectionFirstHalf: () =>
    invalid(
      'round_reflection_second_half',
      'Het Reflectiegesprek hoort in de tweede helft van het jaar: kies een periode tussen 1 juli en 31 december van hetzelfde jaar.',
      'The Reflectiegesprek belongs in the second half of the year: choose a period between 1 July and 31 December of one year.',
    ),
};

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** A moment as a calendar day in the Netherlands (YYYY-MM-DD): the day a round's period is counted in. */
export function amsterdamDay(at: Date): string {
  return dateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(at);
}

/** Days between two calendar days (`b - a`). */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * Checks a round's period against today (a calendar day). `keepFrom`: when changing a running round, a start
 * that stays the same may lie in the past.
 */
export function checkRoundPeriod(
  type: RoundType,
  period: RoundPeriod,
  today: string,
  options: { keepFrom?: string } = {},
): void {
  if (!dayPattern.test(period.from) || !dayPattern.test(period.until) || period.until <= period.from) {
    throw roundErrors.invalidPeriod();
  }
  if (daysBetween(period.from, period.until) > maxRoundDays) throw roundErrors.periodTooLong();
  if (period.from !== options.keepFrom && daysBetween(period.from, today) > roundStartGraceDays) {
    throw roundErrors.startInPast();
  }
  if (period.until < today) throw roundErrors.endInPast();
  if (type === 'reflectie') {
    const year = period.from.slice(0, 4);
    if (period.from < `${year}-07-01` || period.until > `${year}-12-31`)
      throw roundErrors.reflectionFirstHalf();
  }
}

/** Who starts a round, as the directory knows them. */
export interface RoundStarter {
  id: string;
  isHr: boolean;
  /** Manages at least one manager: heads a part of the organisation. */
  isDirector: boolean;
}

/**
 * Whether a person may start a round for these members. HR for anyone; a director only when every member is
 * below them (`belowStarter`) and never for everyone; others never.
 */
export function checkMayStartRound(
  starter: RoundStarter,
  audience: RoundAudience,
  members: readonly RoundMember[],
  belowStarter: (employeeId: string) => boolean,
): void {
  if (starter.isHr) return;
  if (!starter.isDirector) throw roundErrors.notAllowed();
  if (audience.kind === 'everyone') throw roundErrors.outsideOwnPart();
  if (!members.every((m) => belowStarter(m.employeeId))) throw roundErrors.outsideOwnPart();
}

/** Whether a person may follow and change a round: HR, and the director who started it. */
export function mayManageRound(round: Round, viewer: { id: string; isHr: boolean }): boolean {
  return viewer.isHr || round.startedBy === viewer.id;
}

/** The state on a day: an open round whose period has passed is closed. */
export function roundState(round: Round, today: string): RoundState {
  if (round.state === 'open' && round.period.until < today) return 'closed';
  return round.state;
}

/** Refuses changing a round that is no longer open. */
export function checkRoundOpen(round: Round, today: string): void {
  const state = roundState(round, today);
  if (state !== 'open') throw roundErrors.notOpen(state);
}

/** A stable key for whom a round is for, to find a second round for the same group. */
export function audienceKey(audience: RoundAudience): string {
  switch (audience.kind) {
    case 'department':
      return `department:${audience.department}`;
    case 'manager':
      return `manager:${audience.managerId}`;
    case 'everyone':
      return 'everyone';
  }
}

/** Whether two periods share a day. */
export function periodsOverlap(a: RoundPeriod, b: RoundPeriod): boolean {
  return a.from <= b.until && b.from <= a.until;
}

/** An open round of the same type for the same group whose period overlaps: a second one would double. */
export function overlappingRound(
  rounds: readonly Round[],
  candidate: Pick<Round, 'type' | 'audience' | 'period'>,
  today: string,
): Round | undefined {
  const key = audienceKey(candidate.audience);
  return rounds.find(
    (r) =>
      roundState(r, today) === 'open' &&
      r.type === candidate.type &&
      audienceKey(r.audience) === key &&
      periodsOverlap(r.period, candidate.period),
  );
}

/**
 * Whether a conversation counts toward a round: same type, not cancelled, and planned while the round runs or
 * scheduled inside its period. (Membership of the employee is the caller's.)
 */
export function countsTowardRound(round: Round, facts: ConversationFacts): boolean {
  if (facts.type !== round.type || facts.stage === 'cancelled') return false;
  if (facts.createdAt >= round.startedAt && (!round.cancelledAt || facts.createdAt < round.cancelledAt)) {
    return true;
  }
  // The period is in Dutch calendar days: a meeting at 00:30 on its first day is in, though 23:30 UTC the day before.
  const day = facts.scheduleStart ? amsterdamDay(new Date(facts.scheduleStart)) : undefined;
  return day !== undefined && round.period.from <= day && day <= round.period.until;
}

/** Where a conversation stands, as a round counts it: only the stage and whether a preparation was shared. */
export function stepOf(facts: ConversationFacts | undefined): ProgressStep {
  switch (facts?.stage) {
    case undefined:
    case 'requested':
    case 'cancelled':
      return 'invited';
    case 'planned':
    case 'preparing':
      return facts.preparationShared ? 'prepared' : 'planned';
    case 'prepared':
      return 'prepared';
    case 'held':
    case 'awaiting_approval':
      return 'held';
    case 'approved':
      return 'signed';
    case 'archived':
      return 'filed';
  }
}

/**
 * The conversation each member's step is counted from: of those that count toward the round, the one furthest
 * along (the latest when two are as far), so a second conversation planned after the first was filed never
 * takes a member back from filed to planned.
 */
export function roundConversations(
  round: Round,
  facts: readonly ConversationFacts[],
): Map<string, ConversationFacts> {
  const rank = (f: ConversationFacts) => progressSteps.indexOf(stepOf(f));
  const byEmployee = new Map<string, ConversationFacts>();
  for (const f of facts) {
    if (!countsTowardRound(round, f)) continue;
    const known = byEmployee.get(f.employeeId);
    const further = known ? rank(f) - rank(known) : 1;
    if (further > 0 || (further === 0 && known !== undefined && known.createdAt < f.createdAt))
      byEmployee.set(f.employeeId, f);
  }
  return byEmployee;
}

const emptyCounts = (): ProgressCounts =>
  Object.fromEntries(progressSteps.map((s) => [s, 0])) as ProgressCounts;

/**
 * Progress per department as counts, never content or names. In a vitality round departments smaller than
 * `minimum` are pooled into one line (`otherDepartments`); a pool still below the minimum takes in the smallest
 * other departments until it reaches it, because a hidden line beside a shown total would be the total minus the
 * shown lines. Only when the whole round is below the minimum is the pool hidden, and the total with it.
 */
export function roundProgress(
  round: Round,
  members: readonly RoundMember[],
  facts: readonly ConversationFacts[],
  minimum: number,
): RoundProgress {
  const current = roundConversations(round, facts);
  const total = emptyCounts();
  const perDepartment = new Map<string, { members: number; counts: ProgressCounts }>();
  for (const member of members) {
    const step = stepOf(current.get(member.employeeId));
    total[step] += 1;
    const line = perDepartment.get(member.department) ?? { members: 0, counts: emptyCounts() };
    line.members += 1;
    line.counts[step] += 1;
    perDepartment.set(member.department, line);
  }
  const sorted = [...perDepartment.entries()].sort(([a], [b]) => a.localeCompare(b, 'nl'));
  const pool = { members: 0, counts: emptyCounts(), departments: new Set<string>() };
  const intoPool = ([department, line]: (typeof sorted)[number]) => {
    pool.members += line.members;
    pool.departments.add(department);
    for (const step of progressSteps) pool.counts[step] += line.counts[step];
  };
  if (round.type === 'vitaliteit') {
    for (const entry of sorted) if (entry[1].members < minimum) intoPool(entry);
    // Smallest first (then by name), so as few people as possible move into the pool.
    const bySize = sorted
      .filter(([department]) => !pool.departments.has(department))
      .sort(([a, x], [b, y]) => x.members - y.members || a.localeCompare(b, 'nl'));
    for (const entry of bySize) {
      if (pool.members === 0 || pool.members >= minimum) break;
      intoPool(entry);
    }
  }
  const own = sorted.filter(([department]) => !pool.departments.has(department));
  const departments: DepartmentProgress[] = own.map(([department, line]) => ({
    department,
    members: line.members,
    shown: true,
    counts: line.counts,
  }));
  if (pool.members > 0) {
    const line = {
      department: otherDepartments,
      members: pool.members,
      pooled: [...pool.departments].sort((a, b) => a.localeCompare(b, 'nl')),
    };
    departments.push(
      pool.members >= minimum ? { ...line, shown: true, counts: pool.counts } : { ...line, shown: false },
    );
  }
  const hideTotal = round.type === 'vitaliteit' && members.length < minimum;
  return { members: members.length, ...(hideTotal ? {} : { counts: total }), departments, minimum };
}

/** The day a reminder goes out to managers with reports still to plan: `daysBefore` before the round ends. */
export function roundReminderDay(period: RoundPeriod, daysBefore: number): string {
  const until = Date.parse(`${period.until}T00:00:00Z`);
  const from = Date.parse(`${period.from}T00:00:00Z`);
  const at = Math.max(from, until - daysBefore * 86_400_000);
  return new Date(at).toISOString().slice(0, 10);
}

/** Whether a manager still has reports to plan in a round (a reminder is then still worth sending). */
export function hasUnplanned(
  round: Round,
  reports: readonly RoundMember[],
  facts: readonly ConversationFacts[],
): boolean {
  const current = roundConversations(round, facts);
  return reports.some((m) => stepOf(current.get(m.employeeId)) === 'invited');
}
