/** The local calendar: meetings in memory with a local join link, and free slots in office hours. */
import { randomUUID } from 'node:crypto';
import { dutchOfficeHours, freeSlots, type WorkingHours } from '../../domain/free-slots.js';
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
const officeHours: WorkingHours = { ...dutchOfficeHours, start: '09:00' };

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
    return freeSlots({
      busy: [...made, ...known].map((e) => ({ start: Date.parse(e.start), end: Date.parse(e.end) })),
      from: Date.parse(request.from),
      until: Date.parse(request.until),
      durationMinutes: request.durationMinutes,
      workingHours: officeHours,
      maxSlots: 20,
    });
  }
}
