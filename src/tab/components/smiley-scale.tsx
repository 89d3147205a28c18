import { Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { memo, useId } from 'react';
import type { Smiley } from '../../domain/answers.js';
import { useI18n } from '../i18n/i18n.js';

// Listed here rather than imported: domain/answers.ts brings zod, which the tab's first load does not need.
// The Record type below fails to compile if the domain's Smiley values change.
export const smileyOptions: readonly Smiley[] = ['sad', 'neutral', 'happy', 'na'];

const faces: Record<Smiley, string> = { sad: '😟', neutral: '😐', happy: '🙂', na: '' };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  group: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  face: {
    fontSize: tokens.fontSizeBase500,
    marginRight: tokens.spacingHorizontalXS,
    verticalAlign: 'middle',
  },
});

export interface SmileyScaleProps {
  /** The statement being rated; it names the radio group. */
  label: string;
  value: Smiley | undefined;
  onChange(value: Smiley): void;
  disabled?: boolean;
}

/**
 * Rates a statement with 😟 Kan beter / 😐 Neutraal / 🙂 Goed / Niet van toepassing. A native radio group:
 * Tab reaches it, arrow keys choose, and every option has a text label (the face is decoration). Memoised: a
 * format has up to 21 of them, and only the one that changed needs to render again.
 */
export const SmileyScale = memo(function SmileyScale({ label, value, onChange, disabled }: SmileyScaleProps) {
  const i18n = useI18n();
  const styles = useStyles();
  const labelId = useId();
  return (
    <div className={styles.root}>
      <Text id={labelId}>{label}</Text>
      <RadioGroup
        aria-labelledby={labelId}
        layout="horizontal"
        className={styles.group}
        value={value ?? ''}
        disabled={disabled}
        onChange={(_event, data) => onChange(data.value as Smiley)}
      >
        {smileyOptions.map((option) => (
          <Radio
            key={option}
            value={option}
            label={
              <>
                {faces[option] ? (
                  <span aria-hidden="true" className={styles.face}>
                    {faces[option]}
                  </span>
                ) : null}
                {i18n.t(`smiley.${option}`)}
              </>
            }
          />
        ))}
      </RadioGroup>
    </div>
  );
});

/** The face and text of a rating, for read-only views. */
export function smileyText(value: Smiley, t: (key: `smiley.${Smiley}`) => string): string {
  return `${faces[value] ? `${faces[value]} ` : ''}${t(`smiley.${value}`)}`;
}
