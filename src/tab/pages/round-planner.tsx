/**
 * A manager's list of reports in a round: where each one stands, and planning with a report right there, with
 * the free moments in both calendars inside the round's period (the plan page's slot picker), or the
 * conversation to open once there is one.
 */
import {
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { amsterdamDay } from '../../domain/round.js';
import type { RoundReport, RoundSummary } from '../api/types.js';
import { useApp } from '../app-context.js';
import { ProblemBar } from '../components/problem-bar.js';
import { DurationField, SlotPicker, manualChoice, useSlotChoice } from '../components/slot-picker.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { href } from '../routing/router.js';
import { planProblem, type PlanProblem } from './plan-logic.js';
import { stepLabel } from './round-labels.js';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  item: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    alignItems: 'center',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    padding: `${tokens.spacingVerticalXS} 0`,
  },
  planner: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalM}`,
    minWidth: 0,
  },
  fields: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalL },
  cell: { flexGrow: 1, flexBasis: 0, minWidth: '150px' },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** The first day to look for free moments in a round: today, or its start when that is later. */
export function roundSearchDay(round: Pick<RoundSummary, 'period'>, now: Date): string {
  const today = amsterdamDay(now);
  return round.period.from > today ? round.period.from : today;
}

interface PlannerProps {
  round: RoundSummary;
  report: RoundReport;
  onPlanned(conversationId: string): void;
  onClose(): void;
}

/** Planning one report's conversation of the round's type, inline: how long, from when, and a free moment. */
function PlanWithReport({ round, report, onPlanned, onClose }: PlannerProps) {
  const { api } = useApp();
  const i18n = useI18n();
  const styles = useStyles();
  const employee = report.employee;
  const [minutes, setMinutes] = useState(60);
  const [day, setDay] = useState(() => roundSearchDay(round, new Date()));
  const picker = useSlotChoice({ employeeId: employee.id, minutes, day, lastDay: round.period.until });
  const [error, setError] = useState<unknown>(undefined);
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const problem: PlanProblem | undefined = planProblem(error);
  const idBase = `round-${round.id}-${employee.id}`;

  const message = (p: PlanProblem): string =>
    i18n.t(p.key, {
      name: employee.displayName,
      type: i18n.t(`type.${round.type}`),
      stage: p.open ? i18n.t(`stage.${p.open.stage}` as MessageKey) : '',
    });
  const whenMessage =
    problem?.field === 'when' ? message(problem) : invalid ? i18n.t('plan.invalidTime') : undefined;

  const submit = async () => {
    const schedule = picker.schedule;
    setInvalid(!schedule);
    if (!schedule) return;
    setBusy(true);
    setError(undefined);
    try {
      const view = await api.plan({
        employeeId: employee.id,
        type: round.type,
        start: schedule.start,
        end: schedule.end,
      });
      onPlanned(view.conversation.id);
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      className={styles.planner}
      id={`${idBase}-planner`}
      role="group"
      aria-label={`${i18n.t('rounds.plan')}: ${employee.displayName}`}
    >
      <Text>{i18n.t('rounds.planWindow', { until: i18n.date(round.period.until) })}</Text>
      <div className={styles.fields}>
        <DurationField minutes={minutes} onChange={setMinutes} className={styles.cell} />
        <Field label={i18n.t('plan.slotsFrom')} className={styles.cell}>
          <Input
            type="date"
            value={day}
            min={roundSearchDay(round, new Date())}
            max={round.period.until}
            onChange={(_e, d) => d.value && setDay(d.value)}
          />
        </Field>
      </div>
      <SlotPicker
        picker={picker}
        employeeId={employee.id}
        employeeName={employee.displayName}
        headingId={`${idBase}-slots`}
        headingLevel="h4"
        whenMessage={whenMessage}
        onEdit={() => {
          setInvalid(false);
          setError(undefined);
        }}
      />
      {problem && problem.field !== 'when' ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {message(problem)}
            {problem.open ? (
              <>
                {' '}
                <Link href={href(`/gesprek/${problem.open.conversationId}`)}>
                  {i18n.t(problem.open.stage === 'requested' ? 'plan.requestLink' : 'plan.openLink')}
                </Link>
              </>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <ProblemBar error={problem ? undefined : error} />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={busy || (!picker.schedule && picker.choice !== manualChoice)}
          onClick={() => void submit()}
        >
          {i18n.t('plan.submit')}
        </Button>
        <Button onClick={onClose}>{i18n.t('rounds.planClose')}</Button>
        <Link href={href('/plannen', { employee: employee.id, type: round.type })}>
          {i18n.t('rounds.planMore')}
        </Link>
      </div>
    </div>
  );
}

export interface RoundReportsProps {
  round: RoundSummary;
  reports: readonly RoundReport[];
  /** After planning: the list is loaded again, so the report moves on to "Gepland". */
  onPlanned(): void;
}

/** Each report in the round with where they stand; while the round runs, planning with those not yet planned. */
export function RoundReports({ round, reports, onPlanned }: RoundReportsProps) {
  const i18n = useI18n();
  const styles = useStyles();
  const [planning, setPlanning] = useState<string | undefined>(undefined);
  const [invited, setInvited] = useState<{ name: string; conversationId: string } | undefined>(undefined);
  const open = round.state === 'open';
  return (
    <>
      {round.state === 'cancelled' ? (
        <MessageBar intent="info">
          <MessageBarBody>{i18n.t('rounds.cancelledNotice')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {round.state === 'closed' ? (
        <MessageBar intent="info">
          <MessageBarBody>{i18n.t('rounds.closedNotice')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {invited ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            {i18n.t('plan.invited', { name: invited.name })}{' '}
            <Link href={href(`/gesprek/${invited.conversationId}`)}>{i18n.t('rounds.open')}</Link>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <ul className={styles.list}>
        {reports.map((report) => {
          const { employee } = report;
          const expanded = planning === employee.id;
          return (
            <li key={employee.id} className={styles.item} data-testid={`report-${employee.id}`}>
              <div className={styles.row}>
                <Text>
                  {employee.displayName} — {stepLabel(report.step, round.type, i18n)}
                </Text>
                {open && report.step === 'invited' ? (
                  <Button
                    size="small"
                    appearance={expanded ? 'secondary' : 'primary'}
                    aria-expanded={expanded}
                    aria-controls={expanded ? `round-${round.id}-${employee.id}-planner` : undefined}
                    aria-label={`${i18n.t('rounds.plan')}: ${employee.displayName}`}
                    onClick={() => {
                      setInvited(undefined);
                      setPlanning(expanded ? undefined : employee.id);
                    }}
                  >
                    {i18n.t('rounds.plan')}
                  </Button>
                ) : report.conversationId ? (
                  <Link
                    href={href(`/gesprek/${report.conversationId}`)}
                    aria-label={`${i18n.t('rounds.open')}: ${employee.displayName}`}
                  >
                    {i18n.t('rounds.open')}
                  </Link>
                ) : null}
              </div>
              {expanded ? (
                <PlanWithReport
                  round={round}
                  report={report}
                  onClose={() => setPlanning(undefined)}
                  onPlanned={(conversationId) => {
                    setPlanning(undefined);
                    setInvited({ name: employee.displayName, conversationId });
                    onPlanned();
                  }}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
