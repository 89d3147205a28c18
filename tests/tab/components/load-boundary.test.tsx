/** @jest-environment jsdom */
import { describe, expect, it, jest } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen } from '@testing-library/react';
import { LoadBoundary } from '../../../src/tab/components/load-boundary.js';
import { I18nProvider } from '../../../src/tab/i18n/i18n.js';
import { preloadable } from '../../../src/tab/routing/route-modules.js';

// Fluent's MessageBar watches its width; jsdom has no ResizeObserver.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
} as unknown as typeof ResizeObserver;

describe('on-demand code that cannot be fetched', () => {
  it('stays failed for every render, so the network is not asked again and again', async () => {
    let attempts = 0;
    const module = preloadable(async () => {
      attempts++;
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    const first = module();
    await expect(first).rejects.toThrow('Failed to fetch');
    expect(module()).toBe(first);
    expect(module.value).toBeUndefined();
    expect(attempts).toBe(1);
  });

  it('shows a retry in place of the part that failed, keeps the rest, and loads again on retry', () => {
    const silence = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    let broken = true;
    const reload = jest.fn(() => {
      broken = false;
    });
    function Part() {
      if (broken) throw new TypeError('Failed to fetch dynamically imported module');
      return <p>Samenvoegen</p>;
    }
    render(
      <FluentProvider theme={teamsLightTheme}>
        <I18nProvider locale="nl">
          <p>Formulier</p>
          <LoadBoundary reload={reload}>
            <Part />
          </LoadBoundary>
        </I18nProvider>
      </FluentProvider>,
    );
    expect(screen.getByRole('alert').textContent).toContain('De app kon niet worden geladen.');
    expect(screen.getByText('Formulier')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    expect(reload).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Samenvoegen')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    silence.mockRestore();
  });
});
