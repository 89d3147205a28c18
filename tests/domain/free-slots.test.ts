/** Free slots from busy periods in office hours: merging, working days, summer time and limits. */
import { describe, expect, it } from '@jest/globals';
import {
  dutchOfficeHours,
  freeSlots,
  mergeIntervals,
  withinWorkingHours,
} from '../../src/domain/free-slots.js';

const t = (iso: string) => Date.parse(iso);

describe('mergeIntervals', () => {
  it('merges overlapping and touching periods and drops empty ones', () => {
    expect(
      mergeIntervals([
        { start: 5, end: 8 },
        { start: 1, end: 3 },
        { start: 3, end: 4 },
        { start: 7, end: 10 },
        { start: 12, end: 12 },
      ]),
    ).toEqual([
      { start: 1, end: 4 },
      { start: 5, end: 10 },
    ]);
  });
});

describe('freeSlots', () => {
  it('returns aligned slots that avoid everyone’s busy periods', () => {
    const slots = freeSlots({
      busy: [
        { start: t('2026-12-01T09:00:00Z'), end: t('2026-12-01T10:00:00Z') },
        { start: t('2026-12-01T10:30:00Z'), end: t('2026-12-01T11:00:00Z') },
      ],
      from: t('2026-12-01T08:50:00Z'),
      until: t('2026-12-01T12:00:00Z'),
      durationMinutes: 60,
    });
    expect(slots).toEqual([{ start: '2026-12-01T11:00:00.000Z', end: '2026-12-01T12:00:00.000Z' }]);
  });

  it('offers overlapping candidates at each step and respects maxSlots', () => {
    const slots = freeSlots({
      busy: [],
      from: t('2026-12-01T09:00:00Z'),
      until: t('2026-12-01T11:00:00Z'),
      durationMinutes: 60,
      maxSlots: 2,
    });
    expect(slots.map((s) => s.start)).toEqual(['2026-12-01T09:00:00.000Z', '2026-12-01T09:30:00.000Z']);
  });

  it('keeps to working hours in the Dutch time zone and skips weekends', () => {
    const slots = freeSlots({
      busy: [],
      // Friday 4 December 2026, 15:00 UTC (16:00 in Amsterdam) until Monday 08:30 UTC (09:30 local).
      from: t('2026-12-04T15:00:00Z'),
      until: t('2026-12-07T08:30:00Z'),
      durationMinutes: 60,
      workingHours: dutchOfficeHours,
    });
    // Friday 16:00–17:00 local still fits; 16:30 would end after closing; nothing on the weekend.
    expect(slots).toEqual([
      { start: '2026-12-04T15:00:00.000Z', end: '2026-12-04T16:00:00.000Z' },
      { start: '2026-12-07T07:30:00.000Z', end: '2026-12-07T08:30:00.000Z' },
    ]);
  });

  it('answers nothing for an empty window or a zero duration', () => {
    expect(freeSlots({ busy: [], from: 10, until: 5, durationMinutes: 30 })).toEqual([]);
    expect(freeSlots({ busy: [], from: 0, until: 3_600_000, durationMinutes: 0 })).toEqual([]);
  });

  it('checks both ends of a slot against the working day', () => {
    expect(withinWorkingHours(t('2026-12-01T15:30:00Z'), t('2026-12-01T16:00:00Z'), dutchOfficeHours)).toBe(
      true,
    );
    expect(withinWorkingHours(t('2026-12-01T15:30:00Z'), t('2026-12-01T16:30:00Z'), dutchOfficeHours)).toBe(
      false,
    );
    expect(withinWorkingHours(t('2026-12-01T07:00:00Z'), t('2026-12-01T08:00:00Z'), dutchOfficeHours)).toBe(
      false,
    );
  });
});
