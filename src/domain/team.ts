/** The anonymous team picture of the Huis van werkvermogen, from shared preparations only. */
import type { Smiley } from './answers.js';
import { formatOf, type Conversation } from './conversation.js';
import { fieldsOf, floors, type Floor } from './formats.js';

/** Counts of each smiley on one floor of the Huis van werkvermogen. */
export type SmileyCounts = Record<Smiley, number>;

/** An anonymous picture of a team: only totals per floor, and only above a minimum group size. */
export type TeamVitalityPicture =
  | { shown: true; contributors: number; floors: Record<Floor, SmileyCounts> }
  | { shown: false; contributors: number; minimum: number };

const emptyCounts = (): SmileyCounts => ({ sad: 0, neutral: 0, happy: 0, na: 0 });

/**
 * Aggregates the smiley ratings of each employee's latest shared vitality preparation. Below `minimum` contributors
 * nothing but the count is returned, so no rating can be traced to a person.
 */
export function teamVitalityPicture(
  conversations: readonly Conversation[],
  minimum: number,
): TeamVitalityPicture {
  const latestPerEmployee = new Map<string, Conversation>();
  for (const c of conversations) {
    // Drafts are the author's: only a preparation the employee shared counts.
    if (c.type !== 'vitaliteit' || c.stage === 'cancelled' || !c.preparationSharedAt) continue;
    const answered = fieldsOf(formatOf(c).preparation).some(
      (f) => f.kind === 'smiley' && c.preparation[f.id],
    );
    if (!answered) continue;
    const known = latestPerEmployee.get(c.employeeId);
    if (!known || known.createdAt < c.createdAt) latestPerEmployee.set(c.employeeId, c);
  }
  const contributors = latestPerEmployee.size;
  if (contributors < minimum) return { shown: false, contributors, minimum };
  const result = Object.fromEntries(floors.map((f) => [f, emptyCounts()])) as Record<Floor, SmileyCounts>;
  for (const c of latestPerEmployee.values()) {
    for (const field of fieldsOf(formatOf(c).preparation)) {
      const value = c.preparation[field.id];
      if (
        field.kind === 'smiley' &&
        field.floor &&
        typeof value === 'string' &&
        value in result[field.floor]
      ) {
        result[field.floor][value as Smiley] += 1;
      }
    }
  }
  return { shown: true, contributors, floors: result };
}
