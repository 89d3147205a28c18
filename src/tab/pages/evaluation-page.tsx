import { Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useApp } from '../app-context.js';
import { AutosaveChrome } from '../components/autosave-chrome.js';
import { useAutosave } from '../autosave/use-autosave.js';
import { useI18n } from '../i18n/i18n.js';
import { useFormStyles } from './prepare-page.js';
import { ReportBasis } from './report-basis.js';
import type { SectionProps } from './section-props.js';

const useStyles = makeStyles({
  label: { fontWeight: tokens.fontWeightSemibold },
  text: { whiteSpace: 'pre-wrap' },
});

/** Zelfevaluatie: looking back on the report, the agreements and the POP before the next conversation. */
export function EvaluationPage({ view, onView }: SectionProps) {
  const { api, me } = useApp();
  const i18n = useI18n();
  const styles = useFormStyles();
  const own = useStyles();
  const c = view.conversation;
  const editable = view.party === 'employee' && (c.stage === 'approved' || c.stage === 'archived');
  const autosave = useAutosave({
    storageKey: `${c.id}.evaluation.${me.user.id}`,
    view,
    extract: (v) => ({ text: v.conversation.evaluation?.text ?? '' }),
    send: (revision, _changed, all) =>
      api.command(c.id, revision, { type: 'save-evaluation', text: String(all.text ?? '') }),
    onView,
  });
  const pop = c.pop;

  return (
    <div className={styles.stack}>
      <h2 className={styles.heading}>{i18n.t('evaluation.title')}</h2>
      <Text>{i18n.t('evaluation.intro')}</Text>
      <ReportBasis
        view={view}
        extra={
          pop ? (
            <div>
              <Text className={own.label} block>
                {i18n.t('pop.title')}
              </Text>
              <Text className={own.text} block>
                {[pop.goals, pop.actions, pop.support].filter(Boolean).join('\n')}
                {pop.date ? `\n${i18n.t('pop.date')}: ${i18n.date(pop.date)}` : ''}
              </Text>
            </div>
          ) : null
        }
      />
      {editable ? <AutosaveChrome autosave={autosave} fieldFor={() => undefined} /> : null}
      <Field label={i18n.t('evaluation.text')}>
        <Textarea
          value={String(autosave.values.text ?? '')}
          disabled={!editable}
          resize="vertical"
          rows={8}
          onChange={(_e, d) => autosave.edit('text', d.value)}
        />
      </Field>
    </div>
  );
}
