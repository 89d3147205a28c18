/** The part of a conversation summary that ties it to a Teams meeting. */
export interface MeetingCandidate {
  id: string;
  stage: string;
  schedule?: { meetingUrl?: string };
}

function decoded(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/**
 * The conversation a Teams meeting belongs to: the meeting's chat id (`19:meeting_…@thread.v2`, from the
 * Teams context) appears in the join link of the meeting the app created. Cancelled conversations never match.
 */
export function conversationForMeeting<T extends MeetingCandidate>(
  items: readonly T[],
  chatId: string | undefined,
): T | undefined {
  if (!chatId) return undefined;
  const wanted = chatId.toLowerCase();
  return items.find(
    (item) =>
      item.stage !== 'cancelled' &&
      item.schedule?.meetingUrl !== undefined &&
      decoded(item.schedule.meetingUrl).toLowerCase().includes(wanted),
  );
}
