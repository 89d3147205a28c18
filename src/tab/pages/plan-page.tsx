import {
  Button,
  Checkbox,
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
import { useEffect, useMemo, useState } from 'react';
import type { Goal } from '../../domain/answers.js';
import {
  conversationTypes,
  goalParts,
  partTitle,
  type ConversationType,
  type GoalPart,
} from '../../domain/formats.js';
import type { PlanRequest, TimeSlot } from '../api/types.js';
import { useApp } from '../app-context.js';
import { GoalsEditor } from '../components/list-editors.js';
import { PageTitle } from '../components/page-title.js';
import { ProblemBar } from '../components/problem-bar.js';
import { useLoad } from '../components/use-load.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { href, navigate } from '../routing/router.js';
import type { PageProps } from '../shell.js';
import {
  durations,
  findSlots,
  isoDay,
  outsideUsualPeriod,
  planProblem,
  requestIdOf,
  searchDay,
  searchWindow,
  toSchedule,
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
  slots: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  slotsTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  problem: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  problemActions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

const manual = 'manual';

type SlotState =
  { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; slots: TimeSlot[] } | { kind: 'failed' };

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
  const [choice, setChoice] = useState('');
  const [date, setDate] = useState(() => isoDay(new Date(Date.now() + 7 * 86_400_000)));
  const [time, setTime] = useState('10:00');
  const [slotState, setSlotState] = useState<SlotState>({ kind: 'idle' });
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

  useEffect(() => {
    if (!employeeId) {
      setSlotState({ kind: 'idle' });
      return;
    }
    let current = true;
    setSlotState({ kind: 'loading' });
    findSlots(
      async (window) =>
        (
          await api.freeSlots({
            attendeeIds: [me.user.id, employeeId],
            durationMinutes: minutes,
            ...window,
          })
        ).slots,
      searchWindow(day, new Date()),
    ).then(
      (slots) => {
        if (!current) return;
        setSlotState({ kind: 'ready', slots });
        // A new list: the first free moment is chosen, unless a date and time were chosen by hand.
        setChoice((was) => (was === manual ? manual : (slots[0]?.start ?? manual)));
      },
      () => {
        if (!current) return;
        setSlotState({ kind: 'failed' });
        setChoice(manual);
      },
    );
    return () => {
      current = false;
    };
  }, [api, me.user.id, employeeId, minutes, day]);

  const slots = slotState.kind === 'ready' ? slotState.slots : [];
  const schedule: TimeSlot | undefined = useMemo(
    () => (choice === manual ? toSchedule(date, time, minutes) : slots.find((s) => s.start === choice)),
    [choice, date, time, minutes, slots],
  );
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
        <Field label={i18n.t('plan.duration')} className={styles.cell}>
          <Select value={String(minutes)} onChange={(_e, d) => setMinutes(Number(d.value))}>
            {durations.map((m) => (
              <option key={m} value={m}>
                {i18n.t('plan.minutes', { minutes: m })}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={i18n.t('plan.slotsFrom')} className={styles.cell}>
          <Input type="date" value={day} onChange={(_e, d) => d.value && setFromDay(d.value)} />
        </Field>
      </div>
      <section className={styles.slots} aria-labelledby="plan-slots">
        <h2 id="plan-slots" className={styles.slotsTitle}>
          {i18n.t('plan.slots')}
        </h2>
        {employee ? <Text size={200}>{i18n.t('plan.slotsHint', { name })}</Text> : null}
        {!employeeId ? <Text>{i18n.t('plan.slotsChooseEmployee')}</Text> : null}
        {employeeId && slotState.kind === 'loading' ? (
          <Spinner size="tiny" label={i18n.t('plan.slotsLoading')} />
        ) : null}
        {slotState.kind === 'ready' && slots.length === 0 ? <Text>{i18n.t('plan.slotsNone')}</Text> : null}
        {slotState.kind === 'failed' ? <Text>{i18n.t('plan.slotsFailed')}</Text> : null}
        {employeeId && slotState.kind !== 'loading' ? (
          <Field validationMessage={choice === manual ? undefined : whenMessage}>
            <RadioGroup
              aria-labelledby="plan-slots"
              value={choice}
              onChange={(_e, d) => {
                setChoice(d.value);
                setInvalid(false);
                setError(undefined);
              }}
            >
              {slots.map((slot) => (
                <Radio
                  key={slot.start}
                  value={slot.start}
                  label={i18n.t('plan.slot', {
                    when: i18n.dateTime(slot.start),
                    end: i18n.time(new Date(slot.end)),
                  })}
                />
              ))}
              <Radio value={manual} label={i18n.t('plan.manual')} />
            </RadioGroup>
          </Field>
        ) : null}
        {choice === manual || !employeeId ? (
          <div className={styles.row}>
            <Field
              label={i18n.t('plan.date')}
              required
              className={styles.cell}
              validationMessage={choice === manual ? whenMessage : undefined}
            >
              <Input
                type="date"
                value={date}
                onChange={(_e, d) => {
                  setDate(d.value);
                  setError(undefined);
                }}
              />
            </Field>
            <Field label={i18n.t('plan.time')} required className={styles.cell}>
              <Input
                type="time"
                value={time}
                onChange={(_e, d) => {
                  setTime(d.value);
                  setError(undefined);
                }}
              />
            </Field>
          </div>
        ) : null}
        {outsideUsualPeriod(type, schedule?.start) ? (
          <MessageBar intent="warning" data-testid="plan-outside-period">
            <MessageBarBody>{i18n.t('plan.outsidePeriod')}</MessageBarBody>
          </MessageBar>
        ) : null}
      </section>
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
          disabled={busy || !employeeId || (!schedule && choice !== manual)}
        >
          {i18n.t('plan.submit')}
        </Button>
      </div>
    </form>
  );
}
