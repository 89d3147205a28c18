/** The Outlook add-in's planning of an appointment, against an office-addin-mock appointment. */
import { describe, expect, it, jest } from '@jest/globals';
import {
  ApiError,
  type ApiClient,
  type FreeSlotsRequest,
  type ConversationView,
  type DirectoryUser,
  type NewConversationRequest,
} from '../../src/outlook/api-client.js';
import {
  PlanError,
  appointmentBodyHtml,
  appointmentSubject,
  planAppointment,
  proposeTimes,
  withInvitation,
} from '../../src/outlook/plan-appointment.js';
import { mailboxMock, newAppointment, type Setter } from './mailbox-mock.js';

const fatima: DirectoryUser = {
  id: 'fatima',
  displayName: 'Fatima El Amrani',
  email: 'fatima.elamrani@dijkstad.example',
  jobTitle: 'Klantcontactmedewerker',
};
const slot = { start: '2026-12-03T13:00:00.000Z', end: '2026-12-03T14:00:00.000Z' };
const formatLink = (id: string) => `https://gesprek.example/tabs/home/#/gesprek/${id}/voorbereiden`;

function fakeApi(overrides: Partial<ApiClient> = {}) {
  const created: NewConversationRequest[] = [];
  const cancelled: { id: string; revision: number; reason: string }[] = [];
  const api: ApiClient = {
    me: async () => ({
      user: { id: 'jeroen', displayName: 'Jeroen Bakker', email: 'j@x' },
      reports: [fatima],
      isHr: false,
      isManager: true,
    }),
    conversations: async () => [],
    createConversation: async (request): Promise<ConversationView> => {
      created.push(request);
      return {
        conversation: {
          id: 'c-42',
          type: request.type,
          revision: 1,
          stage: 'planned',
          schedule: { start: request.start, end: request.end },
        },
      };
    },
    cancelConversation: async (id, revision, reason) => {
      cancelled.push({ id, revision, reason });
    },
    freeSlots: async () => null,
    ...overrides,
  };
  return { api, created, cancelled };
}

describe('planAppointment with an office-addin-mock appointment', () => {
  it('registers the conversation and fills in subject, body with the format link, attendee and times', async () => {
    const state = newAppointment();
    const { item } = mailboxMock(state);
    const { api, created } = fakeApi();

    const result = await planAppointment({
      item,
      api,
      employee: fatima,
      type: 'vitaliteit',
      slot,
      formatLink,
    });

    expect(result).toEqual({ conversationId: 'c-42', subject: 'Vitaliteitsgesprek – Fatima El Amrani' });
    expect(created).toEqual([{ employeeId: 'fatima', type: 'vitaliteit', start: slot.start, end: slot.end }]);
    expect(state.subject).toBe('Vitaliteitsgesprek – Fatima El Amrani');
    expect(state.body).toContain('href="https://gesprek.example/tabs/home/#/gesprek/c-42/voorbereiden"');
    expect(state.body).toContain('Beste Fatima,');
    expect(state.body).toContain('Dear Fatima,');
    // The Teams meeting's join details that Outlook put in the body stay.
    expect(state.body).toContain('<div id="teams-join">');
    expect(state.body.indexOf('data-gesprekscyclus')).toBeLessThan(state.body.indexOf('teams-join'));
    expect(state.attendees).toEqual([
      { emailAddress: 'fatima.elamrani@dijkstad.example', displayName: 'Fatima El Amrani' },
    ]);
    expect(state.start.toISOString()).toBe(slot.start);
    expect(state.end.toISOString()).toBe(slot.end);
  });

  it('names each conversation type in the subject', () => {
    expect(appointmentSubject('reflectie', fatima)).toBe('Reflectiegesprek – Fatima El Amrani');
    expect(appointmentSubject('goede-gesprek', fatima)).toMatch(/^Het Goede Gesprek – Fatima El Amrani$/);
  });

  it('does not invite the employee twice', async () => {
    const state = {
      ...newAppointment(),
      attendees: [{ emailAddress: 'Fatima.ElAmrani@dijkstad.example', displayName: 'Fatima' }],
    };
    const { item, calls } = mailboxMock(state);
    await planAppointment({
      item,
      api: fakeApi().api,
      employee: fatima,
      type: 'reflectie',
      slot,
      formatLink,
    });
    expect(calls).not.toContain('attendees.add');
    expect(state.attendees).toHaveLength(1);
  });

  it('on an API error shows the Dutch message and leaves the appointment untouched', async () => {
    const state = newAppointment();
    const before = structuredClone(state);
    const { item, calls } = mailboxMock(state);
    const { api } = fakeApi({
      createConversation: async () => {
        throw new ApiError(403, 'forbidden', 'Je bent niet de leidinggevende van deze medewerker.');
      },
    });

    const plan = planAppointment({ item, api, employee: fatima, type: 'vitaliteit', slot, formatLink });
    await expect(plan).rejects.toBeInstanceOf(PlanError);
    const error = (await plan.catch((e: unknown) => e)) as PlanError;
    expect(error.messageFor('nl')).toBe(
      'Het gesprek is niet gepland: Je bent niet de leidinggevende van deze medewerker. Er is niets aan de afspraak veranderd.',
    );
    expect(error.messageFor('en')).toMatch(
      /^The conversation was not planned: .* Nothing in the appointment was changed\.$/,
    );
    expect(calls).toEqual([]);
    expect(state).toEqual(before);
  });

  it.each<Setter>(['subject', 'body', 'attendees.add', 'start', 'end'])(
    'when Outlook refuses %s, puts the appointment back and cancels the conversation',
    async (failing) => {
      const state = newAppointment();
      const before = structuredClone(state);
      const { item } = mailboxMock(state, [failing]);
      const { api, cancelled } = fakeApi();

      const error = (await planAppointment({
        item,
        api,
        employee: fatima,
        type: 'vitaliteit',
        slot,
        formatLink,
      }).catch((e: unknown) => e)) as PlanError;

      expect(error).toBeInstanceOf(PlanError);
      expect(error.messageFor('nl')).toMatch(
        /^De afspraak kon niet worden ingevuld\. De afspraak is teruggezet en het gesprek is weer geannuleerd: /,
      );
      expect(state).toEqual(before);
      expect(cancelled).toEqual([
        { id: 'c-42', revision: 1, reason: 'De afspraak in Outlook kon niet worden ingevuld.' },
      ]);
    },
  );

  it('says so when putting the appointment back also fails', async () => {
    const state = newAppointment();
    const { item } = mailboxMock(state, ['end', 'attendees.set']);
    const cancel = jest.fn(async () => undefined);
    const { api } = fakeApi({ cancelConversation: cancel });
    const error = (await planAppointment({
      item,
      api,
      employee: fatima,
      type: 'vitaliteit',
      slot,
      formatLink,
    }).catch((e: unknown) => e)) as PlanError;
    expect(error.messageFor('nl')).toMatch(/niet helemaal worden teruggezet/);
    expect(cancel).toHaveBeenCalledTimes(1);
  });
});

