/** Editors for the lists in a format: goals, the review of earlier goals, and agreements (who, by when). */
import {
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import type { Agreement, Goal, GoalReview } from '../../domain/answers.js';
import { limits } from '../../domain/limits.js';
import { useI18n, type I18n } from '../i18n/i18n.js';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: '180px' },
  title: { fontWeight: tokens.fontWeightSemibold },
  label: { fontWeight: tokens.fontWeightSemibold },
  problem: { color: tokens.colorPaletteRedForeground1 },
  theirs: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  caption: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** The counter and, over the limit, the mark of one text in a list item: what the server accepts. */
function limitProps(i18n: I18n, text: string | undefined, max: number) {
  const count = (text ?? '').length;
  const over = count > max;
  const n = (value: number) => value.toLocaleString(i18n.locale);
  return {
    hint: i18n.t('form.count', { used: n(count), max: n(max) }),
    validationState: over ? ('error' as const) : ('none' as const),
    validationMessage: over ? i18n.t('form.tooLong', { max: n(max) }) : undefined,
  };
}

/** A short unique id for a new goal or agreement. */
export function newId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

interface ListProps<T> {
  value: T[];
  onChange(value: T[]): void;
  disabled?: boolean;
  /** Why the list cannot be submitted as it is, shown under its label. */
  problem?: string | undefined;
}

function Problem({ text }: { text: string | undefined }) {
  const styles = useStyles();
  return text ? <Text className={styles.problem}>{text}</Text> : null;
}

function replaceAt<T>(list: T[], index: number, item: T): T[] {
  return list.map((existing, i) => (i === index ? item : existing));
}

/**
 * What every list editor is around its items: a labelled group with the list's problem, a line when it is empty,
 * the items, and the add button unless the list is read-only.
 */
function ListFrame({
  label,
  problem,
  empty,
  addLabel,
  onAdd,
  disabled,
  children,
}: {
  label: string;
  problem: string | undefined;
  empty: string | undefined;
  addLabel: string;
  onAdd(): void;
  disabled: boolean | undefined;
  children: ReactNode;
}) {
  const styles = useStyles();
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId} className={styles.list}>
      <Text id={labelId} className={styles.label}>
        {label}
      </Text>
      <Problem text={problem} />
      {empty ? <Text>{empty}</Text> : null}
      <ul className={styles.list}>{children}</ul>
      {disabled ? null : (
        <div>
          <Button onClick={onAdd}>{addLabel}</Button>
        </div>
      )}
    </div>
  );
}

/** Goals of one part (Het Goede Gesprek): a title and an optional explanation each. */
export function GoalsEditor({
  value,
  onChange,
  disabled,
  label,
  problem,
}: ListProps<Goal> & { label: string }) {
  const i18n = useI18n();
  const styles = useStyles();
  const handleAdd = () => onChange([...value, { id: newId(), title: '' }]);
  return (
    <ListFrame
      label={label}
      problem={problem}
      empty={value.length === 0 ? i18n.t('goals.empty') : undefined}
      addLabel={i18n.t('goals.add')}
      onAdd={handleAdd}
      disabled={disabled}
    >
      {value.map((goal, index) => (
        <li key={goal.id} className={styles.item}>
          <Field
            label={`${i18n.t('goals.title')} ${index + 1}`}
            {...limitProps(i18n, goal.title, limits.titleLength)}
          >
            <Input
              value={goal.title}
              disabled={disabled}
              onChange={(_e, data) => onChange(replaceAt(value, index, { ...goal, title: data.value }))}
            />
          </Field>
          <Field
            label={i18n.t('goals.description')}
            {...limitProps(i18n, goal.description, limits.textLength)}
          >
            <Textarea
              value={goal.description ?? ''}
              disabled={disabled}
              resize="vertical"
              onChange={(_e, data) => onChange(replaceAt(value, index, { ...goal, description: data.value }))}
            />
          </Field>
          {disabled ? null : (
            <div>
              <Button
                aria-label={`${i18n.t('goals.remove')} ${index + 1}`}
                onClick={() => onChange(value.filter((_, i) => i !== index))}
              >
                {i18n.t('goals.remove')}
              </Button>
            </div>
          )}
        </li>
      ))}
    </ListFrame>
  );
}

