import { Button, Field, MessageBar, MessageBarBody, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useApp } from '../app-context.js';
import { PageTitle } from '../components/page-title.js';
import { ProblemBar } from '../components/problem-bar.js';
import { useI18n } from '../i18n/i18n.js';
import { href, navigate } from '../routing/router.js';
import type { PageProps } from '../shell.js';
import { useFormStyles } from './prepare-page.js';

/** Vitaliteitsgesprek aanvragen: the employee asks their manager for a vitality conversation. */
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
          <ProblemBar error={error} />
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
