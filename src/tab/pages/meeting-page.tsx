import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { GoalReview } from '../../domain/answers.js';
import { meetingSections, type FieldDef, type FormatDef } from '../../domain/formats.js';
import type { ConversationView } from '../api/types.js';
import { AnswerView, FieldEditor } from '../components/answer-fields.js';
import { AutosaveChrome } from '../components/autosave-chrome.js';
import { FormatForm } from '../components/format-form.js';
import { PreviousConversation } from '../components/previous-conversation.js';
import { ProblemBar } from '../components/problem-bar.js';
import { useI18n } from '../i18n/i18n.js';
import { useFormStyles } from './prepare-page.js';
import type { SectionProps } from './section-props.js';
import { useLiveView } from '../live/use-live-view.js';
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
  shared: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusLarge,
    // A line around it too: in high contrast the background alone does not set her words apart.
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalM },
  },
  sectionTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  statements: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  statement: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/** Her preparation, read-only, as she shared it: her own statements with the face and words she chose. */
function SharedPreparation({
  format,
  view,
  name,
}: {
  format: FormatDef;
  view: ConversationView;
  name: string;
}) {
  const i18n = useI18n();
  const styles = useStyles();
  const formStyles = useFormStyles();
  const answers = view.conversation.preparation;
  return (
    <section className={styles.shared} aria-labelledby="meeting-shared">
      <h3 id="meeting-shared" className={formStyles.heading}>
        {i18n.t('meeting.statements', { name })}
      </h3>
      <Text>{i18n.t('meeting.statementsIntro', { name })}</Text>
      {format.preparation.map((section) => (
        <div key={section.id} className={styles.statement}>
          <h4 className={styles.sectionTitle}>{i18n.text(section.title)}</h4>
          <ul className={styles.statements}>
            {section.fields.map((field) => (
              <li key={field.id} className={styles.statement}>
                <Text className={styles.caption}>{i18n.text(field.label)}</Text>
                <AnswerView field={field} value={answers[field.id]} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/**
 * Tijdens het gesprek, for the manager. A Vitaliteitsgesprek: her shared statements read-only, and his notes per
 * topic and the agreements (`meetingSections`), never a rating of her statements. A Reflectiegesprek or Het Goede
 * Gesprek: he completes the same format beside her answers. Once the meeting is held, the fields are read-only.
 */
export function MeetingPage({ view, onView }: SectionProps) {
  useLiveView(view, onView);
  const i18n = useI18n();
  const styles = useStyles();
  const formStyles = useFormStyles();
  const format = view.format;
  const c = view.conversation;
  const sections = meetingSections(format);
  const ownSections = format.meeting !== undefined;
  const { autosave, fieldFor, finish, busy, error } = useConversationForm(
    view,
    onView,
    'completion',
    sections,
  );
  const isManager = view.party === 'manager';
  const before = ['planned', 'preparing', 'prepared'].includes(c.stage);
  // The server refuses changes once the meeting is held: what was said then stays as it was said.
  const editable = isManager && before;
  const employeeName = view.people.employee.displayName;
  const shared = view.preparationStatus === 'shared';

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

  const renderPair = (field: FieldDef) => (
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

  // Vitality: "Aantekeningen van de leidinggevende" under each topic, named by its topic for screen readers.
  const topicOf = new Map(sections.flatMap((s) => s.fields.map((f) => [f.id, s.title] as const)));
  const renderNote = (field: FieldDef) => {
    const topic = topicOf.get(field.id);
    const label = i18n.text(field.label);
    return (
      <FieldEditor
        field={field}
        value={autosave.values[field.id]}
        disabled={!editable}
        required={false}
        label={topic && field.kind === 'text' ? `${label} — ${i18n.text(topic)}` : label}
        onChange={(value) => autosave.edit(field.id, value)}
      />
    );
  };

  return (
    <div className={formStyles.stack}>
      <h2 className={formStyles.heading}>{i18n.t('meeting.title')}</h2>
      <PreviousConversation view={view} />
      {!shared ? (
        // That she prepares, never what: her draft is hers until she shares it.
        <MessageBar intent="info" layout="multiline" data-testid="preparation-status">
          <MessageBarBody>
            {i18n.t(`prep.status.${view.preparationStatus}`, { name: employeeName })}{' '}
            {i18n.t('prep.status.explain', { name: employeeName })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {!before ? (
        <MessageBar intent="success" layout="multiline" data-testid="meeting-locked">
          <MessageBarBody>
            {i18n.t('meeting.completed')} {i18n.t('meeting.locked')}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {ownSections && shared ? <SharedPreparation format={format} view={view} name={employeeName} /> : null}
      {ownSections ? <h2 className={formStyles.heading}>{i18n.t('meeting.notes')}</h2> : null}
      {editable ? <AutosaveChrome autosave={autosave} fieldFor={fieldFor} /> : null}
      <FormatForm
        sections={sections}
        values={autosave.values}
        onEdit={autosave.edit}
        disabled={!editable}
        renderField={(field) => (ownSections ? renderNote(field) : renderPair(field))}
        after={
          <>
            <ProblemBar error={error} />
            {editable ? (
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
