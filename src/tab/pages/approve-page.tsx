/** Jouw reactie: the signing page, with who chose what and the choices the viewer has now. */
import {
  Button,
  Field,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { DecisionKind } from '../../domain/conversation.js';
import { useApp } from '../app-context.js';
import { ConfirmStep } from '../components/confirm-step.js';
import { ProblemBar } from '../components/problem-bar.js';
import { SignatureBlock, WayOut } from '../components/signature-block.js';
import { useStepResult } from '../components/step-result.js';
import { VersionReport } from '../components/version-report.js';
import { useI18n } from '../i18n/i18n.js';
import { commentLength } from './comment-limits.js';
import { useFormStyles } from './prepare-page.js';
import type { SectionProps } from './section-props.js';
import { useLiveView } from '../live/use-live-view.js';

const useStyles = makeStyles({
  document: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalM },
  },
  remark: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontStyle: 'italic' },
});

/** Why a remark or comment cannot be sent yet, or undefined when it can. */
export function commentProblem(
  decision: DecisionKind | '',
  comment: string,
): 'approve.remarkRequired' | 'approve.commentRequired' | 'approve.tooLong' | undefined {
  if (decision !== 'voor_gezien' && decision !== 'niet_akkoord') return undefined;
  // Spaces alone are no remark: the server refuses them too, and the document would show nothing.
  if (comment.trim().length === 0)
    return decision === 'voor_gezien' ? 'approve.remarkRequired' : 'approve.commentRequired';
  if (comment.trim().length > commentLength) return 'approve.tooLong';
  return undefined;
}

/**
 * Ondertekening: the offered version, who chose what on it (and on the earlier versions), and — only when the
 * server says it is this viewer's turn (`view.choices`) — their reaction: akkoord (for the vitality manager:
 * medeondertekenen), voor gezien with a remark, or niet akkoord with a comment. Each asks first and says what
 * happens next.
 */
