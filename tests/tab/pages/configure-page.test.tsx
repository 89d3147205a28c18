/** @jest-environment jsdom */
import { describe, expect, it, jest } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor } from '@testing-library/react';
import type { HostInfo } from '../../../src/tab/host/host.js';
import { I18nProvider } from '../../../src/tab/i18n/i18n.js';
import { ConfigurePage, sidePanelUrl, type TabConfigApi } from '../../../src/tab/pages/configure-page.js';

// jsdom has no ResizeObserver; Fluent's MessageBar uses one to reflow its actions.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(window, { ResizeObserver: window.ResizeObserver ?? NoResizeObserver });

function hostOf(inTeams: boolean): HostInfo {
  return {
    inTeams,
    locale: 'nl',
    theme: 'light',
    sidePanel: false,
    onThemeChange: () => undefined,
    notifySuccess: jest.fn(),
    notifyFailure: jest.fn(),
  };
}

type SaveHandler = Parameters<TabConfigApi['registerOnSaveHandler']>[0];

function fakeConfig() {
  let handler: SaveHandler | undefined;
  const api = {
    registerOnSaveHandler: jest.fn((h: SaveHandler) => {
      handler = h;
    }),
    setConfig: jest.fn(async (_config: Parameters<TabConfigApi['setConfig']>[0]): Promise<void> => undefined),
    setValidityState: jest.fn(),
  };
  return { api, save: () => handler };
}

function show(host: HostInfo, loadConfig: () => Promise<TabConfigApi>) {
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <I18nProvider locale="nl">
        <ConfigurePage host={host} loadConfig={loadConfig} />
      </I18nProvider>
    </FluentProvider>,
  );
}

describe('the meeting tab configuration page', () => {
  it('inside Teams: saves the side panel address as the tab "Gesprek" and allows saving at once', async () => {
    window.history.replaceState(null, '', '/tabs/home/index.html?view=configure');
    const host = hostOf(true);
    const { api, save } = fakeConfig();
    show(host, async () => api);

    expect(
      screen.getByRole('heading', { level: 1, name: 'Gesprekscyclus in deze vergadering' }),
    ).toBeTruthy();
    expect(
      screen.getByText('Kies Opslaan om Gesprekscyclus aan deze vergadering toe te voegen.'),
    ).toBeTruthy();
    await waitFor(() => expect(api.setValidityState).toHaveBeenCalledWith(true));
    expect(api.registerOnSaveHandler).toHaveBeenCalledTimes(1);
    expect(host.notifySuccess).toHaveBeenCalled();

    // Teams calls the handler when the user presses Save.
    const event = { notifySuccess: jest.fn(), notifyFailure: jest.fn() };
    save()?.(event);
    await waitFor(() => expect(event.notifySuccess).toHaveBeenCalled());
    expect(api.setConfig).toHaveBeenCalledWith({
      contentUrl: 'http://localhost/tabs/home/index.html?view=zijpaneel',
      entityId: 'gesprek',
      suggestedDisplayName: 'Gesprek',
    });
    expect(event.notifyFailure).not.toHaveBeenCalled();
  });

  it('reports a refused save to Teams', async () => {
    const { api, save } = fakeConfig();
    api.setConfig.mockRejectedValueOnce(new Error('not allowed'));
    show(hostOf(true), async () => api);
    await waitFor(() => expect(api.registerOnSaveHandler).toHaveBeenCalled());
    const event = { notifySuccess: jest.fn(), notifyFailure: jest.fn() };
    save()?.(event);
    await waitFor(() => expect(event.notifyFailure).toHaveBeenCalledWith('not allowed'));
    expect(event.notifySuccess).not.toHaveBeenCalled();
  });

  it('in a plain browser: explains that it only works inside Teams and never touches teams-js', async () => {
    const loadConfig = jest.fn(async (): Promise<TabConfigApi> => fakeConfig().api);
    show(hostOf(false), loadConfig);
    expect(screen.getByText(/Deze pagina werkt alleen in Microsoft Teams/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Naar mijn gesprekken' }).getAttribute('href')).toBe(
      'index.html',
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loadConfig).not.toHaveBeenCalled();
  });

  it('builds the side panel address next to the page, without the hash', () => {
    expect(sidePanelUrl('https://tab.example/tabs/home/index.html?view=configure#/x')).toBe(
      'https://tab.example/tabs/home/index.html?view=zijpaneel',
    );
    expect(sidePanelUrl('https://tab.example/tabs/home/?view=configure')).toBe(
      'https://tab.example/tabs/home/index.html?view=zijpaneel',
    );
  });
});
