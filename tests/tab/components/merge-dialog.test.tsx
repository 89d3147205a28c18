/** @jest-environment jsdom */
import { describe, expect, it, jest } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen } from '@testing-library/react';
import type { FieldDef } from '../../../src/domain/formats.js';
import { MergeDialog } from '../../../src/tab/components/merge-dialog.js';
import { SaveStatusText } from '../../../src/tab/components/save-status.js';
import { I18nProvider } from '../../../src/tab/i18n/i18n.js';

const field: FieldDef = {
  id: 'kwaliteit.betekenis',
  kind: 'text',
  label: { nl: 'Wat betekent vitaliteit voor jou?', en: 'What does vitality mean to you?' },
};

function wrap(node: React.ReactNode) {
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <I18nProvider locale="nl">{node}</I18nProvider>
    </FluentProvider>,
  );
}

describe('MergeDialog', () => {
  it('shows both versions per field and returns the choice per field', () => {
    const onResolve = jest.fn<(choices: Record<string, 'mine' | 'theirs'>) => void>();
    wrap(
      <MergeDialog
        conflicts={[
          { field: 'kwaliteit.betekenis', mine: 'Mijn tekst', theirs: 'Hun tekst' },
          { field: 'toekomst.1', mine: 'A', theirs: 'B' },
        ]}
        fieldFor={(id) => (id === field.id ? field : undefined)}
        onResolve={onResolve}
      />,
    );
    expect(screen.getByText('Mijn tekst')).toBeTruthy();
    expect(screen.getByText('Hun tekst')).toBeTruthy();
    const theirs = screen.getAllByRole('radio', { name: 'Opgeslagen versie' });
    fireEvent.click(theirs[0] as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: 'Keuze opslaan' }));
    expect(onResolve).toHaveBeenCalledWith({ 'kwaliteit.betekenis': 'theirs', 'toekomst.1': 'mine' });
  });

  it('can take everything from one side at once', () => {
    const onResolve = jest.fn<(choices: Record<string, 'mine' | 'theirs'>) => void>();
    wrap(
      <MergeDialog
        conflicts={[
          { field: 'a', mine: '1', theirs: '2' },
          { field: 'b', mine: '3', theirs: '4' },
        ]}
        fieldFor={() => undefined}
        onResolve={onResolve}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Alles van de opgeslagen versie nemen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keuze opslaan' }));
    expect(onResolve).toHaveBeenCalledWith({ a: 'theirs', b: 'theirs' });
  });
});

describe('SaveStatusText', () => {
  it('says when it was saved, and that it retries when it was not', () => {
    const { rerender } = wrap(
      <SaveStatusText status={{ kind: 'saved', at: new Date(2026, 10, 23, 10, 42) }} />,
    );
    expect(screen.getByRole('status').textContent).toBe('Opgeslagen om 10:42');
    rerender(
      <FluentProvider theme={teamsLightTheme}>
        <I18nProvider locale="nl">
          <SaveStatusText status={{ kind: 'retrying', attempt: 1, offline: false }} />
        </I18nProvider>
      </FluentProvider>,
    );
    expect(screen.getByRole('status').textContent).toBe('Niet opgeslagen — we proberen het opnieuw');
  });
});
