/** Which conversation a Teams meeting is for: the meeting chat's id stands in the join link the app created. */

/** The part of a conversation (or its summary) that ties it to a Teams meeting. */
export interface MeetingCandidate {
  id: string;
  stage: string;
  schedule?: { meetingUrl?: string } | undefined;
}

function decoded(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** The shape of a Teams chat id: `19:` and a thread (`meeting_…@thread.v2`, `…@thread.skype`). */
const chatIdShape = /^19:[^/?#\s]+@thread\.[a-z0-9]+$/i;

/**
 * Whether a join link is the meeting of this chat: the chat id (`19:meeting_…@thread.v2`) is a whole segment
 * of its path (`…/meetup-join/19%3ameeting_…%40thread.v2/0?context=…`), so a fragment of an id, or anything
 * that is not a chat id, matches nothing.
 */
export function isMeetingOfChat(meetingUrl: string, chatId: string): boolean {
  if (!chatIdShape.test(chatId)) return false;
  const url = decoded(meetingUrl).toLowerCase();
  const wanted = `/${chatId.toLowerCase()}`;
  for (let at = url.indexOf(wanted); at >= 0; at = url.indexOf(wanted, at + 1)) {
    const after = url[at + wanted.length];
    if (after === undefined || after === '/' || after === '?' || after === '#') return true;
  }
  return false;
}

/**
 * The conversation a Teams meeting belongs to, from the meeting chat's id (the Teams context's `chat.id`).
 * Cancelled conversations never match.
 */
export function conversationForMeeting<T extends MeetingCandidate>(
  items: readonly T[],
  chatId: string | undefined,
): T | undefined {
  if (!chatId) return undefined;
  return items.find(
    (item) =>
      item.stage !== 'cancelled' &&
      item.schedule?.meetingUrl !== undefined &&
      isMeetingOfChat(item.schedule.meetingUrl, chatId),
  );
}
