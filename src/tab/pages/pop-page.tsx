/** The persoonlijk ontwikkelingsplan (POP), item by item, made from the report's agreements. */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { agreementsIn, limits } from '../../domain/answers.js';
import { popFromAgreements } from '../../domain/circle.js';
import { ApiError } from '../api/client.js';
import type { PopItem } from '../api/types.js';
import { useApp } from '../app-context.js';
import { useAutosave } from '../autosave/use-autosave.js';
import { KeptInput, KeptTextarea, isBlank } from '../components/circle-form.js';
import { newId } from '../components/list-editors.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { CirclePageHead, PopStatusSelect, useCircleStyles } from './circle-page.js';
import { useFormStyles } from './prepare-page.js';
import type { SectionProps } from './section-props.js';

const useStyles = makeStyles({
  itemHead: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  // Who, by when and status side by side on a desktop, stacked in the side panel.
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

const whoOptions = ['employee', 'manager', 'both'] as const satisfies readonly PopItem['who'][];
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

type ItemField = 'goal' | 'actions' | 'support' | 'due';

/** What the domain would refuse in one item, per field, as the message key to show at that field. */
export function itemProblems(item: PopItem): Partial<Record<ItemField, MessageKey>> {
  const problems: Partial<Record<ItemField, MessageKey>> = {};
  if (item.goal.trim() === '') problems.goal = 'pop.error.goal';
  if (item.actions.trim() === '') problems.actions = 'pop.error.actions';
  if (isBlank(item.support)) problems.support = 'pop.error.support';
  if (item.due && !isoDate.test(item.due)) problems.due = 'pop.error.due';
  return problems;
}

/** Whether the plan can be sent as it is: at least one item, and no item the domain would refuse. */
export function isSendablePop(items: readonly PopItem[]): boolean {
  return items.length > 0 && items.every((item) => Object.keys(itemProblems(item)).length === 0);
}

/** The plan as the command takes it: empty optional fields left out. */
function toCommandItems(items: readonly PopItem[]): PopItem[] {
  return items.map(({ due, support, agreementId, ...rest }) => ({
    ...rest,
    ...(due ? { due } : {}),
    ...(support && support.trim() ? { support } : {}),
    ...(agreementId ? { agreementId } : {}),
  }));
}

const asItems = (value: unknown): PopItem[] => (Array.isArray(value) ? (value as PopItem[]) : []);

/** A refusal of the server, by the domain's error code, as a message key for the person (never raw text). */
function refusalKey(error: unknown): MessageKey | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === 'empty_pop') return 'pop.error.empty';
  if (error.code === 'invalid_pop' || error.code === 'blank_text') return 'pop.error.invalid';
  return undefined;
}

/**
 * POP: the employee's persoonlijk ontwikkelingsplan on the basis of the signed report. Per item a goal, what she
 * will do, who, by when, the support she needs and where it stands; made from the report's agreements in one
 * click. The whole plan is sent with every save (`save-pop`), once no item is one the domain would refuse.
 */
