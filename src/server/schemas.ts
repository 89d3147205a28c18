/** The HTTP shapes of the API: every body and query the server accepts, checked with zod before any use case runs. */
import { z } from 'zod';
import {
  conversationTypes,
  decideInputSchema,
  goalParts,
  goalSchema,
  limits,
  roundTypes,
} from '../domain/index.js';

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
  // An empty or blank reason is refused by the domain, in Dutch and English.
  z.object({ type: z.literal('cancel'), reason: z.string().max(limits.commentLength) }),
  z.object({ type: z.literal('save-preparation'), answers: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('submit-preparation') }),
  z.object({ type: z.literal('save-completion'), answers: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('complete-meeting') }),
  z.object({ type: z.literal('save-report'), answers: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('submit-report') }),
  z.object({ type: z.literal('decide'), ...decideInputSchema.shape }),
  // The shapes of the follow-up, POP and evaluation are checked by the domain, with messages a person can act on.
  z.object({ type: z.literal('save-follow-up'), followUp: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('save-pop'), pop: z.object({ items: z.array(z.unknown()) }) }),
  z.object({
    type: z.literal('save-evaluation'),
    evaluation: z.object({ items: z.array(z.unknown()), overall: z.string() }),
  }),
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
  /** The employee's request this plan answers (the request card, the team row and the request page carry it). */
  requestId: z.string().max(200).optional(),
});

export const requestSchema = z.object({
  type: z.literal('vitaliteit'),
  note: shortText(limits.commentLength).optional(),
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

export const yearQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

// Rounds: a calendar period (the domain checks its order, length and the Reflectiegesprek's half of the year).
const calendarDay = z.iso.date({ message: 'a date such as 2027-01-15' });
const roundPeriodSchema = z.object({ from: calendarDay, until: calendarDay });

export const startRoundSchema = z.object({
  type: z.enum(roundTypes),
  audience: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('department'), department: z.string().trim().max(200) }),
    z.object({ kind: z.literal('manager'), managerId: z.string().min(1).max(200) }),
    z.object({ kind: z.literal('everyone') }),
  ]),
  period: roundPeriodSchema,
});

export const changeRoundSchema = z.object({ period: roundPeriodSchema });
