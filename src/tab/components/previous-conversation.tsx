/** The previous conversation at the top of the next one: its agreements with their status, goals, POP and evaluation. */
import { Field, Link, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { decisionLabels } from '../../domain/audit.js';
import { fieldsOf, goalParts, partTitle } from '../../domain/formats.js';
import type { SignatureLine } from '../../domain/signing.js';
import type {
  AgreementFollowUp,
  AgreementStatus,
  ConversationView,
  PopStatus,
  PreviousConversation as Previous,
} from '../api/types.js';
import { useApp } from '../app-context.js';
import { useAutosave, type Autosave } from '../autosave/use-autosave.js';
import type { Values } from '../autosave/autosave.js';
import { useI18n, type I18n } from '../i18n/i18n.js';
import { href } from '../routing/router.js';
import { AnswerView } from './answer-fields.js';
import { InlineSaveStatus, KeptTextarea, isBlank } from './circle-form.js';

/** The statuses an earlier agreement can have, in the order they are offered (the domain's own list). */
export const agreementStatusOptions = [
  'gedaan',
  'loopt',
  'niet-gelukt',
  'vervallen',
] as const satisfies readonly AgreementStatus[];

/** Where a POP item stands, in the order they are offered (the domain's own list). */
export const popStatusOptions = [
  'open',
  'loopt',
  'gedaan',
  'vervallen',
] as const satisfies readonly PopStatus[];

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalM },
  },
  head: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  sub: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    minWidth: 0,
  },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  strong: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  // Four short choices: in one row on a desktop, wrapping in the 320 px side panel.
  radios: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  status: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  details: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold },
});

/** Who chose what on the signed version, in one line: "Medewerker: ondertekend en aangeboden. Leidinggevende: akkoord." */
export function signatureLine(lines: readonly SignatureLine[], i18n: I18n): string {
  return lines
    .map((line) => {
      const party = i18n.t(`party.${line.party}`);
      if (line.kind === 'offered') return i18n.t('prev.signedOffered', { party });
      if (line.kind === 'pending') return i18n.t('prev.signedPending', { party });
      // The domain's one vocabulary, as the cards and the PDF say it.
      const decision = i18n.text(decisionLabels[line.decision]);
      return line.comment
        ? i18n.t('prev.signedRemark', { party, decision, comment: line.comment })
        : i18n.t('prev.signedDecided', { party, decision });
    })
    .map((sentence) => `${sentence}.`)
    .join(' ');
}

const isStatus = (value: unknown): value is AgreementStatus =>
  typeof value === 'string' && (agreementStatusOptions as readonly string[]).includes(value);

/** A follow-up the domain accepts: a status, and a note that is empty or more than spaces. */
function asFollowUp(value: unknown): AgreementFollowUp | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { status, note } = value as { status?: unknown; note?: unknown };
  if (!isStatus(status)) return undefined;
  return { status, ...(typeof note === 'string' && note !== '' ? { note } : {}) };
}

/**
 * Autosave of the employee's look back on the previous agreements (`save-follow-up`), one field per agreement:
 * the server merges per agreement, so only the changed ones are sent.
 */
export function useFollowUp(view: ConversationView, onView: (view: ConversationView) => void): Autosave {
  const { api, me } = useApp();
  const id = view.conversation.id;
  return useAutosave({
    storageKey: `${id}.follow-up.${me.user.id}`,
    view,
    extract: (v) => ({ ...(v.conversation.followUp ?? {}) }) as Values,
    send: (revision, changed) => {
      const followUp: Record<string, AgreementFollowUp> = {};
      for (const [agreementId, value] of Object.entries(changed)) {
        const item = asFollowUp(value);
        if (item) followUp[agreementId] = item;
      }
      return api.command(id, revision, { type: 'save-follow-up', followUp });
    },
    onView,
    // A note of only spaces waits on this device: the domain would refuse it.
    ready: (_field, value) => {
      const item = asFollowUp(value);
      return item !== undefined && !isBlank(item.note);
    },
  });
}

export interface PreviousConversationProps {
  view: ConversationView;
  /** The employee's follow-up while she prepares; without it the statuses are shown read-only. */
  followUp?: Autosave;
}

/**
 * "Zo is de cirkel rond": the conversation this one follows, at the top of the preparation and the meeting —
 * when and what it was, who signed what, its agreements with how they went, the goals it hands on, the POP and
 * the self-evaluation. One column, so it reads the same in the 320 px side panel as on a desktop.
 */
