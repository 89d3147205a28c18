import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { Autosave } from '../autosave/use-autosave.js';
import type { FieldDef } from '../../domain/formats.js';
import { useI18n } from '../i18n/i18n.js';
import { MergeDialog } from './merge-dialog.js';
import { SaveStatusText } from './save-status.js';

const useStyles = makeStyles({
  // Stays in view while the form scrolls, so the save status is always visible.
  sticky: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    justifyContent: 'space-between',
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

/** Status line, restored-edits notice and the merge choice above an autosaving form, kept in view. */
export function AutosaveChrome({
  autosave,
  fieldFor,
}: {
  autosave: Autosave;
  fieldFor(id: string): FieldDef | undefined;
}) {
  const i18n = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.sticky}>
      {autosave.restored ? (
        <MessageBar intent="info">
          <MessageBarBody>{i18n.t('save.restored')}</MessageBarBody>
        </MessageBar>
      ) : null}
      <SaveStatusText status={autosave.status} />
      {autosave.status.kind === 'conflict' ? (
        <MergeDialog conflicts={autosave.status.conflicts} fieldFor={fieldFor} onResolve={autosave.resolve} />
      ) : null}
    </div>
  );
}
