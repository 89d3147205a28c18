import { randomUUID } from 'node:crypto';
import type { Calendar, Meeting, MeetingRequest, TimeSlot } from '../../ports/index.js';

interface LocalEvent extends MeetingRequest {
  eventId: string;
  joinUrl: string;
  cancelled?: string;
}

/** A calendar kept in memory: meetings get a local join link. For local runs and tests. */
export class LocalCalendar implements Calendar {
  readonly events = new Map<string, LocalEvent>();
  private readonly byKey = new Map<string, string>();

  constructor(private readonly publicUrl: string) {}

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

  /** Working-day slots (09:00–17:00 Amsterdam, approximated as UTC+1) not taken by a local event of an attendee. */
  async findTimes(request: {
    attendeeIds: string[];
    durationMinutes: number;
    from: string;
    until: string;
  }): Promise<TimeSlot[]> {
    const busy = [...this.events.values()]
      .filter(
        (e) =>
          !e.cancelled && e.attendeeIds.concat(e.organizerId).some((a) => request.attendeeIds.includes(a)),
      )
      .map((e) => [Date.parse(e.start), Date.parse(e.end)] as const);
    const slots: TimeSlot[] = [];
    const step = 30 * 60_000;
    const length = request.durationMinutes * 60_000;
    for (
      let t = Math.ceil(Date.parse(request.from) / step) * step;
      t + length <= Date.parse(request.until) && slots.length < 10;
      t += step
    ) {
      const day = new Date(t).getUTCDay();
      const hour = new Date(t).getUTCHours() + 1;
      const endHour = new Date(t + length).getUTCHours() + 1 + new Date(t + length).getUTCMinutes() / 60;
      if (day === 0 || day === 6 || hour < 9 || endHour > 17) continue;
      if (busy.some(([s, e]) => t < e && t + length > s)) continue;
      slots.push({ start: new Date(t).toISOString(), end: new Date(t + length).toISOString() });
    }
    return slots;
  }
}
