/** @jest-environment jsdom */
import { describe, expect, it, jest } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import {
  choicesFor,
  filingOf,
  formatOf,
  signatureSummary,
  type Conversation,
} from '../../../src/domain/index.js';
import type { ConversationView } from '../../../src/tab/api/types.js';
import { AppProvider, type AppServices } from '../../../src/tab/app-context.js';
import { I18nProvider } from '../../../src/tab/i18n/i18n.js';
import { ApprovePage, commentProblem } from '../../../src/tab/pages/approve-page.js';
import { fixtures, names } from '../../fixtures/conversations.js';

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(window, { ResizeObserver: window.ResizeObserver ?? NoResizeObserver });
// jsdom lays nothing out: the step result scrolls itself into view after taking focus.
if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;

const all = fixtures();

function viewOf(conversation: Conversation, party: 'employee' | 'manager'): ConversationView {
  const mine = conversation.stage === 'awaiting_approval' ? choicesFor(conversation.type, party) : [];
  return {
    conversation: { ...conversation, revision: 3 },
    format: formatOf(conversation),
    relation: party,
    party,
    nextStep: 'decide',
    preparationStatus: 'shared',
    signatures: conversation.versions.map((v) => signatureSummary(conversation, v)),
    choices: [...mine],
    wayOut: null,
    filing: filingOf(conversation.type),
    names,
    people: {
      employee: { id: 'fatima', displayName: names.fatima ?? '' },
      manager: { id: 'jeroen', displayName: names.jeroen ?? '' },
    },
    previous: null,
  } as unknown as ConversationView;
}

function show(view: ConversationView, userId: string, sidePanel = false) {
  const action = jest.fn(async (..._args: unknown[]) => view);
  const services = {
    api: { action },
    me: {
      user: { id: userId, displayName: names[userId] ?? '' },
      reports: [],
      isHr: false,
      isManager: false,
    },
    host: { sidePanel },
  } as unknown as AppServices;
  render(
    <FluentProvider theme={teamsLightTheme}>
      <I18nProvider locale="nl">
        <AppProvider value={services}>
          <ApprovePage view={view} onView={() => undefined} />
        </AppProvider>
      </I18nProvider>
    </FluentProvider>,
  );
  return action;
}

const explain = /Je geeft aan dat je het verslag hebt gezien, zonder het overal mee eens te zijn/;

describe('ApprovePage', () => {
  it('refuses a blank remark at the field and counts against the limit', () => {
    expect(commentProblem('voor_gezien', '   ')).toBe('approve.remarkRequired');
    expect(commentProblem('niet_akkoord', '\n')).toBe('approve.commentRequired');
    expect(commentProblem('niet_akkoord', 'x'.repeat(2001))).toBe('approve.tooLong');
    expect(commentProblem('akkoord', '')).toBeUndefined();
  });

  it('voor gezien: she reads what it means in a dialog before it is sent, with her remark', async () => {
    const action = show(viewOf(all.reflectionOffered, 'employee'), 'fatima');
    fireEvent.click(screen.getByRole('radio', { name: /^Voor gezien —/ }));
    fireEvent.change(screen.getByRole('textbox', { name: /Jouw opmerking/ }), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reactie versturen' }));
    expect(screen.getByText('Vul een opmerking in bij ‘Voor gezien’.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.change(screen.getByRole('textbox', { name: /Jouw opmerking/ }), {
      target: { value: '  Gezien, maar de planning klopt niet.  ' },
    });
    expect(screen.getByText('36 van 2.000 tekens')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Reactie versturen' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toMatch(explain);
    expect(dialog.textContent).toContain('“Gezien, maar de planning klopt niet.”');
    expect(action).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Voor gezien bevestigen' }));
    await waitFor(() => expect(action).toHaveBeenCalled());
    expect(action.mock.calls[0]?.[2]).toEqual({
      type: 'decide',
      version: 1,
      decision: 'voor_gezien',
      comment: 'Gezien, maar de planning klopt niet.',
    });
  });

  it('in the 320 px side panel it confirms inline, never in a modal dialog, and focuses the result', async () => {
    const action = show(viewOf(all.reflectionOffered, 'employee'), 'fatima', true);
    fireEvent.click(screen.getByRole('radio', { name: /^Voor gezien —/ }));
    fireEvent.change(screen.getByRole('textbox', { name: /Jouw opmerking/ }), {
      target: { value: 'Gezien.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Reactie versturen' }));
    const inline = screen.getByTestId('confirm-inline');
    expect(inline.textContent).toMatch(explain);
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Voor gezien bevestigen' }));
    await waitFor(() => expect(action).toHaveBeenCalled());
    // The result stands where she is, and has focus.
    const result = await screen.findByTestId('step-result');
    expect(result.textContent).toBe('Je reactie op versie 1 is vastgelegd.');
    await waitFor(() => expect(document.activeElement).toBe(result));
  });

  it('offers only the server’s choices: the manager co-signs a vitality report, its author has none', () => {
    show(viewOf(all.vitalityOffered, 'manager'), 'jeroen');
    expect(screen.getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual([
      'akkoord',
      'niet_akkoord',
    ]);
    expect(screen.getByRole('radio', { name: /^Medeondertekenen —/ })).toBeTruthy();
  });

  it('asks before co-signing, saying the report becomes final and is kept confidentially', async () => {
    const action = show(viewOf(all.vitalityOffered, 'manager'), 'jeroen');
    fireEvent.click(screen.getByRole('radio', { name: /^Medeondertekenen —/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Reactie versturen' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toMatch(/Medeondertekenen\?/);
    expect(dialog.textContent).toMatch(/definitief en vertrouwelijk bewaard/);
    expect(action).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Medeondertekenen' }));
    await waitFor(() => expect(action).toHaveBeenCalled());
    expect(action.mock.calls[0]?.[2]).toEqual({ type: 'decide', version: 1, decision: 'akkoord' });
  });

  it('gives the vitality author no buttons, and tells her she signed by offering', () => {
    show(viewOf(all.vitalityOffered, 'employee'), 'fatima');
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Reactie versturen' })).toBeNull();
    expect(
      screen.getByText(/^Je hebt het verslag ondertekend en ter medeondertekening aangeboden/),
    ).toBeTruthy();
  });

  it('hides the Controlecode until asked', () => {
    show(viewOf(all.reflectionAcknowledged, 'employee'), 'fatima');
    expect(screen.queryByText(/Controlecode:/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Controlecode tonen' }));
    expect(screen.getByText(/Controlecode:/)).toBeTruthy();
    expect(screen.getByTestId('signature-headline').textContent).toContain('Medewerker: voor gezien');
  });
});
