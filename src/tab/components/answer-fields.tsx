/** One field of a format to edit or to read, and its answer as lines of text. */
import { Checkbox, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Agreement, Goal, GoalReview, Smiley } from '../../domain/answers.js';
import type { FieldDef } from '../../domain/formats.js';
import { useI18n } from '../i18n/i18n.js';
import { isOverLimit, limitOf } from './field-limits.js';
import { AgreementsEditor, GoalReviewEditor, GoalsEditor } from './list-editors.js';
import { SmileyRating, SmileyScale, smileyText } from './smiley-scale.js';

const useStyles = makeStyles({
  answer: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  hint: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
});

const asList = <T,>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/**
 * Whether an answer can be sent as it is: list items need their title or text first, and nothing may be longer
 * than the server accepts (that field waits on this device, marked; the others are sent).
 */
export function isSendable(field: FieldDef | undefined, value: unknown): boolean {
  if (isOverLimit(field, value)) return false;
  if (!field || !Array.isArray(value)) return true;
  if (field.kind === 'agreements') return asList<Agreement>(value).every((a) => a.text.trim().length > 0);
  if (field.kind === 'goals' || field.kind === 'goal-review') {
    return asList<Goal | GoalReview>(value).every((g) => g.title.trim().length > 0);
  }
  return true;
}

export interface FieldEditorProps {
  field: FieldDef;
  value: unknown;
  onChange(value: unknown): void;
  disabled?: boolean;
  /** Overrides the field's own label (e.g. "Aanvulling leidinggevende"). */
  label?: string;
  /** Overrides whether the field is marked required (the manager's completion never is). */
  required?: boolean;
  /** Why the field cannot be submitted as it is (e.g. still empty), shown at the field. */
  problem?: string | undefined;
  /** "Niet van toepassing" as an explicit answer beside the text (the outcome items of a Reflectiegesprek). */
  notApplicable?: string | undefined;
  /** For a goal review in the manager's column: the employee's review of the same goals, to react to. */
  theirs?: unknown;
}

/** "123 / 10.000 tekens", and the field's own help when it has one. */
function TextHint({ help, count, max }: { help: string | undefined; count: number; max: number }) {
  const i18n = useI18n();
  const styles = useStyles();
  return (
    <span className={styles.hint}>
      {help ? <span>{help}</span> : null}
      <span data-testid="char-count">
        {i18n.t('form.count', {
          used: count.toLocaleString(i18n.locale),
          max: max.toLocaleString(i18n.locale),
        })}
      </span>
    </span>
  );
}

/** The input for one format field, by kind. */
export function FieldEditor({
  field,
  value,
  onChange,
  disabled,
  label,
  required,
  problem,
  notApplicable,
  theirs,
}: FieldEditorProps) {
  const i18n = useI18n();
  const text = label ?? i18n.text(field.label);
  const tooLong = isOverLimit(field, value);
  const max = limitOf(field);
  const message = tooLong
    ? i18n.t('form.tooLong', { max: max.toLocaleString(i18n.locale) })
    : (problem ?? undefined);
  switch (field.kind) {
    case 'text': {
      const current = typeof value === 'string' ? value : '';
      const isNotApplicable = notApplicable !== undefined && current === notApplicable;
      return (
        <>
          <Field
            label={text}
            hint={
              disabled ? undefined : (
                <TextHint
                  help={field.help ? i18n.text(field.help) : undefined}
                  count={current.length}
                  max={max}
                />
              )
            }
            required={required ?? field.required}
            validationState={message ? 'error' : 'none'}
            validationMessage={message}
          >
            <Textarea
              value={current}
              disabled={disabled || isNotApplicable}
              resize="vertical"
              rows={3}
              onChange={(_e, data) => onChange(data.value)}
            />
          </Field>
          {/* Outside the Field: a Fluent Field labels every control in it, and this one has its own label. */}
          {notApplicable !== undefined && !disabled ? (
            <Checkbox
              label={i18n.t('form.notApplicable')}
              checked={isNotApplicable}
              onChange={(_e, data) => onChange(data.checked ? notApplicable : '')}
            />
          ) : null}
        </>
      );
    }
    case 'smiley':
      return (
        <SmileyScale
          problem={message}
          label={text}
          value={typeof value === 'string' ? (value as Smiley) : undefined}
          disabled={disabled}
          onChange={onChange}
        />
      );
    case 'goals':
      return (
        <GoalsEditor
          problem={message}
          label={text}
          value={asList<Goal>(value)}
          onChange={onChange}
          disabled={disabled}
        />
      );
    case 'goal-review':
      return (
        <GoalReviewEditor
          problem={message}
          theirs={theirs === undefined ? undefined : asList<GoalReview>(theirs)}
          label={text}
          value={asList<GoalReview>(value)}
          onChange={onChange}
          disabled={disabled}
        />
      );
    case 'agreements':
      return (
        <AgreementsEditor
          problem={message}
          label={text}
          value={asList<Agreement>(value)}
          onChange={onChange}
          disabled={disabled}
        />
      );
  }
}

