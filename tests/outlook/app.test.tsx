/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { PlanPane } from '../../src/outlook/app.js';
import { ApiError, type ApiClient, type ConversationView } from '../../src/outlook/api-client.js';
import { mailboxMock, newAppointment } from './mailbox-mock.js';

const fatima = {
  id: 'fatima',
  displayName: 'Fatima El Amrani',
  email: 'fatima.elamrani@dijkstad.example',
  jobTitle: 'Klantcontactmedewerker',
};

function api(create: ApiClient['createConversation']): ApiClient {
  return {
    me: async () => ({
      user: { id: 'jeroen', displayName: 'Jeroen Bakker', email: 'j@x' },
      reports: [fatima],
      isHr: false,
      isManager: true,
    }),
    conversations: async () => [],
    createConversation: create,
    cancelConversation: async () => undefined,
    freeSlots: async () => null,
  };
}

async function planWith(client: ApiClient) {
  const state = newAppointment();
  const before = { ...state, attendees: [...state.attendees] };
  const { item } = mailboxMock(state);
  render(
    <FluentProvider theme={webLightTheme}>
      <PlanPane
        item={item}
        api={client}
        locale="nl"
        formatLink={(id) => `https://x.example/#/gesprek/${id}`}
        now={() => new Date('2026-11-30T07:10:00Z')}
      />
    </FluentProvider>,
  );
  fireEvent.click(await screen.findByRole('combobox', { name: 'Medewerker' }));
  fireEvent.click(await screen.findByRole('option', { name: /Fatima El Amrani/ }));
  await screen.findByText('Voorgestelde tijden');
  await waitFor(() =>
    expect(screen.getAllByRole('radio').some((r) => (r as HTMLInputElement).value === '0')).toBe(true),
  );
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Afspraak invullen en gesprek plannen' }));
  });
  return { state, before };
}

describe('Gesprek plannen task pane', () => {
  it('plans the chosen conversation with the first proposed time', async () => {
    const { state } = await planWith(
      api(async (request): Promise<ConversationView> => ({
        conversation: { id: 'c-7', type: request.type, revision: 1, stage: 'planned' },
      })),
    );
    expect(await screen.findByText(/Het gesprek is gepland/)).toBeTruthy();
    expect(state.subject).toBe('Vitaliteitsgesprek – Fatima El Amrani');
    expect(state.start.toISOString()).toBe('2026-11-30T07:30:00.000Z');
  });

  it('shows the Dutch error and leaves the appointment alone when the API refuses', async () => {
    const { state, before } = await planWith(
      api(async () => {
        throw new ApiError(
          409,
          'illegal_transition',
          'Er loopt al een Vitaliteitsgesprek met deze medewerker.',
        );
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Het gesprek is niet gepland: Er loopt al een Vitaliteitsgesprek met deze medewerker. Er is niets aan de afspraak veranderd.',
    );
    expect(state).toEqual(before);
  });
});
