import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AutosaveChrome } from '../components/autosave-chrome.js';
import { FormatForm } from '../components/format-form.js';
import { ProblemBar } from '../components/problem-bar.js';
import { useI18n } from '../i18n/i18n.js';
import type { SectionProps } from './section-props.js';
import { useConversationForm } from './use-conversation-form.js';

export const useFormStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/** Voorbereiden: the employee fills in the format of this conversation type; every keystroke is kept. */
export function PreparePage({ view, onView }: SectionProps) {
  const i18n = useI18n();
  const styles = useFormStyles();
  const format = view.format;
  const { autosave, fieldFor, finish, busy, error } = useConversationForm(
    view,
    onView,
    'preparation',
    format.preparation,
  );
  const stage = view.conversation.stage;
  const editable = view.party === 'employee' && (stage === 'planned' || stage === 'preparing');

  return (
    <div className={styles.stack}>
      <h2 className={styles.heading}>{i18n.t('prepare.title')}</h2>
      <Text>{i18n.text(format.intro)}</Text>
      {format.type === 'vitaliteit' ? (
        <MessageBar intent="info">
          <MessageBarBody>{i18n.t('conv.privacy')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {editable ? (
        // True to what the server does: her manager sees only that she prepares until she shares it.
        <MessageBar intent="info" layout="multiline" data-testid="share-info">
          <MessageBarBody>{i18n.t('prepare.shareInfo')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {format.tip ? (
        <MessageBar intent="success" icon={null}>
          <MessageBarBody>{i18n.text(format.tip)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {view.party === 'employee' && stage === 'prepared' ? (
        <MessageBar intent="success">
          <MessageBarBody>{i18n.t('prepare.submitted')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {!editable && view.party === 'employee' && stage !== 'prepared' ? (
        <MessageBar intent="info">
          <MessageBarBody>{i18n.t('conv.readOnly')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {editable ? <AutosaveChrome autosave={autosave} fieldFor={fieldFor} /> : null}
      <FormatForm
        sections={format.preparation}
        values={autosave.values}
        onEdit={autosave.edit}
        disabled={!editable}
        after={
          <>
            <ProblemBar error={error} />
            {editable ? (
              <div className={styles.actions}>
                <Button
                  appearance="primary"
                  disabled={busy}
                  onClick={() => void finish({ type: 'submit-preparation' })}
                >
                  {i18n.t('prepare.submit')}
                </Button>
              </div>
            ) : null}
          </>
        }
      />
    </div>
  );
}
