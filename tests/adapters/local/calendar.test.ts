/** The local calendar: free slots in Dutch office hours, and meetings already in the store kept clear. */
import { describe, expect, it } from '@jest/globals';
import { LocalCalendar } from '../../../src/adapters/local/calendar.js';
import { scheduledMeetings } from '../../../src/app/queries/free-slots.js';
import type { Conversation } from '../../../src/domain/index.js';
import type { StoredConversation } from '../../../src/store/index.js';

const week = { from: '2026-12-07T07:00:00.000Z', until: '2026-12-08T00:00:00.000Z' };

describe('the local calendar', () => {
  it('offers Dutch office hours, winter and summer time alike', async () => {
    const calendar = new LocalCalendar('http://localhost:3978');
    const winter = await calendar.findTimes({ attendeeIds: ['a'], durationMinutes: 60, ...week });
    expect(winter[0]?.start).toBe('2026-12-07T08:00:00.000Z'); // 09:00 in Amsterdam
    expect(winter.at(-1)?.end).toBe('2026-12-07T16:00:00.000Z'); // ends 17:00
    const summer = await calendar.findTimes({
      attendeeIds: ['a'],
      durationMinutes: 60,
      from: '2026-07-06T00:00:00.000Z',
      until: '2026-07-07T00:00:00.000Z',
    });
    expect(summer[0]?.start).toBe('2026-07-06T07:00:00.000Z');
  });

  it('counts the meetings it is told of as busy', async () => {
    const calendar = new LocalCalendar('http://localhost:3978', async (ids) =>
      ids.includes('noor') ? [{ start: '2026-12-07T08:00:00.000Z', end: '2026-12-07T10:00:00.000Z' }] : [],
    );
    const slots = await calendar.findTimes({ attendeeIds: ['jeroen', 'noor'], durationMinutes: 60, ...week });
    expect(slots[0]?.start).toBe('2026-12-07T10:00:00.000Z');
  });
});

describe('scheduled meetings from the store', () => {
  const conversation = (id: string, employeeId: string, stage: string, start?: string) =>
    ({
      conversation: {
        id,
        employeeId,
        managerId: 'jeroen',
        stage,
        ...(start ? { schedule: { start, end: new Date(Date.parse(start) + 3_600_000).toISOString() } } : {}),
      } as unknown as Conversation,
    }) as StoredConversation;
  const stored = [
    conversation('1', 'daan', 'planned', '2026-12-07T09:00:00.000Z'),
    conversation('2', 'noor', 'preparing', '2026-12-07T13:00:00.000Z'),
    conversation('3', 'sanne', 'cancelled', '2026-12-07T14:00:00.000Z'),
    conversation('4', 'fatima', 'planned', '2026-12-20T09:00:00.000Z'),
    conversation('5', 'thomas', 'requested'),
  ];
  const ctx = {
    store: {
      listConversations: async ({ employeeIds }: { employeeIds: string[] }) =>
        stored.filter((s) => employeeIds.includes(s.conversation.employeeId)),
    },
    directory: {
      directReports: async (id: string) =>
        id === 'jeroen'
          ? ['daan', 'noor', 'sanne', 'fatima', 'thomas'].map((r) => ({ id: r, displayName: r, email: r }))
          : [],
    },
  };

  it('are busy for the employee and for her manager, cancelled ones and other weeks not', async () => {
    expect(await scheduledMeetings(ctx, ['noor'], week)).toEqual([
      { start: '2026-12-07T13:00:00.000Z', end: '2026-12-07T14:00:00.000Z' },
    ]);
    expect((await scheduledMeetings(ctx, ['jeroen', 'noor'], week)).map((s) => s.start)).toEqual([
      '2026-12-07T09:00:00.000Z',
      '2026-12-07T13:00:00.000Z',
    ]);
  });
});
