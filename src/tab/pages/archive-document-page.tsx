/** A filed conversation's final document in the tab: the stored file, its text, and who chose what. */
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
import { useEffect, useState } from 'react';
import { useApp } from '../app-context.js';
import { SignatureBlock } from '../components/signature-block.js';
import { VersionReport } from '../components/version-report.js';
import { PageTitle } from '../components/page-title.js';
import { ProblemBar } from '../components/problem-bar.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/i18n.js';
import { href } from '../routing/router.js';
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
  viewer: {
    width: '100%',
    height: '70vh',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The filed PDF itself (`#/archief/<id>/document`), fetched with the viewer's own sign-in: HR's archive and the
 * document page link here, never to the API address (which a plain link cannot open).
 */
export function ArchiveFilePage({ params }: PageProps) {
  const { api, me } = useApp();
  const i18n = useI18n();
  const styles = useStyles();
  const id = params.id ?? '';
  const file = useLoad(() => api.document(id), `archive-file-${id}`);
  // HR knows the document from the archive index; the employee and her manager from the conversation.
  const about = useLoad(async () => {
    if (me.isHr) {
      const item = (await api.archive()).items.find((i) => i.conversationId === id);
      if (item)
        return {
          type: item.type,
          name: item.employee.displayName,
          location: item.filing === 'personnel-file' ? item.location : undefined,
        };
    }
    const view = await api.conversation(id);
    return {
      type: view.conversation.type,
      name: view.people.employee.displayName,
      location: view.conversation.archive?.location,
    };
  }, `archive-file-about-${id}`);
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!file.data) return undefined;
    const objectUrl = URL.createObjectURL(file.data);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [file.data]);
  const fileName = `${about.data?.type ?? 'document'}-${id}.pdf`;
  const title = about.data
    ? `${i18n.t(`type.${about.data.type}`)} — ${about.data.name}`
    : i18n.t('archive.fileTitle');

  return (
    <div className={styles.stack} data-testid="archive-file">
      <PageTitle text={title} />
      <ProblemBar error={file.error} onRetry={file.reload} />
      {file.loading ? <Spinner label={i18n.t('app.loading')} /> : null}
      {file.data ? (
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => file.data && saveBlob(file.data, fileName)}>
            {i18n.t('archive.download')}
          </Button>
          {about.data?.location ? (
            <Text>
              {i18n.t('archive.location')}: {about.data.location}
            </Text>
          ) : null}
          <Link href={href('/archief')}>{i18n.t('archive.back')}</Link>
        </div>
      ) : null}
      {url ? <iframe className={styles.viewer} src={url} title={title} /> : null}
    </div>
  );
}

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
      saveBlob(await api.document(c.id), `${c.type}-${c.id}.pdf`);
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
          <Link href={href(`/archief/${c.id}/document`)}>{i18n.t('archive.openFile')}</Link>
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
