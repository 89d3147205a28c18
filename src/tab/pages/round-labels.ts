/** How a round's type, steps, period and departments read in the tab, for HR's progress and a manager's list alike. */
import { noDepartment, otherDepartments, type ProgressStep, type RoundType } from '../../domain/round.js';
import type { RoundSummary } from '../api/types.js';
import type { I18n, MessageKey } from '../i18n/i18n.js';

export function typeLabel(type: RoundType, i18n: I18n): string {
  return type === 'vitaliteit' ? i18n.t('rounds.type.vitaliteit') : i18n.t(`type.${type}`);
}

export function stepLabel(step: ProgressStep, type: RoundType, i18n: I18n): string {
  // A Vitaliteitsgesprek is kept confidentially, never in the personnel file.
  if (step === 'filed' && type === 'vitaliteit') return i18n.t('rounds.step.filedVitality');
  return i18n.t(`rounds.step.${step}` as MessageKey);
}

export function periodText(round: Pick<RoundSummary, 'period'>, i18n: I18n): string {
  return i18n.t('rounds.period', {
    from: i18n.date(round.period.from),
    until: i18n.date(round.period.until),
  });
}

export function departmentName(department: string, i18n: I18n): string {
  if (department === otherDepartments) return i18n.t('rounds.otherDepartments');
  if (department === noDepartment) return i18n.t('rounds.noDepartment');
  return department;
}
