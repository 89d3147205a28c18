import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { GoalReview } from '../../domain/answers.js';
import type { FieldDef } from '../../domain/formats.js';
import { AnswerView, FieldEditor } from '../components/answer-fields.js';
import { AutosaveChrome } from '../components/autosave-chrome.js';
import { FormatForm } from '../components/format-form.js';
import { ProblemBar } from '../components/problem-bar.js';
import { useI18n } from '../i18n/i18n.js';
import { useFormStyles } from './prepare-page.js';
import type { SectionProps } from './section-props.js';
import { useConversationForm } from './use-conversation-form.js';

const useStyles = makeStyles({
  pair: {
    display: 'grid',
    // Side by side on a desktop, stacked in the 320 px meeting side panel.
    gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  employee: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    minWidth: 0,
  },
  caption: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** Tijdens het gesprek: the manager completes the same format beside the employee's answers. */
export function MeetingPage({ view, onView }: SectionProps) {
  const i18n = useI18n();
  const styles = useStyles();
  const formStyles = useFormStyles();
  const format = view.format;
  const c = view.conversation;
  const { autosave, fieldFor, finish, busy, error } = useConversationForm(
    view,
    onView,
    'completion',
    format.preparation,
  );
  const isManager = view.party === 'manager';
  const editable = isManager && ['planned', 'preparing', 'prepared', 'held'].includes(c.stage);
  const canComplete = isManager && ['planned', 'preparing', 'prepared'].includes(c.stage);

  if (!isManager) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{i18n.t('conv.notForYou')}</MessageBarBody>
      </MessageBar>
    );
  }

  // A goal review starts from the employee's list of goals, so the manager only adds their view.
  const startValue = (field: FieldDef): unknown => {
    const own = autosave.values[field.id];
    if (own !== undefined || field.kind !== 'goal-review') return own;
    const employees = c.preparation[field.id];
    return Array.isArray(employees)
      ? (employees as GoalReview[]).map((r) => ({ goalId: r.goalId, title: r.title }))
      : undefined;
  };

  const renderField = (field: FieldDef) => (
    <div className={styles.pair}>
      <div className={styles.employee}>
        <Text className={styles.caption}>
          {i18n.t('meeting.employeeAnswer')} — {i18n.text(field.label)}
        </Text>
        <AnswerView field={field} value={c.preparation[field.id]} />
      </div>
      <FieldEditor
        field={field}
        value={startValue(field)}
        disabled={!editable}
        required={false}
        label={`${i18n.t('meeting.managerAnswer')}: ${i18n.text(field.label)}`}
        onChange={(value) => autosave.edit(field.id, value)}
      />
    </div>
  );

  return (
    <div className={formStyles.stack}>
      <h2 className={formStyles.heading}>{i18n.t('meeting.title')}</h2>
      {c.stage === 'planned' || c.stage === 'preparing' ? (
        <MessageBar intent="info">
          <MessageBarBody>{i18n.t('meeting.notPrepared')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {!canComplete && editable ? (
        <MessageBar intent="success">
          <MessageBarBody>{i18n.t('meeting.completed')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {editable ? <AutosaveChrome autosave={autosave} fieldFor={fieldFor} /> : null}
      <FormatForm
        sections={format.preparation}
        values={autosave.values}
        onEdit={autosave.edit}
        disabled={!editable}
        renderField={(field) => renderField(field)}
        after={
          <>
            <ProblemBar error={error} />
            {canComplete ? (
              <div className={formStyles.actions}>
                <Button
                  appearance="primary"
                  disabled={busy}
                  onClick={() => void finish({ type: 'complete-meeting' })}
                >
                  {i18n.t('meeting.complete')}
                </Button>
              </div>
            ) : null}
          </>
        }
      />
    </div>
  );
}
