/**
 * Proposes meeting times when the server cannot (no free/busy endpoint): candidate starts on the half hour
 * inside office hours, skipping the manager's conversations that are already scheduled. Pure: no clock, no I/O.
 */
import type { TimeSlot } from './api-client.js';
import { dateTimeFormat } from '../domain/date-format.js';

export interface OfficeHours {
  /** 0 = Sunday … 6 = Saturday. */
  days: number[];
  /** Minutes after midnight, wall-clock time in `timeZone`. */
  open: number;
  close: number;
  timeZone: string;
}

/** Monday to Friday, 08:30–17:00, Dutch time. */
export const dutchOfficeHours: OfficeHours = {
  days: [1, 2, 3, 4, 5],
  open: 8 * 60 + 30,
  close: 17 * 60,
  timeZone: 'Europe/Amsterdam',
};

export interface ProposeSlotsInput {
  /** Earliest start (epoch ms); proposals start on the next half hour after it. */
  from: number;
  durationMinutes: number;
  /** Periods to keep clear, e.g. other scheduled conversations. */
  busy: TimeSlot[];
  count?: number;
  /** How far ahead to look; default 14 days. */
  horizonDays?: number;
  hours?: OfficeHours;
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function wallClock(timeZone: string, at: number): { weekday: number; minutes: number; day: string } {
  const parts = Object.fromEntries(
    dateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  return {
    weekday: weekdays.indexOf(parts.weekday ?? ''),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    day: `${parts.year}-${parts.month}-${parts.day}`,
  };
}

/** Free slots of the requested length, earliest first, each inside one day's office hours. */
export function proposeSlots(input: ProposeSlotsInput): TimeSlot[] {
  const hours = input.hours ?? dutchOfficeHours;
  const count = input.count ?? 5;
  const step = 30 * 60_000;
  const duration = input.durationMinutes * 60_000;
  const until = input.from + (input.horizonDays ?? 14) * 24 * 60 * 60_000;
  const busy = input.busy
    .map((b) => ({ start: Date.parse(b.start), end: Date.parse(b.end) }))
    .filter((b) => b.end > b.start);
  const slots: TimeSlot[] = [];
  for (
    let start = Math.ceil(input.from / step) * step;
    start + duration <= until && slots.length < count;
    start += step
  ) {
    const end = start + duration;
    const first = wallClock(hours.timeZone, start);
    const last = wallClock(hours.timeZone, end - 1);
    if (first.day !== last.day || !hours.days.includes(first.weekday)) continue;
    if (first.minutes < hours.open || last.minutes + 1 > hours.close) continue;
    if (busy.some((b) => b.start < end && start < b.end)) continue;
    slots.push({ start: new Date(start).toISOString(), end: new Date(end).toISOString() });
  }
  return slots;
}
