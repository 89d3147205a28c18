/** @jest-environment jsdom */
import { describe, expect, it, jest } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import type { Smiley } from '../../../src/domain/answers.js';
import { SmileyRating, SmileyScale, smileyText } from '../../../src/tab/components/smiley-scale.js';
import { catalogs, I18nProvider } from '../../../src/tab/i18n/i18n.js';

function Harness({ locale = 'nl', onChange }: { locale?: 'nl' | 'en'; onChange?: (value: Smiley) => void }) {
  const [value, setValue] = useState<Smiley | undefined>(undefined);
  return (
    <FluentProvider theme={teamsLightTheme}>
      <I18nProvider locale={locale}>
        <SmileyScale
          label="Ik voel me lichamelijk fit genoeg voor mijn werk."
          value={value}
          onChange={(next) => {
            setValue(next);
            onChange?.(next);
          }}
        />
      </I18nProvider>
    </FluentProvider>
  );
}

describe('SmileyScale', () => {
  it('is a radio group named by the statement, with a text label for every option', () => {
    render(<Harness />);
    const group = screen.getByRole('radiogroup', {
      name: 'Ik voel me lichamelijk fit genoeg voor mijn werk.',
    });
    expect(group).toBeTruthy();
    const names = screen.getAllByRole('radio').map((r) => r.getAttribute('value'));
    expect(names).toEqual(['sad', 'neutral', 'happy', 'na']);
    for (const label of ['Klopt niet', 'Deels', 'Klopt', 'Niet van toepassing']) {
      expect(screen.getByRole('radio', { name: label })).toBeTruthy();
    }
  });

  it('draws the faces as SVG hidden from screen readers, with no emoji anywhere (the text says it)', () => {
    const { container } = render(<Harness />);
    const faces = [...container.querySelectorAll('svg[aria-hidden="true"]')].map((el) =>
      el.getAttribute('data-smiley'),
    );
    expect(faces).toEqual(['sad', 'neutral', 'happy']);
    for (const face of container.querySelectorAll('svg')) {
      expect(face.getAttribute('stroke')).toBe('currentColor');
      expect(face.getAttribute('focusable')).toBe('false');
    }
    expect(container.textContent).not.toMatch(/\p{Extended_Pictographic}/u);
    // The accessible names are the labels of the catalogue, whatever their wording.
    for (const option of ['sad', 'neutral', 'happy', 'na'] as const)
      expect(screen.getByRole('radio', { name: catalogs.nl[`smiley.${option}`] })).toBeTruthy();
  });

  it('gives read-only views the face and the text, and plain text without emoji', () => {
    const { container } = render(
      <FluentProvider theme={teamsLightTheme}>
        <I18nProvider locale="nl">
          <SmileyRating value="happy" />
          <SmileyRating value="na" />
        </I18nProvider>
      </FluentProvider>,
    );
    expect([...container.querySelectorAll('svg')].map((el) => el.getAttribute('data-smiley'))).toEqual([
      'happy',
    ]);
    expect(container.textContent).toBe(`${catalogs.nl['smiley.happy']}${catalogs.nl['smiley.na']}`);
    expect(smileyText('sad', (key) => catalogs.en[key])).toBe(catalogs.en['smiley.sad']);
  });

  it('reports the chosen value and checks it', () => {
    const onChange = jest.fn<(value: Smiley) => void>();
    render(<Harness onChange={onChange} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Klopt' }));
    expect(onChange).toHaveBeenCalledWith('happy');
    expect((screen.getByRole('radio', { name: 'Klopt' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'Niet van toepassing' }));
    expect(onChange).toHaveBeenLastCalledWith('na');
    expect((screen.getByRole('radio', { name: 'Klopt' }) as HTMLInputElement).checked).toBe(false);
  });

  it('uses native radios in one group, so arrow keys move between them', () => {
    render(<Harness />);
    const radios = screen.getAllByRole('radio') as HTMLInputElement[];
    expect(new Set(radios.map((r) => r.name)).size).toBe(1);
    expect(radios.every((r) => r.type === 'radio')).toBe(true);
  });

  it('speaks English when asked', () => {
    render(<Harness locale="en" />);
    expect(screen.getByRole('radio', { name: 'Not true' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Not applicable' })).toBeTruthy();
  });
});
