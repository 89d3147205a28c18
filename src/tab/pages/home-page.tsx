/** Mijn gesprekken: every conversation with where it stands and what is expected of me. */
import { Button, Card, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { ConversationSummary } from '../api/types.js';
import { useApp } from '../app-context.js';
import { PageTitle } from '../components/page-title.js';
import { ProblemBar } from '../components/problem-bar.js';
import { filingOf } from '../../domain/confidentiality.js';
import { StageTimeline } from '../components/stage-timeline.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/i18n.js';
import { href, yearHref } from '../routing/router.js';
import { conversationForMeeting } from '../../domain/meeting-chat.js';
import { nextStepKey, targetHref } from '../routing/targets.js';
import type { PageProps } from '../shell.js';

const useStyles = makeStyles({
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    marginBottom: tokens.spacingVerticalXXL,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  cardTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  next: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    justifyContent: 'space-between',
  },
  actions: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    marginBottom: tokens.spacingVerticalL,
  },
});

/** Mijn gesprekken: every conversation with where it stands and what is expected of me. */
export function HomePage(_props: PageProps) {
  const { api, me, host } = useApp();
  const i18n = useI18n();
  const styles = useStyles();
  const load = useLoad(() => api.conversations(), 'home');

  // In a meeting's side panel, go straight to the conversation this meeting is for.
  const meetingConversation = host.sidePanel
    ? conversationForMeeting(load.data?.items ?? [], host.meetingChatId)
    : undefined;
  const meetingTarget = meetingConversation
    ? targetHref({
        id: meetingConversation.id,
        type: meetingConversation.type,
        stage: meetingConversation.stage,
        party: meetingConversation.party,
        nextStep: meetingConversation.nextStep,
        employeeId: meetingConversation.employee.id,
      })
    : undefined;
  useEffect(() => {
    if (meetingTarget) window.location.replace(meetingTarget);
  }, [meetingTarget]);

  const mine = (load.data?.items ?? []).filter((c) => c.party === 'employee');
  const team = (load.data?.items ?? []).filter((c) => c.party === 'manager');

  const renderCard = (c: ConversationSummary) => {
    const other = c.party === 'employee' ? c.manager : c.employee;
    const target = targetHref({
      id: c.id,
      type: c.type,
      stage: c.stage,
      party: c.party,
      nextStep: c.nextStep,
      employeeId: c.employee.id,
    });
    const title = `${i18n.t(`type.${c.type}`)}${other ? ` ${i18n.t('home.with', { name: other.displayName })}` : ''}`;
    return (
      <Card key={c.id} className={styles.card} data-testid={`conversation-${c.id}`}>
        <h3 className={styles.cardTitle}>{title}</h3>
        <Text>
          {c.schedule
            ? i18n.t('home.scheduled', { date: i18n.dateTime(c.schedule.start) })
            : i18n.t('home.notScheduled')}
        </Text>
        <StageTimeline stage={c.stage} filing={filingOf(c.type)} />
        <div className={styles.next}>
          <Text>
            <Text weight="semibold">{i18n.t('next.label')}: </Text>
            {i18n.t(nextStepKey(c.party, c.nextStep))}
          </Text>
          <Button
            as="a"
            href={target ?? href(`/gesprek/${c.id}`)}
            appearance={c.nextStep === 'none' || c.nextStep === 'wait' ? 'secondary' : 'primary'}
            aria-label={`${c.nextStep === 'none' || c.nextStep === 'wait' ? i18n.t('home.open') : i18n.t('next.go')}: ${title}`}
          >
            {c.nextStep === 'none' || c.nextStep === 'wait' ? i18n.t('home.open') : i18n.t('next.go')}
          </Button>
        </div>
      </Card>
    );
  };

  return (
    <>
      <PageTitle text={i18n.t('home.title')} />
      <div className={styles.actions}>
        {me.manager ? (
          <Button as="a" href={href('/aanvragen')}>
            {i18n.t('home.requestCta')}
          </Button>
        ) : null}
        {me.isManager ? (
          <Button as="a" href={href('/plannen')}>
            {i18n.t('nav.plan')}
          </Button>
        ) : null}
        <Button as="a" href={yearHref(me.user.id)}>
          {i18n.t('year.link')}
        </Button>
      </div>
      {me.isHr ? (
        // HR's work is the personnel file and the rounds, never anyone's conversation: say where it is.
        <section className={styles.group} aria-labelledby="home-hr">
          <h2 id="home-hr" className={styles.heading}>
            {i18n.t('home.hrTitle')}
          </h2>
          <Text>{i18n.t('home.hrIntro')}</Text>
          <div className={styles.actions}>
            <Button as="a" appearance="primary" href={href('/archief')}>
              {i18n.t('home.hrArchive')}
            </Button>
            <Button as="a" href={href('/rondes')}>
              {i18n.t('home.hrRounds')}
            </Button>
          </div>
        </section>
      ) : null}
      <ProblemBar error={load.error} onRetry={load.reload} />
      {load.loading ? <Spinner label={i18n.t('app.loading')} /> : null}
      {load.data && load.data.items.length === 0 ? <Text>{i18n.t('home.empty')}</Text> : null}
      {mine.length > 0 ? (
        <section className={styles.group} aria-labelledby="home-mine">
          <h2 id="home-mine" className={styles.heading}>
            {i18n.t('home.asEmployee')}
          </h2>
          {mine.map(renderCard)}
        </section>
      ) : null}
      {team.length > 0 ? (
        <section className={styles.group} aria-labelledby="home-team">
          <h2 id="home-team" className={styles.heading}>
            {i18n.t('home.asManager')}
          </h2>
          {team.map(renderCard)}
        </section>
      ) : null}
    </>
  );
}
