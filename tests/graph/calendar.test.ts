/** The Graph calendar against the fake Graph: Teams meetings once, moves, cancels and free times. */
import { describe, expect, it } from '@jest/globals';
import { GraphCalendar } from '../../src/graph/calendar.js';
import { GraphDirectory } from '../../src/graph/directory.js';
import type { Client } from '@microsoft/microsoft-graph-client';
import { testClient, useFakeGraph } from './harness.js';

const fake = useFakeGraph((fake) => {
  fake.addUser({ id: 'jeroen', displayName: 'Jeroen' });
  fake.addUser({ id: 'fatima', displayName: 'Fatima', managerId: 'jeroen' });
});

function calendar(delegated?: Client): GraphCalendar {
  const client = testClient();
  return new GraphCalendar({
    client,
    directory: new GraphDirectory({ client, hrGroupId: 'hr', cacheTtlMs: 60_000 }),
    ...(delegated ? { delegatedClient: () => delegated } : {}),
  });
}

const request = {
  organizerId: 'jeroen',
  attendeeIds: ['jeroen', 'fatima'],
  subject: 'Vitaliteitsgesprek',
  bodyHtml: '<p>Bereid je voor: <a href="https://app/x">format</a></p>',
  start: '2026-12-01T09:00:00.000Z',
  end: '2026-12-01T10:00:00.000Z',
  idempotencyKey: 'meeting:c-1:v1',
};

describe('GraphCalendar', () => {
  it('creates a Teams meeting in the organiser’s calendar with the attendee required', async () => {
    const meeting = await calendar().createMeeting(request);
    const event = fake.events.get(meeting.eventId)!;
    expect(meeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(event.organizerId).toBe('jeroen');
    expect(event.isOnlineMeeting).toBe(true);
    expect(event.onlineMeetingProvider).toBe('teamsForBusiness');
    expect(event.body).toEqual({ contentType: 'HTML', content: request.bodyHtml });
    expect(event.attendees).toEqual([
      { type: 'required', emailAddress: { address: 'fatima@contoso.nl', name: 'Fatima' } },
    ]);
    expect(event.start).toEqual({ dateTime: '2026-12-01T09:00:00.000', timeZone: 'UTC' });
    expect(event.transactionId).toBe('meeting:c-1:v1');
  });

  it('does not duplicate the meeting when the answer to the create was lost', async () => {
    fake.faults.add({
      method: 'POST',
      path: /^\/users\/jeroen\/events$/,
      when: 'after-commit',
      status: 504,
      times: 1,
    });
    const meeting = await calendar().createMeeting(request);
    expect(fake.events.size).toBe(1);
    expect(fake.count('POST', /^\/users\/jeroen\/events$/)).toBe(2);
    // A later retry of the whole job gets the same event.
    expect(await calendar().createMeeting(request)).toEqual(meeting);
    expect(fake.events.size).toBe(1);
  });

  it('moves and cancels a meeting; cancelling a deleted one is fine', async () => {
    const cal = calendar();
    const meeting = await cal.createMeeting(request);
    await cal.updateMeeting('jeroen', meeting.eventId, {
      start: '2026-12-02T13:00:00.000Z',
      end: '2026-12-02T14:00:00.000Z',
      subject: 'Nieuw',
    });
    const event = fake.events.get(meeting.eventId)!;
    expect(event.start.dateTime).toBe('2026-12-02T13:00:00.000');
    expect(event.subject).toBe('Nieuw');
    await cal.cancelMeeting('jeroen', meeting.eventId, 'Ziek');
    expect(event.isCancelled).toBe(true);
    expect(event.cancelComment).toBe('Ziek');
    fake.events.clear();
    await expect(cal.cancelMeeting('jeroen', meeting.eventId, 'Ziek')).resolves.toBeUndefined();
  });

  it('computes free times from getSchedule when only an app token is available', async () => {
    fake.users.get('jeroen')!.busy = [{ start: '2026-12-01T08:00:00Z', end: '2026-12-01T10:00:00Z' }];
    fake.users.get('fatima')!.busy = [
      { start: '2026-12-01T10:00:00Z', end: '2026-12-01T11:00:00Z', status: 'tentative' },
      { start: '2026-12-01T11:00:00Z', end: '2026-12-01T12:00:00Z', status: 'free' },
    ];
    const slots = await calendar().findTimes({
      attendeeIds: ['jeroen', 'fatima'],
      durationMinutes: 60,
      from: '2026-12-01T07:30:00Z',
      until: '2026-12-01T13:00:00Z',
    });
    expect(slots.map((s) => s.start)).toEqual([
      '2026-12-01T11:00:00.000Z',
      '2026-12-01T11:30:00.000Z',
      '2026-12-01T12:00:00.000Z',
    ]);
    expect(fake.count('POST', /\/calendar\/getSchedule$/)).toBe(1);
    expect(fake.count('POST', /findMeetingTimes$/)).toBe(0);
  });

  it('uses findMeetingTimes with a delegated token', async () => {
    fake.delegatedTokens.set('jeroen-token', 'jeroen');
    fake.users.get('fatima')!.busy = [{ start: '2026-12-01T09:00:00Z', end: '2026-12-01T10:00:00Z' }];
    const slots = await calendar(testClient('jeroen-token')).findTimes({
      attendeeIds: ['fatima'],
      durationMinutes: 30,
      from: '2026-12-01T09:00:00Z',
      until: '2026-12-01T11:00:00Z',
    });
    expect(slots).toEqual([
      { start: '2026-12-01T10:00:00.000Z', end: '2026-12-01T10:30:00.000Z' },
      { start: '2026-12-01T10:30:00.000Z', end: '2026-12-01T11:00:00.000Z' },
    ]);
    expect(fake.count('POST', /^\/me\/findMeetingTimes$/)).toBe(1);
  });

  it('refuses attendees it cannot resolve', async () => {
    await expect(calendar().createMeeting({ ...request, attendeeIds: ['ghost'] })).rejects.toThrow(/ghost/);
    expect(fake.events.size).toBe(0);
  });
});
