/** Finding the conversation of a Teams meeting from its chat id. */
import { describe, expect, it } from '@jest/globals';
import { conversationForMeeting, isMeetingOfChat } from '../../src/domain/meeting-chat.js';

const chatId = '19:meeting_NjQ1ZmE3@thread.v2';
const joinUrl = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(chatId).toLowerCase()}/0?context=%7b%22Tid%22%3a%22t%22%7d`;

describe('the conversation of a meeting', () => {
  const items = [
    {
      id: 'a',
      stage: 'planned',
      schedule: { meetingUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_other%40thread.v2/0' },
    },
    { id: 'b', stage: 'cancelled', schedule: { meetingUrl: joinUrl } },
    { id: 'c', stage: 'prepared', schedule: { meetingUrl: joinUrl } },
    { id: 'd', stage: 'requested' },
  ];

  it('finds the conversation whose Teams join link carries the meeting chat id', () => {
    expect(conversationForMeeting(items, chatId)?.id).toBe('c');
  });

  it('finds nothing without a chat id, for another meeting, or for a cancelled conversation only', () => {
    expect(conversationForMeeting(items, undefined)).toBeUndefined();
    expect(conversationForMeeting(items, '19:meeting_unknown@thread.v2')).toBeUndefined();
    expect(conversationForMeeting([items[1]!], chatId)).toBeUndefined();
  });

  it('takes the chat id as a whole segment of the link, never a piece of one', () => {
    expect(isMeetingOfChat(joinUrl, chatId)).toBe(true);
    expect(isMeetingOfChat(`https://teams.microsoft.com/l/meetup-join/${chatId}`, chatId)).toBe(true);
    expect(isMeetingOfChat(joinUrl, '19:meeting_NjQ1')).toBe(false);
    expect(isMeetingOfChat(joinUrl, 'meeting_NjQ1ZmE3@thread.v2')).toBe(false);
    expect(isMeetingOfChat(joinUrl, '0')).toBe(false);
    expect(conversationForMeeting(items, 't')).toBeUndefined();
  });
});
