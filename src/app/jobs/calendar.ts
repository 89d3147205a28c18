/** The `calendar` queue: creates, moves or cancels the Teams meeting of a conversation. */
import { z } from 'zod';
import { tabDeepLink } from '../../cards/links.js';
import { formatOf, localize, transitions } from '../../domain/index.js';
import { runSystemCommand } from '../commands/system.js';
import type { AppContext } from '../context.js';
import { loadConversation } from './load.js';
import { defineQueue } from './queue.js';

export const calendarPayload = z.object({
  action: z.enum(['create', 'update', 'cancel']),
  conversationId: z.string(),
  key: z.string(),
});
export type CalendarJob = z.infer<typeof calendarPayload>;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Creates, moves or cancels the Teams meeting of a conversation. */
export async function handleCalendar(ctx: AppContext, job: CalendarJob): Promise<void> {
  const conversation = await loadConversation(ctx, job.conversationId);
  const schedule = conversation?.schedule;
  if (!conversation || !schedule) return;
  if (job.action === 'create') {
    // Made by an earlier attempt, cancelled, or gone on to its report and signature (the conversation took place
    // while Microsoft 365 was slow or down): no meeting to make any more, and none the conversation could take.
    if (schedule.eventId || !transitions['attach-meeting'].from.includes(conversation.stage)) return;
    const employee = await ctx.directory.getUser(conversation.employeeId);
    const format = formatOf(conversation);
    const link = tabDeepLink(ctx.config, 'voorbereiden', { conversationId: conversation.id });
    const meeting = await ctx.calendar.createMeeting({
      organizerId: conversation.managerId,
      attendeeIds: [conversation.employeeId],
      subject: `${localize(format.title, 'nl')} – ${employee?.displayName ?? conversation.employeeId}`,
      bodyHtml: `<p>${escapeHtml(localize(format.intro, 'nl'))}</p><p><a href="${escapeHtml(link)}">Format openen om je voor te bereiden</a></p>`,
      start: schedule.start,
      end: schedule.end,
      idempotencyKey: job.key,
    });
    await runSystemCommand(ctx, conversation.id, { type: 'attach-meeting', meeting });
    return;
  }
  if (!schedule.eventId) return;
  if (job.action === 'update') {
    await ctx.calendar.updateMeeting(conversation.managerId, schedule.eventId, {
      start: schedule.start,
      end: schedule.end,
    });
  } else {
    await ctx.calendar.cancelMeeting(
      conversation.managerId,
      schedule.eventId,
      conversation.cancellation?.reason ?? '',
    );
  }
}

export const calendarQueue = defineQueue({
  name: 'calendar',
  payload: calendarPayload,
  retry: { retryLimit: 8, retryDelay: 2, retryBackoff: true, retryDelayMax: 300 },
  concurrency: { batchSize: 10, localConcurrency: 1 },
  handle: handleCalendar,
});
