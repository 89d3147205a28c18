/**
 * Proposes meeting times when the server cannot (no free/busy endpoint): candidate starts on the half hour
 * inside office hours, skipping the manager's conversations that are already scheduled. Pure: no clock, no I/O.
 */
import type { TimeSlot } from './api-client.js';
import { dutchOfficeHours, freeSlots } from '../domain/free-slots.js';

export interface ProposeSlotsInput {
  /** Earliest start (epoch ms); proposals start on the next half hour after it. */
  from: number;
  durationMinutes: number;
  /** Periods to keep clear, e.g. other scheduled conversations. */
  busy: TimeSlot[];
  count?: number;
  /** How far ahead to look; default 14 days. */
  horizonDays?: number;
}

/** Free slots of the requested length in Dutch office hours, earliest first: five within two weeks by default. */
export function proposeSlots(input: ProposeSlotsInput): TimeSlot[] {
  return freeSlots({
    busy: input.busy.map((b) => ({ start: Date.parse(b.start), end: Date.parse(b.end) })),
    from: input.from,
    until: input.from + (input.horizonDays ?? 14) * 24 * 60 * 60_000,
    durationMinutes: input.durationMinutes,
    workingHours: dutchOfficeHours,
    maxSlots: input.count ?? 5,
  });
}
