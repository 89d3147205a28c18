/** One conversation in the tab: its header and stage timeline, the sub-pages for its stage, the one shown. */
import {
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState, type ComponentType } from 'react';
import type { ConversationView } from '../api/types.js';
import { useApp } from '../app-context.js';
import { LoadBoundary } from '../components/load-boundary.js';
import { PageTitle } from '../components/page-title.js';
import { ProblemBar } from '../components/problem-bar.js';
import { SignatureBlock } from '../components/signature-block.js';
import { StageTimeline } from '../components/stage-timeline.js';
import { useLoad } from '../components/use-load.js';
import { useSidePanel } from '../components/use-side-panel.js';
import { useI18n } from '../i18n/i18n.js';
import { lazyPage } from '../routing/lazy-page.js';
import { sectionModules } from '../routing/route-modules.js';
import { href, navigate } from '../routing/router.js';
import {
  nextStepKey,
  sectionLabels,
  sectionsFor,
  situationOf,
  targetHref,
  type Section,
} from '../routing/targets.js';
import type { PageProps } from '../shell.js';
import type { SectionProps } from './section-props.js';

type SectionPage = ComponentType<SectionProps>;

const sectionPages: Record<Section, SectionPage> = {
  voorbereiden: lazyPage(sectionModules.voorbereiden, (m) => m.PreparePage),
  gesprek: lazyPage(sectionModules.gesprek, (m) => m.MeetingPage),
  verslag: lazyPage(sectionModules.verslag, (m) => m.ReportPage),
  akkoord: lazyPage(sectionModules.akkoord, (m) => m.ApprovePage),
  pop: lazyPage(sectionModules.pop, (m) => m.PopPage),
  evaluatie: lazyPage(sectionModules.evaluatie, (m) => m.EvaluationPage),
};

