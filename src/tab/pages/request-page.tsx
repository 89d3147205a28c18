/** Aanvragen: the employee asks her manager for a Vitaliteitsgesprek. */
import { Button, Field, Link, MessageBar, MessageBarBody, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { ApiError } from '../api/client.js';
import { useApp } from '../app-context.js';
import { PageTitle } from '../components/page-title.js';
import { ProblemBar } from '../components/problem-bar.js';
import { useI18n } from '../i18n/i18n.js';
import { href, navigate } from '../routing/router.js';
import type { PageProps } from '../shell.js';
import { useFormStyles } from './prepare-page.js';

/** The open vitality conversation a refused request names (`already_open`), if that is why it was refused. */
export function openConversationOf(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || error.code !== 'already_open') return undefined;
  const id = error.problem.details?.conversationId;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Vitaliteitsgesprek aanvragen: the employee asks their manager for a vitality conversation. Asking while one is
 * open (asked for or planned) says so in her own words, with a link to it: her manager plans from that one.
 */
export function RequestPage(_props: PageProps) {
  const { api, me } = useApp();
  const i18n = useI18n();
  const styles = useFormStyles();
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  const handleSubmit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const view = await api.requestVitality(note.trim() || undefined);
      navigate(href(`/gesprek/${view.conversation.id}`));
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.stack}>
      <PageTitle text={i18n.t('request.title')} />
      <Text>{i18n.t('request.intro')}</Text>
      {me.manager ? (
        <form
          className={styles.stack}
          onSubmit={(event) => {
            event.preventDefault();
            void handleSubmit();
          }}
        >
          <Field label={i18n.t('request.note')}>
            <Textarea value={note} resize="vertical" rows={4} onChange={(_e, d) => setNote(d.value)} />
          </Field>
          {openConversationOf(error) ? (
            <MessageBar intent="info" data-testid="request-open">
              <MessageBarBody>
                {i18n.t('request.open')}{' '}
                <Link href={href(`/gesprek/${openConversationOf(error)}`)}>{i18n.t('request.openLink')}</Link>
              </MessageBarBody>
            </MessageBar>
          ) : (
            <ProblemBar error={error} />
          )}
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={busy}>
              {i18n.t('request.submit')}
            </Button>
          </div>
        </form>
      ) : (
        <MessageBar intent="warning">
          <MessageBarBody>{i18n.t('request.noManager')}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
