/** The merge of two edits saved at the same time: field by field, keep this text or the other. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { FieldConflict } from '../autosave/autosave.js';
import type { FieldDef } from '../../domain/formats.js';
import { useI18n } from '../i18n/i18n.js';
import { AnswerView } from './answer-fields.js';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    marginTop: tokens.spacingVerticalM,
  },
  option: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  preview: {
    padding: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    marginLeft: tokens.spacingHorizontalXXL,
  },
  bulk: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalM,
  },
});

export interface MergeDialogProps {
  conflicts: FieldConflict[];
  /** Field definitions by id, to show labels and answers. */
  fieldFor(id: string): FieldDef | undefined;
  onResolve(choices: Record<string, 'mine' | 'theirs'>): void;
}

/** Asks, field by field, whether to keep this device's text or the version saved elsewhere. */
export function MergeDialog({ conflicts, fieldFor, onResolve }: MergeDialogProps) {
  const i18n = useI18n();
  const styles = useStyles();
  const [choices, setChoices] = useState<Record<string, 'mine' | 'theirs'>>(() =>
    Object.fromEntries(conflicts.map((c) => [c.field, 'mine'])),
  );
  const setAll = (choice: 'mine' | 'theirs') =>
    setChoices(Object.fromEntries(conflicts.map((c) => [c.field, choice])));
  const handleApply = () => onResolve(choices);

  return (
    <Dialog open modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{i18n.t('merge.title')}</DialogTitle>
          <DialogContent>
            <Text>{i18n.t('merge.intro')}</Text>
            <div className={styles.bulk}>
              <Button onClick={() => setAll('mine')}>{i18n.t('merge.keepAllMine')}</Button>
              <Button onClick={() => setAll('theirs')}>{i18n.t('merge.takeAllTheirs')}</Button>
            </div>
            <div className={styles.list}>
              {conflicts.map((conflict) => {
                const field = fieldFor(conflict.field);
                const label = field ? i18n.text(field.label) : conflict.field;
                const show = (value: unknown) =>
                  field ? (
                    <AnswerView field={field} value={value} />
                  ) : (
                    <Text>{JSON.stringify(value) ?? i18n.t('merge.empty')}</Text>
                  );
                return (
                  <fieldset key={conflict.field} className={styles.option}>
                    <legend>
                      <Text weight="semibold">{label}</Text>
                    </legend>
                    <RadioGroup
                      value={choices[conflict.field] ?? 'mine'}
                      onChange={(_e, data) =>
                        setChoices((prev) => ({
                          ...prev,
                          [conflict.field]: data.value === 'theirs' ? 'theirs' : 'mine',
                        }))
                      }
                    >
                      <Radio value="mine" label={i18n.t('merge.mine')} />
                      <div className={styles.preview}>{show(conflict.mine)}</div>
                      <Radio value="theirs" label={i18n.t('merge.theirs')} />
                      <div className={styles.preview}>{show(conflict.theirs)}</div>
                    </RadioGroup>
                  </fieldset>
                );
              })}
            </div>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={handleApply}>
              {i18n.t('merge.apply')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