export function PopPage({ view, onView }: SectionProps) {
  const { api, me } = useApp();
  const i18n = useI18n();
  const styles = { ...useCircleStyles(), ...useStyles() };
  const formStyles = useFormStyles();
  const c = view.conversation;
  const signed = c.stage === 'approved' || c.stage === 'archived';
  const editable = view.party === 'employee' && signed;
  const [refusal, setRefusal] = useState<MessageKey | undefined>(undefined);
  const autosave = useAutosave({
    storageKey: `${c.id}.pop-items.${me.user.id}`,
    view,
    extract: (v) => ({ items: v.conversation.pop?.items ?? [] }),
    send: async (revision, _changed, all) => {
      try {
        const next = await api.command(c.id, revision, {
          type: 'save-pop',
          pop: { items: toCommandItems(asItems(all.items)) },
        });
        setRefusal(undefined);
        return next;
      } catch (error) {
        setRefusal(refusalKey(error));
        throw error;
      }
    },
    onView,
    ready: (field, value) => field !== 'items' || isSendablePop(asItems(value)),
  });

  const items = asItems(autosave.values.items);
  const report = c.versions.at(-1)?.content.report ?? c.report;
  const agreements = agreementsIn(view.format.report.sections, report);
  const planned = new Set(items.map((item) => item.agreementId).filter(Boolean));
  const missing = agreements.filter((a) => !planned.has(a.id));
  // Fields are marked once something cannot be saved, not while a new item is still being typed.
  const showProblems = autosave.status.kind === 'incomplete' || refusal !== undefined;

  const setItems = (next: PopItem[]) => autosave.edit('items', next);
  const change = (index: number, patch: Partial<PopItem>) =>
    setItems(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  const addItem = () =>
    setItems([...items, { id: `pop-${newId()}`, goal: '', actions: '', who: 'employee', status: 'open' }]);
  const removeItem = (index: number) => setItems(items.filter((_, i) => i !== index));
  const fromAgreements = () => setItems([...items, ...popFromAgreements(missing)]);

  if (!signed) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{i18n.t('pop.notYet')}</MessageBarBody>
      </MessageBar>
    );
  }

  return (
    <div className={formStyles.stack}>
      <CirclePageHead
        title={i18n.t('pop.title')}
        intro={i18n.t('pop.intro')}
        view={view}
        autosave={autosave}
        editable={editable}
      />
      {editable && missing.length > 0 ? (
        <div className={styles.actions}>
          <Button appearance={items.length === 0 ? 'primary' : 'secondary'} onClick={fromAgreements}>
            {items.length === 0
              ? i18n.t('pop.fromAgreements')
              : i18n.t('pop.addMissing', { count: missing.length })}
          </Button>
          {items.length === 0 ? (
            <Text className={styles.muted}>
              {i18n.t('pop.fromAgreementsHelp', { count: missing.length })}
            </Text>
          ) : null}
        </div>
      ) : null}
      <h3 className={formStyles.heading}>{i18n.t('pop.items', { count: items.length })}</h3>
      {items.length === 0 ? (
        <MessageBar intent={showProblems ? 'error' : 'info'}>
          <MessageBarBody>{i18n.t(showProblems ? 'pop.error.empty' : 'pop.empty')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {refusal && refusal !== 'pop.error.empty' ? (
        <MessageBar intent="error">
          <MessageBarBody>{i18n.t(refusal)}</MessageBarBody>
        </MessageBar>
      ) : null}
      <ol className={styles.list}>
        {items.map((item, index) => (
          <PopItemEditor
            key={item.id}
            item={item}
            number={index + 1}
            agreementText={agreements.find((a) => a.id === item.agreementId)?.text}
            disabled={!editable}
            problems={showProblems ? itemProblems(item) : {}}
            onChange={(patch) => change(index, patch)}
            onRemove={() => removeItem(index)}
          />
        ))}
      </ol>
      {editable ? (
        <div className={styles.actions}>
          <Button onClick={addItem}>{i18n.t('pop.add')}</Button>
        </div>
      ) : null}
    </div>
  );
}

function PopItemEditor({
  item,
  number,
  agreementText,
  disabled,
  problems,
  onChange,
  onRemove,
}: {
  item: PopItem;
  number: number;
  agreementText: string | undefined;
  disabled: boolean;
  problems: Partial<Record<ItemField, MessageKey>>;
  onChange(patch: Partial<PopItem>): void;
  onRemove(): void;
}) {
  const i18n = useI18n();
  const styles = { ...useCircleStyles(), ...useStyles() };
  const name = i18n.t('pop.item', { number });
  const at = (field: ItemField) =>
    problems[field] ? { validationState: 'error' as const, validationMessage: i18n.t(problems[field]) } : {};
  const label = (key: MessageKey, optional = false) =>
    `${i18n.t(key)}${optional ? ` (${i18n.t('field.optional')})` : ''}`;
  // Every control names its item too, so a screen reader (and a search by label) tells the items apart.
  const named = (key: MessageKey, optional = false) => ({
    'aria-label': `${label(key, optional)} — ${name}`,
  });
  return (
    <li className={styles.item} data-testid={`pop-item-${number}`}>
      <div className={styles.itemHead}>
        <h4 className={styles.itemTitle}>{name}</h4>
        {!disabled ? (
          <Button size="small" appearance="subtle" onClick={onRemove}>
            {i18n.t('pop.remove', { number })}
          </Button>
        ) : null}
      </div>
      {agreementText ? (
        <Text size={200} className={styles.muted}>
          {i18n.t('pop.fromAgreement', { text: agreementText })}
        </Text>
      ) : null}
      <Field label={label('pop.goal')} required {...at('goal')}>
        <KeptInput
          {...named('pop.goal')}
          value={item.goal}
          disabled={disabled}
          maxLength={limits.titleLength}
          onText={(goal) => onChange({ goal })}
        />
      </Field>
      <Field label={label('pop.actions')} required {...at('actions')}>
        <KeptTextarea
          {...named('pop.actions')}
          value={item.actions}
          disabled={disabled}
          resize="vertical"
          rows={2}
          maxLength={limits.textLength}
          onText={(actions) => onChange({ actions })}
        />
      </Field>
      <div className={styles.row}>
        <Field label={label('pop.who')}>
          <Select
            {...named('pop.who')}
            value={item.who}
            disabled={disabled}
            onChange={(_e, d) => onChange({ who: d.value as PopItem['who'] })}
          >
            {whoOptions.map((who) => (
              <option key={who} value={who}>
                {i18n.t(`agreements.owner.${who}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={label('pop.due', true)} {...at('due')}>
          <Input
            {...named('pop.due', true)}
            type="date"
            value={item.due ?? ''}
            disabled={disabled}
            onChange={(_e, d) => onChange({ due: d.value || undefined })}
          />
        </Field>
        <Field label={label('pop.status')}>
          <PopStatusSelect
            {...named('pop.status')}
            value={item.status}
            disabled={disabled}
            onStatus={(status) => onChange({ status })}
          />
        </Field>
      </div>
      <Field label={label('pop.support', true)} {...at('support')}>
        <KeptTextarea
          {...named('pop.support', true)}
          value={item.support ?? ''}
          disabled={disabled}
          resize="vertical"
          rows={2}
          maxLength={limits.textLength}
          onText={(support) => onChange({ support })}
        />
      </Field>
    </li>
  );
}
