/**
 * What must be answered before a form can be submitted or offered. Free of the validation library, so the tab
 * lists and marks exactly the fields the server would name.
 */
import type { AnswerValue, Answers, GoalReview } from './answers.js';
import { fieldsOf, type FieldDef, type SectionDef } from './formats.js';
import type { LocalizedText } from './text.js';

/** The words a person chooses for a result item that does not apply; printed as such in the document. */
export const notApplicable: LocalizedText = { nl: 'Niet van toepassing', en: 'Not applicable' };

/** Whether a value counts as an answer (an empty text or list does not). */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  return value.length > 0;
}

/**
 * Required fields that are still unanswered, in field order. A goal review also needs a course per goal. (A
 * `notEmpty` section, the outcome of a Reflectiegesprek, is asked item by item in the tab; see `outcomeGaps`.)
 */
export function missingRequired(sections: readonly SectionDef[], answers: Answers): FieldDef[] {
  return fieldsOf(sections).filter((field) => {
    const value = answers[field.id];
    if (field.kind === 'goal-review' && Array.isArray(value)) {
      return (value as GoalReview[]).some((review) => !review.course);
    }
    return field.required === true && !isAnswered(value);
  });
}

/**
 * The outcome items still open in a `notEmpty` section: each must be filled, or explicitly "niet van toepassing"
 * (`notApplicable`, stored as those words so the document prints them), before the final format is offered.
 */
export function outcomeGaps(sections: readonly SectionDef[], answers: Answers): FieldDef[] {
  return sections
    .filter((section) => section.notEmpty === true)
    .flatMap((section) => section.fields)
    .filter((field) => field.kind === 'text' && !isAnswered(answers[field.id]));
}
