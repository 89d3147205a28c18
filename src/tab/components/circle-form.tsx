/** Form parts the circle pages share (POP, self-evaluation): fields with their messages. */
import {
  Button,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  makeStyles,
  tokens,
  type InputProps,
  type TextareaProps,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Autosave } from '../autosave/use-autosave.js';
import { useI18n } from '../i18n/i18n.js';
import { SaveStatusText } from './save-status.js';

const useStyles = makeStyles({
  chrome: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  // Stays in view while a long form scrolls, so the save status is always visible.
  sticky: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    padding: `${tokens.spacingVerticalXS} 0`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  choice: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/**
 * Whether a text would be stored: the domain trims and refuses text of only spaces, so an empty text is fine
 * (left out) but spaces alone are not.
 */
export const isBlank = (text: string | undefined): boolean =>
  text !== undefined && text !== '' && text.trim() === '';

/**
 * A text field's value that keeps what the person typed while the server stores it trimmed: after a pause on
 * "Ik ga " the saved "Ik ga" comes back, and the field must not swallow the space she is about to build on.
 */
export function useKeptText(value: string): [string, (next: string) => void] {
  const [local, setLocal] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== local.normalize('NFC').trim()) setLocal(value);
  }
  return [local, setLocal];
}

/** A Textarea whose text keeps the person's trailing spaces while the trimmed text is saved. */
export function KeptTextarea({
  value,
  onText,
  ...rest
}: Omit<TextareaProps, 'value' | 'onChange'> & { value: string; onText(text: string): void }) {
  const [text, setText] = useKeptText(value);
  return (
    <Textarea
      {...rest}
      value={text}
      onChange={(_e, d) => {
        setText(d.value);
        onText(d.value);
      }}
    />
  );
}

/** An Input whose text keeps the person's trailing spaces while the trimmed text is saved. */
export function KeptInput({
  value,
  onText,
  ...rest
}: Omit<InputProps, 'value' | 'onChange'> & { value: string; onText(text: string): void }) {
  const [text, setText] = useKeptText(value);
  return (
    <Input
      {...rest}
      value={text}
      onChange={(_e, d) => {
        setText(d.value);
        onText(d.value);
      }}
    />
  );
}

/**
 * The save status of an autosaving part of a page, with a conflict asked inline (never a modal dialog: the
 * meeting side panel has no room for one). A conflict on these small forms is the person's own other device or
 * tab, so the choice is all mine or all saved.
 */
export function InlineSaveStatus({ autosave, sticky = false }: { autosave: Autosave; sticky?: boolean }) {
  const i18n = useI18n();
  const styles = useStyles();
  const conflict = autosave.status.kind === 'conflict' ? autosave.status.conflicts : undefined;
  const choose = (choice: 'mine' | 'theirs') =>
    conflict && autosave.resolve(Object.fromEntries(conflict.map((c) => [c.field, choice])));
  return (
    <div className={sticky ? `${styles.chrome} ${styles.sticky}` : styles.chrome}>
      {autosave.restored ? (
        <MessageBar intent="info">
          <MessageBarBody>{i18n.t('save.restored')}</MessageBarBody>
        </MessageBar>
      ) : null}
      <SaveStatusText status={autosave.status} />
      {conflict ? (
        <div className={styles.choice} role="group" aria-label={i18n.t('merge.title')}>
          <Text>{i18n.t('merge.intro')}</Text>
          <Button size="small" onClick={() => choose('mine')}>
            {i18n.t('merge.keepAllMine')}
          </Button>
          <Button size="small" onClick={() => choose('theirs')}>
            {i18n.t('merge.takeAllTheirs')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
