/** The save status of a form in words: saved at, saving, or not saved and why. */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { SaveStatus } from '../autosave/autosave.js';
import { useI18n, type I18n } from '../i18n/i18n.js';
import { describeError } from './problem-bar.js';

const useStyles = makeStyles({
  status: { color: tokens.colorNeutralForeground2 },
  problem: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** The sentence for a save status: "Opgeslagen om 10:42", "Opslaan…", "Niet opgeslagen — …". */
export function saveStatusText(status: SaveStatus, i18n: I18n): string {
  switch (status.kind) {
    case 'idle':
      return '';
    case 'dirty':
      return i18n.t('save.dirty');
    case 'incomplete':
      return status.tooLong > 0
        ? i18n.t('save.tooLong', { count: status.tooLong })
        : i18n.t('save.incomplete');
    case 'saving':
      return i18n.t('save.saving');
    case 'saved':
      return i18n.t('save.saved', { time: i18n.time(status.at) });
    case 'retrying':
      return status.offline ? i18n.t('save.offline') : i18n.t('save.failed');
    case 'error':
      // The message of the domain's code, never the validator's own words.
      return `${i18n.t('save.error')}: ${describeError(status.error, i18n)}`;
    case 'conflict':
      return i18n.t('save.conflict');
  }
}

/** The autosave status, announced politely to screen readers. */
export function SaveStatusText({ status }: { status: SaveStatus }) {
  const i18n = useI18n();
  const styles = useStyles();
  const problem =
    status.kind === 'retrying' ||
    status.kind === 'error' ||
    status.kind === 'conflict' ||
    status.kind === 'incomplete';
  return (
    <Text
      role="status"
      aria-live="polite"
      data-testid="save-status"
      className={problem ? styles.problem : styles.status}
    >
      {saveStatusText(status, i18n)}
    </Text>
  );
}
