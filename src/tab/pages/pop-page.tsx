import { Field, Input, Text, Textarea } from '@fluentui/react-components';
import type { Pop } from '../../domain/conversation.js';
import { useApp } from '../app-context.js';
import { AutosaveChrome } from '../components/autosave-chrome.js';
import { useAutosave } from '../autosave/use-autosave.js';
import { useI18n } from '../i18n/i18n.js';
import { useFormStyles } from './prepare-page.js';
import { ReportBasis } from './report-basis.js';
import type { SectionProps } from './section-props.js';

const popValues = (pop: Pop | undefined): Record<string, unknown> => ({
  goals: pop?.goals ?? '',
  actions: pop?.actions ?? '',
  support: pop?.support ?? '',
  date: pop?.date ?? '',
});

/** POP: the employee's personal development plan, made from the approved report. */
export function PopPage({ view, onView }: SectionProps) {
  const { api, me } = useApp();
  const i18n = useI18n();
  const styles = useFormStyles();
  const c = view.conversation;
  const editable = view.party === 'employee' && (c.stage === 'approved' || c.stage === 'archived');
  const autosave = useAutosave({
    storageKey: `${c.id}.pop.${me.user.id}`,
    view,
    extract: (v) => popValues(v.conversation.pop),
    send: (revision, _changed, all) => {
      // The command takes the whole plan: send every field, with the edits on top.
      const date = typeof all.date === 'string' && all.date ? all.date : undefined;
      return api.command(c.id, revision, {
        type: 'save-pop',
        pop: {
          goals: String(all.goals ?? ''),
          actions: String(all.actions ?? ''),
          support: String(all.support ?? ''),
          ...(date ? { date } : {}),
        },
      });
    },
    onView,
  });
  const text = (key: 'goals' | 'actions' | 'support') => String(autosave.values[key] ?? '');

  return (
    <div className={styles.stack}>
      <h2 className={styles.heading}>{i18n.t('pop.title')}</h2>
      <Text>{i18n.t('pop.intro')}</Text>
      <ReportBasis view={view} />
      {editable ? <AutosaveChrome autosave={autosave} fieldFor={() => undefined} /> : null}
      <Field label={i18n.t('pop.goals')}>
        <Textarea
          value={text('goals')}
          disabled={!editable}
          resize="vertical"
          rows={3}
          onChange={(_e, d) => autosave.edit('goals', d.value)}
        />
      </Field>
      <Field label={i18n.t('pop.actions')}>
        <Textarea
          value={text('actions')}
          disabled={!editable}
          resize="vertical"
          rows={3}
          onChange={(_e, d) => autosave.edit('actions', d.value)}
        />
      </Field>
      <Field label={i18n.t('pop.support')}>
        <Textarea
          value={text('support')}
          disabled={!editable}
          resize="vertical"
          rows={3}
          onChange={(_e, d) => autosave.edit('support', d.value)}
        />
      </Field>
      <Field label={i18n.t('pop.date')}>
        <Input
          type="date"
          value={String(autosave.values.date ?? '')}
          disabled={!editable}
          onChange={(_e, d) => autosave.edit('date', d.value)}
        />
      </Field>
    </div>
  );
}
