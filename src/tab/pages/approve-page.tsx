import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
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
import { VersionReport } from '../components/version-report.js';
import { ProblemBar } from '../components/problem-bar.js';
import { useI18n } from '../i18n/i18n.js';
import { useFormStyles } from './prepare-page.js';
import type { SectionProps } from './section-props.js';

const useStyles = makeStyles({
  document: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** Akkoord: decide on the current version — akkoord, voor gezien with a remark, or niet akkoord with a comment. */
export function ApprovePage({ view, onView }: SectionProps) {
  const { api } = useApp();
  const i18n = useI18n();
  const styles = useStyles();
  const formStyles = useFormStyles();
  const c = view.conversation;
  const version = c.versions.at(-1);
  const [decision, setDecision] = useState<DecisionKind | ''>('');
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  if (!version) {
    return <Text>{i18n.t('approve.noVersion')}</Text>;
  }

  const options: DecisionKind[] =
    view.party === 'employee' ? ['akkoord', 'voor_gezien', 'niet_akkoord'] : ['akkoord', 'niet_akkoord'];
  const needsComment = decision === 'voor_gezien' || decision === 'niet_akkoord';
  const commentMissing = needsComment && comment.trim().length === 0;
  const canDecide = view.nextStep === 'decide' && c.stage === 'awaiting_approval';
  const decisions = c.decisions.filter((d) => d.version === version.number);

  const handleSubmit = async () => {
    setTouched(true);
    if (!decision || commentMissing) return;
    setBusy(true);
    setError(undefined);
    try {
      const next = await api.action(c.id, c.revision, {
        type: 'decide',
        version: version.number,
        decision,
        ...(needsComment ? { comment: comment.trim() } : {}),
      });
      setDone(true);
      onView(next);
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  };

  const partyName = (party: 'employee' | 'manager') =>
    (party === 'employee' ? view.people.employee : view.people.manager)?.displayName ??
    i18n.t(`party.${party}`);

  return (
    <div className={formStyles.stack}>
      <h2 className={formStyles.heading}>{i18n.t('approve.title')}</h2>
      <section className={styles.document} aria-labelledby="approve-version">
        <h3 id="approve-version" className={formStyles.heading}>
          {i18n.text(view.format.report.title)} — {i18n.t('approve.version', { version: version.number })}
        </h3>
        <VersionReport format={view.format} version={version} />
      </section>
      <section aria-labelledby="approve-decisions">
        <h3 id="approve-decisions" className={formStyles.heading}>
          {i18n.t('approve.decisions')}
        </h3>
        <ul className={styles.list}>
          {(['employee', 'manager'] as const).map((party) => {
            const d = decisions.find((x) => x.party === party);
            return (
              <li key={party}>
                {d
                  ? i18n.t('approve.decidedBy', {
                      party: partyName(party),
                      decision: i18n.t(`decision.${d.decision}`),
                      date: i18n.date(d.at),
                    })
                  : i18n.t('approve.pending', { party: partyName(party) })}
                {d?.comment ? ` — “${d.comment}”` : ''}
              </li>
            );
          })}
        </ul>
      </section>
      {done ? (
        <MessageBar intent="success">
          <MessageBarBody>{i18n.t('approve.done', { version: version.number })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {canDecide ? (
        <form
          className={formStyles.stack}
          onSubmit={(event) => {
            event.preventDefault();
            void handleSubmit();
          }}
        >
          <Field
            label={i18n.t('approve.choice')}
            required
            validationMessage={touched && !decision ? i18n.t('approve.choice') : undefined}
          >
            <RadioGroup value={decision} onChange={(_e, data) => setDecision(data.value as DecisionKind)}>
              {options.map((option) => (
                <Radio
                  key={option}
                  value={option}
                  label={`${i18n.t(`approve.${option}`)} — ${i18n.t(`approve.${option}Help`)}`}
                />
              ))}
            </RadioGroup>
          </Field>
          {needsComment ? (
            <Field
              label={decision === 'voor_gezien' ? i18n.t('approve.remark') : i18n.t('approve.comment')}
              required
              validationMessage={touched && commentMissing ? i18n.t('approve.commentRequired') : undefined}
            >
              <Textarea value={comment} resize="vertical" onChange={(_e, data) => setComment(data.value)} />
            </Field>
          ) : null}
          <ProblemBar error={error} />
          <div className={formStyles.actions}>
            <Button appearance="primary" type="submit" disabled={busy}>
              {i18n.t('approve.submit')}
            </Button>
          </div>
        </form>
      ) : (
        <ProblemBar error={error} />
      )}
    </div>
  );
}
