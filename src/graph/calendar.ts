/**
 * Teams meetings in the organiser's Outlook calendar via Microsoft Graph.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Calendar, Directory, Meeting, MeetingRequest, TimeSlot } from '../ports/index.js';
import { parseDateTimeTimeZone, toGraphDateTime, type DateTimeTimeZone } from './date-time.js';
import { freeSlots, dutchOfficeHours, type Interval, type WorkingHours } from '../domain/free-slots.js';
import { GraphCallError, isNotFound, statusOf } from './graph-errors.js';

/** Ask Graph to answer in UTC, so every dateTime we read is UTC. */
const preferUtc = { Prefer: 'outlook.timezone="UTC"' };

interface GraphEvent {
  id: string;
  onlineMeeting?: { joinUrl?: string } | null;
}

interface ScheduleInformation {
  scheduleId: string;
  scheduleItems?: Array<{ status: string; start: DateTimeTimeZone; end: DateTimeTimeZone }>;
  error?: { message: string; responseCode: string };
}

interface MeetingTimeSuggestionsResult {
  meetingTimeSuggestions: Array<{ meetingTimeSlot: { start: DateTimeTimeZone; end: DateTimeTimeZone } }>;
  emptySuggestionsReason?: string;
}

/** Statuses in getSchedule that leave a person available. */
const availableStatuses = new Set(['free', 'workingElsewhere']);

/** Options of the Graph calendar. */
export interface GraphCalendarOptions {
  /** App-only client (Calendars.ReadWrite application permission). */
  client: Client;
  /** Resolves attendee ids to mail addresses (Graph needs SMTP addresses for attendees and schedules). */
  directory: Pick<Directory, 'getUser'>;
  /** A client acting as the signed-in planner, when their token is at hand: enables `findMeetingTimes`. */
  delegatedClient?: () => Client | undefined;
  /** Hours the app-only fallback plans in; default Monday–Friday 08:30–17:00 Europe/Amsterdam. */
  workingHours?: WorkingHours;
}

/** `Calendar` on Microsoft Graph. */
export class GraphCalendar implements Calendar {
  constructor(private readonly options: GraphCalendarOptions) {}

  async createMeeting(request: MeetingRequest): Promise<Meeting> {
    const attendees = await this.attendees(request.attendeeIds.filter((id) => id !== request.organizerId));
    const path = `/users/${encodeURIComponent(request.organizerId)}/events`;
    const event = (await this.options.client.api(path).post({
      subject: request.subject,
      body: { contentType: 'HTML', content: request.bodyHtml },
      start: toGraphDateTime(request.start),
      end: toGraphDateTime(request.end),
      attendees,
      allowNewTimeProposals: true,
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      // Graph uses transactionId to answer a retried POST with the event it already made.
      transactionId: request.idempotencyKey,
    })) as GraphEvent;
    let joinUrl = event.onlineMeeting?.joinUrl;
    if (!joinUrl) {
      // The Teams meeting is sometimes attached a moment after creation: read the event once more.
      const reread = (await this.options.client
        .api(`${path}/${encodeURIComponent(event.id)}`)
        .select('id,onlineMeeting')
        .get()) as GraphEvent;
      joinUrl = reread.onlineMeeting?.joinUrl;
    }
    if (!joinUrl)
      throw new GraphCallError(`Event ${event.id} has no Teams join URL yet`, undefined, 'noJoinUrl');
    return { eventId: event.id, joinUrl };
  }

  async updateMeeting(
    organizerId: string,
    eventId: string,
    change: { start: string; end: string; subject?: string },
  ): Promise<void> {
    await this.options.client
      .api(`/users/${encodeURIComponent(organizerId)}/events/${encodeURIComponent(eventId)}`)
      .patch({
        start: toGraphDateTime(change.start),
        end: toGraphDateTime(change.end),
        ...(change.subject === undefined ? {} : { subject: change.subject }),
      });
  }

  async cancelMeeting(organizerId: string, eventId: string, comment: string): Promise<void> {
    try {
      await this.options.client
        .api(`/users/${encodeURIComponent(organizerId)}/events/${encodeURIComponent(eventId)}/cancel`)
        .post({ comment });
    } catch (error) {
      // Already deleted by the organiser: the cancellation has nothing left to do.
      if (isNotFound(error)) return;
      throw error;
    }
  }

