/**
 * Plans a conversation from the appointment the manager is composing in Outlook: registers it with the API
 * (so the bot's invitation follows), then fills in subject, body with the format link, the employee as required
 * attendee, and start/end. Either all of that happens or none of it: nothing is written before the API agreed,
 * and a failed write puts the appointment back and cancels the conversation again.
 */
import { currentFormat, type ConversationType } from '../domain/formats.js';
import type { Locale } from '../domain/text.js';
import {
  ApiError,
  type ApiClient,
  type ConversationView,
  type DirectoryUser,
  type TimeSlot,
} from './api-client.js';
import { say, texts } from './i18n.js';
import type { AsyncCallback, EmailAddressDetails, OfficeMailboxItem } from './office-types.js';
import { proposeSlots } from './slots.js';

/** A failure to show the user, in both languages; `detail` is the server's explanation when there is one. */
export class PlanError extends Error {
  constructor(
    readonly userMessage: { nl: string; en: string },
    readonly detail?: string,
    /** True when the appointment was not touched. */
    readonly unchanged = false,
  ) {
    super(`${userMessage.en}${detail ? `: ${detail}` : ''}`);
    this.name = 'PlanError';
  }

  /** The message for one language, with the server's detail and, if so, that nothing was changed. */
  messageFor(locale: Locale): string {
    const base = this.userMessage[locale].replace(/\.$/, '');
    const parts = [this.detail ? `${base}: ${this.detail}` : `${base}.`];
    if (this.unchanged) parts.push(texts.nothingChanged[locale]);
    return parts.join(' ');
  }
}

function call<T>(start: (callback: AsyncCallback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    start((result) => {
      if (result.status === 'succeeded') resolve(result.value);
      else reject(new Error(result.error?.message ?? 'office-js call failed'));
    });
  });
}

