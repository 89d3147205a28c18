/** The archive page: a person's own filed documents, and HR's index of filed records with its filters. */
import { Field, Input, Link, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { decisionLabels } from '../../domain/audit.js';
import type { DecisionKind } from '../../domain/conversation.js';
import type { ArchiveItem } from '../api/types.js';
import { useApp } from '../app-context.js';
import { ControlCode } from '../components/version-report.js';
import { PageTitle } from '../components/page-title.js';
import { ProblemBar } from '../components/problem-bar.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/i18n.js';
import { href } from '../routing/router.js';
import type { PageProps } from '../shell.js';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    marginBottom: tokens.spacingVerticalXXL,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    alignItems: 'flex-end',
  },
  table: { borderCollapse: 'collapse', width: '100%', backgroundColor: tokens.colorNeutralBackground1 },
  cell: {
    textAlign: 'left',
    padding: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
});

/** HR's archive filters: employee, type, year and free text (name, type, location). Empty means any. */
export interface ArchiveFilter {
  employeeId: string;
  type: string;
  year: string;
  query: string;
}

export const noArchiveFilter: ArchiveFilter = { employeeId: '', type: '', year: '', query: '' };

/** The date a row is listed under: when it was filed, or the conversation's date for a content-free record. */
export function archiveDate(item: ArchiveItem): string | undefined {
  return item.filing === 'confidential' ? item.date : item.archivedAt;
}

