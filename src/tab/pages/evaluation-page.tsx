/** The self-evaluation: per POP item a status and a look back, and an overall text. */
import { Field, Link, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useRef } from 'react';
import type { ConversationView, PopItem, PopStatus, SelfEvaluation } from '../api/types.js';
import { useApp } from '../app-context.js';
import type { Values } from '../autosave/autosave.js';
import { useAutosave } from '../autosave/use-autosave.js';
import { KeptTextarea, isBlank } from '../components/circle-form.js';
import { useI18n } from '../i18n/i18n.js';
import { href } from '../routing/router.js';
import { CirclePageHead, PopStatusSelect, useCircleStyles } from './circle-page.js';
import { useFormStyles } from './prepare-page.js';
import type { SectionProps } from './section-props.js';

/** One POP item's look back as the form keeps it. */
interface ItemValue {
  status: PopStatus;
  text: string;
}

const itemField = (id: string) => `item.${id}`;

/** The form's fields: `item.<popItemId>` per POP item, and `overall`. */
function valuesOf(evaluation: SelfEvaluation | undefined): Values {
  const values: Values = { overall: evaluation?.overall ?? '' };
  for (const item of evaluation?.items ?? [])
    values[itemField(item.popItemId)] = { status: item.status, text: item.text };
  return values;
}

function itemValue(values: Values, item: PopItem): ItemValue {
  const value = values[itemField(item.id)] as Partial<ItemValue> | undefined;
  return { status: value?.status ?? item.status, text: value?.text ?? '' };
}

/** The command's evaluation: every POP item (its own status until she chose one) and the overall text. */
function toEvaluation(values: Values, items: readonly PopItem[]) {
  return {
    items: items.map((item) => ({ popItemId: item.id, ...itemValue(values, item) })),
    overall: String(values.overall ?? ''),
  };
}

/**
 * Zelfevaluatie: before the next conversation the employee looks back on each POP item (where it stands, how it
 * went) and on the whole; both of them see it at the top of the next conversation.
 */
export function EvaluationPage({ view, onView }: SectionProps) {
  const { api, me } = useApp();
  const i18n = useI18n();
  const styles = useCircleStyles();
  const formStyles = useFormStyles();
  const c = view.conversation;
  const editable = view.party === 'employee' && (c.stage === 'approved' || c.stage === 'archived');
  const items = c.pop?.items ?? [];
  const current = useRef<Values>({});
  const autosave = useAutosave({
    storageKey: `${c.id}.evaluation-items.${me.user.id}`,
    view,
    extract: (v: ConversationView) => valuesOf(v.conversation.evaluation),
    send: (revision, _changed, all) =>
      api.command(c.id, revision, {
        type: 'save-evaluation',
        evaluation: toEvaluation(all, view.conversation.pop?.items ?? []),
      }),
    onView,
    // The overall look back is required: without it nothing can be stored yet, so edits wait on this device.
    ready: (field, value) => {
      if (String(current.current.overall ?? '').trim() === '') return false;
      if (field === 'overall') return true;
      return !isBlank((value as Partial<ItemValue> | undefined)?.text);
    },
  });
  current.current = autosave.values;
  const overall = String(autosave.values.overall ?? '');
  const waiting = autosave.status.kind === 'incomplete';

  if (items.length === 0) {
    return (
      <div className={formStyles.stack}>
        <h2 className={formStyles.heading}>{i18n.t('evaluation.title')}</h2>
        <MessageBar intent="info">
          <MessageBarBody>
            {i18n.t('evaluation.noPop')}{' '}
            <Link href={href(`/gesprek/${c.id}/pop`)}>{i18n.t('evaluation.toPop')}</Link>
          </MessageBarBody>
        </MessageBar>
      </div>
    );
  }

  return (
    <div className={formStyles.stack}>
      <CirclePageHead
        title={i18n.t('evaluation.title')}
        intro={i18n.t('evaluation.intro')}
        view={view}
        autosave={autosave}
        editable={editable}
      />
      <ol className={styles.list}>
        {items.map((item, index) => {
          const value = itemValue(autosave.values, item);
          const name = i18n.t('evaluation.item', { number: index + 1, goal: item.goal });
          const blank = isBlank(value.text);
          return (
            <li key={item.id} className={styles.item} data-testid={`evaluation-item-${index + 1}`}>
              <h3 className={styles.itemTitle}>{name}</h3>
              <Text size={200} className={styles.muted}>
                {item.actions}
              </Text>
              <Field label={i18n.t('evaluation.status')}>
                <PopStatusSelect
                  aria-label={`${i18n.t('evaluation.status')} — ${name}`}
                  value={value.status}
                  disabled={!editable}
                  onStatus={(status) => autosave.edit(itemField(item.id), { ...value, status })}
                />
              </Field>
              <Field
                label={`${i18n.t('evaluation.itemText')} (${i18n.t('field.optional')})`}
                validationState={blank ? 'error' : 'none'}
                validationMessage={blank ? i18n.t('evaluation.error.text') : undefined}
              >
                <KeptTextarea
                  aria-label={`${i18n.t('evaluation.itemText')} — ${name}`}
                  value={value.text}
                  disabled={!editable}
                  resize="vertical"
                  rows={3}
                  onText={(text) => autosave.edit(itemField(item.id), { ...value, text })}
                />
              </Field>
            </li>
          );
        })}
      </ol>
      <Field
        label={i18n.t('evaluation.overall')}
        required
        hint={i18n.t('evaluation.overallHelp')}
        validationState={waiting && overall.trim() === '' ? 'error' : 'none'}
        validationMessage={waiting && overall.trim() === '' ? i18n.t('evaluation.error.overall') : undefined}
      >
        <KeptTextarea
          value={overall}
          disabled={!editable}
          resize="vertical"
          rows={6}
          onText={(text) => autosave.edit('overall', text)}
        />
      </Field>
    </div>
  );
}
