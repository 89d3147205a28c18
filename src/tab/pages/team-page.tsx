/** Mijn team: where each report stands, what is late, and the anonymous team picture. */
import {
  Badge,
  Button,
  Field,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { conversationTypes, floorTitle, floors, type ConversationType } from '../../domain/formats.js';
import type { TeamMember, TeamVitalityPicture } from '../api/types.js';
import { useApp } from '../app-context.js';
import { PageTitle } from '../components/page-title.js';
import { ProblemBar } from '../components/problem-bar.js';
import { smileyOptions } from '../components/smiley-scale.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/i18n.js';
import { href, yearHref } from '../routing/router.js';
import { nextStepKey, targetHref } from '../routing/targets.js';
import type { PageProps } from '../shell.js';
import { filterMembers, latestConversation, type TeamFilter } from './team-logic.js';

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'flex-end',
    marginBottom: tokens.spacingVerticalL,
  },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  who: { display: 'flex', flexDirection: 'column', minWidth: '200px', flexGrow: 1 },
  status: { display: 'flex', flexDirection: 'column', minWidth: '200px', flexGrow: 2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  dates: { display: 'flex', flexDirection: 'column', minWidth: '240px', flexGrow: 2 },
  section: {
    marginTop: tokens.spacingVerticalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  table: { borderCollapse: 'collapse', width: '100%', backgroundColor: tokens.colorNeutralBackground1 },
  cell: {
    textAlign: 'left',
    padding: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  bar: {
    display: 'flex',
    height: '10px',
    minWidth: '80px',
    borderRadius: tokens.borderRadiusSmall,
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground3,
  },
  sad: { backgroundColor: tokens.colorPaletteRedBorder2 },
  neutral: { backgroundColor: tokens.colorPaletteYellowBorder2 },
  happy: { backgroundColor: tokens.colorPaletteGreenBorder2 },
  na: { backgroundColor: tokens.colorNeutralStroke1 },
});

const filters: TeamFilter[] = ['all', 'action', 'overdue', 'none'];

/** Mijn team: where each report stands, what is late, and the anonymous team picture. */
export function TeamPage(_props: PageProps) {
  const { api } = useApp();
  const i18n = useI18n();
  const styles = useStyles();
  const team = useLoad(() => api.team(), 'team');
  const picture = useLoad(() => api.teamVitality(), 'team-vitality');
  const [filter, setFilter] = useState<TeamFilter>('all');
  const [type, setType] = useState<ConversationType | ''>('');

  const members: TeamMember[] = team.data ? filterMembers(team.data.members, filter, type || undefined) : [];

  return (
    <>
      <PageTitle text={i18n.t('team.title')} />
      <div className={styles.filters}>
        <Field label={i18n.t('team.filter')}>
          <RadioGroup
            layout="horizontal"
            value={filter}
            onChange={(_e, d) => setFilter(d.value as TeamFilter)}
          >
            {filters.map((f) => (
              <Radio key={f} value={f} label={i18n.t(`team.filter.${f}`)} />
            ))}
          </RadioGroup>
        </Field>
        <Field label={i18n.t('team.typeFilter')}>
          <Select value={type} onChange={(_e, d) => setType(d.value as ConversationType | '')}>
            <option value="">{i18n.t('team.allTypes')}</option>
            <option value="vitaliteit">{i18n.t('type.vitaliteit')}</option>
            <option value="reflectie">{i18n.t('type.reflectie')}</option>
            <option value="goede-gesprek">{i18n.t('type.goede-gesprek')}</option>
          </Select>
        </Field>
      </div>
      <ProblemBar error={team.error} onRetry={team.reload} />
      {team.loading ? <Spinner label={i18n.t('app.loading')} /> : null}
      {team.data && members.length === 0 ? <Text>{i18n.t('team.empty')}</Text> : null}
      <ul className={styles.list} aria-label={i18n.t('team.title')}>
        {members.map((member) => {
          const latest = latestConversation(member, type || undefined);
          // An open request is planned from the request itself, which then closes.
          const request = member.conversations.find((c) => c.stage === 'requested');
          const target = latest
            ? targetHref({
                id: latest.id,
                type: latest.type,
                stage: latest.stage,
                party: latest.party,
                nextStep: latest.nextStep,
                employeeId: member.user.id,
              })
            : undefined;
          return (
            <li key={member.user.id} className={styles.row} data-testid={`member-${member.user.id}`}>
              <div className={styles.who}>
                <Text weight="semibold">{member.user.displayName}</Text>
                <Text size={200}>{member.user.jobTitle}</Text>
              </div>
              <div className={styles.status}>
                {latest ? (
                  <>
                    <Text>
                      {i18n.t(`type.${latest.type}`)}: {i18n.t(`stage.${latest.stage}`)}
                    </Text>
                    <Text size={200}>{i18n.t(nextStepKey('manager', latest.nextStep))}</Text>
                  </>
                ) : (
                  <Text>{i18n.t('team.noConversation')}</Text>
                )}
              </div>
              <div className={styles.dates} data-testid={`dates-${member.user.id}`}>
                {conversationTypes
                  .filter((t) => (!type || t === type) && member.dates[t])
                  .map((t) => {
                    const d = member.dates[t];
                    return (
                      <Text key={t} size={200}>
                        {i18n.t('team.datesLine', {
                          type: i18n.t(`type.${t}`),
                          last: d?.last ? i18n.date(d.last.date) : '—',
                          next: d?.next ? i18n.date(d.next.start) : '—',
                        })}
                      </Text>
                    );
                  })}
              </div>
              {member.overdue ? (
                <Badge color="danger" appearance="filled">
                  {i18n.t('team.overdue')}
                </Badge>
              ) : null}
              {member.overdueReasons.includes('reflection-not-planned') ? (
                <Text size={200}>{i18n.t('team.reflectionNotPlanned')}</Text>
              ) : null}
              <div className={styles.actions}>
                {latest ? (
                  <Button
                    as="a"
                    size="small"
                    href={target ?? href(`/gesprek/${latest.id}`)}
                    aria-label={`${i18n.t('team.open')}: ${member.user.displayName}`}
                  >
                    {i18n.t('team.open')}
                  </Button>
                ) : null}
                <Button
                  as="a"
                  size="small"
                  href={yearHref(member.user.id)}
                  aria-label={i18n.t('year.linkForLabel', { name: member.user.displayName })}
                >
                  {i18n.t('year.linkFor')}
                </Button>
                <Button
                  as="a"
                  size="small"
                  href={href('/plannen', { employee: member.user.id, request: request?.id })}
                  aria-label={`${i18n.t(request ? 'team.planRequest' : 'team.plan')}: ${member.user.displayName}`}
                >
                  {i18n.t(request ? 'team.planRequest' : 'team.plan')}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
      <section className={styles.section} aria-labelledby="team-picture">
        <h2 id="team-picture" className={styles.heading}>
          {i18n.t('team.pictureTitle')}
        </h2>
        <ProblemBar error={picture.error} />
        {picture.data ? <TeamPicture picture={picture.data} /> : null}
      </section>
    </>
  );
}

function TeamPicture({ picture }: { picture: TeamVitalityPicture }) {
  const i18n = useI18n();
  const styles = useStyles();
  if (!picture.shown) {
    return (
      <Text data-testid="team-picture-hidden">
        {i18n.t('team.pictureHidden', { count: picture.contributors, minimum: picture.minimum })}
      </Text>
    );
  }
  return (
    <>
      <Text>{i18n.t('team.pictureIntro', { count: picture.contributors })}</Text>
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={styles.cell} scope="col">
              {i18n.t('team.floor')}
            </th>
            {smileyOptions.map((s) => (
              <th key={s} className={styles.cell} scope="col">
                {i18n.t(`smiley.${s}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {floors.map((floor) => {
            const counts = picture.floors[floor];
            const total = smileyOptions.reduce((sum, s) => sum + counts[s], 0) || 1;
            return (
              <tr key={floor}>
                <th className={styles.cell} scope="row">
                  {i18n.text(floorTitle(floor))}
                  <div className={styles.bar} aria-hidden="true">
                    {smileyOptions.map((s) => (
                      <span
                        key={s}
                        className={styles[s]}
                        style={{ width: `${(counts[s] / total) * 100}%` }}
                      />
                    ))}
                  </div>
                </th>
                {smileyOptions.map((s) => (
                  <td key={s} className={styles.cell}>
                    {counts[s]}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