export function PreviousConversation({ view, followUp }: PreviousConversationProps) {
  const i18n = useI18n();
  const styles = useStyles();
  const titleId = useId();
  const previous = view.previous;
  if (!previous) return null;

  const type = i18n.t(`type.${previous.type}`);
  const when = previous.date
    ? i18n.t('prev.when', { type, date: i18n.date(previous.date) })
    : i18n.t('prev.whenUndated', { type });
  const signed = previous.signature !== undefined;
  const isEmployee = view.party === 'employee';

  return (
    <section className={styles.box} aria-labelledby={titleId} data-testid="previous-conversation">
      <div className={styles.head}>
        <h3 id={titleId} className={styles.title}>
          {i18n.t('prev.title')}
        </h3>
        <Text>{when}</Text>
        {previous.signature ? (
          <Text size={200} className={styles.muted}>
            {signatureLine(previous.signature.lines, i18n)}
          </Text>
        ) : null}
        <Link href={href(`/gesprek/${previous.id}/verslag`)}>{i18n.t('prev.open')}</Link>
      </div>
      {!signed ? (
        <Text>{i18n.t('prev.notFinal')}</Text>
      ) : (
        <>
          <Text>{i18n.t(isEmployee ? 'prev.introEmployee' : 'prev.introManager')}</Text>
          <Agreements view={view} previous={previous} followUp={followUp} />
          <Goals previous={previous} />
          <PopSummary previous={previous} />
          <EvaluationSummary previous={previous} />
          <ReportText view={view} previous={previous} />
        </>
      )}
    </section>
  );
}

function Agreements({
  view,
  previous,
  followUp,
}: {
  view: ConversationView;
  previous: Previous;
  followUp: Autosave | undefined;
}) {
  const i18n = useI18n();
  const styles = useStyles();
  const agreements = previous.agreements;
  // The manager sees how it went only once the employee shared her preparation: until then it is hers.
  const hidden = view.party !== 'employee' && view.preparationStatus !== 'shared';
  const saved = view.conversation.followUp ?? {};
  return (
    <div className={styles.part}>
      <h4 className={styles.sub}>{i18n.t('prev.agreements', { count: agreements.length })}</h4>
      {agreements.length === 0 ? <Text>{i18n.t('prev.noAgreements')}</Text> : null}
      {hidden && agreements.length > 0 ? (
        <Text className={styles.muted} data-testid="follow-up-not-shared">
          {i18n.t('prev.notShared')}
        </Text>
      ) : null}
      {agreements.length > 0 ? (
        <ul className={styles.list}>
          {agreements.map((agreement) => {
            const value = followUp ? asFollowUp(followUp.values[agreement.id]) : saved[agreement.id];
            return (
              <AgreementItem
                key={agreement.id}
                agreement={agreement}
                value={value}
                hidden={hidden}
                onChange={followUp ? (next) => followUp.edit(agreement.id, next) : undefined}
              />
            );
          })}
        </ul>
      ) : null}
      {followUp && agreements.length > 0 ? <InlineSaveStatus autosave={followUp} /> : null}
    </div>
  );
}

function AgreementItem({
  agreement,
  value,
  hidden,
  onChange,
}: {
  agreement: Previous['agreements'][number];
  value: AgreementFollowUp | undefined;
  hidden: boolean;
  onChange: ((value: AgreementFollowUp) => void) | undefined;
}) {
  const i18n = useI18n();
  const styles = useStyles();
  const textId = useId();
  const owner = i18n.t(`agreements.owner.${agreement.owner}`);
  return (
    <li className={styles.item} data-testid={`agreement-${agreement.id}`}>
      <Text id={textId} className={styles.strong}>
        {agreement.text}
      </Text>
      <Text size={200} className={styles.muted}>
        {agreement.due ? i18n.t('prev.agreementMeta', { owner, date: i18n.date(agreement.due) }) : owner}
      </Text>
      {onChange ? (
        <FollowUpEditor textId={textId} value={value} onChange={onChange} />
      ) : hidden ? null : (
        <FollowUpView value={value} />
      )}
    </li>
  );
}

function FollowUpView({ value }: { value: AgreementFollowUp | undefined }) {
  const i18n = useI18n();
  const styles = useStyles();
  if (!value) return <Text className={styles.muted}>{i18n.t('prev.noStatus')}</Text>;
  return (
    <div className={styles.status}>
      <Text weight="semibold">{i18n.t(`followUp.${value.status}`)}</Text>
      {value.note ? <Text className={styles.text}>— {value.note}</Text> : null}
    </div>
  );
}

/** The choice of how an agreement went, named together with the agreement for screen readers. */
function FollowUpEditor({
  textId,
  value,
  onChange,
}: {
  textId: string;
  value: AgreementFollowUp | undefined;
  onChange(value: AgreementFollowUp): void;
}) {
  const i18n = useI18n();
  const styles = useStyles();
  const statusId = useId();
  const noteId = useId();
  const note = value?.note ?? '';
  return (
    <>
      <Field label={{ children: i18n.t('prev.status'), id: statusId }} size="small">
        <RadioGroup
          aria-labelledby={`${statusId} ${textId}`}
          layout="horizontal"
          className={styles.radios}
          value={value?.status ?? ''}
          onChange={(_e, d) => onChange({ status: d.value as AgreementStatus, ...(note ? { note } : {}) })}
        >
          {agreementStatusOptions.map((status) => (
            <Radio key={status} value={status} label={i18n.t(`followUp.${status}`)} />
          ))}
        </RadioGroup>
      </Field>
      {value ? (
        <Field
          label={{ children: `${i18n.t('prev.note')} (${i18n.t('field.optional')})`, id: noteId }}
          size="small"
          validationState={isBlank(note) ? 'error' : 'none'}
          validationMessage={isBlank(note) ? i18n.t('evaluation.error.text') : undefined}
        >
          <KeptTextarea
            aria-labelledby={`${noteId} ${textId}`}
            value={note}
            resize="vertical"
            rows={2}
            onText={(next) => onChange({ status: value.status, ...(next ? { note: next } : {}) })}
          />
        </Field>
      ) : null}
    </>
  );
}

