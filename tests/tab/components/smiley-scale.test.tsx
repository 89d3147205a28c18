/** @jest-environment jsdom */
import { describe, expect, it, jest } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import type { Smiley } from '../../../src/domain/answers.js';
import { SmileyScale } from '../../../src/tab/components/smiley-scale.js';
import { I18nProvider } from '../../../src/tab/i18n/i18n.js';

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
    for (const label of ['Kan beter', 'Neutraal', 'Goed', 'Niet van toepassing']) {
      expect(screen.getByRole('radio', { name: label })).toBeTruthy();
    }
  });

  it('hides the faces from screen readers (the text says it)', () => {
    const { container } = render(<Harness />);
    const faces = [...container.querySelectorAll('[aria-hidden="true"]')]
      .map((el) => el.textContent)
      .filter(Boolean);
    expect(faces).toEqual(['😟', '😐', '🙂']);
  });

  it('reports the chosen value and checks it', () => {
    const onChange = jest.fn<(value: Smiley) => void>();
    render(<Harness onChange={onChange} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Goed' }));
    expect(onChange).toHaveBeenCalledWith('happy');
    expect((screen.getByRole('radio', { name: 'Goed' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'Niet van toepassing' }));
    expect(onChange).toHaveBeenLastCalledWith('na');
    expect((screen.getByRole('radio', { name: 'Goed' }) as HTMLInputElement).checked).toBe(false);
  });

  it('uses native radios in one group, so arrow keys move between them', () => {
    render(<Harness />);
    const radios = screen.getAllByRole('radio') as HTMLInputElement[];
    expect(new Set(radios.map((r) => r.name)).size).toBe(1);
    expect(radios.every((r) => r.type === 'radio')).toBe(true);
  });

  it('speaks English when asked', () => {
    render(<Harness locale="en" />);
    expect(screen.getByRole('radio', { name: 'Could be better' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Not applicable' })).toBeTruthy();
  });
});
