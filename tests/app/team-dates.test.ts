/** The team overview's dates: the last held and next planned conversation, and what is overdue. */
import { describe, expect, it } from '@jest/globals';
import { reflectionNotPlanned, teamDates } from '../../src/app/queries/team.js';
import type { Conversation } from '../../src/domain/index.js';

const conversation = (id: string, type: Conversation['type'], stage: Conversation['stage'], start?: string) =>
  ({
    id,
    type,
    stage,
    ...(start ? { schedule: { start, end: start } } : {}),
  }) as unknown as Conversation;

describe('team overview dates', () => {
  it('names the last held and the next planned conversation per type', () => {
    const dates = teamDates([
      conversation('g-1', 'goede-gesprek', 'archived', '2025-12-01T09:00:00Z'),
      conversation('v-1', 'vitaliteit', 'archived', '2026-03-01T09:00:00Z'),
      conversation('v-2', 'vitaliteit', 'approved', '2026-06-01T09:00:00Z'),
      conversation('v-3', 'vitaliteit', 'planned', '2027-01-20T09:00:00Z'),
      conversation('v-4', 'vitaliteit', 'cancelled', '2026-12-20T09:00:00Z'),
    ]);
    expect(dates['goede-gesprek']).toEqual({ last: { conversationId: 'g-1', date: '2025-12-01T09:00:00Z' } });
    expect(dates.vitaliteit).toEqual({
      last: { conversationId: 'v-2', date: '2026-06-01T09:00:00Z' },
      next: { conversationId: 'v-3', start: '2027-01-20T09:00:00Z' },
    });
    expect(dates.reflectie).toBeUndefined();
  });

  it('is overdue by the cycle when no Reflectiegesprek of this year is planned by the due day', () => {
    const none: Conversation[] = [conversation('g-1', 'goede-gesprek', 'archived', '2026-02-01T09:00:00Z')];
    expect(reflectionNotPlanned(none, new Date('2026-09-30T12:00:00Z'), '10-01')).toBe(false);
    expect(reflectionNotPlanned(none, new Date('2026-10-01T00:00:00Z'), '10-01')).toBe(true);
    expect(reflectionNotPlanned(none, new Date('2026-10-01T00:00:00Z'), '11-15')).toBe(false);
    const planned = [...none, conversation('r-1', 'reflectie', 'planned', '2026-11-10T09:00:00Z')];
    expect(reflectionNotPlanned(planned, new Date('2026-12-01T00:00:00Z'), '10-01')).toBe(false);
    const lastYear = [...none, conversation('r-0', 'reflectie', 'archived', '2025-10-10T09:00:00Z')];
    expect(reflectionNotPlanned(lastYear, new Date('2026-12-01T00:00:00Z'), '10-01')).toBe(true);
    const cancelled = [...none, conversation('r-2', 'reflectie', 'cancelled', '2026-11-10T09:00:00Z')];
    expect(reflectionNotPlanned(cancelled, new Date('2026-12-01T00:00:00Z'), '10-01')).toBe(true);
  });
});
