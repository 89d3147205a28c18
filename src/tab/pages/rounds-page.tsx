/** Gespreksrondes: HR starts rounds and follows them as counts; a manager plans with each report. */
import {
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import {
  amsterdamDay,
  progressSteps,
  roundTypes,
  type DepartmentProgress,
  type ProgressCounts,
  type ProgressStep,
  type RoundAudience,
  type RoundType,
} from '../../domain/round.js';
import type { ManagerRound, RoundsOverview } from '../api/types.js';
import { useApp } from '../app-context.js';
import { PageTitle } from '../components/page-title.js';
import { ProblemBar } from '../components/problem-bar.js';
import { useLoad } from '../components/use-load.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { href } from '../routing/router.js';
import type { PageProps } from '../shell.js';
import { departmentName, periodText, stepLabel, typeLabel } from './round-labels.js';
import { RoundReports } from './round-planner.js';

const stepColours: Record<ProgressStep, string> = {
  invited: tokens.colorNeutralBackground5,
  planned: tokens.colorPaletteBlueBorderActive,
  prepared: tokens.colorPaletteTealBorderActive,
  held: tokens.colorPaletteMarigoldBorderActive,
  signed: tokens.colorPaletteGreenBorderActive,
  filed: tokens.colorPaletteDarkGreenBorderActive,
};

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    marginBottom: tokens.spacingVerticalXXL,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '520px' },
  dates: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  bar: {
    display: 'flex',
    height: '12px',
    borderRadius: tokens.borderRadiusSmall,
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground4,
  },
  counts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalL}`,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  count: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: { width: '10px', height: '10px', borderRadius: '2px', flexShrink: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
});

/** A stacked bar (decoration) and the counts as text, which is what screen readers and narrow screens read. */
function Counts({ counts, total, type }: { counts: ProgressCounts; total: number; type: RoundType }) {
  const styles = useStyles();
  const i18n = useI18n();
  return (
    <>
      <div className={styles.bar} aria-hidden="true">
        {progressSteps.map((step) =>
          counts[step] > 0 ? (
            <div
              key={step}
              style={{
                width: `${(counts[step] / Math.max(total, 1)) * 100}%`,
                backgroundColor: stepColours[step],
              }}
            />
          ) : null,
        )}
      </div>
      <ul className={styles.counts}>
        {progressSteps.map((step) => (
          <li key={step} className={styles.count} data-testid={`count-${step}`}>
            <span
              className={styles.swatch}
              style={{ backgroundColor: stepColours[step] }}
              aria-hidden="true"
            />
            <Text>
              {stepLabel(step, type, i18n)}: <strong>{counts[step]}</strong>
            </Text>
          </li>
        ))}
      </ul>
    </>
  );
}

function DepartmentLine({ line, type }: { line: DepartmentProgress; type: RoundType }) {
  const styles = useStyles();
  const i18n = useI18n();
  return (
    <li className={styles.card} data-testid={`department-${line.department}`}>
      <Text weight="semibold">
        {departmentName(line.department, i18n)} ({line.members})
      </Text>
      {line.pooled ? (
        <Text size={200}>
          {i18n.t('rounds.pooled', {
            departments: line.pooled.map((d) => departmentName(d, i18n)).join(', '),
          })}
        </Text>
      ) : null}
      {line.shown ? (
        <Counts counts={line.counts} total={line.members} type={type} />
      ) : (
        <Text>{i18n.t('rounds.tooSmall', { count: line.members })}</Text>
      )}
    </li>
  );
}

/**
 * One round: for HR or its director the progress as counts per department, and changing or cancelling it; for a
 * manager in it (where the round card leads) their own reports, to plan with each.
 */
function RoundDetailView({ id }: { id: string }) {
  const { api } = useApp();
  const i18n = useI18n();
  const styles = useStyles();
  const detail = useLoad(() => api.round(id), `round-${id}`);
  const [until, setUntil] = useState('');
  const [problem, setProblem] = useState<unknown>(undefined);
  const round = detail.data?.round;
  const progress = detail.data?.progress;
  const reports = detail.data?.reports;

  const act = async (work: () => Promise<unknown>) => {
    setProblem(undefined);
    try {
      await work();
      detail.reload();
    } catch (error) {
      setProblem(error);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="round-detail">
      <Link href={href('/rondes')}>{i18n.t('rounds.back')}</Link>
      <ProblemBar error={detail.error} onRetry={detail.reload} />
      {detail.loading && !round ? <Spinner label={i18n.t('app.loading')} /> : null}
      {round ? (
        <>
          <h2 id="round-detail" className={styles.heading}>
            {typeLabel(round.type, i18n)}
          </h2>
          <Text>
            {periodText(round, i18n)} · {i18n.t(`rounds.state.${round.state}` as MessageKey)} ·{' '}
            {progress
              ? i18n.t('rounds.members', { count: round.memberCount, managers: round.managerCount })
              : i18n.t('rounds.startedBy', { name: round.startedByName })}
          </Text>
          {progress ? (
            <>
              {progress.counts ? (
                <div className={styles.card} data-testid="round-total">
                  <Text weight="semibold">
                    {i18n.t('rounds.total')} ({progress.members})
                  </Text>
                  <Counts counts={progress.counts} total={progress.members} type={round.type} />
                </div>
              ) : null}
              <h3 className={styles.subheading}>{i18n.t('rounds.progress')}</h3>
              <ul className={styles.list}>
                {progress.departments.map((line) => (
                  <DepartmentLine key={line.department} line={line} type={round.type} />
                ))}
              </ul>
            </>
          ) : null}
          {progress && round.state === 'open' ? (
            <div className={styles.actions}>
              <Field label={i18n.t('rounds.change')}>
                <Input
                  type="date"
                  value={until || round.period.until}
                  onChange={(_e, data) => setUntil(data.value)}
                />
              </Field>
              <Button
                onClick={() =>
                  act(() =>
                    api.changeRound(id, { from: round.period.from, until: until || round.period.until }),
                  )
                }
              >
                {i18n.t('rounds.save')}
              </Button>
              <Button
                onClick={() => {
                  if (window.confirm(i18n.t('rounds.cancelConfirm'))) void act(() => api.cancelRound(id));
                }}
              >
                {i18n.t('rounds.cancel')}
              </Button>
            </div>
          ) : null}
          <ProblemBar error={problem} />
          {reports ? (
            <section className={styles.section} aria-labelledby="round-my-reports">
              <h3 id="round-my-reports" className={styles.subheading}>
                {i18n.t('rounds.myReports')}
              </h3>
              {round.state === 'open' ? (
                <Text>{i18n.t('rounds.toPlanIntro', { until: i18n.date(round.period.until) })}</Text>
              ) : null}
              <RoundReports round={round} reports={reports} onPlanned={detail.reload} />
            </section>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** The form HR or a director starts a round with. */
function StartRound({ overview, onStarted }: { overview: RoundsOverview; onStarted: () => void }) {
  const { api } = useApp();
  const i18n = useI18n();
  const styles = useStyles();
  const today = amsterdamDay(new Date());
  const departments = overview.choices?.departments ?? [];
  const managers = overview.choices?.managers ?? [];
  const [type, setType] = useState<RoundType>('goede-gesprek');
  const [kind, setKind] = useState<RoundAudience['kind']>('department');
  const [department, setDepartment] = useState(departments[0] ?? '');
  const [managerId, setManagerId] = useState(managers[0]?.id ?? '');
  const [from, setFrom] = useState(today);
  const [until, setUntil] = useState('');
  const [problem, setProblem] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    setDone(false);
    setBusy(true);
    const audience: RoundAudience =
      kind === 'department'
        ? { kind, department }
        : kind === 'manager'
          ? { kind, managerId }
          : { kind: 'everyone' };
    try {
      await api.startRound({ type, audience, period: { from, until } });
      setDone(true);
      onStarted();
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="round-start">
      <h2 id="round-start" className={styles.heading}>
        {i18n.t('rounds.start')}
      </h2>
      <form className={styles.form} onSubmit={submit}>
        <Field
          label={i18n.t('rounds.type')}
          hint={type === 'reflectie' ? i18n.t('rounds.reflectionHint') : undefined}
        >
          <RadioGroup value={type} onChange={(_e, data) => setType(data.value as RoundType)}>
            {roundTypes.map((t) => (
              <Radio key={t} value={t} label={typeLabel(t, i18n)} />
            ))}
          </RadioGroup>
        </Field>
        <Field label={i18n.t('rounds.whom')}>
          <RadioGroup value={kind} onChange={(_e, data) => setKind(data.value as RoundAudience['kind'])}>
            <Radio value="department" label={i18n.t('rounds.whom.department')} />
            <Radio value="manager" label={i18n.t('rounds.whom.manager')} />
            {overview.isHr ? <Radio value="everyone" label={i18n.t('rounds.whom.everyone')} /> : null}
          </RadioGroup>
        </Field>
        {kind === 'department' ? (
          <Field label={i18n.t('rounds.department')}>
            <Select value={department} onChange={(_e, data) => setDepartment(data.value)}>
              {departments.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        {kind === 'manager' ? (
          <Field label={i18n.t('rounds.manager')}>
            <Select value={managerId} onChange={(_e, data) => setManagerId(data.value)}>
              {managers.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.displayName}
                  {m.jobTitle ? ` (${m.jobTitle})` : ''}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <div className={styles.dates}>
          <Field label={i18n.t('rounds.from')} required>
            <Input type="date" value={from} onChange={(_e, data) => setFrom(data.value)} required />
          </Field>
          <Field label={i18n.t('rounds.until')} required>
            <Input type="date" value={until} onChange={(_e, data) => setUntil(data.value)} required />
          </Field>
        </div>
        <ProblemBar error={problem} />
        {done ? (
          <MessageBar intent="success">
            <MessageBarBody>{i18n.t('rounds.started')}</MessageBarBody>
          </MessageBar>
        ) : null}
        <div>
          <Button appearance="primary" type="submit" disabled={busy}>
            {i18n.t('rounds.start')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** A manager's open round: each report, where they stand, planning with them or opening the conversation. */
function ToPlan({ item, onPlanned }: { item: ManagerRound; onPlanned: () => void }) {
  const i18n = useI18n();
  const styles = useStyles();
  const { round } = item;
  return (
    <li className={styles.card} data-testid={`to-plan-${round.id}`}>
      <h3 className={styles.subheading}>{typeLabel(round.type, i18n)}</h3>
      <Text>
        {periodText(round, i18n)} · {i18n.t('rounds.startedBy', { name: round.startedByName })}
      </Text>
      <Text>{i18n.t('rounds.toPlanIntro', { until: i18n.date(round.period.until) })}</Text>
      <RoundReports round={round} reports={item.reports} onPlanned={onPlanned} />
    </li>
  );
}

/** Gespreksrondes: HR and directors start rounds and follow them as counts; managers plan with each report. */
export function RoundsPage({ params }: PageProps) {
  const { api } = useApp();
  const i18n = useI18n();
  const styles = useStyles();
  const overview = useLoad(() => api.rounds(), 'rounds');
  const data = overview.data;

  if (params.id) {
    return (
      <>
        <PageTitle text={i18n.t('rounds.title')} />
        <RoundDetailView id={params.id} />
      </>
    );
  }

  return (
    <>
      <PageTitle text={i18n.t('rounds.title')} />
      <ProblemBar error={overview.error} onRetry={overview.reload} />
      {overview.loading && !data ? <Spinner label={i18n.t('app.loading')} /> : null}
      {data ? (
        <>
          {data.mayStart ? (
            <>
              <Text as="p" block>
                {i18n.t('rounds.intro')}
              </Text>
              <StartRound overview={data} onStarted={overview.reload} />
              <section className={styles.section} aria-labelledby="round-list">
                <h2 id="round-list" className={styles.heading}>
                  {i18n.t('rounds.list')}
                </h2>
                {data.rounds.length === 0 ? <Text>{i18n.t('rounds.none')}</Text> : null}
                <ul className={styles.list}>
                  {data.rounds.map((round) => (
                    <li key={round.id} className={styles.card} data-testid={`round-${round.id}`}>
                      <Text weight="semibold">{typeLabel(round.type, i18n)}</Text>
                      <Text>
                        {periodText(round, i18n)} · {i18n.t(`rounds.state.${round.state}` as MessageKey)}
                      </Text>
                      <Text>
                        {i18n.t('rounds.members', { count: round.memberCount, managers: round.managerCount })}
                      </Text>
                      <Link href={href(`/rondes/${round.id}`)}>{i18n.t('rounds.showProgress')}</Link>
                    </li>
                  ))}
                </ul>
              </section>
            </>
          ) : null}
          {data.mayStart && data.toPlan.length === 0 ? null : (
            <section className={styles.section} aria-labelledby="round-to-plan">
              <h2 id="round-to-plan" className={styles.heading}>
                {i18n.t('rounds.toPlan')}
              </h2>
              {data.toPlan.length === 0 ? <Text>{i18n.t('rounds.nothingToPlan')}</Text> : null}
              <ul className={styles.list}>
                {data.toPlan.map((item) => (
                  <ToPlan key={item.round.id} item={item} onPlanned={overview.reload} />
                ))}
              </ul>
            </section>
          )}
        </>
      ) : null}
    </>
  );
}
