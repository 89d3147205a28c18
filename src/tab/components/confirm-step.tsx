/** The question before an irreversible step: a dialog at full width, inline in the meeting side panel. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { useSidePanel } from './use-side-panel.js';

const useStyles = makeStyles({
  inline: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

export interface ConfirmStepProps {
  title: string;
  /** What happens next, in a sentence or two. */
  body: ReactNode;
  confirmLabel: string;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * Asks before an irreversible step (share, afronden, offer for signing), saying what happens next. At full width
 * a Fluent dialog; in the Teams meeting side panel inline, in place of the button: Teams' design rules for meeting
 * apps allow no modal dialogs inside the panel. Mounted only while it asks. The inline form takes focus, so a
 * keyboard or screen-reader user lands on the question.
 */
export function ConfirmStep({ title, body, confirmLabel, busy, onConfirm, onCancel }: ConfirmStepProps) {
  const sidePanel = useSidePanel();
  const i18n = useI18n();
  const styles = useStyles();
  const titleId = useId();
  const inlineRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (sidePanel) inlineRef.current?.focus();
  }, [sidePanel]);
  const actions = (
    <>
      <Button appearance="primary" disabled={busy} onClick={onConfirm}>
        {confirmLabel}
      </Button>
      <Button disabled={busy} onClick={onCancel}>
        {i18n.t('confirm.cancel')}
      </Button>
    </>
  );
  if (sidePanel) {
    return (
      <section
        ref={inlineRef}
        tabIndex={-1}
        className={styles.inline}
        aria-labelledby={titleId}
        data-testid="confirm-inline"
      >
        <h3 id={titleId} className={styles.title}>
          {title}
        </h3>
        <Text>{body}</Text>
        <div className={styles.actions}>{actions}</div>
      </section>
    );
  }
  return (
    <Dialog
      open
      onOpenChange={(_e, data) => {
        if (!data.open) onCancel();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{body}</DialogContent>
          <DialogActions>{actions}</DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
