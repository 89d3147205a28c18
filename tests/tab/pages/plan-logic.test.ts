/** The plan page's logic: the usual period, free slots and refusals at their field. */
import { describe, expect, it } from '@jest/globals';
import { requestCard } from '../../../src/cards/request-card.js';
import { ApiError } from '../../../src/tab/api/client.js';
import { parseHash } from '../../../src/tab/routing/paths.js';
import {
  findSlots,
  outsideUsualPeriod,
  planProblem,
  requestIdOf,
  searchDay,
  searchWindow,
  spreadSlots,
  toSchedule,
  windowUntil,
} from '../../../src/tab/pages/plan-logic.js';
import type { Conversation } from '../../../src/domain/index.js';

const slot = (start: string, minutes = 60) => ({
  start: new Date(start).toISOString(),
  end: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
});

/** Every half hour of a working day, as a calendar answers (earliest first). */
function wholeDay(day: string): { start: string; end: string }[] {
  return Array.from({ length: 15 }, (_, i) => {
    const h = 9 + Math.floor(i / 2);
    return slot(`${day}T${String(h).padStart(2, '0')}:${i % 2 ? '30' : '00'}:00`);
  });
}

describe('the usual period', () => {
  it('puts a Reflectiegesprek in the second half of the year, and says nothing for other types', () => {
    expect(outsideUsualPeriod('reflectie', new Date(2026, 3, 14, 10).toISOString())).toBe(true);
    expect(outsideUsualPeriod('reflectie', new Date(2026, 6, 1, 9).toISOString())).toBe(false);
    expect(outsideUsualPeriod('reflectie', new Date(2026, 11, 31, 15).toISOString())).toBe(false);
    expect(outsideUsualPeriod('reflectie', new Date(2027, 0, 4, 10).toISOString())).toBe(true);
    expect(outsideUsualPeriod('vitaliteit', new Date(2026, 3, 14, 10).toISOString())).toBe(false);
    expect(outsideUsualPeriod('reflectie', undefined)).toBe(false);
  });

  it('looks for free time from 1 July for a reflection planned in spring, else from today', () => {
    expect(searchDay('reflectie', new Date(2026, 2, 10, 12))).toBe('2026-07-01');
    expect(searchDay('reflectie', new Date(2026, 11, 1, 12))).toBe('2026-12-01');
    expect(searchDay('goede-gesprek', new Date(2026, 2, 10, 12))).toBe('2026-03-10');
  });

  it('never asks for time before now, and two weeks from the chosen day', () => {
    const now = new Date(2026, 11, 1, 11, 9);
    expect(searchWindow('2026-12-01', now)).toEqual({
      from: now.toISOString(),
      until: new Date(2026, 11, 15).toISOString(),
    });
    expect(searchWindow('2026-12-10', now).from).toBe(new Date(2026, 11, 10).toISOString());
  });

  it('ends the window with a round’s last day, and leaves a window that ends earlier as it is', () => {
    const window = searchWindow('2026-12-01', new Date(2026, 11, 1, 11, 9));
    expect(windowUntil(window, '2026-12-05')).toEqual({
      from: window.from,
      until: new Date(2026, 11, 6).toISOString(),
    });
    expect(windowUntil(window, '2027-01-31')).toEqual(window);
    expect(windowUntil(window, undefined)).toEqual(window);
    // A round that ended before the window starts leaves nothing to look in.
    const gone = windowUntil(window, '2026-11-20');
    expect(Date.parse(gone.until)).toBeLessThan(Date.parse(gone.from));
  });
});

