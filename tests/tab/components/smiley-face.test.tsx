/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import { render } from '@testing-library/react';
import type { Smiley } from '../../../src/domain/answers.js';
import { SmileyFace } from '../../../src/tab/components/smiley-face.js';

function face(value: Smiley): SVGSVGElement {
  const { container } = render(<SmileyFace value={value} size={24} />);
  const svg = container.querySelector('svg');
  if (!svg) throw new Error('no svg');
  return svg;
}

describe('SmileyFace', () => {
  it('draws each face as decoration in the text colour', () => {
    for (const value of ['sad', 'neutral', 'happy', 'na'] as const) {
      const svg = face(value);
      expect(svg.getAttribute('aria-hidden')).toBe('true');
      expect(svg.getAttribute('stroke')).toBe('currentColor');
      expect(svg.getAttribute('width')).toBe('24');
      expect(svg.textContent).toBe('');
    }
  });

  it('gives the three faces three different mouths, and "not applicable" none', () => {
    const mouths = (['sad', 'neutral', 'happy'] as const).map((v) =>
      face(v).querySelector('path')?.getAttribute('d'),
    );
    expect(new Set(mouths).size).toBe(3);
    expect(face('na').querySelectorAll('circle[fill="currentColor"]')).toHaveLength(0);
    expect(face('happy').querySelectorAll('circle[fill="currentColor"]')).toHaveLength(2);
  });
});
