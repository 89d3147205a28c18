/** What sits above an autosaving form: its save status, restored edits and the merge choice on a conflict. */
import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, type ReactNode } from 'react';
import type { Autosave } from '../autosave/use-autosave.js';
import type { FieldDef } from '../../domain/formats.js';
import { useI18n } from '../i18n/i18n.js';
import { lazyPage } from '../routing/lazy-page.js';
import { preloadable } from '../routing/route-modules.js';
import { LoadBoundary } from './load-boundary.js';
import { SaveStatusText } from './save-status.js';

// The merge choice is needed only after a conflicting save: its dialog code loads after the form is on screen.
const mergeDialogModule = preloadable(() => import('./merge-dialog.js'));
const MergeDialog = lazyPage(mergeDialogModule, (m) => m.MergeDialog);

/** Loads the merge dialog's code once the browser is idle, so it opens at once when a conflict comes. */
function usePreloadMergeDialog(): void {
  useEffect(() => {
    const load = (): void => void mergeDialogModule().catch(() => undefined);
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(load, { timeout: 5000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(load, 2000);
    return () => clearTimeout(id);
  }, []);
}

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
  extra,
}: {
  autosave: Autosave;
  fieldFor(id: string): FieldDef | undefined;
  /** Kept in view with the status, e.g. the side panel's jump to the agreements. */
  extra?: ReactNode;
}) {
  const i18n = useI18n();
  const styles = useStyles();
  usePreloadMergeDialog();
  return (
    <div className={styles.sticky}>
      {autosave.restored ? (
        <MessageBar intent="info">
          <MessageBarBody>{i18n.t('save.restored')}</MessageBarBody>
        </MessageBar>
      ) : null}
      <SaveStatusText status={autosave.status} />
      {extra}
      {autosave.status.kind === 'conflict' ? (
        <LoadBoundary>
          <MergeDialog
            conflicts={autosave.status.conflicts}
            fieldFor={fieldFor}
            onResolve={autosave.resolve}
          />
        </LoadBoundary>
      ) : null}
    </div>
  );
}
