/**
 * An appointment in compose mode, built with office-addin-mock's OfficeMockObject: every `…Async` call reads
 * or writes `state`, and any one setter can be made to fail.
 */
import { jest } from '@jest/globals';
import type {
  AsyncCallback,
  AsyncResult,
  EmailAddressDetails,
  OfficeMailboxItem,
} from '../../src/outlook/office-types.js';

export interface AppointmentState {
  subject: string;
  body: string;
  attendees: EmailAddressDetails[];
  start: Date;
  end: Date;
}

// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose entry point also loads ES-only
// packages (uuid, strip-bom) with require(), which Jest cannot do on Node 22. Give it just that enum's module.
jest.mock('office-addin-manifest', () => jest.requireActual('office-addin-manifest/lib/officeApp.js'));
const { OfficeMockObject } = await import('office-addin-mock');

export type Setter = 'subject' | 'body' | 'attendees.add' | 'attendees.set' | 'start' | 'end';

const ok = <T>(value: T): AsyncResult<T> => ({ status: 'succeeded', value });
const failed = (message: string): AsyncResult<void> => ({
  status: 'failed',
  value: undefined,
  error: { name: 'GenericResponseError', message, code: 9002 },
});

/** A new appointment with a Teams meeting block in its body, as Outlook opens it. */
export function newAppointment(): AppointmentState {
  return {
    subject: '',
    body: '<html><body><div id="teams-join">Deelnemen aan Microsoft Teams-vergadering</div></body></html>',
    attendees: [],
    start: new Date('2026-12-01T09:00:00Z'),
    end: new Date('2026-12-01T09:30:00Z'),
  };
}

export function mailboxMock(state: AppointmentState, failOn: Setter[] = []) {
  const calls: Setter[] = [];
  const set =
    <T>(name: Setter, write: (value: T) => void) =>
    (value: T, callback: AsyncCallback<void>) => {
      calls.push(name);
      if (failOn.includes(name)) return callback(failed(`${name} refused`));
      write(value);
      callback(ok(undefined));
    };
  const data = {
    host: 'outlook',
    context: {
      displayLanguage: 'nl-NL',
      mailbox: {
        item: {
          subject: {
            getAsync: (cb: AsyncCallback<string>) => cb(ok(state.subject)),
            setAsync: set<string>('subject', (v) => (state.subject = v)),
          },
          body: {
            getAsync: (_type: string, cb: AsyncCallback<string>) => cb(ok(state.body)),
            setAsync: (value: string, options: { coercionType: string }, cb: AsyncCallback<void>) => {
              if (options.coercionType !== 'html') return cb(failed('expected html'));
              set<string>('body', (v) => (state.body = v))(value, cb);
            },
          },
          requiredAttendees: {
            getAsync: (cb: AsyncCallback<EmailAddressDetails[]>) =>
              cb(ok(state.attendees.map((a) => ({ ...a })))),
            setAsync: set<EmailAddressDetails[]>('attendees.set', (v) => (state.attendees = [...v])),
            addAsync: set<EmailAddressDetails[]>(
              'attendees.add',
              (v) => (state.attendees = [...state.attendees, ...v]),
            ),
          },
          start: {
            getAsync: (cb: AsyncCallback<Date>) => cb(ok(state.start)),
            // Like Outlook, moving the start keeps the duration: the end moves along.
            setAsync: set<Date>('start', (v) => {
              state.end = new Date(v.getTime() + (state.end.getTime() - state.start.getTime()));
              state.start = v;
            }),
          },
          end: {
            getAsync: (cb: AsyncCallback<Date>) => cb(ok(state.end)),
            setAsync: set<Date>('end', (v) => (state.end = v)),
          },
        },
      },
    },
  };
  const office = new OfficeMockObject(data) as unknown as {
    context: { displayLanguage: string; mailbox: { item: OfficeMailboxItem } };
  };
  return { office, item: office.context.mailbox.item, calls };
}