function Goals({ previous }: { previous: Previous }) {
  const i18n = useI18n();
  const styles = useStyles();
  const goals = previous.goals;
  if (!goals) return null;
  const parts = goalParts.filter((part) => (goals[part] ?? []).length > 0);
  return (
    <div className={styles.part}>
      <h4 className={styles.sub}>{i18n.t(`prev.goals.${previous.type}`)}</h4>
      {parts.length === 0 ? <Text>{i18n.t('prev.noGoals')}</Text> : null}
      {parts.map((part) => (
        <div key={part} className={styles.part}>
          <Text className={styles.muted}>{i18n.text(partTitle(part))}</Text>
          <ul className={styles.list}>
            {(goals[part] ?? []).map((goal) => (
              <li key={goal.id} className={styles.item}>
                <Text className={styles.strong}>{goal.title}</Text>
                {goal.description ? <Text className={styles.text}>{goal.description}</Text> : null}
                {goal.course ? (
                  <Text size={200}>
                    {i18n.t(goal.course === 'adjust' ? 'review.adjust' : 'review.continue')}
                    {goal.adjustment ? `: ${goal.adjustment}` : ''}
                  </Text>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

function PopSummary({ previous }: { previous: Previous }) {
  const i18n = useI18n();
  const styles = useStyles();
  const items = previous.pop?.items ?? [];
  if (items.length === 0) return null;
  return (
    <div className={styles.part}>
      <h4 className={styles.sub}>{i18n.t('prev.pop')}</h4>
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item.id} className={styles.item}>
            <Text className={styles.strong}>{item.goal}</Text>
            <Text className={styles.text}>{item.actions}</Text>
            <Text size={200} className={styles.muted}>
              {i18n.t('prev.popMeta', {
                who: i18n.t(`agreements.owner.${item.who}`),
                status: i18n.t(`pop.status.${item.status}`),
              })}
              {item.due ? ` · ${i18n.t('prev.popDue', { date: i18n.date(item.due) })}` : ''}
            </Text>
            {item.support ? (
              <Text size={200} className={styles.text}>
                {i18n.t('prev.support', { text: item.support })}
              </Text>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function EvaluationSummary({ previous }: { previous: Previous }) {
  const i18n = useI18n();
  const styles = useStyles();
  const evaluation = previous.evaluation;
  if (!evaluation) return null;
  const goalOf = new Map((previous.pop?.items ?? []).map((item) => [item.id, item.goal]));
  return (
    <div className={styles.part}>
      <h4 className={styles.sub}>{i18n.t('prev.evaluation')}</h4>
      {evaluation.items.length > 0 ? (
        <ul className={styles.list}>
          {evaluation.items.map((item) => (
            <li key={item.popItemId} className={styles.item}>
              <Text className={styles.strong}>{goalOf.get(item.popItemId) ?? ''}</Text>
              <Text size={200}>{i18n.t(`pop.status.${item.status}`)}</Text>
              {item.text ? <Text className={styles.text}>{item.text}</Text> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <div className={styles.item}>
        <Text className={styles.strong}>{i18n.t('evaluation.overall')}</Text>
        <Text className={styles.text}>{evaluation.overall}</Text>
      </div>
    </div>
  );
}

/**
 * The signed report's own texts, folded away so the agreements stay on top. Only when the previous conversation
 * has this one's format; otherwise the link above opens it.
 */
function ReportText({ view, previous }: { view: ConversationView; previous: Previous }) {
  const i18n = useI18n();
  const styles = useStyles();
  if (previous.type !== view.conversation.type) return null;
  const fields = fieldsOf(view.format.report.sections).filter(
    (field) => field.kind === 'text' && previous.report[field.id] !== undefined,
  );
  if (fields.length === 0) return null;
  return (
    <details>
      <summary className={styles.summary}>{i18n.t('prev.report')}</summary>
      <div className={styles.details}>
        {fields.map((field) => (
          <div key={field.id}>
            <Text className={styles.strong} block>
              {i18n.text(field.label)}
            </Text>
            <AnswerView field={field} value={previous.report[field.id]} />
          </div>
        ))}
      </div>
    </details>
  );
}
