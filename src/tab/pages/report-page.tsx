/** Verslag: the vitality report or the final format, with its agreements and what changed since a return. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { GoalReview } from '../../domain/answers.js';
import { fieldsOf, meetingSections, type FormatDef } from '../../domain/formats.js';
import type { ConversationView } from '../api/types.js';
import { ConfirmStep } from '../components/confirm-step.js';
import { FormProblems, problemMarks } from '../components/form-problems.js';
import { useStepResult } from '../components/step-result.js';
import { useApp } from '../app-context.js';
import { AnswerView, answerLines } from '../components/answer-fields.js';
import { AutosaveChrome } from '../components/autosave-chrome.js';
import { FormatForm } from '../components/format-form.js';
import { diffLines } from '../components/line-diff.js';
import { ProblemBar } from '../components/problem-bar.js';
import { SignatureBlock, WayOut } from '../components/signature-block.js';
import { useI18n } from '../i18n/i18n.js';
import { useFormStyles } from './prepare-page.js';
import type { SectionProps } from './section-props.js';
import { useLiveView } from '../live/use-live-view.js';
import { useConversationForm } from './use-conversation-form.js';

const useStyles = makeStyles({
  diff: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  added: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
  removed: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorNeutralForeground1,
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
  fieldLabel: { fontWeight: tokens.fontWeightSemibold },
  goal: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    marginBottom: tokens.spacingVerticalS,
    overflowWrap: 'anywhere',
  },
  readField: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalM,
  },
});

const asReviews = (value: unknown): GoalReview[] => (Array.isArray(value) ? (value as GoalReview[]) : []);

/**
 * The goals of a Reflectiegesprek in the final format: per goal her progress and course, and the manager's
 * response to them (his `progress` in the completion, the field the PDF prints as his addition per goal).
 */
function GoalNotes({ format, view }: { format: FormatDef; view: ConversationView }) {
  const i18n = useI18n();
  const styles = useStyles();
  const formStyles = useFormStyles();
  const c = view.conversation;
  const fields = fieldsOf(format.preparation).filter((f) => f.kind === 'goal-review');
  const goals = fields.flatMap((field) => {
    const theirs = asReviews(c.preparation[field.id]);
    const his = new Map(asReviews(c.completion[field.id]).map((r) => [r.goalId, r]));
    return theirs.map((review) => ({ field, review, note: his.get(review.goalId) }));
  });
  if (goals.length === 0) return null;
  const course = (r: GoalReview | undefined) =>
    r?.course ? i18n.t(r.course === 'adjust' ? 'review.adjust' : 'review.continue') : i18n.t('answer.none');
  return (
    <section aria-labelledby="report-goals" data-testid="goal-notes">
      <h3 id="report-goals" className={formStyles.heading}>
        {i18n.t('report.goalNotes')}
      </h3>
      {goals.map(({ review, note }) => (
        <div key={review.goalId} className={styles.goal}>
          <Text weight="semibold">{review.title}</Text>
          <Text>
            {i18n.t('party.employee')} — {i18n.t('review.progress')}:{' '}
            {review.progress?.trim() ? review.progress : i18n.t('answer.none')}; {i18n.t('review.course')}:{' '}
            {course(review)}
            {review.course === 'adjust' && review.adjustment ? ` (${review.adjustment})` : ''}
          </Text>
          {note?.progress?.trim() || note?.course ? (
            <Text>
              {i18n.t('meeting.managerAnswer')}: {note.progress?.trim() ?? ''}
              {note.course ? ` — ${i18n.t('review.course')}: ${course(note)}` : ''}
            </Text>
          ) : null}
        </div>
      ))}
    </section>
  );
}

/**
 * Verslag: the employee's vitality report, or the manager's final format of a reflection, with the agreements.
 * After "niet akkoord" it shows the comment and what changed since the rejected version.
 */
