import {
  Button,
  Checkbox,
  Field,
  Input,
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
import { ProblemBar } from '../components/problem-bar.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/i18n.js';
import { href, navigate } from '../routing/router.js';
import type { PageProps } from '../shell.js';
import { useFormStyles } from './prepare-page.js';

const durations = [30, 45, 60, 90];

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  cell: { flexGrow: 1, minWidth: '150px' },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  partTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Turns a local date, time and duration into the schedule the API takes (ISO timestamps). */
export function toSchedule(
  date: string,
  time: string,
  minutes: number,
): { start: string; end: string } | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return undefined;
  const start = new Date(`${date}T${time}:00`);
  if (Number.isNaN(start.getTime())) return undefined;
  return { start: start.toISOString(), end: new Date(start.getTime() + minutes * 60_000).toISOString() };
}

/**
 * Plan a conversation: report, type, date, time and duration. For a reflection the API picks up the goals of
 * the last approved Het Goede Gesprek; they can also be entered by hand. With `?request=` it plans a request.
 */
export function PlanPage({ location }: PageProps) {
  const { api, me } = useApp();
  const i18n = useI18n();
  const styles = useStyles();
  const formStyles = useFormStyles();
  const requestId = location.query.get('request') ?? undefined;
  const request = useLoad(
    () => (requestId ? api.conversation(requestId) : Promise.resolve(undefined)),
    requestId ?? '-',
  );
  const [employeeId, setEmployeeId] = useState(location.query.get('employee') ?? '');
  // The year view links here with the type it misses (`?type=reflectie`).
  const [type, setType] = useState<ConversationType>(() => {
    const asked = location.query.get('type');
    return conversationTypes.find((t) => t === asked) ?? 'vitaliteit';
  });
  const [date, setDate] = useState(() => isoDay(new Date(Date.now() + 7 * 86_400_000)));
  const [time, setTime] = useState('10:00');
  const [minutes, setMinutes] = useState(60);
  const [manualGoals, setManualGoals] = useState(false);
  const [goals, setGoals] = useState<Partial<Record<GoalPart, Goal[]>>>({});
  const [error, setError] = useState<unknown>(undefined);
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);

  const requestView = request.data;
  const employeeName = requestView?.people.employee.displayName;

  const handleSubmit = async () => {
    const schedule = toSchedule(date, time, minutes);
    setInvalid(!schedule);
    if (!schedule) return;
    setBusy(true);
    setError(undefined);
    try {
      if (requestView) {
        const view = await api.action(requestView.conversation.id, requestView.conversation.revision, {
          type: 'plan',
          schedule,
        });
        navigate(href(`/gesprek/${view.conversation.id}`));
        return;
      }
      const earlierGoals = Object.fromEntries(
        Object.entries(goals)
          .map(([part, list]) => [part, (list ?? []).filter((g) => g.title.trim())] as const)
          .filter(([, list]) => list.length > 0),
      ) as Partial<Record<GoalPart, Goal[]>>;
      const body: PlanRequest = {
        employeeId,
        type,
        ...schedule,
        ...(type === 'reflectie' && manualGoals ? { earlierGoals } : {}),
      };
      const view = await api.plan(body);
      navigate(href(`/gesprek/${view.conversation.id}`));
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
            {i18n.t('plan.request', { name: employeeName ?? '' })}
            {requestView.conversation.requestNote
              ? ` ${i18n.t('conv.requestNote', { note: requestView.conversation.requestNote })}`
              : ''}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <div className={styles.row}>
          <Field label={i18n.t('plan.employee')} required className={styles.cell}>
            <Select value={employeeId} onChange={(_e, d) => setEmployeeId(d.value)}>
              <option value="">{i18n.t('plan.chooseEmployee')}</option>
              {me.reports.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={i18n.t('plan.type')} required className={styles.cell}>
            <Select value={type} onChange={(_e, d) => setType(d.value as ConversationType)}>
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
        <Field
          label={i18n.t('plan.date')}
          required
          className={styles.cell}
          validationMessage={invalid ? i18n.t('plan.invalidTime') : undefined}
        >
          <Input type="date" value={date} onChange={(_e, d) => setDate(d.value)} />
        </Field>
        <Field label={i18n.t('plan.time')} required className={styles.cell}>
          <Input type="time" value={time} onChange={(_e, d) => setTime(d.value)} />
        </Field>
        <Field label={i18n.t('plan.duration')} className={styles.cell}>
          <Select value={String(minutes)} onChange={(_e, d) => setMinutes(Number(d.value))}>
            {durations.map((m) => (
              <option key={m} value={m}>
                {i18n.t('plan.minutes', { minutes: m })}
              </option>
            ))}
          </Select>
        </Field>
      </div>
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
      <ProblemBar error={error} />
      <div className={formStyles.actions}>
        <Button appearance="primary" type="submit" disabled={busy || (!requestView && !employeeId)}>
          {i18n.t('plan.submit')}
        </Button>
      </div>
    </form>
  );
}
