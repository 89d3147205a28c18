/** Free slots for planning a conversation, only in calendars the planner may look at. */
import { errors } from '../../domain/index.js';
import type { Directory, TimeSlot } from '../../ports/index.js';
import type { Store } from '../../store/index.js';
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

/**
 * The scheduled conversations these people take part in, as employee or as manager, that overlap the period:
 * what a calendar without its own memory (the local one) counts as busy. Cancelled ones are free again.
 */
export async function scheduledMeetings(
  ctx: { store: Pick<Store, 'listConversations'>; directory: Pick<Directory, 'directReports'> },
  attendeeIds: string[],
  period: { from: string; until: string },
): Promise<TimeSlot[]> {
  const people = new Set(attendeeIds);
  // A manager's meetings are the conversations of her reports.
  const reports = await Promise.all(attendeeIds.map((id) => ctx.directory.directReports(id)));
  const employeeIds = [...new Set([...attendeeIds, ...reports.flat().map((u) => u.id)])];
  const from = Date.parse(period.from);
  const until = Date.parse(period.until);
  return (await ctx.store.listConversations({ employeeIds }))
    .map((s) => s.conversation)
    .filter((c) => people.has(c.employeeId) || people.has(c.managerId))
    .flatMap((c) =>
      c.schedule && c.stage !== 'cancelled' && c.stage !== 'requested'
        ? [{ start: c.schedule.start, end: c.schedule.end }]
        : [],
    )
    .filter((s) => Date.parse(s.start) < until && Date.parse(s.end) > from);
}