export function ReportPage({ view, onView }: SectionProps) {
  useLiveView(view, onView);
  const i18n = useI18n();
  const styles = useStyles();
  const formStyles = useFormStyles();
  const format = view.format;
  const c = view.conversation;
  const { autosave, fieldFor, finish, check, problems, busy, error } = useConversationForm(
    view,
    onView,
    'report',
    format.report.sections,
  );
  const [confirming, setConfirming] = useState(false);
  const step = useStepResult();
  const { me } = useApp();
  const author = format.report.author;
  const isAuthor = view.party === author;
  const editable = isAuthor && c.stage === 'held';
  const vitality = c.type === 'vitaliteit';
  const nameOfParty = (party: 'employee' | 'manager') =>
    (party === 'employee' ? view.people.employee : view.people.manager)?.displayName ??
    i18n.t(`party.${party}`);
  const authorName = nameOfParty(author);
  const otherName = nameOfParty(author === 'employee' ? 'manager' : 'employee');
  const offer = async () => {
    const done = await finish({ type: 'submit-report' });
    setConfirming(false);
    if (done)
      step.show(
        i18n.t(vitality ? 'report.submittedVitality' : 'report.submitted', {
          version: c.versions.length + 1,
        }),
        i18n.t('result.toast.offered', { version: c.versions.length + 1 }),
      );
  };
  const lastVersion = c.versions.at(-1);
  const rejection = lastVersion
    ? c.decisions.find((d) => d.version === lastVersion.number && d.decision === 'niet_akkoord')
    : undefined;
  // Who sent the version back, said to the reader: "je" for their own action (LANGUAGE.md 16).
  const rejectionText = (() => {
    if (!rejection || !lastVersion) return '';
    const version = lastVersion.number;
    const mine = rejection.actorId === me.user.id;
    if (isAuthor)
      return mine
        ? i18n.t('report.returnedOwn', { version })
        : i18n.t('report.returnedToYou', {
            name: nameOfParty(rejection.party === 'employee' ? 'employee' : 'manager'),
            version,
          });
    const authorPhrase =
      view.party === 'employee' && author === 'manager' ? i18n.t('report.yourManager') : authorName;
    return mine
      ? i18n.t('report.returnedByYou', { version, author: authorPhrase })
      : i18n.t('report.returnedOther', {
          name: nameOfParty(rejection.party === 'employee' ? 'employee' : 'manager'),
          version,
          author: authorPhrase,
        });
  })();
  const offeredText = (() => {
    if (!lastVersion) return '';
    const version = lastVersion.number;
    if (isAuthor) return i18n.t(vitality ? 'report.submittedVitality' : 'report.submitted', { version });
    return i18n.t(vitality ? 'report.submittedOtherVitality' : 'report.submittedOther', {
      name: authorName,
      version,
    });
  })();
  // The non-author sees offered versions only (an unoffered draft stays the author's).
  const shownReport = isAuthor ? c.report : (lastVersion?.content.report ?? {});

  const reportFields = fieldsOf(format.report.sections);
  const changes =
    rejection && lastVersion && c.stage === 'held'
      ? reportFields.map((field) => ({
          field,
          lines: diffLines(
            answerLines(field, lastVersion.content.report[field.id], i18n),
            answerLines(field, autosave.values[field.id], i18n),
          ),
        }))
      : [];
  const changed = changes.filter((entry) => entry.lines.some((l) => l.kind !== 'same'));

  return (
    <div className={formStyles.stack}>
      <h2 className={formStyles.heading}>{i18n.text(format.report.title)}</h2>
      {rejection && lastVersion && c.stage === 'held' ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{rejectionText}</MessageBarTitle>
            {rejection.comment}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <WayOut view={view} />
      {c.stage === 'held' && !isAuthor ? (
        <MessageBar intent="info">
          <MessageBarBody>
            {i18n.t(vitality ? 'report.waitForAuthor' : 'report.waitForAuthorFormat', { name: authorName })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {c.type === 'reflectie' ? <GoalNotes format={format} view={view} /> : null}
      {c.stage === 'awaiting_approval' && lastVersion && !step.result ? (
        <MessageBar intent={isAuthor ? 'success' : 'info'}>
          <MessageBarBody>{offeredText}</MessageBarBody>
        </MessageBar>
      ) : null}
      {editable ? <AutosaveChrome autosave={autosave} fieldFor={fieldFor} /> : null}
      {editable ? (
        <FormatForm
          sections={format.report.sections}
          values={autosave.values}
          onEdit={autosave.edit}
          problems={problemMarks(problems, i18n)}
          before={<FormProblems problems={problems} />}
        />
      ) : c.stage === 'held' && !isAuthor && !lastVersion ? null : (
        <div>
          {reportFields.map((field) => (
            <div key={field.id} className={styles.readField}>
              <Text className={styles.fieldLabel}>{i18n.text(field.label)}</Text>
              <AnswerView field={field} value={shownReport[field.id]} />
            </div>
          ))}
        </div>
      )}
      {lastVersion && c.stage !== 'held' ? <SignatureBlock view={view} viewerId={me.user.id} /> : null}
      {rejection && lastVersion && c.stage === 'held' ? (
        <section aria-labelledby="report-diff">
          <h3 id="report-diff" className={formStyles.heading}>
            {i18n.t('report.diffTitle', { version: lastVersion.number })}
          </h3>
          {changed.length === 0 ? <Text>{i18n.t('report.diffNone')}</Text> : null}
          {changed.map(({ field, lines }) => (
            <div key={field.id} className={styles.readField}>
              <Text className={styles.fieldLabel}>{i18n.text(field.label)}</Text>
              <ul className={styles.diff}>
                {lines.map((line, index) =>
                  line.kind === 'same' ? (
                    <li key={index}>{line.text}</li>
                  ) : line.kind === 'added' ? (
                    <li key={index}>
                      <ins className={styles.added}>
                        + {i18n.t('report.diffAdded')}: {line.text}
                      </ins>
                    </li>
                  ) : (
                    <li key={index}>
                      <del className={styles.removed}>
                        − {i18n.t('report.diffRemoved')}: {line.text}
                      </del>
                    </li>
                  ),
                )}
              </ul>
            </div>
          ))}
        </section>
      ) : null}
      <ProblemBar error={error} />
      {step.view}
      {editable && confirming ? (
        <ConfirmStep
          title={i18n.t('confirm.offer.title')}
          body={i18n.t(vitality ? 'confirm.offer.bodyVitality' : 'confirm.offer.body', { name: otherName })}
          confirmLabel={i18n.t('confirm.offer.ok')}
          busy={busy}
          onConfirm={() => void offer()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
      {editable ? (
        <div className={formStyles.actions}>
          <Button
            appearance="primary"
            disabled={busy || confirming}
            onClick={() => {
              if (check()) setConfirming(true);
            }}
          >
            {i18n.t(vitality ? 'report.submitVitality' : 'report.submit')}
          </Button>
        </div>
      ) : null}
      {step.toaster}
      <Accordion collapsible>
        <AccordionItem value="context">
          <AccordionHeader as="h3">
            {i18n.t(format.meeting ? 'report.contextVitality' : 'report.context')}
          </AccordionHeader>
          <AccordionPanel>
            {format.meeting ? (
              // Vitality: her preparation, then the manager's notes per topic and the agreements.
              <>
                {fieldsOf(format.preparation).map((field) => (
                  <div key={field.id} className={styles.readField}>
                    <Text className={styles.fieldLabel}>{i18n.text(field.label)}</Text>
                    <AnswerView field={field} value={c.preparation[field.id]} />
                  </div>
                ))}
                {meetingSections(format).map((section) =>
                  section.fields.map((field) => (
                    <div key={field.id} className={styles.readField}>
                      <Text className={styles.fieldLabel}>
                        {i18n.text(section.title)} — {i18n.text(field.label)}
                      </Text>
                      <AnswerView field={field} value={c.completion[field.id]} />
                    </div>
                  )),
                )}
              </>
            ) : (
              fieldsOf(format.preparation).map((field) => (
                <div key={field.id} className={styles.readField}>
                  <Text className={styles.fieldLabel}>{i18n.text(field.label)}</Text>
                  <Text size={200}>{i18n.t('party.employee')}:</Text>
                  <AnswerView field={field} value={c.preparation[field.id]} />
                  <Text size={200}>{i18n.t('party.manager')}:</Text>
                  <AnswerView field={field} value={c.completion[field.id]} />
                </div>
              ))
            )}
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
}
