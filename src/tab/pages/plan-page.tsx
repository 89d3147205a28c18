/** Plannen: a conversation planned as in Outlook, at a free moment in both calendars or a time by hand. */
import {
  Button,
  Checkbox,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Goal } from '../../domain/answers.js';
import {
  conversationTypes,
  goalParts,
  partTitle,
  type ConversationType,
  type GoalPart,
} from '../../domain/formats.js';
import type { PlanRequest } from '../api/types.js';
import { useApp } from '../app-context.js';
import { GoalsEditor } from '../components/list-editors.js';
import { PageTitle } from '../components/page-title.js';
import { DurationField, SlotPicker, manualChoice, useSlotChoice } from '../components/slot-picker.js';
import { ProblemBar } from '../components/problem-bar.js';
import { useLoad } from '../components/use-load.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { href, navigate } from '../routing/router.js';
import type { PageProps } from '../shell.js';
import {
  outsideUsualPeriod,
  planProblem,
  requestIdOf,
  searchDay,
  usualPeriod,
  type PlanProblem,
} from './plan-logic.js';
import { useFormStyles } from './prepare-page.js';

export { toSchedule } from './plan-logic.js';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalL },
  // Equal columns: a long message under one field does not squeeze the other.
  cell: { flexGrow: 1, flexBasis: 0, minWidth: '150px' },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  partTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  problem: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  problemActions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/**
 * Plan a conversation as in Outlook: report, type and duration, then a free moment in both calendars (in the
 * type's usual period), or a date and time by hand. For a reflection the API picks up the goals of the last
 * approved Het Goede Gesprek; they can also be entered by hand. With `?request=` it plans that request, which
 * then closes. Afterwards the conversation's overview says the invitation went.
 */
