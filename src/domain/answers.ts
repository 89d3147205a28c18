/** Answers to a format's fields: their shapes, limits and the checks every command applies to them. */
import { z } from 'zod';
import { errors } from './errors.js';
import { fieldsOf, type FieldDef, type SectionDef } from './formats.js';
import { limits } from './limits.js';

export { limits };
export { isAnswered, missingRequired, notApplicable } from './required.js';

/**
 * A piece of free text a person must give (a remark, comment, POP goal, evaluation): trimmed, and refused when
 * nothing but spaces is left, so it is never saved as empty.
 */
export function requireText(value: string, field: string): string {
  const trimmed = value.normalize('NFC').trim();
  if (!trimmed) throw errors.blankText(field);
  return trimmed;
}

export const smileyValues = ['sad', 'neutral', 'happy', 'na'] as const;
/** A rating of a statement: 😟 / 😐 / 🙂, or "niet van toepassing". */
export type Smiley = (typeof smileyValues)[number];

/** The words for each smiley, fitting first-person statements; every surface uses these. */
export const smileyLabels: Record<Smiley, { nl: string; en: string }> = {
  sad: { nl: 'Klopt niet', en: 'Not true' },
  neutral: { nl: 'Deels', en: 'Partly' },
  happy: { nl: 'Klopt', en: 'True' },
  na: { nl: 'Niet van toepassing', en: 'Not applicable' },
};

const text = z.string().max(limits.textLength);
const title = z.string().trim().min(1).max(limits.titleLength);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD');

export const goalSchema = z.object({
  id: z.string().min(1).max(64),
  title,
  description: text.optional(),
});
/** A goal set in Het Goede Gesprek (or entered by hand when that conversation happened elsewhere). */
export type Goal = z.infer<typeof goalSchema>;

export const goalReviewSchema = z.object({
  goalId: z.string().min(1).max(64),
  title,
  progress: text.optional(),
  course: z.enum(['continue', 'adjust']).optional(),
  adjustment: text.optional(),
});
/** One earlier goal looked back on: the progress made and whether to continue or adjust. */
export type GoalReview = z.infer<typeof goalReviewSchema>;

export const agreementSchema = z.object({
  id: z.string().min(1).max(64),
  text: title.max(limits.textLength),
  owner: z.enum(['employee', 'manager', 'both']),
  due: isoDate.optional(),
});
/** A concrete agreement: what, who, and optionally by when. */
export type Agreement = z.infer<typeof agreementSchema>;

/** The value of one field, by the field's kind. */
export type AnswerValue = string | Smiley | Goal[] | GoalReview[] | Agreement[];
/** Answers by field id. Absent fields are unanswered. */
export type Answers = Record<string, AnswerValue>;

/** The shape of each kind of field, built once. */
const answerSchemas: Record<FieldDef['kind'], z.ZodType<AnswerValue>> = {
  text,
  smiley: z.enum(smileyValues),
  goals: z.array(goalSchema).max(limits.listItems),
  'goal-review': z.array(goalReviewSchema).max(limits.listItems),
  agreements: z.array(agreementSchema).max(limits.listItems),
};

function schemaFor(field: FieldDef): z.ZodType<AnswerValue> {
  return answerSchemas[field.kind];
}

/** The fields of a format's sections by id, made once per list of sections (formats never change). */
const fieldMaps = new WeakMap<readonly SectionDef[], ReadonlyMap<string, FieldDef>>();
function fieldsById(sections: readonly SectionDef[]): ReadonlyMap<string, FieldDef> {
  let fields = fieldMaps.get(sections);
  if (!fields) {
    fields = new Map(fieldsOf(sections).map((f) => [f.id, f]));
    fieldMaps.set(sections, fields);
  }
  return fields;
}

/**
 * Checks answers against the fields of a format. Unknown field ids and wrongly shaped values are refused, so
 * nothing that the document cannot show is ever stored.
 */
export function parseAnswers(sections: readonly SectionDef[], input: unknown): Answers {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw errors.invalidAnswers(['answers must be an object of field id to value']);
  }
  const fields = fieldsById(sections);
  const issues: string[] = [];
  const answers: Answers = {};
  for (const [id, value] of Object.entries(input)) {
    const field = fields.get(id);
    if (!field) {
      issues.push(`unknown field "${id.slice(0, 80)}"`);
      continue;
    }
    const parsed = schemaFor(field).safeParse(value);
    if (!parsed.success) {
      issues.push(`${id}: ${parsed.error.issues.map((i) => i.message).join(', ')}`);
      continue;
    }
    answers[id] = parsed.data;
  }
  if (issues.length > 0) throw errors.invalidAnswers(issues.slice(0, 10));
  return answers;
}

/** Every agreement in the given sections' answers, in field order. */
export function agreementsIn(sections: readonly SectionDef[], answers: Answers): Agreement[] {
  return fieldsOf(sections)
    .filter((f) => f.kind === 'agreements')
    .flatMap((f) => (answers[f.id] as Agreement[] | undefined) ?? []);
}
