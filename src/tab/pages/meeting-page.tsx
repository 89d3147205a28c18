/** Tijdens het gesprek: the manager's meeting page, her shared answers beside his notes and agreements. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { GoalReview } from '../../domain/answers.js';
import { meetingSections, type FieldDef, type FormatDef } from '../../domain/formats.js';
import type { ConversationView } from '../api/types.js';
import { AnswerView, FieldEditor } from '../components/answer-fields.js';
import { AutosaveChrome } from '../components/autosave-chrome.js';
import { ConfirmStep } from '../components/confirm-step.js';
import { problemMarks } from '../components/form-problems.js';
import { useStepResult } from '../components/step-result.js';
import { useSidePanel } from '../components/use-side-panel.js';
import { isAnswered } from '../../domain/required.js';
import type { SectionDef } from '../../domain/formats.js';
import type { Answers } from '../../domain/answers.js';
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
  // The side panel: one column, her answers compact, every section one tap away.
  panelPair: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  compactList: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  compactItem: {
    display: 'grid',
    // One width for her answer in every row, so the statements start on one line: sized to the answer, a row
    // with "Niet van toepassing" squeezed its statement into a third of the panel, beside wider ones.
    gridTemplateColumns: '6.5rem minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'start',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: 'anywhere',
  },
  compactText: { gridColumn: '1 / -1', fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  sectionNav: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    padding: 0,
    listStyle: 'none',
    fontSize: tokens.fontSizeBase200,
  },
  progress: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
  accordionHeader: { fontSize: tokens.fontSizeBase300 },
});

/** How many of a section's fields hold an answer. */
function progressOf(section: SectionDef, answers: Record<string, unknown>): { done: number; total: number } {
  const done = section.fields.filter((f) => isAnswered((answers as Answers)[f.id])).length;
  return { done, total: section.fields.length };
}

/** Moves to a section of the page: its heading comes into view and takes focus. */
function goTo(id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
  target.scrollIntoView({ block: 'start' });
}

/**
 * Her shared answers in the side panel: one closed row per section with how many she answered, opened to a compact
 * list of face and statement (a text answer under its question). Opening is the only step: nothing is repeated.
 */