export function ApprovePage({ view, onView }: SectionProps) {
  useLiveView(view, onView);
  const { api, me } = useApp();
  const i18n = useI18n();
  const styles = useStyles();
  const formStyles = useFormStyles();
  const c = view.conversation;
  const version = c.versions.at(-1);
  const [decision, setDecision] = useState<DecisionKind | ''>('');
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const step = useStepResult();

  if (!version) {
    return <Text>{i18n.t('approve.noVersion')}</Text>;
  }

  const vitality = c.type === 'vitaliteit';
  const options = view.choices;
  const needsComment = decision === 'voor_gezien' || decision === 'niet_akkoord';
  const problem = commentProblem(decision, comment);

  const send = async () => {
    if (!decision || problem) return;
    setBusy(true);
    setError(undefined);
    try {
      const next = await api.action(c.id, c.revision, {
        type: 'decide',
        version: version.number,
        decision,
        ...(needsComment ? { comment: comment.trim() } : {}),
      });
      setConfirming(false);
      onView(next);
      // The result where she is, in place of the form she sent, with focus on it (as every step shows it).
      step.show(i18n.t('approve.done', { version: version.number }), i18n.t('result.toast.decided'));
    } catch (reason) {
      setConfirming(false);
      setError(reason);
    } finally {
      setBusy(false);
    }
  };

  const handleSubmit = () => {
    setTouched(true);
    if (!decision || problem) return;
    // A reaction cannot be taken back: each asks first, saying what happens next (voor gezien makes the
    // document final with her remark; niet akkoord sends it back; akkoord or co-signing may make it final).
    setConfirming(true);
  };

  // Who writes the next version after niet akkoord, and who else still signs.
  const authorName = (vitality ? view.people.employee.displayName : view.people.manager?.displayName) ?? '';
  const otherName =
    (view.party === 'employee' ? view.people.manager?.displayName : view.people.employee.displayName) ?? '';
  // The manager who wrote the final format and sends it back writes the next version himself.
  const ownDocument = !vitality && view.party === 'manager';
  const confirmKind =
    decision === 'akkoord' && vitality
      ? 'cosign'
      : decision === 'niet_akkoord' && ownDocument
        ? 'niet_akkoord_own'
        : decision || 'akkoord';

  const optionLabel = (option: DecisionKind) =>
    vitality && option === 'akkoord'
      ? `${i18n.t('approve.cosign')} — ${i18n.t('approve.cosignHelp')}`
      : `${i18n.t(`approve.${option}`)} — ${i18n.t(`approve.${option}Help`)}`;

  const confirmText = (
    <>
      <Text block>
        {confirmKind === 'voor_gezien'
          ? i18n.t('approve.voor_gezienExplain')
          : i18n.t(`approve.confirm.${confirmKind}.body`, {
              version: version.number,
              author: authorName,
              other: otherName,
            })}
      </Text>
      {needsComment ? (
        <Text block className={styles.remark}>
          “{comment.trim()}”
        </Text>
      ) : null}
    </>
  );
  const confirmTitle =
    confirmKind === 'voor_gezien'
      ? i18n.t('approve.confirmTitle')
      : i18n.t(`approve.confirm.${confirmKind}.title`);
  const confirmLabel =
    confirmKind === 'voor_gezien'
      ? i18n.t('approve.confirmVoorGezien')
      : i18n.t(`approve.confirm.${confirmKind}.ok`);

  return (
    <div className={formStyles.stack}>
      <h2 className={formStyles.heading}>{i18n.t('approve.title')}</h2>
      <WayOut view={view} />
      <section className={styles.document} aria-labelledby="approve-version">
        <h3 id="approve-version" className={formStyles.heading}>
          {i18n.text(view.format.report.title)} — {i18n.t('approve.version', { version: version.number })}
        </h3>
        <VersionReport format={view.format} version={version} />
      </section>
      <SignatureBlock view={view} viewerId={me.user.id} history />
      {step.view}
      {options.length > 0 ? (
        <form
          className={formStyles.stack}
          aria-label={i18n.t('approve.choice')}
          onSubmit={(event) => {
            event.preventDefault();
            handleSubmit();
          }}
        >
          <Field
            label={i18n.t('approve.choice')}
            required
            validationMessage={touched && !decision ? i18n.t('approve.choiceRequired') : undefined}
          >
            <RadioGroup
              value={decision}
              disabled={confirming}
              onChange={(_e, data) => {
                setDecision(data.value as DecisionKind);
                setConfirming(false);
              }}
            >
              {options.map((option) => (
                <Radio key={option} value={option} label={optionLabel(option)} />
              ))}
            </RadioGroup>
          </Field>
          {needsComment ? (
            <Field
              label={decision === 'voor_gezien' ? i18n.t('approve.remark') : i18n.t('approve.comment')}
              required
              hint={i18n.t('approve.counter', {
                length: comment.trim().length.toLocaleString(i18n.locale),
                max: commentLength.toLocaleString(i18n.locale),
              })}
              validationMessage={
                touched && problem
                  ? i18n.t(problem, { max: commentLength.toLocaleString(i18n.locale) })
                  : undefined
              }
            >
              <Textarea
                value={comment}
                resize="vertical"
                disabled={confirming}
                onChange={(_e, data) => setComment(data.value)}
              />
            </Field>
          ) : null}
          <ProblemBar error={error} />
          {confirming ? (
            // A dialog at full width, inline in the side panel (Teams allows no modal there): as every step asks.
            <ConfirmStep
              title={confirmTitle}
              body={confirmText}
              confirmLabel={confirmLabel}
              busy={busy}
              onConfirm={() => void send()}
              onCancel={() => setConfirming(false)}
            />
          ) : (
            <div className={formStyles.actions}>
              <Button appearance="primary" type="submit" disabled={busy}>
                {i18n.t('approve.submit')}
              </Button>
            </div>
          )}
        </form>
      ) : (
        <ProblemBar error={error} />
      )}
      {step.toaster}
    </div>
  );
}