describe('invitation text', () => {
  it('escapes names and links, and puts the invitation at the top of the body', () => {
    const html = appointmentBodyHtml(
      'vitaliteit',
      { ...fatima, displayName: 'Fatima <script>' },
      'https://x.example/?a=1&b="2"',
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('href="https://x.example/?a=1&amp;b=&quot;2&quot;"');
    expect(withInvitation('<html><body class="x"><p>oud</p></body></html>', '<p>nieuw</p>')).toBe(
      '<html><body class="x"><p>nieuw</p><p>oud</p></body></html>',
    );
    expect(withInvitation('<p>oud</p>', '<p>nieuw</p>')).toBe('<p>nieuw</p><p>oud</p>');
  });
});

describe('proposeTimes', () => {
  const now = new Date('2026-11-30T07:10:00Z'); // Monday 08:10 in Amsterdam

  it('uses the server’s free slots when it offers them', async () => {
    const freeSlots = jest.fn(async (_request: FreeSlotsRequest) => [slot]);
    const { api } = fakeApi({ freeSlots });
    const proposal = await proposeTimes(api, {
      managerId: 'jeroen',
      employeeId: 'fatima',
      durationMinutes: 60,
      now,
    });
    expect(proposal).toEqual({ slots: [slot], source: 'calendar' });
    expect(freeSlots).toHaveBeenCalledWith({
      attendeeIds: ['jeroen', 'fatima'],
      durationMinutes: 60,
      from: now.toISOString(),
      until: '2026-12-14T07:10:00.000Z',
    });
  });

  it('falls back to office hours around the conversations already scheduled', async () => {
    const { api } = fakeApi({
      conversations: async () => [
        {
          id: 'a',
          stage: 'planned',
          schedule: { start: '2026-11-30T07:30:00Z', end: '2026-11-30T08:30:00Z' },
        },
        {
          id: 'b',
          stage: 'cancelled',
          schedule: { start: '2026-11-30T08:30:00Z', end: '2026-11-30T09:30:00Z' },
        },
      ],
    });
    const proposal = await proposeTimes(api, {
      managerId: 'jeroen',
      employeeId: 'fatima',
      durationMinutes: 60,
      now,
    });
    expect(proposal.source).toBe('office-hours');
    // 08:30–09:30 Amsterdam is taken by "a"; the cancelled one does not block.
    expect(proposal.slots[0]).toEqual({ start: '2026-11-30T08:30:00.000Z', end: '2026-11-30T09:30:00.000Z' });
    expect(proposal.slots).toHaveLength(5);
  });
});
