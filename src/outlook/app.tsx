/**
 * The "Gesprek plannen" task pane: choose a direct report, the kind of conversation, its length and a proposed
 * time, then fill in the appointment and plan the conversation in one step.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { conversationTypes, currentFormat, type ConversationType } from '../domain/formats.js';
import type { Locale } from '../domain/text.js';
import type { ApiClient, DirectoryUser, MeResponse, TimeSlot } from './api-client.js';
import { say } from './i18n.js';
import type { OfficeMailboxItem } from './office-types.js';
import { PlanError, planAppointment, proposeTimes, type SlotProposal } from './plan-appointment.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
});

export interface PlanPaneProps {
  item: OfficeMailboxItem;
  api: ApiClient;
  locale: Locale;
  formatLink(conversationId: string): string;
  /** The clock, injectable for tests. */
  now?: () => Date;
}

const durations = [30, 45, 60, 90];

function formatSlot(slot: TimeSlot, locale: Locale): string {
  const options: Intl.DateTimeFormatOptions = {
    timeZone: 'Europe/Amsterdam',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  };
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
  const end = new Intl.DateTimeFormat(tag, {
    timeZone: 'Europe/Amsterdam',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(slot.end));
  return `${new Intl.DateTimeFormat(tag, options).format(new Date(slot.start))} – ${end}`;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; message: string }
  | { kind: 'error'; message: string };

/** The task pane. */
export function PlanPane({ item, api, locale, formatLink, now = () => new Date() }: PlanPaneProps) {
  const styles = useStyles();
  const [me, setMe] = useState<MeResponse | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [employeeId, setEmployeeId] = useState<string>('');
  const [type, setType] = useState<ConversationType>('vitaliteit');
  const [duration, setDuration] = useState(60);
  const [proposal, setProposal] = useState<SlotProposal | null>(null);
  const [slotIndex, setSlotIndex] = useState<string>('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // Kept in a ref so a new clock function on each render does not ask for new proposals.
  const clock = useRef(now);

  useEffect(() => {
    api
      .me()
      .then(setMe, (error: unknown) =>
        setLoadError(error instanceof Error && 'detail' in error ? String(error.detail) : String(error)),
      );
  }, [api]);

  const employee: DirectoryUser | undefined = useMemo(
    () => me?.reports.find((r) => r.id === employeeId),
    [me, employeeId],
  );

  useEffect(() => {
    if (!me || !employee) return;
    setProposal(null);
    setSlotIndex('');
    proposeTimes(api, {
      managerId: me.user.id,
      employeeId: employee.id,
      durationMinutes: duration,
      now: clock.current(),
    }).then(
      (result) => {
        setProposal(result);
        if (result.slots.length > 0) setSlotIndex('0');
      },
      (error: unknown) =>
        setStatus({
          kind: 'error',
          message: `${say(locale, 'loadFailed')}: ${error instanceof Error ? error.message : String(error)}`,
        }),
    );
  }, [api, me, employee, duration, locale]);

  if (loadError) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{`${say(locale, 'loadFailed')}: ${loadError}`}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!me) return <Spinner label={say(locale, 'loading')} />;

  const slot = proposal?.slots[Number(slotIndex)];

  const handlePlan = async () => {
    if (!employee || !slot) return;
    setStatus({ kind: 'busy' });
    try {
      await planAppointment({ item, api, employee, type, slot, formatLink });
      setStatus({ kind: 'done', message: say(locale, 'planned') });
    } catch (error) {
      setStatus({
        kind: 'error',
        message: error instanceof PlanError ? error.messageFor(locale) : String(error),
      });
    }
  };

  return (
    <main className={styles.root} lang={locale}>
      <Title3 as="h1">{say(locale, 'title')}</Title3>
      <Text>{say(locale, 'intro')}</Text>
      {me.reports.length === 0 ? (
        <MessageBar intent="info">
          <MessageBarBody>{say(locale, 'noReports')}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Field label={say(locale, 'employee')}>
            <Dropdown
              placeholder={say(locale, 'chooseEmployee')}
              value={employee?.displayName ?? ''}
              selectedOptions={employeeId ? [employeeId] : []}
              onOptionSelect={(_, data) => setEmployeeId(data.optionValue ?? '')}
            >
              {me.reports.map((report) => (
                <Option key={report.id} value={report.id} text={report.displayName}>
                  {report.jobTitle ? `${report.displayName} (${report.jobTitle})` : report.displayName}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label={say(locale, 'type')}>
            <RadioGroup value={type} onChange={(_, data) => setType(data.value as ConversationType)}>
              {conversationTypes.map((value) => (
                <Radio key={value} value={value} label={currentFormat(value).title[locale]} />
              ))}
            </RadioGroup>
          </Field>
          <Field label={say(locale, 'duration')}>
            <Dropdown
              value={`${duration} ${say(locale, 'minutes')}`}
              selectedOptions={[String(duration)]}
              onOptionSelect={(_, data) => setDuration(Number(data.optionValue))}
            >
              {durations.map((d) => (
                <Option key={d} value={String(d)}>{`${d} ${say(locale, 'minutes')}`}</Option>
              ))}
            </Dropdown>
          </Field>
          {employee && (
            <Field
              label={say(locale, 'slots')}
              hint={
                proposal
                  ? say(locale, proposal.source === 'calendar' ? 'slotsFromCalendar' : 'slotsFromHours')
                  : undefined
              }
            >
              {!proposal ? (
                <Spinner size="tiny" label={say(locale, 'loading')} />
              ) : proposal.slots.length === 0 ? (
                <Text>{say(locale, 'noSlots')}</Text>
              ) : (
                <RadioGroup value={slotIndex} onChange={(_, data) => setSlotIndex(data.value)}>
                  {proposal.slots.map((s, i) => (
                    <Radio key={s.start} value={String(i)} label={formatSlot(s, locale)} />
                  ))}
                </RadioGroup>
              )}
            </Field>
          )}
          <Button
            appearance="primary"
            disabled={!employee || !slot || status.kind === 'busy'}
            onClick={handlePlan}
          >
            {status.kind === 'busy' ? say(locale, 'planning') : say(locale, 'plan')}
          </Button>
        </>
      )}
      {status.kind === 'done' && (
        <MessageBar intent="success">
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === 'error' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