export function PlanPage({ location }: PageProps) {
  const { api, me } = useApp();
  const i18n = useI18n();
  const styles = useStyles();
  const formStyles = useFormStyles();
  const requestId = requestIdOf(location.query);
  const request = useLoad(
    () => (requestId ? api.conversation(requestId) : Promise.resolve(undefined)),
    requestId ?? '-',
  );
  const [chosenEmployee, setEmployeeId] = useState(location.query.get('employee') ?? '');
  // The year view links here with the type it misses (`?type=reflectie`).
  const [chosenType, setType] = useState<ConversationType>(() => {
    const asked = location.query.get('type');
    return conversationTypes.find((t) => t === asked) ?? 'vitaliteit';
  });
  const [minutes, setMinutes] = useState(60);
  const [fromDay, setFromDay] = useState<string | undefined>(undefined);
  const [manualGoals, setManualGoals] = useState(false);
  const [goals, setGoals] = useState<Partial<Record<GoalPart, Goal[]>>>({});
  const [error, setError] = useState<unknown>(undefined);
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);

  const loaded = request.data;
  const requestView = loaded?.conversation.stage === 'requested' ? loaded : undefined;
  const employeeId = requestView?.conversation.employeeId ?? chosenEmployee;
  const type = requestView?.conversation.type ?? chosenType;
  const employee = requestView?.people.employee ?? me.reports.find((report) => report.id === employeeId);
  const day = fromDay ?? searchDay(type, new Date());

  const picker = useSlotChoice({ employeeId, minutes, day });
  const { choice, schedule } = picker;
  const problem: PlanProblem | undefined = planProblem(error);

  const handleSubmit = async (planRequestId = requestView?.conversation.id) => {
    setInvalid(!schedule);
    if (!schedule) return;
    setBusy(true);
    setError(undefined);
    try {
      const earlierGoals = Object.fromEntries(
        Object.entries(goals)
          .map(([part, list]) => [part, (list ?? []).filter((g) => g.title.trim())] as const)
          .filter(([, list]) => list.length > 0),
      ) as Partial<Record<GoalPart, Goal[]>>;
      const body: PlanRequest = {
        employeeId,
        type,
        start: schedule.start,
        end: schedule.end,
        ...(planRequestId ? { requestId: planRequestId } : {}),
        ...(!planRequestId && type === 'reflectie' && manualGoals ? { earlierGoals } : {}),
      };
      const view = await api.plan(body);
      // The overview, with word that the invitation went: the meeting page is for the day itself.
      navigate(href(`/gesprek/${view.conversation.id}`, { uitgenodigd: '1' }));
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  };

  if (!requestId && me.reports.length === 0) {
    return (
      <>
        <PageTitle text={i18n.t('plan.title')} />
        <Text>{i18n.t('plan.noReports')}</Text>
      </>
    );
  }

  const name = employee?.displayName ?? '';
  const message = (p: PlanProblem): string =>
    i18n.t(p.key, {
      name,
      type: i18n.t(`type.${type}`),
      stage: p.open ? i18n.t(`stage.${p.open.stage}` as MessageKey) : '',
    });
  const at = (field: PlanProblem['field']) => (problem?.field === field ? problem : undefined);
  const whenMessage = at('when')
    ? message(at('when') as PlanProblem)
    : invalid
      ? i18n.t('plan.invalidTime')
      : undefined;
  const typeProblem = at('type');
  const employeeProblem = at('employee');
  const formProblem = at('form');
  const period = usualPeriod(type, new Date().getFullYear());

  return (
    <form
      className={formStyles.stack}
      onSubmit={(event) => {
        event.preventDefault();
        void handleSubmit();
      }}
    >
      <PageTitle text={i18n.t('plan.title')} />
      <ProblemBar error={request.error} />
      {requestView ? (
        <MessageBar intent="info">
          <MessageBarBody>
            {i18n.t('plan.request', { name })}
            {requestView.conversation.requestNote
              ? ` ${i18n.t('conv.requestNote', { note: requestView.conversation.requestNote })}`
              : ''}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {loaded && !requestView ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            {i18n.t('plan.error.requestGone')}{' '}
            <Link href={href(`/gesprek/${loaded.conversation.id}`)}>{i18n.t('plan.openLink')}</Link>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {requestView ? null : (
        <div className={styles.row}>
          <Field
            label={i18n.t('plan.employee')}
            required
            className={styles.cell}
            validationMessage={employeeProblem ? message(employeeProblem) : undefined}
          >
            <Select
              value={chosenEmployee}
              onChange={(_e, d) => {
                setEmployeeId(d.value);
                setError(undefined);
              }}
            >
              <option value="">{i18n.t('plan.chooseEmployee')}</option>
              {me.reports.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label={i18n.t('plan.type')}
            required
            className={styles.cell}
            hint={period ? i18n.t('plan.period.reflectie') : undefined}
            validationMessage={
              typeProblem ? (
                <span className={styles.problem} data-testid="plan-open">
                  <span>{message(typeProblem)}</span>
                  {typeProblem.open ? (
                    <span className={styles.problemActions}>
                      <Link href={href(`/gesprek/${typeProblem.open.conversationId}`)}>
                        {i18n.t(
                          typeProblem.open.stage === 'requested' ? 'plan.requestLink' : 'plan.openLink',
                        )}
                      </Link>
                      {typeProblem.open.stage === 'requested' ? (
                        <Button
                          size="small"
                          appearance="primary"
                          disabled={busy || !schedule}
                          onClick={() => void handleSubmit(typeProblem.open?.conversationId)}
                        >
                          {i18n.t('plan.planRequest')}
                        </Button>
                      ) : null}
                    </span>
                  ) : null}
                </span>
              ) : undefined
            }
          >
            <Select
              value={chosenType}
              onChange={(_e, d) => {
                setType(d.value as ConversationType);
                setError(undefined);
              }}
            >
              {conversationTypes.map((t) => (
                <option key={t} value={t}>
                  {i18n.t(`type.${t}`)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      )}
      <div className={styles.row}>
        <DurationField minutes={minutes} onChange={setMinutes} className={styles.cell} />
        <Field label={i18n.t('plan.slotsFrom')} className={styles.cell}>
          <Input type="date" value={day} onChange={(_e, d) => d.value && setFromDay(d.value)} />
        </Field>
      </div>
      <SlotPicker
        picker={picker}
        employeeId={employeeId}
        employeeName={name}
        headingId="plan-slots"
        whenMessage={whenMessage}
        onEdit={() => {
          setInvalid(false);
          setError(undefined);
        }}
      >
        {outsideUsualPeriod(type, schedule?.start) ? (
          <MessageBar intent="warning" data-testid="plan-outside-period">
            <MessageBarBody>{i18n.t('plan.outsidePeriod')}</MessageBarBody>
          </MessageBar>
        ) : null}
      </SlotPicker>
      {!requestView && type === 'reflectie' ? (
        <div className={formStyles.stack}>
          <Text>{i18n.t('plan.goalsAuto')}</Text>
          <Checkbox
            checked={manualGoals}
            label={i18n.t('plan.goalsManual')}
            onChange={(_e, d) => setManualGoals(d.checked === true)}
          />
          {manualGoals
            ? goalParts.map((part) => (
                <div key={part} className={styles.part}>
                  <h2 className={styles.partTitle}>{i18n.text(partTitle(part))}</h2>
                  <GoalsEditor
                    label={i18n.text(partTitle(part))}
                    value={goals[part] ?? []}
                    onChange={(list) => setGoals((prev) => ({ ...prev, [part]: list }))}
                  />
                </div>
              ))
            : null}
        </div>
      ) : null}
      {formProblem ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{message(formProblem)}</MessageBarBody>
        </MessageBar>
      ) : null}
      <ProblemBar error={problem ? undefined : error} />
      <div className={formStyles.actions}>
        <Button
          appearance="primary"
          type="submit"
          disabled={busy || !employeeId || (!schedule && choice !== manualChoice)}
        >
          {i18n.t('plan.submit')}
        </Button>
      </div>
    </form>
  );
}
