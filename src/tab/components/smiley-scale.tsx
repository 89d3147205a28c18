/** The smiley scale of a statement: choosing a face, and showing the one chosen. */
import { Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { memo, useId } from 'react';
import type { Smiley } from '../../domain/answers.js';
import { useI18n } from '../i18n/i18n.js';
import { SmileyFace } from './smiley-face.js';

// Listed here rather than imported: domain/answers.ts brings zod, which the tab's first load does not need.
// The Record of faces in smiley-face.tsx fails to compile if the domain's Smiley values change.
export const smileyOptions: readonly Smiley[] = ['sad', 'neutral', 'happy', 'na'];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  group: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  face: {
    fontSize: tokens.fontSizeBase500,
    marginRight: tokens.spacingHorizontalXS,
    verticalAlign: 'middle',
  },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

export interface SmileyScaleProps {
  /** The statement being rated; it names the radio group. */
  label: string;
  value: Smiley | undefined;
  onChange(value: Smiley): void;
  disabled?: boolean;
  /** Why it cannot be submitted yet (not chosen), shown under the scale. */
  problem?: string | undefined;
}

/**
 * Rates a statement on the smiley scale (sad, neutral and happy faces, drawn as SVG, and "niet van
 * toepassing" without a face), each with the label from the i18n catalogue. A native radio group: Tab reaches
 * it, arrow keys choose, and every option has a text label (the face is decoration, hidden from screen
 * readers). Memoised: a format has up to 21 of them, and only the one that changed needs to render again.
 */
export const SmileyScale = memo(function SmileyScale({
  label,
  value,
  onChange,
  disabled,
  problem,
}: SmileyScaleProps) {
  const i18n = useI18n();
  const styles = useStyles();
  const labelId = useId();
  const problemId = useId();
  return (
    <div className={styles.root}>
      <Text id={labelId}>{label}</Text>
      <RadioGroup
        aria-labelledby={labelId}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
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
                {option !== 'na' ? <SmileyFace value={option} className={styles.face} /> : null}
                {i18n.t(`smiley.${option}`)}
              </>
            }
          />
        ))}
      </RadioGroup>
      {problem ? (
        <Text id={problemId} className={styles.problem}>
          {problem}
        </Text>
      ) : null}
    </div>
  );
});

/**
 * The text of a rating, for read-only views and plain text. No emoji in it (they show as an empty box in
 * Chromium on many machines); a view that wants the face puts a `SmileyFace` next to this text.
 */
export function smileyText(value: Smiley, t: (key: `smiley.${Smiley}`) => string): string {
  return t(`smiley.${value}`);
}

/** A rating for read-only views: its face (none for "niet van toepassing") and its text. */
export function SmileyRating({ value }: { value: Smiley }) {
  const i18n = useI18n();
  const styles = useStyles();
  return (
    <Text>
      {value !== 'na' ? <SmileyFace value={value} className={styles.face} /> : null}
      {smileyText(value, (key) => i18n.t(key))}
    </Text>
  );
}
