/** How long a field's text may be, and whether an answer is over it: what the server checks, without zod. */
import type { Agreement, Goal, GoalReview } from '../../domain/answers.js';
import type { FieldDef } from '../../domain/formats.js';
import { limits } from '../../domain/limits.js';

const asList = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const length = (text: string | undefined): number => (text ?? '').length;

/** The longest text a field (or, for a list, each item's main text) may hold: what the server checks. */
export function limitOf(field: FieldDef): number {
  return field.kind === 'text' ? limits.textLength : limits.titleLength;
}

/**
 * Whether an answer is longer than the server accepts: a text over 10,000 characters, a list item's title (or an
 * agreement) over 300, a description, progress or adjustment over 10,000, or a list over 50 items. Such a field
 * stays on this device, marked, while every other field keeps saving.
 */
export function isOverLimit(field: FieldDef | undefined, value: unknown): boolean {
  if (!field) return false;
  switch (field.kind) {
    case 'text':
      return typeof value === 'string' && value.length > limits.textLength;
    case 'smiley':
      return false;
    case 'goals':
      return (
        asList<Goal>(value).length > limits.listItems ||
        asList<Goal>(value).some(
          (g) => length(g.title) > limits.titleLength || length(g.description) > limits.textLength,
        )
      );
    case 'goal-review':
      return (
        asList<GoalReview>(value).length > limits.listItems ||
        asList<GoalReview>(value).some(
          (r) =>
            length(r.title) > limits.titleLength ||
            length(r.progress) > limits.textLength ||
            length(r.adjustment) > limits.textLength,
        )
      );
    case 'agreements':
      return (
        asList<Agreement>(value).length > limits.listItems ||
        asList<Agreement>(value).some((a) => length(a.text) > limits.titleLength)
      );
  }
}