/** The rows that pass the filters; `typeLabel` gives the type's name as shown, so the search finds it too. */
export function filterArchive(
  items: readonly ArchiveItem[],
  filter: ArchiveFilter,
  typeLabel: (type: ArchiveItem['type']) => string,
): ArchiveItem[] {
  const words = filter.query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return items.filter((item) => {
    if (filter.employeeId && item.employee.id !== filter.employeeId) return false;
    if (filter.type && item.type !== filter.type) return false;
    if (filter.year && archiveDate(item)?.slice(0, 4) !== filter.year) return false;
    const haystack = [
      item.employee.displayName,
      typeLabel(item.type),
      item.filing === 'personnel-file' ? (item.location ?? '') : '',
      archiveDate(item)?.slice(0, 10) ?? '',
    ]
      .join(' ')
      .toLocaleLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** Who chose what on a filed document, in words: voor gezien is never shown as agreement. */
function whoChose(
  choices: { employee?: DecisionKind; manager?: DecisionKind },
  i18n: ReturnType<typeof useI18n>,
): string {
  return (['employee', 'manager'] as const)
    .filter((party) => choices[party])
    .map((party) =>
      i18n.t('archive.choice', {
        party: i18n.t(party === 'employee' ? 'archive.employee' : 'archive.manager'),
        decision: decisionLabels[choices[party] as DecisionKind][i18n.locale],
      }),
    )
    .join(' · ');
}

/** Archief: my final documents; for HR also the personnel file's list, with what HR can and cannot see. */
export function ArchivePage(_props: PageProps) {
  const { api, me } = useApp();
  const i18n = useI18n();
  const styles = useStyles();
  const mine = useLoad(() => api.conversations(), 'archive-mine');
  const hr = useLoad(() => (me.isHr ? api.archive() : Promise.resolve(undefined)), `archive-hr-${me.isHr}`);
  const archived = (mine.data?.items ?? []).filter((c) => c.stage === 'archived');
  const [filter, setFilter] = useState<ArchiveFilter>(noArchiveFilter);
  const hrItems = hr.data?.items ?? [];
  const rows = filterArchive(hrItems, filter, (type) => i18n.t(`type.${type}`));
  const employees = [...new Map(hrItems.map((i) => [i.employee.id, i.employee])).values()].sort((a, b) =>
    a.displayName.localeCompare(b.displayName),
  );
  const types = [...new Set(hrItems.map((i) => i.type))];
  const years = [...new Set(hrItems.map((i) => archiveDate(i)?.slice(0, 4)).filter(Boolean))]
    .sort()
    .reverse();
  const set = (change: Partial<ArchiveFilter>) => setFilter((f) => ({ ...f, ...change }));

  return (
    <>
      <PageTitle text={i18n.t('archive.title')} />
      <section className={styles.section} aria-labelledby="archive-mine">
        <h2 id="archive-mine" className={styles.heading}>
          {i18n.t('archive.document')}
        </h2>
        <Text>{i18n.t('archive.intro')}</Text>
        <ProblemBar error={mine.error} onRetry={mine.reload} />
        {mine.loading ? <Spinner label={i18n.t('app.loading')} /> : null}
        {mine.data && archived.length === 0 ? <Text>{i18n.t('archive.empty')}</Text> : null}
        <ul className={styles.list}>
          {archived.map((c) => {
            const other = c.party === 'employee' ? c.manager : c.employee;
            return (
              <li key={c.id} className={styles.item} data-testid={`archived-${c.id}`}>
                <Link href={href(`/archief/${c.id}`)}>
                  {i18n.t(`type.${c.type}`)}
                  {other ? ` ${i18n.t('home.with', { name: other.displayName })}` : ''}
                </Link>
                {c.archive ? (
                  <Text>
                    {i18n.t(c.type === 'vitaliteit' ? 'archive.keptAt' : 'archive.archivedAt', {
                      date: i18n.date(c.archive.archivedAt),
                    })}
                  </Text>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>
      {me.isHr ? (
        <section className={styles.section} aria-labelledby="archive-hr">
          <h2 id="archive-hr" className={styles.heading}>
            {i18n.t('archive.hrTitle')}
          </h2>
          <Text>{i18n.t('archive.hrIntro')}</Text>
          <ProblemBar error={hr.error} onRetry={hr.reload} />
          {hr.data && hr.data.items.length === 0 ? <Text>{i18n.t('archive.empty')}</Text> : null}
          {hr.data && hr.data.items.length > 0 ? (
            <div className={styles.filters} role="search">
              <Field label={i18n.t('archive.search')}>
                <Input
                  type="search"
                  value={filter.query}
                  onChange={(_e, d) => set({ query: d.value })}
                  data-testid="archive-search"
                />
              </Field>
              <Field label={i18n.t('archive.employee')}>
                <Select value={filter.employeeId} onChange={(_e, d) => set({ employeeId: d.value })}>
                  <option value="">{i18n.t('archive.anyone')}</option>
                  {employees.map((e) => (
                    <option key={e.id} value={e.id}>
                      {e.displayName}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={i18n.t('archive.type')}>
                <Select value={filter.type} onChange={(_e, d) => set({ type: d.value })}>
                  <option value="">{i18n.t('team.allTypes')}</option>
                  {types.map((t) => (
                    <option key={t} value={t}>
                      {i18n.t(`type.${t}`)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={i18n.t('archive.year')}>
                <Select value={filter.year} onChange={(_e, d) => set({ year: d.value })}>
                  <option value="">{i18n.t('archive.anyYear')}</option>
                  {years.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
          ) : null}
          {hr.data && hr.data.items.length > 0 && rows.length === 0 ? (
            <Text>{i18n.t('archive.noMatch')}</Text>
          ) : null}
          {rows.length > 0 ? (
            <table className={styles.table}>
              <thead>
                <tr>
                  <th className={styles.cell} scope="col">
                    {i18n.t('archive.employee')}
                  </th>
                  <th className={styles.cell} scope="col">
                    {i18n.t('archive.type')}
                  </th>
                  <th className={styles.cell} scope="col">
                    {i18n.t('archive.date')}
                  </th>
                  <th className={styles.cell} scope="col">
                    {i18n.t('archive.signed')}
                  </th>
                  <th className={styles.cell} scope="col">
                    {i18n.t('archive.location')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((item: ArchiveItem) => {
                  // A Vitaliteitsgesprek is a content-free record: the tab never links it, whatever the row says.
                  const recordOnly = item.type === 'vitaliteit' || item.filing === 'confidential';
                  const date = archiveDate(item);
                  return (
                    <tr key={item.conversationId} data-testid={`hr-row-${item.conversationId}`}>
                      <td className={styles.cell}>{item.employee.displayName}</td>
                      <td className={styles.cell}>{i18n.t(`type.${item.type}`)}</td>
                      <td className={styles.cell}>{date ? i18n.date(date) : ''}</td>
                      <td className={styles.cell}>
                        {item.filing === 'confidential'
                          ? i18n.t(item.signed ? 'archive.yes' : 'archive.no')
                          : whoChose(item.choices, i18n)}
                      </td>
                      <td className={styles.cell}>
                        {recordOnly ? (
                          // Content-free: HR may know that it took place and was signed, never open it.
                          <>
                            <Text block>{i18n.t('archive.recordOnly')}</Text>
                            {item.filing === 'confidential' && item.hash ? (
                              <ControlCode hash={item.hash} />
                            ) : null}
                          </>
                        ) : item.filing === 'personnel-file' && item.url ? (
                          // Inside the tab, fetched with HR's own sign-in: a plain link to the file cannot carry it.
                          <Link href={href(`/archief/${item.conversationId}/document`)}>{item.location}</Link>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
