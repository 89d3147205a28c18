/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useCallback, useState } from 'react';
import type { SectionDef } from '../../../src/domain/formats.js';
import { FormatForm } from '../../../src/tab/components/format-form.js';
import { I18nProvider } from '../../../src/tab/i18n/i18n.js';

const text = (nl: string) => ({ nl, en: nl });
const sections: SectionDef[] = [1, 2, 3, 4].map((n) => ({
  id: `s${n}`,
  title: text(`Deel ${n}`),
  fields: [
    { id: `s${n}.tekst`, kind: 'text', label: text(`Vraag ${n}`) },
    { id: `s${n}.smiley`, kind: 'smiley', label: text(`Stelling ${n}`) },
  ],
})) as SectionDef[];

function Harness({ sections, after }: { sections: SectionDef[]; after?: React.ReactNode }) {
  const [values, setValues] = useState<Record<string, unknown>>({});
  const handleEdit = useCallback(
    (id: string, value: unknown) => setValues((v) => ({ ...v, [id]: value })),
    [],
  );
  return (
    <FluentProvider theme={teamsLightTheme}>
      <I18nProvider locale="nl">
        <FormatForm sections={sections} values={values} onEdit={handleEdit} after={after} />
      </I18nProvider>
    </FluentProvider>
  );
}

describe('FormatForm', () => {
  it('shows the first sections at once, appends the rest in format order, and keeps what was typed', async () => {
    render(<Harness sections={sections} />);
    const headings = () => screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings()).toEqual(['Deel 1', 'Deel 2']);

    // Typed before the rest arrives.
    fireEvent.change(screen.getByLabelText('Vraag 1'), { target: { value: 'Meer wandelen' } });
    await waitFor(() => expect(headings()).toEqual(['Deel 1', 'Deel 2', 'Deel 3', 'Deel 4']));
    expect((screen.getByLabelText('Vraag 1') as HTMLTextAreaElement).value).toBe('Meer wandelen');

    // Document order is the format's order: that is the keyboard order.
    const fields = [...document.querySelectorAll('textarea')].map(
      (t) => t.id && document.querySelector(`label[for="${t.id}"]`)?.textContent,
    );
    expect(fields).toEqual(['Vraag 1', 'Vraag 2', 'Vraag 3', 'Vraag 4']);

    fireEvent.click(
      screen
        .getByRole('radiogroup', { name: 'Stelling 4' })
        .querySelector('input[value="happy"]') as HTMLInputElement,
    );
    expect(
      (
        screen
          .getByRole('radiogroup', { name: 'Stelling 4' })
          .querySelector('input[value="happy"]') as HTMLInputElement
      ).checked,
    ).toBe(true);
    expect((screen.getByLabelText('Vraag 1') as HTMLTextAreaElement).value).toBe('Meer wandelen');
  });

  it('paints a screen of fields first, cutting a long section, and completes it in place', async () => {
    const long = [
      {
        id: 'huis',
        title: text('Gezondheid'),
        fields: [1, 2, 3, 4, 5, 6].map((n) => ({
          id: `huis.${n}`,
          kind: 'smiley',
          label: text(`Stelling ${n}`),
        })),
      },
    ] as SectionDef[];
    render(<Harness sections={long} after={<button type="button">Klaar</button>} />);
    expect(screen.getAllByRole('radiogroup')).toHaveLength(4);
    // The form's button comes after its last field, so not before the last field is there.
    expect(screen.queryByRole('button', { name: 'Klaar' })).toBeNull();
    await waitFor(() => expect(screen.getAllByRole('radiogroup')).toHaveLength(6));
    // One section still, its last statements appended below its first.
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(1);
    expect(screen.getAllByRole('radiogroup').at(-1)).toBe(
      screen.getByRole('radiogroup', { name: 'Stelling 6' }),
    );
  });
});
