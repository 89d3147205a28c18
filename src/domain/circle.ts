/**
 * "Zo is de cirkel rond": what one conversation hands to the next — agreements with the status the employee gives
 * them, the personal development plan (POP) made from the report, the self-evaluation — and the year per employee.
 */
import { z } from 'zod';
import { errors } from './errors.js';
import { limits, requireText, type Agreement } from './answers.js';
import type { ConversationType } from './formats.js';

/** How an agreement of the previous conversation turned out, as the employee sees it while preparing. */
export const agreementStatuses = ['gedaan', 'loopt', 'niet-gelukt', 'vervallen'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

/** The employee's look back on one earlier agreement. */
export interface AgreementFollowUp {
  status: AgreementStatus;
  note?: string;
}

/** Per earlier agreement (by id), how it turned out. */
export type FollowUp = Record<string, AgreementFollowUp>;

const idSchema = z.string().min(1).max(64);
const optionalText = z.string().max(limits.textLength).optional();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD');

const followUpSchema = z.record(
  idSchema,
  z.object({ status: z.enum(agreementStatuses), note: optionalText }).strict(),
);

/** Checks a follow-up from the tab; a note of only spaces is refused rather than stored as empty. */
export function parseFollowUp(input: unknown): FollowUp {
  const parsed = followUpSchema.safeParse(input);
  if (!parsed.success) throw errors.invalidFollowUp();
  const result: FollowUp = {};
  for (const [id, item] of Object.entries(parsed.data)) {
    const note = item.note === undefined || item.note === '' ? undefined : requireText(item.note, 'note');
    result[id] = { status: item.status, ...(note ? { note } : {}) };
  }
  return result;
}

/** Where a POP item stands. */
export const popStatuses = ['open', 'loopt', 'gedaan', 'vervallen'] as const;
export type PopStatus = (typeof popStatuses)[number];

/** One item of the personal development plan: a goal, how to get there, who, by when, what support is needed. */
export interface PopItem {
  id: string;
  goal: string;
  actions: string;
  who: Agreement['owner'];
  /** YYYY-MM-DD */
  due?: string;
  support?: string;
  status: PopStatus;
  /** The report's agreement this item was made from, if any. */
  agreementId?: string;
}

/** The persoonlijk ontwikkelingsplan (POP), made by the employee on the basis of the report. */
export interface Pop {
  items: PopItem[];
  updatedAt: string;
}

const popItemSchema = z
  .object({
    id: idSchema,
    goal: z.string().max(limits.titleLength),
    actions: z.string().max(limits.textLength),
    who: z.enum(['employee', 'manager', 'both']),
    due: isoDate.optional(),
    support: optionalText,
    status: z.enum(popStatuses),
    agreementId: idSchema.optional(),
  })
  .strict();
const popSchema = z.object({ items: z.array(popItemSchema).max(limits.listItems) }).strict();

/** Checks a POP: every item needs a goal and an action in words, never only spaces. */
export function parsePop(input: unknown): Omit<Pop, 'updatedAt'> {
  const parsed = popSchema.safeParse(input);
  if (!parsed.success) throw errors.invalidPop();
  if (parsed.data.items.length === 0) throw errors.emptyPop();
  return {
    items: parsed.data.items.map((item) => {
      const support = item.support ? requireText(item.support, 'support') : undefined;
      return {
        id: item.id,
        goal: requireText(item.goal, 'goal'),
        actions: requireText(item.actions, 'actions'),
        who: item.who,
        ...(item.due ? { due: item.due } : {}),
        ...(support ? { support } : {}),
        status: item.status,
        ...(item.agreementId ? { agreementId: item.agreementId } : {}),
      };
    }),
  };
}

/** The POP proposed from the report's agreements, one click away: one item per agreement. */
export function popFromAgreements(agreements: readonly Agreement[]): PopItem[] {
  return agreements.map((agreement) => ({
    id: `pop-${agreement.id}`,
    goal: agreement.text,
    actions: '',
    who: agreement.owner,
    ...(agreement.due ? { due: agreement.due } : {}),
    status: 'open' as const,
    agreementId: agreement.id,
  }));
}

/** The employee's look back on one POP item. */
export interface EvaluationItem {
  popItemId: string;
  status: PopStatus;
  text: string;
}

/** The employee's own evaluation before the next conversation: per POP item, and overall. */
export interface SelfEvaluation {
  items: EvaluationItem[];
  overall: string;
  updatedAt: string;
}

const evaluationSchema = z
  .object({
    items: z
      .array(
        z.object({
          popItemId: idSchema,
          status: z.enum(popStatuses),
          text: z.string().max(limits.textLength),
        }),
      )
      .max(limits.listItems),
    overall: z.string().max(limits.textLength),
  })
  .strict();

/** Checks a self-evaluation: the overall text is required, item texts may be left empty but not only spaces. */
export function parseEvaluation(input: unknown, pop: Pop | undefined): Omit<SelfEvaluation, 'updatedAt'> {
  const parsed = evaluationSchema.safeParse(input);
  if (!parsed.success) throw errors.invalidEvaluation();
  const known = new Set((pop?.items ?? []).map((i) => i.id));
  const items = parsed.data.items.filter((i) => known.has(i.popItemId));
  return {
    items: items.map((i) => ({
      popItemId: i.popItemId,
      status: i.status,
      text: i.text === '' ? '' : requireText(i.text, 'text'),
    })),
    overall: requireText(parsed.data.overall, 'overall'),
  };
}

/**
 * Which earlier conversation a new one builds on, in order of preference. Het Goede Gesprek's goals lead to the
 * Reflectiegesprek, whose adjusted goals lead to next year's Goede Gesprek; a Vitaliteitsgesprek follows the
 * previous one.
 */
export function previousTypesFor(type: ConversationType): readonly ConversationType[] {
  switch (type) {
    case 'vitaliteit':
      return ['vitaliteit'];
    case 'reflectie':
      return ['goede-gesprek', 'reflectie'];
    case 'goede-gesprek':
      return ['reflectie', 'goede-gesprek'];
  }
}

/** One conversation in an employee's year view. */
export interface YearEntry {
  id: string;
  type: ConversationType;
  stage: string;
  /** The meeting's start, or when it was asked for. */
  date: string;
}

/** An employee's conversation year: Het Goede Gesprek, the Reflectiegesprek (second half), vitality conversations. */
export interface YearView {
  year: number;
  goedeGesprek: YearEntry[];
  reflectie: YearEntry[];
  vitaliteit: YearEntry[];
  /** What the cycle still expects this year, so the gap shows instead of an empty line. */
  expected: { goedeGesprek: boolean; reflectie: boolean };
}

/** Groups an employee's conversations of one calendar year by type; cancelled ones are left out. */
export function yearView(
  conversations: readonly { id: string; type: ConversationType; stage: string; date: string }[],
  year: number,
): YearView {
  const inYear = conversations
    .filter((c) => c.stage !== 'cancelled' && new Date(c.date).getUTCFullYear() === year)
    .sort((a, b) => a.date.localeCompare(b.date));
  const of = (type: ConversationType) =>
    inYear
      .filter((c) => c.type === type)
      .map(({ id, type: t, stage, date }) => ({ id, type: t, stage, date }));
  const goedeGesprek = of('goede-gesprek');
  const reflectie = of('reflectie');
  return {
    year,
    goedeGesprek,
    reflectie,
    vitaliteit: of('vitaliteit'),
    expected: { goedeGesprek: goedeGesprek.length === 0, reflectie: reflectie.length === 0 },
  };
}
