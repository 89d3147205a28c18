/** An employee's year: Het Goede Gesprek, the Reflectiegesprek and the vitality conversations. */
import { Button, Link, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ConversationType, Stage, YearEntry } from '../api/types.js';
import { useApp } from '../app-context.js';
import { PageTitle } from '../components/page-title.js';
import { ProblemBar } from '../components/problem-bar.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/i18n.js';
import { href, yearHref } from '../routing/router.js';
import type { PageProps } from '../shell.js';

const useStyles = makeStyles({
  intro: { display: 'block', marginBottom: tokens.spacingVerticalM },
  years: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalL,
  },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalXL,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  gap: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
  },
  what: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The year in the address (`?jaar=2026`), or this year. */
function yearOf(query: URLSearchParams): number {
  const asked = Number(query.get('jaar'));
  return Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : new Date().getFullYear();
}

const groups = [
  { type: 'goede-gesprek', key: 'goedeGesprek' },
  { type: 'reflectie', key: 'reflectie' },
  { type: 'vitaliteit', key: 'vitaliteit' },
] as const;

/**
 * Jaaroverzicht: one employee's conversations of a year — Het Goede Gesprek, the Reflectiegesprek (second half of
 * the year) and the vitality conversations, each with its stage and a link. A conversation the cycle still
 * expects shows as "nog niet gepland", for the manager with the way to plan it.
 */
export function YearPage({ params, location }: PageProps) {
  const { api, me } = useApp();
  const i18n = useI18n();
  const styles = useStyles();
  const employeeId = params.employeeId ?? '';
  const year = yearOf(location.query);
  const load = useLoad(() => api.year(employeeId, year), `${employeeId}/${year}`);
  const own = employeeId === me.user.id;
  const data = load.data;

  const title = data
    ? own
      ? i18n.t('year.title', { year })
      : i18n.t('year.titleOf', { year, name: data.employee.displayName })
    : i18n.t('year.title', { year });

  const planLink = (type: ConversationType) =>
    own ? null : (
      <Button
        as="a"
        size="small"
        href={href('/plannen', { employee: employeeId, type })}
        aria-label={`${i18n.t('year.plan')}: ${i18n.t(`type.${type}`)}`}
      >
        {i18n.t('year.plan')}
      </Button>
    );

  const renderEntry = (entry: YearEntry) => {
    const type = i18n.t(`type.${entry.type}`);
    const date = i18n.date(entry.date);
    return (
      <li key={entry.id} className={styles.row} data-testid={`year-entry-${entry.id}`}>
        <div className={styles.what}>
          <Text weight="semibold">{date}</Text>
          <Text>{i18n.t(`stage.${entry.stage as Stage}`)}</Text>
        </div>
        <Link href={href(`/gesprek/${entry.id}`)} aria-label={i18n.t('year.openLabel', { type, date })}>
          {i18n.t('year.open')}
        </Link>
      </li>
    );
  };

  return (
    <>
      <PageTitle text={title} />
      <Text className={styles.intro}>{i18n.t('year.intro')}</Text>
      <nav className={styles.years} aria-label={i18n.t('year.title', { year })}>
        <Link href={yearHref(employeeId, year - 1)}>{i18n.t('year.previous', { year: year - 1 })}</Link>
        <Link href={yearHref(employeeId, year + 1)}>{i18n.t('year.next', { year: year + 1 })}</Link>
      </nav>
      <ProblemBar error={load.error} onRetry={load.reload} />
      {load.loading && !data ? <Spinner label={i18n.t('app.loading')} /> : null}
      {data
        ? groups.map(({ type, key }) => {
            const entries = data.view[key];
            const headingId = `year-${type}`;
            const expected =
              type === 'goede-gesprek'
                ? data.view.expected.goedeGesprek
                : type === 'reflectie'
                  ? data.view.expected.reflectie
                  : entries.length === 0;
            return (
              <section key={type} className={styles.section} aria-labelledby={headingId}>
                <h2 id={headingId} className={styles.heading}>
                  {i18n.t(`year.${type}`)}
                </h2>
                {type === 'vitaliteit' && entries.length > 0 ? (
                  <Text className={styles.muted}>
                    {i18n.t('year.vitalityCount', { count: entries.length })}
                  </Text>
                ) : null}
                {entries.length > 0 ? <ul className={styles.list}>{entries.map(renderEntry)}</ul> : null}
                {expected && entries.length === 0 ? (
                  <div className={styles.gap} data-testid={`year-gap-${type}`}>
                    <Text>
                      {type === 'vitaliteit' ? i18n.t('year.noVitality') : i18n.t('year.notPlanned')}
                    </Text>
                    {planLink(type)}
                    {own && type === 'vitaliteit' && me.manager ? (
                      <Button as="a" size="small" href={href('/aanvragen')}>
                        {i18n.t('home.requestCta')}
                      </Button>
                    ) : null}
                  </div>
                ) : null}
              </section>
            );
          })
        : null}
    </>
  );
}