describe('free slots', () => {
  it('keeps at most three a day, spread over the day', () => {
    const kept = spreadSlots(wholeDay('2026-12-02'));
    expect(kept.map((s) => new Date(s.start).getHours())).toEqual([9, 10, 12]);
  });

  it('asks page by page from the next day until it has enough', async () => {
    const days = ['2026-12-02', '2026-12-03', '2026-12-04', '2026-12-07'];
    const asked: string[] = [];
    const found = await findSlots(
      async ({ from }) => {
        asked.push(from);
        const day = days.find((d) => new Date(`${d}T17:00:00`).getTime() > Date.parse(from));
        return day ? wholeDay(day) : [];
      },
      { from: new Date(2026, 11, 1, 18).toISOString(), until: new Date(2026, 11, 15).toISOString() },
    );
    expect(found).toHaveLength(9);
    expect(new Set(found.map((s) => new Date(s.start).getDate()))).toEqual(new Set([2, 3, 4]));
    expect(asked).toHaveLength(3);
    expect(asked[1]).toBe(new Date(2026, 11, 3).toISOString());
  });

  it('turns a date, time and duration into a schedule, and nothing else', () => {
    expect(toSchedule('2026-12-08', '14:30', 45)).toEqual({
      start: new Date(2026, 11, 8, 14, 30).toISOString(),
      end: new Date(2026, 11, 8, 15, 15).toISOString(),
    });
    expect(toSchedule('', '14:30', 45)).toBeUndefined();
    expect(toSchedule('2026-12-08', '2 uur', 45)).toBeUndefined();
  });
});

describe('refusals at their field', () => {
  const refusal = (code: string, details?: Record<string, unknown>) =>
    new ApiError({
      status: 400,
      code,
      detail: 'Invalid input: expected string',
      ...(details ? { details } : {}),
    });

  it('maps each planning code to a field and the tab’s own words', () => {
    expect(planProblem(refusal('start_in_past'))).toEqual({ field: 'when', key: 'plan.error.past' });
    expect(planProblem(refusal('invalid_schedule'))).toEqual({ field: 'when', key: 'plan.error.order' });
    expect(planProblem(refusal('validation_failed'))).toEqual({ field: 'when', key: 'plan.error.invalid' });
    expect(planProblem(refusal('not_your_report'))).toEqual({
      field: 'employee',
      key: 'plan.error.notYourReport',
    });
    expect(planProblem(refusal('not_found'))).toEqual({ field: 'form', key: 'plan.error.requestGone' });
    expect(planProblem(refusal('rate_limited'))).toBeUndefined();
    expect(planProblem(new Error('boom'))).toBeUndefined();
  });

  it('names the open conversation, and knows a request from a planned one', () => {
    expect(planProblem(refusal('already_open', { conversationId: 'c-7', stage: 'planned' }))).toEqual({
      field: 'type',
      key: 'plan.error.open',
      open: { conversationId: 'c-7', stage: 'planned' },
    });
    expect(planProblem(refusal('already_open', { conversationId: 'c-8', stage: 'requested' }))).toEqual({
      field: 'type',
      key: 'plan.error.openRequest',
      open: { conversationId: 'c-8', stage: 'requested' },
    });
  });
});

describe('planning from a request', () => {
  it('reads the request the card’s "Gesprek plannen" names', () => {
    const conversation = { id: 'req-1', employeeId: 'noor', requestNote: 'Graag.' } as Conversation;
    const { card } = requestCard({
      conversation,
      employeeName: 'Noor',
      links: { authMode: 'local', publicUrl: 'http://localhost:3978', teamsAppId: 'app' },
      locale: 'nl',
    });
    const url = JSON.stringify(card).match(/"url":"([^"]+)"/)?.[1] as string;
    const location = parseHash(new URL(url).hash);
    expect(location.path).toBe('/plannen');
    expect(location.query.get('employee')).toBe('noor');
    expect(requestIdOf(location.query)).toBe('req-1');
  });

  it('also takes the older `gesprek` parameter of cards already in chats', () => {
    expect(requestIdOf(new URLSearchParams('employee=noor&gesprek=req-2'))).toBe('req-2');
    expect(requestIdOf(new URLSearchParams('employee=noor'))).toBeUndefined();
  });
});