/** Each earlier goal with progress and the choice to continue or adjust the course (Reflectiegesprek). */
export function GoalReviewEditor({
  value,
  onChange,
  disabled,
  label,
  problem,
  theirs,
}: ListProps<GoalReview> & {
  label: string;
  /**
   * The employee's review of the same goals: the manager reads her progress and course per goal and reacts to
   * them (his note in `progress`, a course of his own only when he sees it differently), instead of retyping them.
   */
  theirs?: GoalReview[] | undefined;
}) {
  const i18n = useI18n();
  const styles = useStyles();
  // Goals added by hand get a marker, so their title stays editable.
  const handleAdd = () => onChange([...value, { goalId: `hand-${newId()}`, title: '' }]);
  return (
    <ListFrame
      label={label}
      problem={problem}
      empty={value.length === 0 ? i18n.t('review.empty') : undefined}
      addLabel={i18n.t('review.addGoal')}
      onAdd={handleAdd}
      disabled={disabled}
    >
      {value.map((review, index) => (
        <li key={review.goalId} className={styles.item}>
          {review.title && !review.goalId.startsWith('hand-') ? (
            <Text className={styles.title}>{review.title}</Text>
          ) : (
            <Field label={i18n.t('review.goalTitle')}>
              <Input
                value={review.title}
                disabled={disabled}
                onChange={(_e, data) => onChange(replaceAt(value, index, { ...review, title: data.value }))}
              />
            </Field>
          )}
          {theirs ? <TheirReview review={theirs.find((r) => r.goalId === review.goalId)} /> : null}
          <Field
            label={`${i18n.t(theirs ? 'review.managerNote' : 'review.progress')}: ${review.title}`}
            {...limitProps(i18n, review.progress, limits.textLength)}
          >
            <Textarea
              value={review.progress ?? ''}
              disabled={disabled}
              resize="vertical"
              onChange={(_e, data) => onChange(replaceAt(value, index, { ...review, progress: data.value }))}
            />
          </Field>
          <Field label={`${i18n.t(theirs ? 'review.managerCourse' : 'review.course')}: ${review.title}`}>
            <RadioGroup
              layout="horizontal"
              value={review.course ?? ''}
              disabled={disabled}
              onChange={(_e, data) =>
                onChange(
                  replaceAt(value, index, {
                    ...review,
                    course: data.value === 'adjust' ? 'adjust' : 'continue',
                  }),
                )
              }
            >
              <Radio value="continue" label={i18n.t('review.continue')} />
              <Radio value="adjust" label={i18n.t('review.adjust')} />
            </RadioGroup>
          </Field>
          {review.course === 'adjust' ? (
            <Field
              label={i18n.t('review.adjustment')}
              {...limitProps(i18n, review.adjustment, limits.textLength)}
            >
              <Textarea
                value={review.adjustment ?? ''}
                disabled={disabled}
                resize="vertical"
                onChange={(_e, data) =>
                  onChange(replaceAt(value, index, { ...review, adjustment: data.value }))
                }
              />
            </Field>
          ) : null}
        </li>
      ))}
    </ListFrame>
  );
}

/** Her progress and course on one goal, read-only, in the manager's column. */
function TheirReview({ review }: { review: GoalReview | undefined }) {
  const i18n = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.theirs} data-testid="employee-review">
      <Text className={styles.caption}>{i18n.t('review.employeeSaid')}</Text>
      <Text>
        <Text weight="semibold">{i18n.t('review.progress')}: </Text>
        {review?.progress?.trim() ? review.progress : i18n.t('answer.none')}
      </Text>
      <Text>
        <Text weight="semibold">{i18n.t('review.course')}: </Text>
        {review?.course
          ? i18n.t(review.course === 'adjust' ? 'review.adjust' : 'review.continue')
          : i18n.t('answer.none')}
        {review?.course === 'adjust' && review.adjustment ? ` — ${review.adjustment}` : ''}
      </Text>
    </div>
  );
}

const owners: Agreement['owner'][] = ['employee', 'manager', 'both'];

/** Concrete agreements: what, who and by when. */
export function AgreementsEditor({
  value,
  onChange,
  disabled,
  label,
  problem,
}: ListProps<Agreement> & { label: string }) {
  const i18n = useI18n();
  const styles = useStyles();
  const handleAdd = () => onChange([...value, { id: newId(), text: '', owner: 'employee' }]);
  return (
    <ListFrame
      label={label}
      problem={problem}
      empty={value.length === 0 ? i18n.t('agreements.empty') : undefined}
      addLabel={i18n.t('agreements.add')}
      onAdd={handleAdd}
      disabled={disabled}
    >
      {value.map((agreement, index) => (
        <li key={agreement.id} className={styles.item}>
          <Field
            label={`${i18n.t('agreements.text')} ${index + 1}`}
            {...limitProps(i18n, agreement.text, limits.titleLength)}
          >
            <Textarea
              value={agreement.text}
              disabled={disabled}
              resize="vertical"
              onChange={(_e, data) => onChange(replaceAt(value, index, { ...agreement, text: data.value }))}
            />
          </Field>
          <div className={styles.row}>
            <Field label={i18n.t('agreements.owner')} className={styles.grow}>
              <Select
                value={agreement.owner}
                disabled={disabled}
                onChange={(_e, data) =>
                  onChange(replaceAt(value, index, { ...agreement, owner: data.value as Agreement['owner'] }))
                }
              >
                {owners.map((owner) => (
                  <option key={owner} value={owner}>
                    {i18n.t(`agreements.owner.${owner}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={i18n.t('agreements.due')} className={styles.grow}>
              <Input
                type="date"
                value={agreement.due ?? ''}
                disabled={disabled}
                onChange={(_e, data) => {
                  const { due: _due, ...rest } = agreement;
                  onChange(replaceAt(value, index, data.value ? { ...rest, due: data.value } : rest));
                }}
              />
            </Field>
            {disabled ? null : (
              <Button
                aria-label={`${i18n.t('agreements.remove')} ${index + 1}`}
                onClick={() => onChange(value.filter((_, i) => i !== index))}
              >
                {i18n.t('agreements.remove')}
              </Button>
            )}
          </div>
        </li>
      ))}
    </ListFrame>
  );
}
