/**
 * The part of office-js the task pane uses, typed here so the planning logic runs against the real
 * `Office.context.mailbox.item` and against office-addin-mock alike (no dependency on the global `Office`).
 */

/** The outcome of an office-js `…Async` call. */
export interface AsyncResult<T> {
  status: 'succeeded' | 'failed';
  value: T;
  error?: { name?: string; message: string; code?: number };
}

export type AsyncCallback<T> = (result: AsyncResult<T>) => void;

export interface TextProperty {
  getAsync(callback: AsyncCallback<string>): void;
  setAsync(value: string, callback: AsyncCallback<void>): void;
}

export interface TimeProperty {
  getAsync(callback: AsyncCallback<Date>): void;
  setAsync(value: Date, callback: AsyncCallback<void>): void;
}

export interface BodyProperty {
  getAsync(coercionType: 'html' | 'text', callback: AsyncCallback<string>): void;
  setAsync(value: string, options: { coercionType: 'html' | 'text' }, callback: AsyncCallback<void>): void;
}

/** An attendee as office-js reports it. */
export interface EmailAddressDetails {
  emailAddress: string;
  displayName?: string;
}

export interface RecipientsProperty {
  getAsync(callback: AsyncCallback<EmailAddressDetails[]>): void;
  setAsync(recipients: EmailAddressDetails[], callback: AsyncCallback<void>): void;
  addAsync(recipients: EmailAddressDetails[], callback: AsyncCallback<void>): void;
}

/** An appointment the organizer is composing (`meetingDetailsOrganizer`). */
export interface OfficeMailboxItem {
  subject: TextProperty;
  body: BodyProperty;
  requiredAttendees: RecipientsProperty;
  start: TimeProperty;
  end: TimeProperty;
}

/** The global `Office` object as far as the task pane needs it. */
export interface OfficeGlobal {
  onReady(): Promise<{ host: string | null; platform: string | null }>;
  context: {
    displayLanguage?: string;
    mailbox?: { item?: OfficeMailboxItem | null };
  };
}