/** An answer shown read-only, e.g. the employee's answer beside the manager's completion. */
export function AnswerView({ field, value }: { field: FieldDef; value: unknown }) {
  const i18n = useI18n();
  const styles = useStyles();
  const empty = <Text className={styles.muted}>{i18n.t('answer.none')}</Text>;
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return empty;
  switch (field.kind) {
    case 'text':
      return <Text className={styles.answer}>{String(value)}</Text>;
    case 'smiley':
      return <SmileyRating value={value as Smiley} />;
    case 'goals':
      return (
        <ul className={styles.list}>
          {asList<Goal>(value).map((g) => (
            <li key={g.id}>
              <Text weight="semibold">{g.title}</Text>
              {g.description ? <Text className={styles.answer}> — {g.description}</Text> : null}
            </li>
          ))}
        </ul>
      );
    case 'goal-review':
      return (
        <ul className={styles.list}>
          {asList<GoalReview>(value).map((r) => (
            <li key={r.goalId}>
              <Text weight="semibold">{r.title}</Text>
              {r.progress ? <Text className={styles.answer}> — {r.progress}</Text> : null}
              {r.course ? (
                <Text> ({i18n.t(r.course === 'adjust' ? 'review.adjust' : 'review.continue')})</Text>
              ) : null}
              {r.adjustment ? <Text className={styles.answer}> {r.adjustment}</Text> : null}
            </li>
          ))}
        </ul>
      );
    case 'agreements':
      return (
        <ul className={styles.list}>
          {asList<Agreement>(value).map((a) => (
            <li key={a.id}>
              <Text className={styles.answer}>{a.text}</Text>
              <Text>
                {' '}
                ({i18n.t(`agreements.owner.${a.owner}`)}
                {a.due ? `, ${i18n.date(a.due)}` : ''})
              </Text>
            </li>
          ))}
        </ul>
      );
  }
}

/** A plain-text rendering of an answer, for comparing versions line by line. */
export function answerLines(field: FieldDef, value: unknown, i18n: ReturnType<typeof useI18n>): string[] {
  if (value === undefined || value === '') return [];
  switch (field.kind) {
    case 'text':
      return String(value)
        .split('\n')
        .filter((line) => line.trim().length > 0);
    case 'smiley':
      return [smileyText(value as Smiley, (key) => i18n.t(key))];
    case 'goals':
      return asList<Goal>(value).map((g) => (g.description ? `${g.title} — ${g.description}` : g.title));
    case 'goal-review':
      return asList<GoalReview>(value).map((r) =>
        [
          r.title,
          r.progress,
          r.course ? i18n.t(r.course === 'adjust' ? 'review.adjust' : 'review.continue') : '',
          r.adjustment,
        ]
          .filter(Boolean)
          .join(' — '),
      );
    case 'agreements':
      return asList<Agreement>(value).map(
        (a) => `${a.text} (${i18n.t(`agreements.owner.${a.owner}`)}${a.due ? `, ${a.due}` : ''})`,
      );
  }
}
