/** Local mode's stand-in for a Teams meeting, leading to the conversation's meeting view. */
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ConversationSummary } from '../api/types.js';
import { useApp } from '../app-context.js';
import { PageTitle } from '../components/page-title.js';
import { ProblemBar } from '../components/problem-bar.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/i18n.js';
import { href } from '../routing/router.js';
import type { PageProps } from '../shell.js';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, alignItems: 'flex-start' },
});

/** The conversation whose local meeting this is: its join link ends in `/meeting/<event>`. */
export function conversationOfEvent(
  items: readonly ConversationSummary[],
  eventId: string,
): ConversationSummary | undefined {
  return items.find(
    (c) =>
      c.schedule?.eventId === eventId ||
      (c.schedule?.meetingUrl ?? '').split('?')[0]?.endsWith(`/meeting/${encodeURIComponent(eventId)}`),
  );
}

/**
 * Local mode's stand-in for a Teams meeting (`#/vergadering/<event>`, where the local calendar's join link
 * leads): says that the Teams meeting would open here and leads to the conversation's meeting view.
 */
export function LocalMeetingPage({ params }: PageProps) {
  const { api } = useApp();
  const i18n = useI18n();
  const styles = useStyles();
  const eventId = params.eventId ?? '';
  const list = useLoad(() => api.conversations(), 'local-meeting');
  const conversation = list.data ? conversationOfEvent(list.data.items, eventId) : undefined;
  const other = conversation
    ? conversation.party === 'employee'
      ? conversation.manager
      : conversation.employee
    : undefined;
  const target = conversation
    ? href(`/gesprek/${conversation.id}${conversation.party === 'manager' ? '/gesprek' : ''}`)
    : href('/');

  return (
    <div className={styles.stack} data-testid="local-meeting">
      <PageTitle text={i18n.t('localMeeting.title')} />
      <MessageBar intent="info">
        <MessageBarBody>{i18n.t('localMeeting.intro')}</MessageBarBody>
      </MessageBar>
      <ProblemBar error={list.error} onRetry={list.reload} />
      {list.loading ? <Spinner label={i18n.t('app.loading')} /> : null}
      {conversation ? (
        <Text>
          {i18n.t(`type.${conversation.type}`)}
          {other ? ` ${i18n.t('home.with', { name: other.displayName })}` : ''}
          {conversation.schedule?.start ? ` · ${i18n.dateTime(conversation.schedule.start)}` : ''}
        </Text>
      ) : list.data ? (
        <Text>{i18n.t('localMeeting.unknown')}</Text>
      ) : null}
      {list.data ? (
        <Button as="a" appearance="primary" href={target}>
          {i18n.t(conversation ? 'localMeeting.open' : 'configure.openApp')}
        </Button>
      ) : null}
    </div>
  );
}
