import { z } from 'zod';
import { conversationTypes, decisions, goalParts, goalSchema, limits } from '../domain/index.js';

const isoDateTime = z.iso.datetime({
  offset: true,
  message: 'a date and time such as 2026-12-01T09:00:00+01:00',
});
const schedule = z.object({ start: isoDateTime, end: isoDateTime });
const shortText = (max: number) => z.string().trim().max(max);

/** Commands a person may send over HTTP. System commands (attach-meeting, mark-archived) are not among them. */
export const commandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('plan'), schedule }),
  z.object({ type: z.literal('reschedule'), schedule }),
  z.object({ type: z.literal('cancel'), reason: shortText(1000).min(1, 'a reason is required') }),
  z.object({ type: z.literal('save-preparation'), answers: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('submit-preparation') }),
  z.object({ type: z.literal('save-completion'), answers: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('complete-meeting') }),
  z.object({ type: z.literal('save-report'), answers: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('submit-report') }),
  z.object({
    type: z.literal('decide'),
    version: z.number().int().min(1),
    decision: z.enum(decisions),
    comment: shortText(2000).optional(),
  }),
  z.object({
    type: z.literal('save-pop'),
    pop: z.object({
      goals: shortText(limits.textLength),
      actions: shortText(limits.textLength),
      support: shortText(limits.textLength),
      date: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
        .optional(),
    }),
  }),
  z.object({ type: z.literal('save-evaluation'), text: shortText(limits.textLength) }),
]);
export type HttpCommand = z.infer<typeof commandSchema>;

export const commandRequestSchema = z.object({
  revision: z.number().int().min(1).optional(),
  command: commandSchema,
});

export const planSchema = z.object({
  employeeId: z.string().min(1).max(200),
  type: z.enum(conversationTypes),
  start: isoDateTime,
  end: isoDateTime,
  previousId: z.string().max(200).optional(),
  /** `outlook` when the conversation is planned from an Outlook appointment, which then is the meeting. */
  meeting: z.enum(['app', 'outlook']).default('app'),
  earlierGoals: z.partialRecord(z.enum(goalParts), z.array(goalSchema).max(limits.listItems)).optional(),
});

export const requestSchema = z.object({
  type: z.literal('vitaliteit'),
  note: shortText(2000).optional(),
});

export const delegationSchema = z.object({
  delegateId: z.string().min(1).max(200),
  from: isoDateTime,
  until: isoDateTime,
});

export const erasureSchema = z.object({
  employeeId: z.string().min(1).max(200),
  reason: z.string().trim().min(1, 'a reason is required').max(1000),
});

export const freeSlotsSchema = z.object({
  attendeeIds: z.array(z.string().min(1).max(200)).min(1).max(10),
  durationMinutes: z.number().int().min(15).max(480),
  from: isoDateTime,
  until: isoDateTime,
});