function CompactPreparation({ format, view }: { format: FormatDef; view: ConversationView }) {
  const i18n = useI18n();
  const styles = useStyles();
  const answers = view.conversation.preparation;
  return (
    // The first topic open: the conversation starts there; the others one tap away.
    <Accordion
      multiple
      collapsible
      defaultOpenItems={format.preparation[0] ? [format.preparation[0].id] : []}
    >
      {format.preparation.map((section) => {
        const { done, total } = progressOf(section, answers);
        return (
          <AccordionItem key={section.id} value={section.id}>
            <AccordionHeader as="h4" size="small" className={styles.accordionHeader}>
              {i18n.text(section.title)}{' '}
              <Text className={styles.progress}>&nbsp;{i18n.t('panel.progress', { done, total })}</Text>
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.compactList}>
                {section.fields.map((field) => (
                  <li key={field.id} className={styles.compactItem}>
                    {field.kind === 'smiley' ? (
                      <>
                        <AnswerView field={field} value={answers[field.id]} />
                        <span>{i18n.text(field.label)}</span>
                      </>
                    ) : (
                      <>
                        <Text weight="semibold" className={styles.compactText}>
                          {i18n.text(field.label)}
                        </Text>
                        <span className={styles.compactText}>
                          <AnswerView field={field} value={answers[field.id]} />
                        </span>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}

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
  const { autosave, fieldFor, finish, problems, busy, error } = useConversationForm(
    view,
    onView,
    'completion',
    sections,
  );
  const sidePanel = useSidePanel();
  const [confirming, setConfirming] = useState(false);
  const step = useStepResult();
  const complete = async () => {
    const done = await finish({ type: 'complete-meeting' });
    setConfirming(false);
    // The result where he is: by the button he pressed, with the fields now read-only above it.
    if (done)
      step.show(
        `${i18n.t('meeting.completed')} ${i18n.t('meeting.locked')}`,
        i18n.t('result.toast.completed'),
        'meeting-locked',
      );
  };
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

  // A goal review starts from the employee's list of goals: her progress and course stand in his column (see
  // GoalReviewEditor's `theirs`), so he reacts to them instead of retyping them.
  const startValue = (field: FieldDef): unknown => {
    const own = autosave.values[field.id];
    if (own !== undefined || field.kind !== 'goal-review') return own;
    const employees = c.preparation[field.id];
    return Array.isArray(employees)
      ? (employees as GoalReview[]).map((r) => ({ goalId: r.goalId, title: r.title }))
      : undefined;
  };

  const renderPair = (field: FieldDef, problem: string | undefined) => {
    const review = field.kind === 'goal-review';
    const editor = (
      <FieldEditor
        field={field}
        value={startValue(field)}
        disabled={!editable}
        required={false}
        label={`${i18n.t('meeting.managerAnswer')}: ${i18n.text(field.label)}`}
        onChange={(value) => autosave.edit(field.id, value)}
        problem={problem}
        {...(review ? { theirs: c.preparation[field.id] ?? [] } : {})}
      />
    );
    // A goal review carries her answer inside his editor, per goal: not a second time beside it.
    if (review) return editor;
    return (
      <div className={sidePanel ? styles.panelPair : styles.pair}>
        <div className={styles.employee}>
          <Text className={styles.caption}>
            {i18n.t('meeting.employeeAnswer')} — {i18n.text(field.label)}
          </Text>
          <AnswerView field={field} value={c.preparation[field.id]} />
        </div>
        {editor}
      </div>
    );
  };

  // Vitality: "Aantekeningen van de leidinggevende" under each topic, named by its topic for screen readers.
  const topicOf = new Map(sections.flatMap((s) => s.fields.map((f) => [f.id, s.title] as const)));
  const renderNote = (field: FieldDef, problem: string | undefined) => {
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
        problem={problem}
      />
    );
  };

  const agreementsField = sections.flatMap((sec) => sec.fields).find((f) => f.kind === 'agreements');
  const agreementCount = agreementsField
    ? ((autosave.values[agreementsField.id] as unknown[] | undefined)?.length ?? 0)
    : 0;
  // The agreements always at hand in the side panel: a jump kept in view with the save status.
  const toAgreements =
    sidePanel && agreementsField ? (
      <Link as="button" onClick={() => goTo(`field-wrap-${agreementsField.id}`)} data-testid="to-agreements">
        {i18n.t('panel.toAgreements', { n: agreementCount })}
      </Link>
    ) : null;
  const showShared = ownSections && shared;
  const sectionNav = sidePanel ? (
    <nav aria-label={i18n.t('panel.sections')}>
      <ul className={styles.sectionNav}>
        {showShared ? (
          <li>
            <Link as="button" onClick={() => goTo('meeting-shared')}>
              {i18n.t('meeting.statements', { name: employeeName })}
            </Link>
          </li>
        ) : null}
        {sections.map((section) => {
          const { done, total } = progressOf(section, autosave.values);
          return (
            <li key={section.id}>
              <Link as="button" onClick={() => goTo(`section-${section.id}`)}>
                {i18n.text(section.title)}
              </Link>{' '}
              <span className={styles.progress}>{i18n.t('panel.progress', { done, total })}</span>
            </li>
          );
        })}
      </ul>
    </nav>
  ) : null;

  return (
    <div className={formStyles.stack}>
      {sidePanel ? null : <h2 className={formStyles.heading}>{i18n.t('meeting.title')}</h2>}
      <PreviousConversation view={view} />
      {!shared ? (
        // That she prepares, never what: her draft is hers until she shares it.
        <MessageBar intent="info" layout="multiline" data-testid="preparation-status">
          <MessageBarBody>
            {i18n.t(`prep.status.${view.preparationStatus}`, { name: employeeName })}{' '}
            {sidePanel ? null : i18n.t('prep.status.explain', { name: employeeName })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {!before && !step.result ? (
        <MessageBar intent="success" layout="multiline" data-testid="meeting-locked">
          <MessageBarBody>
            {i18n.t('meeting.completed')} {i18n.t('meeting.locked')}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {editable ? <AutosaveChrome autosave={autosave} fieldFor={fieldFor} extra={toAgreements} /> : null}
      {sectionNav}
      {showShared && sidePanel ? (
        <section aria-labelledby="meeting-shared">
          <h3 id="meeting-shared" className={formStyles.heading}>
            {i18n.t('meeting.statements', { name: employeeName })}
          </h3>
          <CompactPreparation format={format} view={view} />
        </section>
      ) : null}
      {showShared && !sidePanel ? (
        <SharedPreparation format={format} view={view} name={employeeName} />
      ) : null}
      {ownSections && !sidePanel ? <h2 className={formStyles.heading}>{i18n.t('meeting.notes')}</h2> : null}
      <FormatForm
        sections={sections}
        values={autosave.values}
        onEdit={autosave.edit}
        disabled={!editable}
        problems={problemMarks(problems, i18n)}
        renderField={(field, _editor, problem) =>
          ownSections ? renderNote(field, problem) : renderPair(field, problem)
        }
        after={
          <>
            <ProblemBar error={error} />
            {step.view}
            {editable && confirming ? (
              <ConfirmStep
                title={i18n.t('confirm.complete.title')}
                body={i18n.t('confirm.complete.body')}
                confirmLabel={i18n.t('confirm.complete.ok')}
                busy={busy}
                onConfirm={() => void complete()}
                onCancel={() => setConfirming(false)}
              />
            ) : null}
            {editable ? (
              <div className={formStyles.actions}>
                <Button
                  appearance="primary"
                  disabled={busy || confirming}
                  onClick={() => setConfirming(true)}
                >
                  {i18n.t('meeting.complete')}
                </Button>
              </div>
            ) : null}
            {step.toaster}
          </>
        }
      />
    </div>
  );
}
