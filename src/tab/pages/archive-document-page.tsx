import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useApp } from '../app-context.js';
import { SignatureBlock } from '../components/signature-block.js';
import { VersionReport } from '../components/version-report.js';
import { PageTitle } from '../components/page-title.js';
import { ProblemBar } from '../components/problem-bar.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/i18n.js';
import type { PageProps } from '../shell.js';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  document: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

/** The final, read-only document of a filed conversation: the stored file, the text, and who chose what. */
export function ArchiveDocumentPage({ params }: PageProps) {
  const { api, me } = useApp();
  const i18n = useI18n();
  const styles = useStyles();
  const id = params.id ?? '';
  const load = useLoad(() => api.conversation(id), `archive-${id}`);
  const [downloadError, setDownloadError] = useState<unknown>(undefined);

  if (load.error) return <ProblemBar error={load.error} onRetry={load.reload} />;
  const view = load.data;
  if (!view) return <Spinner label={i18n.t('app.loading')} />;
  const c = view.conversation;
  const version = c.versions.at(-1);
  const archive = c.archive;

  const handleDownload = async () => {
    setDownloadError(undefined);
    try {
      const blob = await api.document(c.id);
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = `${c.type}-${c.id}.pdf`;
      anchor.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (reason) {
      setDownloadError(reason);
    }
  };

  const confidential = view.filing === 'confidential';

  return (
    <div className={styles.stack}>
      <PageTitle text={`${i18n.text(view.format.title)} — ${view.people.employee.displayName}`} />
      {!archive ? (
        <MessageBar intent="info">
          <MessageBarBody>{i18n.t(confidential ? 'archive.notKept' : 'archive.notArchived')}</MessageBarBody>
        </MessageBar>
      ) : (
        <div className={styles.actions}>
          <Text>
            {i18n.t(confidential ? 'archive.keptAt' : 'archive.archivedAt', {
              date: i18n.date(archive.archivedAt),
            })}
          </Text>
          <Link href={archive.url} target="_blank" rel="noreferrer">
            {i18n.t('archive.openFile')}
          </Link>
          <Button onClick={() => void handleDownload()}>{i18n.t('archive.download')}</Button>
          <Text>
            {i18n.t('archive.location')}: {archive.location}
          </Text>
        </div>
      )}
      <ProblemBar error={downloadError} />
      {version ? (
        <section className={styles.document} aria-labelledby="doc-title">
          <h2 id="doc-title" className={styles.heading}>
            {i18n.text(view.format.report.title)} — {i18n.t('approve.version', { version: version.number })}
          </h2>
          <VersionReport format={view.format} version={version} />
        </section>
      ) : null}
      {version ? <SignatureBlock view={view} viewerId={me.user.id} version={version.number} history /> : null}
    </div>
  );
}
