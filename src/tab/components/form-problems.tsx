/** The fields that stop a form, listed at its top as links and marked at each field. */
import {
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { limits } from '../../domain/limits.js';
import { useI18n, type I18n } from '../i18n/i18n.js';
import { focusField, type FieldProblem } from '../pages/use-conversation-form.js';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

/** The sentence shown at a field that stops the form, by the reason. */
export function problemText(problem: FieldProblem, i18n: I18n): string {
  switch (problem.reason) {
    case 'missing':
      return i18n.t('form.required');
    case 'course':
      return i18n.t('form.requiredCourse');
    case 'notApplicable':
      return i18n.t('form.requiredOrNa');
    case 'tooLong': {
      const max = problem.field.kind === 'text' ? limits.textLength : limits.titleLength;
      return i18n.t('form.tooLong', { max: max.toLocaleString(i18n.locale) });
    }
  }
}

/** The marks per field id, for the form. */
export function problemMarks(problems: FieldProblem[] | undefined, i18n: I18n): Record<string, string> {
  return Object.fromEntries((problems ?? []).map((p) => [p.field.id, problemText(p, i18n)]));
}

/**
 * At the top of the form after a submit that could not go: each field still to do, as a link that moves focus to
 * it. Its label as the format has it, so it reads as the question she sees.
 */
export function FormProblems({
  problems,
  labelOf,
}: {
  problems: FieldProblem[] | undefined;
  labelOf?: (problem: FieldProblem) => string;
}) {
  const i18n = useI18n();
  const styles = useStyles();
  if (!problems || problems.length === 0) return null;
  return (
    <MessageBar intent="error" layout="multiline" data-testid="form-problems">
      <MessageBarBody>
        <MessageBarTitle>{i18n.t('form.problemsTitle', { count: problems.length })}</MessageBarTitle>
        <ul className={styles.list}>
          {problems.map((problem) => (
            <li key={problem.field.id}>
              <Link as="button" onClick={() => focusField(problem.field.id)}>
                {labelOf ? labelOf(problem) : i18n.text(problem.field.label)}
              </Link>
              {' — '}
              {problemText(problem, i18n)}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
