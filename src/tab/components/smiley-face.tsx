/** The smiley faces drawn as inline SVG in the text colour, never as emoji. */
import { makeStyles, mergeClasses } from '@fluentui/react-components';
import type { Smiley } from '../../domain/answers.js';

export interface SmileyFaceProps {
  value: Smiley;
  /** Width and height; by default the size of the text around it. */
  size?: number | string;
  className?: string;
}

/** The mouth of each face, in a 24 × 24 box: a smile, a straight line, a frown. */
const mouths: Record<Exclude<Smiley, 'na'>, string> = {
  happy: 'M7.5 14.2c1.1 1.7 2.7 2.6 4.5 2.6s3.4-.9 4.5-2.6',
  neutral: 'M8 15.5h8',
  sad: 'M7.5 17c1.1-1.7 2.7-2.6 4.5-2.6s3.4.9 4.5 2.6',
};

const useStyles = makeStyles({
  face: {
    verticalAlign: '-0.15em',
    flexShrink: 0,
    // Windows high contrast (forced colours) recolours text but not SVG paint: draw in the system text colour.
    '@media (forced-colors: active)': {
      stroke: 'CanvasText',
      '& .smiley-eye': { fill: 'CanvasText' },
    },
  },
});

/**
 * A rating face drawn as a small inline SVG instead of an emoji (😟 😐 🙂), which Chromium on many machines
 * shows as an empty box. Drawn in `currentColor`, so it follows the text colour in the light, dark and
 * high-contrast themes (and in Windows' forced colours, see the style). Decoration only: `aria-hidden`, the text label next to it
 * says what it means. "Niet van toepassing" is a dashed circle with a dash, as in the PDF.
 */
export function SmileyFace({ value, size = '1em', className }: SmileyFaceProps) {
  const styles = useStyles();
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      data-smiley={value}
      className={mergeClasses(styles.face, className)}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
    >
      {value === 'na' ? (
        <>
          <circle cx="12" cy="12" r="10" strokeDasharray="2.6 2.2" />
          <path d="M8 12h8" />
        </>
      ) : (
        <>
          <circle cx="12" cy="12" r="10" />
          <circle className="smiley-eye" cx="8.6" cy="9.6" r="1.25" fill="currentColor" stroke="none" />
          <circle className="smiley-eye" cx="15.4" cy="9.6" r="1.25" fill="currentColor" stroke="none" />
          <path d={mouths[value]} />
        </>
      )}
    </svg>
  );
}
