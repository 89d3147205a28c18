import { randomUUID } from 'node:crypto';
import { dateTimeFormat } from '../../domain/date-format.js';
import type { Calendar, Meeting, MeetingRequest, TimeSlot } from '../../ports/index.js';

interface LocalEvent extends MeetingRequest {
  eventId: string;
  joinUrl: string;
  cancelled?: string;
}

/**
 * Meetings the calendar did not make itself but that fill people's days: locally, the conversations already in
 * the store (the seeded year, and those planned before a restart emptied the in-memory events).
 */
export type KnownMeetings = (
  attendeeIds: string[],
  period: { from: string; until: string },
) => Promise<TimeSlot[]>;

/** Office hours of the local calendar: Monday to Friday, 09:00–17:00 Dutch time. */
const office = { days: [1, 2, 3, 4, 5], open: 9 * 60, close: 17 * 60, timeZone: 'Europe/Amsterdam' };
const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Weekday, minutes after midnight and calendar day of a moment, in Dutch wall-clock time. */
function wallClock(at: number): { weekday: number; minutes: number; day: string } {
  const parts = Object.fromEntries(
    dateTimeFormat('en-US', {
      timeZone: office.timeZone,
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

function withinOfficeHours(start: number, end: number): boolean {
  const first = wallClock(start);
  const last = wallClock(end - 1);
  if (first.day !== last.day || !office.days.includes(first.weekday)) return false;
  return first.minutes >= office.open && last.minutes + 1 <= office.close;
}

/** A calendar kept in memory: meetings get a local join link. For local runs and tests. */
export class LocalCalendar implements Calendar {
  readonly events = new Map<string, LocalEvent>();
  private readonly byKey = new Map<string, string>();

  constructor(
    private readonly publicUrl: string,
    private readonly knownMeetings?: KnownMeetings,
  ) {}

  async createMeeting(request: MeetingRequest): Promise<Meeting> {
    const known = this.byKey.get(request.idempotencyKey);
    if (known) {
      const event = this.events.get(known) as LocalEvent;
      return { eventId: event.eventId, joinUrl: event.joinUrl };
    }
    const eventId = randomUUID();
    const joinUrl = `${this.publicUrl}/meeting/${eventId}`;
    this.events.set(eventId, { ...request, eventId, joinUrl });
    this.byKey.set(request.idempotencyKey, eventId);
    return { eventId, joinUrl };
  }

  async updateMeeting(
    _organizerId: string,
    eventId: string,
    change: { start: string; end: string; subject?: string },
  ): Promise<void> {
    const event = this.events.get(eventId);
    if (!event) throw new Error(`Unknown event ${eventId}`);
    this.events.set(eventId, { ...event, ...change });
  }

  async cancelMeeting(_organizerId: string, eventId: string, comment: string): Promise<void> {
    const event = this.events.get(eventId);
    if (event) this.events.set(eventId, { ...event, cancelled: comment });
  }

  /**
   * Working-day slots (09:00–17:00 Dutch time, summer time included) on the half hour, at most 20, not taken
   * by a local event of an attendee nor by a known meeting (a stored conversation) of one of them.
   */
  async findTimes(request: {
    attendeeIds: string[];
    durationMinutes: number;
    from: string;
    until: string;
  }): Promise<TimeSlot[]> {
    const made = [...this.events.values()].filter(
      (e) => !e.cancelled && e.attendeeIds.concat(e.organizerId).some((a) => request.attendeeIds.includes(a)),
    );
    const known = this.knownMeetings
      ? await this.knownMeetings(request.attendeeIds, { from: request.from, until: request.until })
      : [];
    const busy = [...made, ...known].map((e) => [Date.parse(e.start), Date.parse(e.end)] as const);
    const slots: TimeSlot[] = [];
    const step = 30 * 60_000;
    const length = request.durationMinutes * 60_000;
    for (
      let t = Math.ceil(Date.parse(request.from) / step) * step;
      t + length <= Date.parse(request.until) && slots.length < 20;
      t += step
    ) {
      if (!withinOfficeHours(t, t + length)) continue;
      if (busy.some(([s, e]) => t < e && t + length > s)) continue;
      slots.push({ start: new Date(t).toISOString(), end: new Date(t + length).toISOString() });
    }
    return slots;
  }
}
