/** What must be answered before a form goes on: the outcome items of a Reflectiegesprek's final format. */
import { describe, expect, it } from '@jest/globals';
import { limits as fromAnswers, missingRequired as fromAnswersMissing } from '../../src/domain/answers.js';
import { currentFormat } from '../../src/domain/formats.js';
import { limits } from '../../src/domain/limits.js';
import { missingRequired, notApplicable, outcomeGaps } from '../../src/domain/required.js';

const reflection = currentFormat('reflectie');
const outcome = ['resultaat.facilitering', 'resultaat.inrichting', 'resultaat.bijstellingen'];

describe('what must be answered before a form goes on', () => {
  it('names each outcome item of an empty final format of a Reflectiegesprek', () => {
    expect(outcomeGaps(reflection.report.sections, {}).map((f) => f.id)).toEqual(outcome);
  });

  it('counts an outcome item marked "niet van toepassing" as answered, and names the others', () => {
    const answers = { 'resultaat.facilitering': 'Een cursus', 'resultaat.inrichting': notApplicable.nl };
    expect(outcomeGaps(reflection.report.sections, answers).map((f) => f.id)).toEqual([
      'resultaat.bijstellingen',
    ]);
  });

  it('does not count spaces as an answer', () => {
    expect(outcomeGaps(reflection.report.sections, { 'resultaat.inrichting': '   ' })).toHaveLength(3);
  });

  it('asks nothing of the other formats', () => {
    for (const type of ['vitaliteit', 'goede-gesprek'] as const)
      expect(outcomeGaps(currentFormat(type).report.sections, {})).toEqual([]);
  });

  it('leaves the required fields as they were', () => {
    expect(missingRequired(reflection.report.sections, {})).toEqual([]);
  });

  it('keeps the limits and the check where they were: answers.ts re-exports them unchanged', () => {
    expect(fromAnswers).toBe(limits);
    expect(limits).toEqual({ textLength: 10_000, titleLength: 300, listItems: 50, commentLength: 2_000 });
    expect(fromAnswersMissing).toBe(missingRequired);
  });
});
