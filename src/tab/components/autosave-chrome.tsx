import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { Autosave } from '../autosave/use-autosave.js';
import type { FieldDef } from '../../domain/formats.js';
import { useI18n } from '../i18n/i18n.js';
import { MergeDialog } from './merge-dialog.js';
import { SaveStatusText } from './save-status.js';

/** Status line, restored-edits notice and the merge choice around an autosaving form. */
export function AutosaveChrome({
  autosave,
  fieldFor,
}: {
  autosave: Autosave;
  fieldFor(id: string): FieldDef | undefined;
}) {
  const i18n = useI18n();
  return (
    <>
      {autosave.restored ? (
        <MessageBar intent="info">
          <MessageBarBody>{i18n.t('save.restored')}</MessageBarBody>
        </MessageBar>
      ) : null}
      <SaveStatusText status={autosave.status} />
      {autosave.status.kind === 'conflict' ? (
        <MergeDialog conflicts={autosave.status.conflicts} fieldFor={fieldFor} onResolve={autosave.resolve} />
      ) : null}
    </>
  );
}
