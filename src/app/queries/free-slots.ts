/** Free slots for planning a conversation, only in calendars the planner may look at. */
import { errors } from '../../domain/index.js';
import { managedEmployees } from '../access.js';
import type { AppContext } from '../context.js';

/**
 * Free slots for a conversation: only for the planner themselves and people they manage, so calendars of
 * others cannot be probed.
 */
export async function freeSlots(
  ctx: AppContext,
  viewerId: string,
  input: { attendeeIds: string[]; durationMinutes: number; from: string; until: string },
) {
  const allowed = new Set([viewerId, ...(await managedEmployees(ctx, viewerId)).map((u) => u.id)]);
  const outside = input.attendeeIds.filter((id) => !allowed.has(id));
  if (outside.length > 0) throw errors.notYourReport(outside[0] as string);
  if (Date.parse(input.until) <= Date.parse(input.from)) throw errors.invalidSchedule();
  const attendeeIds = [...new Set([viewerId, ...input.attendeeIds])];
  return ctx.calendar.findTimes({
    attendeeIds,
    durationMinutes: input.durationMinutes,
    from: input.from,
    until: input.until,
  });
}
