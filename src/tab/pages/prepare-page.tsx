/** Voorbereiden: the employee's preparation form, and the form styles the conversation pages share. */
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { ConfirmStep } from '../components/confirm-step.js';
import { FormProblems, problemMarks } from '../components/form-problems.js';
import { useStepResult } from '../components/step-result.js';
import type { ConversationView } from '../api/types.js';
import type { Autosave } from '../autosave/use-autosave.js';
import { AutosaveChrome } from '../components/autosave-chrome.js';
import { FormatForm } from '../components/format-form.js';
import { PreviousConversation, useFollowUp } from '../components/previous-conversation.js';
import { ProblemBar } from '../components/problem-bar.js';
import { useI18n } from '../i18n/i18n.js';
import type { SectionProps } from './section-props.js';
import { useLiveView } from '../live/use-live-view.js';
import { useConversationForm } from './use-conversation-form.js';

export const useFormStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/** Voorbereiden: the employee fills in the format of this conversation type; every keystroke is kept. */
export function PreparePage({ view, onView }: SectionProps) {
  useLiveView(view, onView);
  const i18n = useI18n();
  const styles = useFormStyles();
  const format = view.format;
  // Two autosaving parts on one page (the look back on the previous agreements, and the format): each adopts
  // the revision the other's save returned, so neither sends on a revision that is already gone.
  const others = useRef<{ preparation?: Autosave; followUp?: Autosave }>({});
  const handOn = (next: ConversationView, to: Autosave | undefined) => {
    onView(next);
    if (to && next.conversation.revision > to.revision) to.adopt(next);
  };
  const { autosave, fieldFor, finish, check, problems, busy, error } = useConversationForm(
    view,
    (next) => handOn(next, others.current.followUp),
    'preparation',
    format.preparation,
  );
  const followUp = useFollowUp(view, (next) => handOn(next, others.current.preparation));
  others.current = { preparation: autosave, followUp };
  const [confirming, setConfirming] = useState(false);
  const step = useStepResult();
  const managerName = view.people.manager?.displayName ?? i18n.t('party.manager');
  // The look back on the agreements is part of the preparation: it is on the server before sharing locks it.
  const submit = async () => {
    if (!(await followUp.flushNow())) return setConfirming(false);
    const done = await finish({ type: 'submit-preparation' });
    setConfirming(false);
    if (done) step.show(i18n.t('prepare.submitted'), i18n.t('result.toast.shared'));
  };
  const stage = view.conversation.stage;
  const editable = view.party === 'employee' && (stage === 'planned' || stage === 'preparing');

  return (
    <div className={styles.stack}>
      <h2 className={styles.heading}>{i18n.t('prepare.title')}</h2>
      <PreviousConversation view={view} followUp={editable ? followUp : undefined} />
      <Text>{i18n.text(format.intro)}</Text>
      {format.type === 'vitaliteit' ? (
        <MessageBar intent="info">
          <MessageBarBody>{i18n.t('conv.privacy')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {editable ? (
        // True to what the server does: her manager sees only that she prepares until she shares it.
        <MessageBar intent="info" layout="multiline" data-testid="share-info">
          <MessageBarBody>{i18n.t('prepare.shareInfo')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {format.tip ? (
        <MessageBar intent="success" icon={null}>
          <MessageBarBody>{i18n.text(format.tip)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {view.party === 'employee' && stage === 'prepared' && !step.result ? (
        <MessageBar intent="success">
          <MessageBarBody>{i18n.t('prepare.submitted')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {!editable && view.party === 'employee' && stage !== 'prepared' ? (
        <MessageBar intent="info">
          <MessageBarBody>{i18n.t('conv.readOnly')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {editable ? <AutosaveChrome autosave={autosave} fieldFor={fieldFor} /> : null}
      <FormatForm
        sections={format.preparation}
        values={autosave.values}
        onEdit={autosave.edit}
        disabled={!editable}
        problems={problemMarks(problems, i18n)}
        before={<FormProblems problems={problems} />}
        after={
          <>
            <ProblemBar error={error} />
            {step.view}
            {editable && confirming ? (
              <ConfirmStep
                title={i18n.t('confirm.share.title')}
                body={i18n.t('confirm.share.body', { name: managerName })}
                confirmLabel={i18n.t('confirm.share.ok')}
                busy={busy}
                onConfirm={() => void submit()}
                onCancel={() => setConfirming(false)}
              />
            ) : null}
            {editable ? (
              <div className={styles.actions}>
                <Button
                  appearance="primary"
                  disabled={busy || confirming}
                  onClick={() => {
                    // What is missing is listed and marked first; sharing asks before it locks her answers.
                    if (check()) setConfirming(true);
                  }}
                >
                  {i18n.t('prepare.submit')}
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
