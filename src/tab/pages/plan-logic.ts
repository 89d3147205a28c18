/**
 * The plan page's rules, apart from React: the type's usual period, where to look for free time, how free
 * slots are spread over days, and which field a refusal of the server belongs to.
 */
import type { ConversationType } from '../../domain/formats.js';
import { ApiError } from '../api/client.js';
import type { TimeSlot } from '../api/types.js';
import type { MessageKey } from '../i18n/nl.js';

/** The lengths a conversation can be planned for, in minutes. */
export const durations = [30, 45, 60, 90] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** A local calendar day as `yyyy-mm-dd`. */
export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local midnight of a `yyyy-mm-dd` day, or undefined for anything else. */
export function dayStart(day: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Turns a local date, time and duration into the schedule the API takes (ISO timestamps). */
export function toSchedule(date: string, time: string, minutes: number): TimeSlot | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return undefined;
  const start = new Date(`${date}T${time}:00`);
  if (Number.isNaN(start.getTime())) return undefined;
  return { start: start.toISOString(), end: new Date(start.getTime() + minutes * 60_000).toISOString() };
}

/**
 * When a type of conversation is usually held in a year: the Reflectiegesprek in the second half (from 1 July),
 * looking back on the goals of Het Goede Gesprek. The other types have no fixed period.
 */
export function usualPeriod(type: ConversationType, year: number): { from: Date; until: Date } | undefined {
  if (type !== 'reflectie') return undefined;
  return { from: new Date(year, 6, 1), until: new Date(year + 1, 0, 1) };
}

/** Whether a start lies outside its type's usual period (said, never refused). */
export function outsideUsualPeriod(type: ConversationType, start: string | undefined): boolean {
  if (!start) return false;
  const at = new Date(start);
  const period = usualPeriod(type, at.getFullYear());
  return period !== undefined && (at < period.from || at >= period.until);
}

/** The first day to look for free time: today, or the start of the type's usual period if that is later. */
export function searchDay(type: ConversationType, now: Date): string {
  const period = usualPeriod(type, now.getFullYear());
  return isoDay(period && period.from > now ? period.from : now);
}

/** The window to ask for free slots in: from the chosen day (never before now), two weeks long. */
export function searchWindow(day: string, now: Date, days = 14): { from: string; until: string } {
  const start = dayStart(day) ?? now;
  const from = start > now ? start : now;
  const until = new Date(start.getFullYear(), start.getMonth(), start.getDate() + days);
  return {
    from: from.toISOString(),
    until: (until > from ? until : new Date(from.getTime() + days * 86_400_000)).toISOString(),
  };
}

/**
 * A search window cut off at the end of a last day (`yyyy-mm-dd`, local, inclusive): a round's moments fall in its
 * period. A window that then ends before it starts finds nothing.
 */
export function windowUntil(
  window: { from: string; until: string },
  lastDay: string | undefined,
): { from: string; until: string } {
  const last = lastDay ? dayStart(lastDay) : undefined;
  if (!last) return window;
  const end = new Date(last.getFullYear(), last.getMonth(), last.getDate() + 1).toISOString();
  return Date.parse(end) < Date.parse(window.until) ? { from: window.from, until: end } : window;
}

/**
 * At most `perDay` slots a day, at least `gapMinutes` apart: a choice over several days instead of every
 * half hour of the first free morning.
 */
export function spreadSlots(slots: readonly TimeSlot[], perDay = 3, gapMinutes = 90): TimeSlot[] {
  const kept: TimeSlot[] = [];
  const perDayCount = new Map<string, number>();
  let last: TimeSlot | undefined;
  for (const slot of [...slots].sort((a, b) => a.start.localeCompare(b.start))) {
    const day = isoDay(new Date(slot.start));
    const count = perDayCount.get(day) ?? 0;
    if (count >= perDay) continue;
    const sameDay = last !== undefined && isoDay(new Date(last.start)) === day;
    if (sameDay && Date.parse(slot.start) - Date.parse(last!.start) < gapMinutes * 60_000) continue;
    kept.push(slot);
    perDayCount.set(day, count + 1);
    last = slot;
  }
  return kept;
}

/**
 * Free slots spread over days: asks the calendar page by page (it answers the earliest ones first), each next
 * page from the day after the last slot, until `want` slots or the end of the window.
 */
export async function findSlots(
  ask: (window: { from: string; until: string }) => Promise<readonly TimeSlot[]>,
  window: { from: string; until: string },
  options: { want?: number; perDay?: number; pages?: number } = {},
): Promise<TimeSlot[]> {
  const want = options.want ?? 9;
  let found: TimeSlot[] = [];
  let from = window.from;
  for (let page = 0; page < (options.pages ?? 4) && Date.parse(from) < Date.parse(window.until); page++) {
    const slots = await ask({ from, until: window.until });
    if (slots.length === 0) break;
    found = spreadSlots([...found, ...slots], options.perDay);
    if (found.length >= want) break;
    const lastStart = new Date(
      slots
        .map((s) => s.start)
        .sort()
        .at(-1) as string,
    );
    from = new Date(lastStart.getFullYear(), lastStart.getMonth(), lastStart.getDate() + 1).toISOString();
  }
  return found.slice(0, want);
}

/** The request a plan link names: `request`, or `gesprek` in links of cards sent before it was renamed. */
export function requestIdOf(query: URLSearchParams): string | undefined {
  return query.get('request') || query.get('gesprek') || undefined;
}

/** The conversation that is already open, as an `already_open` refusal names it. */
export interface OpenConversation {
  conversationId: string;
  stage: string;
}

/** A refusal of the server, put at the field it is about, in the tab's own words (never validator text). */
export interface PlanProblem {
  field: 'employee' | 'type' | 'when' | 'form';
  key: MessageKey;
  open?: OpenConversation;
}

/** Which field a refusal belongs to and what to say there; undefined when it is no planning refusal. */
export function planProblem(error: unknown): PlanProblem | undefined {
  if (!(error instanceof ApiError)) return undefined;
  switch (error.code) {
    case 'start_in_past':
      return { field: 'when', key: 'plan.error.past' };
    case 'invalid_schedule':
      return { field: 'when', key: 'plan.error.order' };
    case 'validation_failed':
      return { field: 'when', key: 'plan.error.invalid' };
    case 'not_your_report':
      return { field: 'employee', key: 'plan.error.notYourReport' };
    case 'already_open': {
      const details = error.problem.details ?? {};
      const conversationId = typeof details.conversationId === 'string' ? details.conversationId : undefined;
      const stage = typeof details.stage === 'string' ? details.stage : '';
      const open = conversationId ? { conversationId, stage } : undefined;
      return {
        field: 'type',
        key: stage === 'requested' ? 'plan.error.openRequest' : 'plan.error.open',
        ...(open ? { open } : {}),
      };
    }
    case 'not_found':
    case 'illegal_transition':
      return { field: 'form', key: 'plan.error.requestGone' };
    default:
      return undefined;
  }
}