/** The subject of the appointment, e.g. "Vitaliteitsgesprek – Fatima El Amrani". */
export function appointmentSubject(type: ConversationType, employee: DirectoryUser): string {
  return `${currentFormat(type).title.nl} – ${employee.displayName}`;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

function firstName(user: DirectoryUser): string {
  return user.displayName.split(' ')[0] ?? user.displayName;
}

/** The invitation text: Dutch, then English, each with the link to the format. */
export function appointmentBodyHtml(
  type: ConversationType,
  employee: DirectoryUser,
  formatLink: string,
): string {
  const format = currentFormat(type);
  const link = escapeHtml(formatLink);
  const block = (locale: Locale) => {
    const typeName = locale === 'nl' ? format.title.nl : format.title.en.toLowerCase();
    const tip = format.tip ? `<p><em>${escapeHtml(format.tip[locale])}</em></p>` : '';
    return (
      `<div lang="${locale}">` +
      `<p>${escapeHtml(say(locale, 'bodyGreeting', { name: firstName(employee) }))}</p>` +
      `<p>${escapeHtml(say(locale, 'bodyInvite', { type: typeName }))}</p>` +
      `<p><a href="${link}">${escapeHtml(say(locale, 'bodyLink'))}</a></p>` +
      tip +
      `</div>`
    );
  };
  return `<div data-gesprekscyclus="uitnodiging">${block('nl')}<hr>${block('en')}</div>`;
}

/** Puts the invitation above what the body already holds (e.g. the Teams meeting's join details). */
export function withInvitation(existingHtml: string, invitationHtml: string): string {
  const bodyTag = /<body[^>]*>/i.exec(existingHtml);
  if (!bodyTag) return invitationHtml + existingHtml;
  const at = bodyTag.index + bodyTag[0].length;
  return existingHtml.slice(0, at) + invitationHtml + existingHtml.slice(at);
}

export interface PlanInput {
  item: OfficeMailboxItem;
  api: ApiClient;
  employee: DirectoryUser;
  type: ConversationType;
  slot: TimeSlot;
  /** The link to the new conversation's format (a Teams deep link, or the tab's web address). */
  formatLink(conversationId: string): string;
}

export interface PlanResult {
  conversationId: string;
  subject: string;
}

interface Snapshot {
  subject: string;
  body: string;
  attendees: EmailAddressDetails[];
  start: Date;
  end: Date;
}

async function snapshot(item: OfficeMailboxItem): Promise<Snapshot> {
  try {
    return {
      subject: await call<string>((cb) => item.subject.getAsync(cb)),
      body: await call<string>((cb) => item.body.getAsync('html', cb)),
      attendees: await call<EmailAddressDetails[]>((cb) => item.requiredAttendees.getAsync(cb)),
      start: await call<Date>((cb) => item.start.getAsync(cb)),
      end: await call<Date>((cb) => item.end.getAsync(cb)),
    };
  } catch (error) {
    throw new PlanError(texts.readFailed, error instanceof Error ? error.message : undefined, true);
  }
}

type Field = 'subject' | 'body' | 'attendees' | 'start' | 'end';

/** Puts back the fields that were written; a field whose write failed was never changed. */
async function restore(item: OfficeMailboxItem, before: Snapshot, written: Field[]): Promise<boolean> {
  const steps: Record<Field, () => Promise<void>> = {
    subject: () => call<void>((cb) => item.subject.setAsync(before.subject, cb)),
    body: () => call<void>((cb) => item.body.setAsync(before.body, { coercionType: 'html' }, cb)),
    attendees: () => call<void>((cb) => item.requiredAttendees.setAsync(before.attendees, cb)),
    start: () => call<void>((cb) => item.start.setAsync(before.start, cb)),
    end: () => call<void>((cb) => item.end.setAsync(before.end, cb)),
  };
  let complete = true;
  // Every step is tried, so one failure does not leave the rest changed.
  for (const field of written) {
    try {
      await steps[field]();
    } catch {
      complete = false;
    }
  }
  return complete;
}

/** Registers the conversation and fills in the appointment; see the module comment for the all-or-nothing rule. */
export async function planAppointment(input: PlanInput): Promise<PlanResult> {
  const { item, api, employee, type, slot } = input;
  const before = await snapshot(item);

  let view: ConversationView;
  try {
    view = await api.createConversation({ employeeId: employee.id, type, start: slot.start, end: slot.end });
  } catch (error) {
    const detail =
      error instanceof ApiError ? error.detail : error instanceof Error ? error.message : undefined;
    throw new PlanError(texts.planFailed, detail, true);
  }
  const { id, revision } = view.conversation;
  const subject = appointmentSubject(type, employee);
  const body = withInvitation(before.body, appointmentBodyHtml(type, employee, input.formatLink(id)));
  const alreadyInvited = before.attendees.some(
    (a) => a.emailAddress.toLowerCase() === employee.email.toLowerCase(),
  );

  const written: Field[] = [];
  const write = async (field: Field, start: (callback: AsyncCallback<void>) => void) => {
    await call<void>(start);
    written.push(field);
  };
  try {
    await write('subject', (cb) => item.subject.setAsync(subject, cb));
    await write('body', (cb) => item.body.setAsync(body, { coercionType: 'html' }, cb));
    if (!alreadyInvited) {
      const attendee = { emailAddress: employee.email, displayName: employee.displayName };
      await write('attendees', (cb) => item.requiredAttendees.addAsync([attendee], cb));
    }
    // Start first: Outlook moves the end along with it, so the end is set last.
    await write('start', (cb) => item.start.setAsync(new Date(slot.start), cb));
    await write('end', (cb) => item.end.setAsync(new Date(slot.end), cb));
  } catch (error) {
    // When only the start was written, putting it back also moves the end back, as Outlook keeps the duration.
    const restored = await restore(item, before, written);
    let cancelled = true;
    try {
      await api.cancelConversation(id, revision, say('nl', 'cancelReason'));
    } catch {
      cancelled = false;
    }
    const message = restored && cancelled ? texts.writeFailed : texts.writeFailedPartly;
    throw new PlanError(message, error instanceof Error ? error.message : undefined);
  }
  return { conversationId: id, subject };
}

export interface SlotProposal {
  slots: TimeSlot[];
  /** `calendar`: free in both calendars (server); `office-hours`: computed here from office hours only. */
  source: 'calendar' | 'office-hours';
}

/**
 * Proposes times: from the server's free/busy lookup when it has one, otherwise from office hours, keeping clear
 * of the manager's conversations that are already scheduled.
 */
export async function proposeTimes(
  api: ApiClient,
  request: { managerId: string; employeeId: string; durationMinutes: number; now: Date },
): Promise<SlotProposal> {
  const from = request.now.getTime();
  const until = from + 14 * 24 * 60 * 60_000;
  const fromServer = await api.freeSlots({
    attendeeIds: [request.managerId, request.employeeId],
    durationMinutes: request.durationMinutes,
    from: new Date(from).toISOString(),
    until: new Date(until).toISOString(),
  });
  if (fromServer) return { slots: fromServer.slice(0, 5), source: 'calendar' };
  const scheduled = (await api.conversations())
    .filter((c) => c.schedule && c.stage !== 'cancelled')
    .map((c) => c.schedule as TimeSlot);
  return {
    slots: proposeSlots({ from, durationMinutes: request.durationMinutes, busy: scheduled }),
    source: 'office-hours',
  };
}
