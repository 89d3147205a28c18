/**
 * The calendar queue when Microsoft 365 is slow: a conversation that went ahead without its Teams meeting (the
 * meeting could not be made for a while) has its create job finish without making one, never failing on a meeting
 * the conversation can no longer take.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LocalCalendar } from '../../../src/adapters/local/calendar.js';
import type { Meeting, MeetingRequest } from '../../../src/ports/index.js';
import { buildConversation } from '../../support/cycle.js';
import { eventually, startTestServer } from '../../support/server.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** A calendar that is down until `up` is set, and counts the meetings asked of it once it is up. */
class CalendarDownAWhile extends LocalCalendar {
  up = false;
  asked = 0;
  override async createMeeting(request: MeetingRequest): Promise<Meeting> {
    if (!this.up) throw new Error('Microsoft Graph: 503 Service Unavailable');
    this.asked += 1;
    return super.createMeeting(request);
  }
}

describe('the calendar queue', () => {
  let server: Server;
  const calendar = new CalendarDownAWhile('http://127.0.0.1');

  beforeAll(async () => {
    server = await startTestServer({ overrides: { calendar }, bot: false });
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  const jobStates = async (id: string): Promise<string[]> =>
    (
      await server.ctx.store.executor.query<{ state: string }>(
        "SELECT state FROM jobs.job WHERE name = 'calendar' AND data->>'conversationId' = $1",
        [id],
      )
    ).rows.map((r) => r.state);

  it('makes no meeting for a conversation that went on to its signature while the calendar was down', async () => {
    const built = await buildConversation({ type: 'vitaliteit', stage: 'awaiting_approval', server });
    expect(await jobStates(built.id)).not.toContain('completed');
    calendar.up = true;
    // The retry (a few seconds later) sees the conversation past its meeting and completes without one.
    await eventually(
      async () => ((await jobStates(built.id)).includes('completed') ? true : undefined),
      30_000,
      'the calendar job to complete',
    );
    expect(calendar.asked).toBe(0);
    const audit = await server.ctx.store.auditOf(built.id);
    expect(audit.map((e) => e.action)).not.toContain('conversation.meeting-attached');
    expect(
      (await server.ctx.store.getConversation(built.id))?.conversation.schedule?.eventId,
    ).toBeUndefined();
  }, 60_000);

  it('still makes the meeting of a conversation that waits for it', async () => {
    const built = await buildConversation({ type: 'vitaliteit', stage: 'planned', server });
    await eventually(
      async () => (await server.ctx.store.getConversation(built.id))?.conversation.schedule?.eventId,
      30_000,
      'the Teams meeting',
    );
    expect(calendar.asked).toBe(1);
    expect(await jobStates(built.id)).toEqual(['completed']);
  }, 60_000);
});
