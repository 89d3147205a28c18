/** @jest-environment jsdom */
/**
 * A manager's list in a round plans with each report right there: the free moments of both calendars inside the
 * round's period (the plan page's slot picker and free-slot query), the chosen one planned as the round's type.
 */
import { describe, expect, it, jest } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { amsterdamDay } from '../../../src/domain/round.js';
import type { FreeSlotsRequest, RoundReport, RoundSummary, TimeSlot } from '../../../src/tab/api/types.js';
import { AppProvider, type AppServices } from '../../../src/tab/app-context.js';
import { I18nProvider } from '../../../src/tab/i18n/i18n.js';
import { RoundReports, roundSearchDay } from '../../../src/tab/pages/round-planner.js';

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(window, { ResizeObserver: window.ResizeObserver ?? NoResizeObserver });

const day = (days: number) => amsterdamDay(new Date(Date.now() + days * 86_400_000));
const at = (days: number, hour: number): TimeSlot => {
  const start = new Date(Date.now() + days * 86_400_000);
  start.setHours(hour, 0, 0, 0);
  return { start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() };
};

const round = (overrides: Partial<RoundSummary> = {}): RoundSummary =>
  ({
    id: 'r-1',
    type: 'goede-gesprek',
    audience: { kind: 'department', department: 'Dienstverlening' },
    period: { from: day(2), until: day(9) },
    startedBy: 'ingrid',
    startedByName: 'Ingrid Smit',
    startedAt: new Date().toISOString(),
    state: 'open',
    memberCount: 15,
    managerCount: 2,
    ...overrides,
  }) as RoundSummary;

const reports: RoundReport[] = [
  { employee: { id: 'fatima', displayName: 'Fatima El Amrani', email: '' }, step: 'invited' },
  {
    employee: { id: 'daan', displayName: 'Daan de Boer', email: '' },
    step: 'planned',
    conversationId: 'c-9',
  },
];

function show(summary: RoundSummary) {
  const slots = [at(3, 10), at(4, 14)];
  const freeSlots = jest.fn(async (_body: FreeSlotsRequest) => ({ slots }));
  const plan = jest.fn(async (_body: unknown) => ({ conversation: { id: 'c-new' } }));
  const onPlanned = jest.fn();
  const services = {
    api: { freeSlots, plan },
    me: { user: { id: 'jeroen', displayName: 'Jeroen' }, reports: [], isHr: false, isManager: true },
    host: { sidePanel: false },
  } as unknown as AppServices;
  render(
    <FluentProvider theme={teamsLightTheme}>
      <I18nProvider locale="nl">
        <AppProvider value={services}>
          <RoundReports round={summary} reports={reports} onPlanned={onPlanned} />
        </AppProvider>
      </I18nProvider>
    </FluentProvider>,
  );
  return { freeSlots, plan, onPlanned, slots };
}

describe('planning in a round', () => {
  it('looks from today, or from the round’s start when that is later', () => {
    const now = new Date();
    expect(roundSearchDay({ period: { from: day(5), until: day(9) } }, now)).toBe(day(5));
    expect(roundSearchDay({ period: { from: day(-5), until: day(9) } }, now)).toBe(amsterdamDay(now));
  });

  it('offers the free moments of both calendars inside the period and plans the one chosen', async () => {
    const { freeSlots, plan, onPlanned, slots } = show(round());
    // Only the report still to plan can be planned; the planned one has her conversation to open.
    expect(screen.queryByRole('button', { name: 'Gesprek plannen: Daan de Boer' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Gesprek openen: Daan de Boer' }).getAttribute('href')).toBe(
      '#/gesprek/c-9',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Gesprek plannen: Fatima El Amrani' }));
    const group = await screen.findByRole('radiogroup', { name: 'Vrije momenten voor jullie allebei' });
    await waitFor(() => expect(within(group).getAllByRole('radio')).toHaveLength(3));

    const asked = freeSlots.mock.calls[0]?.[0] as FreeSlotsRequest;
    expect(asked.attendeeIds).toEqual(['jeroen', 'fatima']);
    expect(asked.durationMinutes).toBe(60);
    // From the round's first day, and never past its last.
    const [fromY, fromM, fromD] = day(2).split('-').map(Number) as [number, number, number];
    expect(Date.parse(asked.from)).toBe(new Date(fromY, fromM - 1, fromD).getTime());
    const [untilY, untilM, untilD] = day(9).split('-').map(Number) as [number, number, number];
    expect(Date.parse(asked.until)).toBeLessThanOrEqual(new Date(untilY, untilM - 1, untilD + 1).getTime());
    expect(screen.getByText(/Vrije momenten tot en met .*het einde van de ronde/)).toBeTruthy();

    // The first free moment is chosen; she takes the second one.
    const radios = within(group).getAllByRole('radio') as HTMLInputElement[];
    expect(radios[0]?.checked).toBe(true);
    fireEvent.click(radios[1] as HTMLInputElement);
    fireEvent.click(screen.getByRole('button', { name: 'Inplannen en uitnodigen' }));
    await waitFor(() => expect(plan).toHaveBeenCalledTimes(1));
    expect(plan.mock.calls[0]?.[0]).toEqual({
      employeeId: 'fatima',
      type: 'goede-gesprek',
      start: slots[1]?.start,
      end: slots[1]?.end,
    });
    await screen.findByText(/Uitnodiging verstuurd aan Fatima El Amrani/);
    expect(onPlanned).toHaveBeenCalledTimes(1);
    // The planner closes; the list is loaded again by the page.
    expect(screen.queryByRole('radiogroup')).toBeNull();
  });

  it('asks again for a longer conversation, and plans by hand when the calendars cannot be read', async () => {
    const { freeSlots, plan } = show(round());
    freeSlots.mockImplementation(async () => {
      throw new Error('calendar down');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Gesprek plannen: Fatima El Amrani' }));
    await screen.findByText('De agenda’s konden niet worden bekeken. Kies zelf een datum en tijd.');
    fireEvent.change(screen.getByRole('combobox', { name: 'Duur' }), { target: { value: '90' } });
    await waitFor(() =>
      expect((freeSlots.mock.calls.at(-1)?.[0] as FreeSlotsRequest).durationMinutes).toBe(90),
    );
    fireEvent.change(screen.getByLabelText(/^Datum/), { target: { value: day(5) } });
    fireEvent.change(screen.getByLabelText(/^Begintijd/), { target: { value: '13:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inplannen en uitnodigen' }));
    await waitFor(() => expect(plan).toHaveBeenCalledTimes(1));
    const body = plan.mock.calls[0]?.[0] as { start: string; end: string };
    expect(new Date(body.start).getHours()).toBe(13);
    expect(Date.parse(body.end) - Date.parse(body.start)).toBe(90 * 60_000);
  });

  it('offers no planning in a cancelled round, and says why', () => {
    show(round({ state: 'cancelled' }));
    expect(screen.getByText(/Deze gespreksronde is geannuleerd/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Gesprek plannen/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'Gesprek openen: Daan de Boer' })).toBeTruthy();
  });
});
