/** The Outlook add-in's own proposals: office hours, summer time and busy periods. */
import { describe, expect, it } from '@jest/globals';
import { proposeSlots } from '../../src/outlook/slots.js';

describe('proposeSlots', () => {
  it('stays inside Dutch office hours on working days, on the half hour', () => {
    // Friday 16:20 in Amsterdam (winter time, UTC+1).
    const slots = proposeSlots({
      from: Date.parse('2026-12-04T15:20:00Z'),
      durationMinutes: 60,
      busy: [],
      count: 3,
    });
    // Nothing fits on Friday before 17:00; the weekend is skipped; Monday starts at 08:30.
    expect(slots).toEqual([
      { start: '2026-12-07T07:30:00.000Z', end: '2026-12-07T08:30:00.000Z' },
      { start: '2026-12-07T08:00:00.000Z', end: '2026-12-07T09:00:00.000Z' },
      { start: '2026-12-07T08:30:00.000Z', end: '2026-12-07T09:30:00.000Z' },
    ]);
  });

  it('follows summer time', () => {
    const slots = proposeSlots({
      from: Date.parse('2026-06-01T00:00:00Z'),
      durationMinutes: 30,
      busy: [],
      count: 1,
    });
    expect(slots).toEqual([{ start: '2026-06-01T06:30:00.000Z', end: '2026-06-01T07:00:00.000Z' }]);
  });

  it('skips busy periods and ends before closing time', () => {
    const slots = proposeSlots({
      from: Date.parse('2026-12-07T14:00:00Z'),
      durationMinutes: 60,
      busy: [{ start: '2026-12-07T14:00:00Z', end: '2026-12-07T15:00:00Z' }],
      count: 2,
    });
    // 15:00 Amsterdam is busy; 16:00–17:00 is the last slot of the day; then Tuesday 08:30.
    expect(slots).toEqual([
      { start: '2026-12-07T15:00:00.000Z', end: '2026-12-07T16:00:00.000Z' },
      { start: '2026-12-08T07:30:00.000Z', end: '2026-12-08T08:30:00.000Z' },
    ]);
  });
});
