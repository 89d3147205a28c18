/**
 * GET /api/meetings/:chatId/conversation: the side panel finds the conversation of its Teams meeting in one
 * request, authorised and audited exactly as GET /api/conversations/:id.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LocalCalendar } from '../../src/adapters/local/calendar.js';
import type { Meeting, MeetingRequest } from '../../src/ports/index.js';
import { buildConversation, inDays, step } from '../support/cycle.js';
import { as, eventually, startTestServer } from '../support/server.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** The Teams meeting chat of a calendar event, as Graph's online meetings have one. */
const chatOf = (eventId: string): string => `19:meeting_${eventId.replaceAll('-', '')}@thread.v2`;

/** The local calendar, with join links as Teams makes them: the meeting chat's id, encoded, in the path. */
class TeamsJoinLinks extends LocalCalendar {
  override async createMeeting(request: MeetingRequest): Promise<Meeting> {
    const meeting = await super.createMeeting(request);
    const context = encodeURIComponent('{"Tid":"dijkstad","Oid":"jeroen"}');
    return {
      ...meeting,
      joinUrl: `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(chatOf(meeting.eventId))}/0?context=${context}`,
    };
  }
}

const meetingPath = (chatId: string): string => `/api/meetings/${encodeURIComponent(chatId)}/conversation`;

describe('the conversation of a Teams meeting, in one request', () => {
  let server: Server;
  let id: string;
  let chatId: string;

  /** The audit entries of reads of this conversation, by whom. */
  const reads = async (): Promise<string[]> =>
    (await server.ctx.store.auditOf(id))
      .filter((e) => e.action === 'conversation.read')
      .map((e) => e.actorId);

  beforeAll(async () => {
    server = await startTestServer({
      overrides: { calendar: new TeamsJoinLinks('http://127.0.0.1') },
      bot: false,
    });
    const built = await buildConversation({ type: 'vitaliteit', stage: 'prepared', server });
    id = built.id;
    // The calendar job attaches the meeting after planning.
    const eventId = await eventually(
      async () =>
        (await as(server.url, 'jeroen').get(`/api/conversations/${id}`)).body.conversation?.schedule
          ?.eventId as string | undefined,
      20_000,
      'the Teams meeting',
    );
    chatId = chatOf(eventId);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('gives the manager and the employee the view they would read by its id, audited the same way', async () => {
    const before = await reads();
    const byChat = await as(server.url, 'jeroen').get(meetingPath(chatId));
    expect(byChat.status).toBe(200);
    expect(byChat.headers.get('cache-control')).toBe('no-store');
    expect(byChat.body.conversation.id).toBe(id);
    expect(byChat.body.party).toBe('manager');
    // His read is in the audit trail, as a read by id would be.
    expect(await reads()).toEqual([...before, 'jeroen']);
    const byId = await as(server.url, 'jeroen').get(`/api/conversations/${id}`);
    expect(byChat.body).toEqual(byId.body);

    const hers = await as(server.url, 'fatima').get(meetingPath(chatId));
    expect(hers.status).toBe(200);
    expect(hers.body.party).toBe('employee');
    expect(hers.body).toEqual((await as(server.url, 'fatima').get(`/api/conversations/${id}`)).body);
    // Her own reads are not audited, by either route.
    expect(await reads()).toEqual([...before, 'jeroen', 'jeroen']);
  });

  it('answers an outsider 404, exactly as the view does, and audits nothing', async () => {
    const before = await reads();
    // A colleague in the same team, a manager of another team, HR, and his own manager (one level up).
    for (const outsider of ['sanne', 'esther', 'ingrid', 'marieke']) {
      const byChat = await as(server.url, outsider).get(meetingPath(chatId));
      const byId = await as(server.url, outsider).get(`/api/conversations/${id}`);
      expect([outsider, byChat.status]).toEqual([outsider, 404]);
      expect(byId.status).toBe(404);
      expect(byChat.body.code).toBe(byId.body.code);
      expect(JSON.stringify(byChat.body)).not.toContain(id);
    }
    expect(await reads()).toEqual(before);
  });

  it('lets a delegate in, as the view does, while the delegation lasts', async () => {
    expect((await as(server.url, 'lotte').get(meetingPath(chatId))).status).toBe(404);
    const delegation = await as(server.url, 'jeroen').post('/api/delegations', {
      delegateId: 'lotte',
      from: inDays(-1),
      until: inDays(7),
    });
    expect(delegation.status).toBe(201);
    const byChat = await as(server.url, 'lotte').get(meetingPath(chatId));
    expect(byChat.status).toBe(200);
    expect(byChat.body.conversation.id).toBe(id);
    expect(byChat.body.relation).toBe('delegate');
  });

  it('finds nothing for another meeting, a piece of the chat id, or a cancelled conversation', async () => {
    const jeroen = as(server.url, 'jeroen');
    expect((await jeroen.get(meetingPath('19:meeting_elders@thread.v2'))).status).toBe(404);
    expect((await jeroen.get(meetingPath(chatId.slice(0, 20)))).status).toBe(404);
    expect((await jeroen.get(meetingPath('0'))).status).toBe(404);

    const other = await buildConversation({
      type: 'vitaliteit',
      stage: 'planned',
      server,
      employee: 'daan',
      start: 5,
    });
    const eventId = await eventually(
      async () =>
        (await jeroen.get(`/api/conversations/${other.id}`)).body.conversation?.schedule?.eventId as
          string | undefined,
      20_000,
      'the second meeting',
    );
    expect((await jeroen.get(meetingPath(chatOf(eventId)))).body.conversation?.id).toBe(other.id);
    await step(jeroen, other.id, { type: 'cancel', reason: 'Ziek gemeld.' });
    expect((await jeroen.get(meetingPath(chatOf(eventId)))).status).toBe(404);
  });
});