const isSection = (value: string | undefined): value is Section =>
  value !== undefined && value in sectionPages;

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXL}`,
    margin: 0,
  },
  fact: { display: 'flex', gap: tokens.spacingHorizontalXS },
  term: { fontWeight: tokens.fontWeightSemibold },
  def: { margin: 0 },
  tabs: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  currentTab: { fontWeight: tokens.fontWeightSemibold, textDecorationLine: 'underline' },
  // The side panel's header: one or two lines, who, which conversation, which stage.
  panelHeader: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    marginBottom: tokens.spacingVerticalS,
  },
  // The line height goes with the smaller size: the page title's own (for its larger size) spaced a wrapped name
  // a whole line apart.
  panelTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  panelLine: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/**
 * One conversation: its header (people, time, stage timeline), the sub-pages that matter in this stage, and
 * the sub-page itself. Without a sub-page in the route it forwards to the page of the next step.
 */
export function ConversationPage({ params, location }: PageProps) {
  const { api, me } = useApp();
  const i18n = useI18n();
  const styles = useStyles();
  const sidePanel = useSidePanel();
  const id = params.id ?? '';
  const section = isSection(params.section) ? params.section : undefined;
  // Just planned (`?uitgenodigd=1`): the overview stays, with word that the invitation went.
  const invited = location.query.get('uitgenodigd') === '1';
  // The first conversation of the page load may already be here (prefetched): then it renders at once.
  const [initial] = useState(() => api.prefetchedConversation(id));
  const load = useLoad(() => api.conversation(id), id, initial);
  const view = load.data;

  useEffect(() => {
    if (!view || section || params.section || invited) return;
    const target = targetHref(situationOf(view));
    if (target) navigate(target, { replace: true });
  }, [view, section, params.section, invited]);

  if (load.error && !view) return <ProblemBar error={load.error} onRetry={load.reload} />;
  if (!view) return <Spinner label={i18n.t('app.loading')} />;

  const c = view.conversation;
  const other = view.party === 'employee' ? view.people.manager : view.people.employee;
  const title = i18n.t('conv.title', { type: i18n.text(view.format.title), name: other?.displayName ?? '' });
  const sections = sectionsFor(situationOf(view));
  const Page = section ? sectionPages[section] : undefined;
  const handleView = (next: ConversationView) => load.setData(next);

  const sectionNav =
    sections.length > 0 ? (
      <nav aria-label={i18n.t('conv.tabs')}>
        <ul className={styles.tabs}>
          <li>
            <Link
              href={href(`/gesprek/${c.id}`)}
              aria-current={section ? undefined : 'page'}
              className={section ? undefined : styles.currentTab}
            >
              {i18n.t('conv.tab.overview')}
            </Link>
          </li>
          {sections.map((s) => (
            <li key={s}>
              <Link
                href={href(`/gesprek/${c.id}/${s}`)}
                aria-current={s === section ? 'page' : undefined}
                className={s === section ? styles.currentTab : undefined}
              >
                {i18n.t(sectionLabels[s])}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    ) : null;

  // The meeting side panel (320 px): who, type and stage in two lines, then the page; no timeline or facts.
  const header = sidePanel ? (
    <div className={styles.panelHeader} data-testid="panel-header">
      <PageTitle text={title} className={styles.panelTitle} />
      <Text className={styles.panelLine}>
        {i18n.text(view.format.title)} · {i18n.t(`stage.${c.stage}`)}
        {c.schedule ? ` · ${i18n.dateTime(c.schedule.start)}` : ''}
      </Text>
      {sectionNav}
    </div>
  ) : null;

  return (
    <>
      {sidePanel ? (
        header
      ) : (
        <div className={styles.header}>
          <PageTitle text={title} />
          <dl className={styles.facts}>
            <div className={styles.fact}>
              <dt className={styles.term}>{i18n.t('conv.employee')}:</dt>
              <dd className={styles.def}>{view.people.employee.displayName}</dd>
            </div>
            {view.people.manager ? (
              <div className={styles.fact}>
                <dt className={styles.term}>{i18n.t('conv.manager')}:</dt>
                <dd className={styles.def}>{view.people.manager.displayName}</dd>
              </div>
            ) : null}
            <div className={styles.fact}>
              <dt className={styles.term}>{i18n.t('conv.when')}:</dt>
              <dd className={styles.def}>
                {c.schedule ? i18n.dateTime(c.schedule.start) : i18n.t('home.notScheduled')}
              </dd>
            </div>
          </dl>
          {c.schedule?.meetingUrl ? (
            <Link href={c.schedule.meetingUrl} target="_blank" rel="noreferrer">
              {i18n.t('conv.meetingLink')}
            </Link>
          ) : null}
          <StageTimeline stage={c.stage} requested={c.requestedBy === 'employee'} filing={view.filing} />
          <Text>
            <Text weight="semibold">{i18n.t('next.label')}: </Text>
            {i18n.t(nextStepKey(view.party, view.nextStep))}
          </Text>
          {sectionNav}
        </div>
      )}
      {invited && !section && view.party === 'manager' ? (
        <MessageBar intent="success" data-testid="plan-invited">
          <MessageBarBody>
            {i18n.t('plan.invited', { name: view.people.employee.displayName })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {c.stage === 'cancelled' && c.cancellation ? (
        <MessageBar intent="warning">
          <MessageBarBody>{i18n.t('conv.cancelled', { reason: c.cancellation.reason })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {c.stage === 'requested' ? (
        <MessageBar intent="info">
          <MessageBarBody>
            {i18n.t('conv.requested')}{' '}
            {c.requestNote ? i18n.t('conv.requestNote', { note: c.requestNote }) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {view.party === 'manager' &&
      section !== 'gesprek' &&
      view.preparationStatus !== 'shared' &&
      ['planned', 'preparing'].includes(c.stage) ? (
        // That she prepares, never what: the manager sees her preparation once she shares it.
        <MessageBar intent="info" data-testid="preparation-status">
          <MessageBarBody>
            {i18n.t(`prep.status.${view.preparationStatus}`, { name: view.people.employee.displayName })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {!Page && view.signatures.length > 0 ? (
        <SignatureBlock view={view} viewerId={me.user.id} id="overview-signatures" />
      ) : null}
      {Page ? (
        <LoadBoundary key={`${section}-${c.id}`} loading={<Spinner label={i18n.t('app.loading')} />}>
          <Page view={view} onView={handleView} />
        </LoadBoundary>
      ) : null}
    </>
  );
}
