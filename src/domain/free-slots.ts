/**
 * Free meeting slots from busy periods inside office hours, found one way for all: Graph's app-only fallback
 * (`findMeetingTimes` is delegated only), the local calendar and the Outlook add-in. Pure: no clock, no I/O.
 */
import { wallClock } from './date-format.js';

/** A free period as the calendars and the API give it: ISO start and end. */
export interface TimeSlot {
  start: string;
  end: string;
}

/** A half-open period [start, end) in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** When meetings may be planned, in a zone's wall-clock time. */
export interface WorkingHours {
  /** 0 = Sunday … 6 = Saturday. */
  days: number[];
  /** `HH:MM`. */
  start: string;
  end: string;
  /** IANA zone, e.g. `Europe/Amsterdam`. */
  timeZone: string;
}

/** Monday to Friday, 08:30–17:00 in the Netherlands. */
export const dutchOfficeHours: WorkingHours = {
  days: [1, 2, 3, 4, 5],
  start: '08:30',
  end: '17:00',
  timeZone: 'Europe/Amsterdam',
};

/** Input of {@link freeSlots}. */
export interface FreeSlotQuery {
  /** Everyone's busy periods together. */
  busy: Interval[];
  from: number;
  until: number;
  durationMinutes: number;
  /** Candidate starts are multiples of this many minutes (UTC); default 30. */
  stepMinutes?: number;
  workingHours?: WorkingHours;
  /** At most this many slots; default 20. */
  maxSlots?: number;
}

/** Sorts and merges overlapping or touching intervals. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

/** Slots of the requested length where nobody is busy, inside working hours, earliest first. */
export function freeSlots(query: FreeSlotQuery): TimeSlot[] {
  const step = (query.stepMinutes ?? 30) * 60_000;
  const duration = query.durationMinutes * 60_000;
  const max = query.maxSlots ?? 20;
  if (duration <= 0 || query.until <= query.from) return [];
  const busy = mergeIntervals(query.busy);
  const slots: TimeSlot[] = [];
  let b = 0;
  for (
    let start = Math.ceil(query.from / step) * step;
    start + duration <= query.until && slots.length < max;
    start += step
  ) {
    const end = start + duration;
    // Busy periods are sorted: skip the ones that ended before this candidate.
    while (b < busy.length && busy[b]!.end <= start) b++;
    const next = busy[b];
    if (next && next.start < end) continue;
    if (query.workingHours && !withinWorkingHours(start, end, query.workingHours)) continue;
    slots.push({ start: new Date(start).toISOString(), end: new Date(end).toISOString() });
  }
  return slots;
}

/** Whether [start, end) lies inside one working day's hours. */
export function withinWorkingHours(start: number, end: number, hours: WorkingHours): boolean {
  const from = wallClock(hours.timeZone, start);
  const to = wallClock(hours.timeZone, end - 1);
  if (from.day !== to.day || !hours.days.includes(from.weekday)) return false;
  const minutes = (h: number, m: number) => h * 60 + m;
  const [openH, openM] = hours.start.split(':').map(Number) as [number, number];
  const [closeH, closeM] = hours.end.split(':').map(Number) as [number, number];
  const startMinutes = minutes(from.hour, from.minute);
  const endMinutes = minutes(to.hour, to.minute) + 1;
  return startMinutes >= minutes(openH, openM) && endMinutes <= minutes(closeH, closeM);
}