  async findTimes(request: {
    attendeeIds: string[];
    durationMinutes: number;
    from: string;
    until: string;
  }): Promise<TimeSlot[]> {
    if (request.attendeeIds.length === 0) return [];
    const delegated = this.options.delegatedClient?.();
    const emails = await this.emails(request.attendeeIds);
    if (delegated) {
      try {
        return await this.findMeetingTimes(delegated, emails, request);
      } catch (error) {
        // Graph refused the delegated call (no consent for the calendar yet): plan from free/busy as the app.
        const status = statusOf(error);
        if (status !== 401 && status !== 403) throw error;
      }
    }
    const busy = await this.busy(request.attendeeIds[0]!, emails, request.from, request.until);
    return freeSlots({
      busy,
      from: Date.parse(request.from),
      until: Date.parse(request.until),
      durationMinutes: request.durationMinutes,
      workingHours: this.options.workingHours ?? dutchOfficeHours,
    });
  }

  /** Delegated: Outlook's own suggestions, which know each person's working hours. */
  private async findMeetingTimes(
    client: Client,
    emails: string[],
    request: { durationMinutes: number; from: string; until: string },
  ): Promise<TimeSlot[]> {
    const result = (await client
      .api('/me/findMeetingTimes')
      .headers(preferUtc)
      .post({
        attendees: emails.map((address) => ({ type: 'required', emailAddress: { address } })),
        timeConstraint: {
          activityDomain: 'work',
          timeSlots: [{ start: toGraphDateTime(request.from), end: toGraphDateTime(request.until) }],
        },
        meetingDuration: `PT${request.durationMinutes}M`,
        maxCandidates: 20,
        isOrganizerOptional: false,
        returnSuggestionReasons: false,
        minimumAttendeePercentage: 100,
      })) as MeetingTimeSuggestionsResult;
    return result.meetingTimeSuggestions.flatMap((suggestion) => {
      const start = parseDateTimeTimeZone(suggestion.meetingTimeSlot.start);
      const end = parseDateTimeTimeZone(suggestion.meetingTimeSlot.end);
      return start === undefined || end === undefined
        ? []
        : [{ start: new Date(start).toISOString(), end: new Date(end).toISOString() }];
    });
  }

  /** App-only: everyone's busy periods from getSchedule. */
  private async busy(
    askingUserId: string,
    emails: string[],
    from: string,
    until: string,
  ): Promise<Interval[]> {
    const result = (await this.options.client
      .api(`/users/${encodeURIComponent(askingUserId)}/calendar/getSchedule`)
      .headers(preferUtc)
      .post({
        schedules: emails,
        startTime: toGraphDateTime(from),
        endTime: toGraphDateTime(until),
        availabilityViewInterval: 30,
      })) as {
      value: ScheduleInformation[];
    };
    const failed = result.value.find((schedule) => schedule.error);
    if (failed) {
      throw new GraphCallError(
        `No free/busy for ${failed.scheduleId}: ${failed.error?.message ?? ''}`,
        undefined,
        failed.error?.responseCode,
      );
    }
    return result.value.flatMap((schedule) =>
      (schedule.scheduleItems ?? [])
        .filter((item) => !availableStatuses.has(item.status))
        .flatMap((item) => {
          const start = parseDateTimeTimeZone(item.start);
          const end = parseDateTimeTimeZone(item.end);
          return start === undefined || end === undefined ? [] : [{ start, end }];
        }),
    );
  }

  private async emails(ids: string[]): Promise<string[]> {
    return (await this.attendees(ids)).map((a) => a.emailAddress.address);
  }

  private async attendees(
    ids: string[],
  ): Promise<Array<{ type: 'required'; emailAddress: { address: string; name: string } }>> {
    return Promise.all(
      ids.map(async (id) => {
        const user = await this.options.directory.getUser(id);
        if (!user?.email)
          throw new GraphCallError(`No mail address for attendee ${id}`, 404, 'attendeeNotFound');
        return { type: 'required' as const, emailAddress: { address: user.email, name: user.displayName } };
      }),
    );
  }
}
