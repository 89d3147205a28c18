/**
 * Choosing when to plan a conversation, as in Outlook: free moments in the manager's and the employee's calendars
 * (the Calendar port's free-slot query, spread over days), or a date and time by hand. The plan page and a round's
 * list of reports both plan with it.
 */
import {
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { TimeSlot } from '../api/types.js';
import { useApp } from '../app-context.js';
import { useI18n } from '../i18n/i18n.js';
import { durations, findSlots, isoDay, searchWindow, toSchedule, windowUntil } from '../pages/plan-logic.js';

/** The choice that stands for "a date and time by hand". */
export const manualChoice = 'manual';

/** Where the search for free moments is. */
export type SlotState =
  { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; slots: TimeSlot[] } | { kind: 'failed' };

/** The free moments found and what the person chose: a free moment (`choice` is its start) or by hand. */
export interface SlotChoice {
  state: SlotState;
  slots: TimeSlot[];
  choice: string;
  setChoice(choice: string): void;
  date: string;
  setDate(date: string): void;
  time: string;
  setTime(time: string): void;
  /** The moment chosen; undefined while a date and time by hand cannot be read. */
  schedule: TimeSlot | undefined;
}

export interface SlotSearch {
  /** Whom to plan with (empty: nobody chosen yet, nothing is looked up). */
  employeeId: string;
  minutes: number;
  /** The first day to look from (`yyyy-mm-dd`). */
  day: string;
  /** The last day a moment may fall on (`yyyy-mm-dd`), e.g. a round's end; otherwise two weeks from `day`. */
  lastDay?: string;
}

/**
 * Looks up free moments for the signed-in manager and an employee whenever whom, how long or from when changes,
 * and keeps the choice: the first free moment of a new list, unless a date and time were chosen by hand.
 */
export function useSlotChoice({ employeeId, minutes, day, lastDay }: SlotSearch): SlotChoice {
  const { api, me } = useApp();
  const [state, setState] = useState<SlotState>({ kind: 'idle' });
  const [choice, setChoice] = useState('');
  const [date, setDate] = useState(() => isoDay(new Date(Date.now() + 7 * 86_400_000)));
  const [time, setTime] = useState('10:00');

  useEffect(() => {
    if (!employeeId) {
      setState({ kind: 'idle' });
      return;
    }
    let current = true;
    setState({ kind: 'loading' });
    findSlots(
      async (window) =>
        (
          await api.freeSlots({
            attendeeIds: [me.user.id, employeeId],
            durationMinutes: minutes,
            ...window,
          })
        ).slots,
      windowUntil(searchWindow(day, new Date()), lastDay),
    ).then(
      (slots) => {
        if (!current) return;
        setState({ kind: 'ready', slots });
        setChoice((was) => (was === manualChoice ? manualChoice : (slots[0]?.start ?? manualChoice)));
      },
      () => {
        if (!current) return;
        setState({ kind: 'failed' });
        setChoice(manualChoice);
      },
    );
    return () => {
      current = false;
    };
  }, [api, me.user.id, employeeId, minutes, day, lastDay]);

  const slots = useMemo(() => (state.kind === 'ready' ? state.slots : []), [state]);
  const schedule = useMemo(
    () => (choice === manualChoice ? toSchedule(date, time, minutes) : slots.find((s) => s.start === choice)),
    [choice, date, time, minutes, slots],
  );
  return { state, slots, choice, setChoice, date, setDate, time, setTime, schedule };
}

const useStyles = makeStyles({
  slots: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalL },
  cell: { flexGrow: 1, flexBasis: 0, minWidth: '150px' },
});

export interface SlotPickerProps {
  picker: SlotChoice;
  employeeId: string;
  /** The employee's name, for "from your calendar and {name}'s". */
  employeeName: string;
  /** Unique on the page: the section is labelled by its heading. */
  headingId: string;
  headingLevel?: 'h2' | 'h3' | 'h4';
  /** What is wrong with the moment chosen (shown at the choice, or at the date when by hand). */
  whenMessage?: string;
  /** Called on every change of the choice, date or time (e.g. to clear a refusal about the old moment). */
  onEdit?: () => void;
  /** Shown under the choice, e.g. a warning about the moment. */
  children?: ReactNode;
}

/** The free moments as a list to choose from, and a date and time by hand. */
export function SlotPicker(props: SlotPickerProps) {
  const { picker, employeeId, employeeName, headingId, whenMessage, onEdit, children } = props;
  const Heading = props.headingLevel ?? 'h2';
  const i18n = useI18n();
  const styles = useStyles();
  const { state, slots, choice } = picker;
  const byHand = choice === manualChoice || !employeeId;
  return (
    <section className={styles.slots} aria-labelledby={headingId}>
      <Heading id={headingId} className={styles.title}>
        {i18n.t('plan.slots')}
      </Heading>
      {employeeName ? <Text size={200}>{i18n.t('plan.slotsHint', { name: employeeName })}</Text> : null}
      {!employeeId ? <Text>{i18n.t('plan.slotsChooseEmployee')}</Text> : null}
      {employeeId && state.kind === 'loading' ? (
        <Spinner size="tiny" label={i18n.t('plan.slotsLoading')} />
      ) : null}
      {state.kind === 'ready' && slots.length === 0 ? <Text>{i18n.t('plan.slotsNone')}</Text> : null}
      {state.kind === 'failed' ? <Text>{i18n.t('plan.slotsFailed')}</Text> : null}
      {employeeId && state.kind !== 'loading' ? (
        <Field validationMessage={byHand ? undefined : whenMessage}>
          <RadioGroup
            aria-labelledby={headingId}
            value={choice}
            onChange={(_e, d) => {
              picker.setChoice(d.value);
              onEdit?.();
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
            <Radio value={manualChoice} label={i18n.t('plan.manual')} />
          </RadioGroup>
        </Field>
      ) : null}
      {byHand ? (
        <div className={styles.row}>
          <Field
            label={i18n.t('plan.date')}
            required
            className={styles.cell}
            validationMessage={choice === manualChoice ? whenMessage : undefined}
          >
            <Input
              type="date"
              value={picker.date}
              onChange={(_e, d) => {
                picker.setDate(d.value);
                onEdit?.();
              }}
            />
          </Field>
          <Field label={i18n.t('plan.time')} required className={styles.cell}>
            <Input
              type="time"
              value={picker.time}
              onChange={(_e, d) => {
                picker.setTime(d.value);
                onEdit?.();
              }}
            />
          </Field>
        </div>
      ) : null}
      {children}
    </section>
  );
}

/** The conversation's length, from the durations planning offers. */
export function DurationField({
  minutes,
  onChange,
  className,
}: {
  minutes: number;
  onChange(minutes: number): void;
  className?: string;
}) {
  const i18n = useI18n();
  return (
    <Field label={i18n.t('plan.duration')} {...(className ? { className } : {})}>
      <Select value={String(minutes)} onChange={(_e, d) => onChange(Number(d.value))}>
        {durations.map((m) => (
          <option key={m} value={m}>
            {i18n.t('plan.minutes', { minutes: m })}
          </option>
        ))}
      </Select>
    </Field>
  );
}
