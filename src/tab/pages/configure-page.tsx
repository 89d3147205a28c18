/** The meeting tab's configuration page, which Teams shows before the tab exists. */
import { Link, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { sidePanelView, type HostInfo } from '../host/host.js';
import { useI18n } from '../i18n/i18n.js';

/** What the configuration page needs of teams-js `pages.config` (injected in tests). */
export interface TabConfigApi {
  registerOnSaveHandler(
    handler: (event: { notifySuccess(): void; notifyFailure(reason?: string): void }) => void,
  ): void;
  setConfig(config: { contentUrl: string; entityId: string; suggestedDisplayName: string }): Promise<void>;
  setValidityState(valid: boolean): void;
}

const loadTeamsConfig = async (): Promise<TabConfigApi> => (await import('@microsoft/teams-js')).pages.config;

/** The tab's address for the meeting side panel, next to this page (`…/tabs/home/index.html?view=zijpaneel`). */
export function sidePanelUrl(current: string): string {
  const url = new URL('index.html', current);
  url.search = `?view=${sidePanelView}`;
  url.hash = '';
  return url.toString();
}

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '560px',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

export interface ConfigurePageProps {
  host: HostInfo;
  /** teams-js `pages.config`; loaded on demand, only inside Teams. */
  loadConfig?: () => Promise<TabConfigApi>;
}

/**
 * The meeting tab's configuration page (`?view=configure`): inside Teams it tells Teams which page to show in
 * the meeting side panel and allows saving at once; in a plain browser it explains it only works in Teams.
 */
export function ConfigurePage({ host, loadConfig = loadTeamsConfig }: ConfigurePageProps) {
  const i18n = useI18n();
  const styles = useStyles();

  useEffect(() => {
    if (!host.inTeams) return;
    let current = true;
    loadConfig().then(
      (config) => {
        if (!current) return;
        config.registerOnSaveHandler((event) => {
          config
            .setConfig({
              contentUrl: sidePanelUrl(window.location.href),
              entityId: 'gesprek',
              suggestedDisplayName: 'Gesprek',
            })
            .then(
              () => event.notifySuccess(),
              (reason: unknown) =>
                event.notifyFailure(reason instanceof Error ? reason.message : 'setConfig failed'),
            );
        });
        // Nothing to choose here, so Teams may save at once.
        config.setValidityState(true);
        host.notifySuccess();
      },
      (reason: unknown) =>
        host.notifyFailure(reason instanceof Error ? reason.message : 'configuration failed'),
    );
    return () => {
      current = false;
    };
  }, [host, loadConfig]);

  return (
    <main className={styles.page}>
      <h1 className={styles.heading}>{i18n.t('configure.title')}</h1>
      <Text>{i18n.t('configure.intro')}</Text>
      {host.inTeams ? (
        <Text>{i18n.t('configure.ready')}</Text>
      ) : (
        <>
          <MessageBar intent="info">
            <MessageBarBody>{i18n.t('configure.outsideTeams')}</MessageBarBody>
          </MessageBar>
          <Link href="index.html">{i18n.t('configure.openApp')}</Link>
        </>
      )}
    </main>
  );
}
