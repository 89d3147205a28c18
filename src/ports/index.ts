/**
 * Ports: the small interfaces behind which every Microsoft surface sits. Each has a local implementation
 * (src/adapters/local, the default) and a Graph/Teams one (src/graph, src/bot).
 */
import type { ArchiveRecord, Conversation, Filing } from '../domain/index.js';
import type { TimeSlot } from '../domain/free-slots.js';

/** A person in the organisation's directory. */
export interface DirectoryUser {
  id: string;
  displayName: string;
  email: string;
  jobTitle?: string;
  department?: string;
  /** Preferred language tag, e.g. `nl-NL`. */
  locale?: string;
}

export interface OutOfOffice {
  active: boolean;
  /** Until when, ISO; absent when open-ended. */
  until?: string;
  message?: string;
}

/** Who is who and who reports to whom. The server decides manager rights from this, never from the client. */
export interface Directory {
  getUser(id: string): Promise<DirectoryUser | undefined>;
  managerOf(id: string): Promise<DirectoryUser | undefined>;
  directReports(id: string): Promise<DirectoryUser[]>;
  /** Whether the person belongs to the HR (personnel file) group. */
  isHr(id: string): Promise<boolean>;
  outOfOffice(id: string): Promise<OutOfOffice>;
  /**
   * Everyone in the organisation with an account in use, every page of it, or only the people of one department
   * (as the directory spells it): whom a round for everyone or for a department is for, and the local identity
   * switcher's list.
   */
  listUsers(filter?: UserFilter): Promise<DirectoryUser[]>;
  /**
   * The same people as `listUsers`, each with the id of their manager now (undefined when none is set): whom a
   * round is for and who plans with each, and who manages anyone, from one listing instead of one manager
   * question per person.
   */
  listUsersWithManagers(filter?: UserFilter): Promise<ListedUser[]>;
}

/** A person from `Directory.listUsersWithManagers`, with the id of their manager. */
export interface ListedUser {
  user: DirectoryUser;
  managerId: string | undefined;
}

/** Narrows `Directory.listUsers`; without a department, everyone. */
export interface UserFilter {
  department?: string;
}

export interface MeetingRequest {
  organizerId: string;
  attendeeIds: string[];
  subject: string;
  /** HTML body with the link to the format. */
  bodyHtml: string;
  start: string;
  end: string;
  /** Keeps a retried creation from making a second meeting. */
  idempotencyKey: string;
}

export interface Meeting {
  eventId: string;
  joinUrl: string;
}

export type { TimeSlot };

/** The organiser's calendar: Teams meetings for conversations. */
export interface Calendar {
  createMeeting(request: MeetingRequest): Promise<Meeting>;
  updateMeeting(
    organizerId: string,
    eventId: string,
    change: { start: string; end: string; subject?: string },
  ): Promise<void>;
  cancelMeeting(organizerId: string, eventId: string, comment: string): Promise<void>;
  findTimes(request: {
    attendeeIds: string[];
    durationMinutes: number;
    from: string;
    until: string;
  }): Promise<TimeSlot[]>;
}

/** A message for one person's 1:1 chat with the bot. */
export interface ChatMessage {
  recipientId: string;
  /** Adaptive Card JSON. */
  card: Record<string, unknown>;
  /** Plain-text fallback for notifications and screen readers. */
  summary: string;
  /** Same key, same message: a retried send must not post twice. */
  idempotencyKey: string;
}

export interface SentMessage {
  activityId: string;
}

/** Sends and updates cards in each person's chat with the bot. */
export interface Messenger {
  send(message: ChatMessage): Promise<SentMessage>;
  update(recipientId: string, activityId: string, card: Record<string, unknown>): Promise<void>;
}

/** A message the bot posted in a person's 1:1 chat, as Microsoft 365 lists it afterwards. */
export interface PostedMessage {
  /** The message's id: in Teams the same as the activity id the Bot Connector answered with. */
  id: string;
  createdAt: string;
  /** The Adaptive Cards it carries, parsed. */
  cards: unknown[];
}

/**
 * What the bot has posted in a person's chat, read back (Graph `GET /chats/{id}/messages`): the Bot Connector has
 * no idempotency key, so after a crash in the instant between Teams taking a post and its answer being recorded,
 * this is the only way to learn whether the post landed before sending it again.
 */
export interface ChatHistory {
  /** The bot's messages in its 1:1 chat with `userId` created at or after `since`, newest first. */
  postedSince(userId: string, since: string): Promise<PostedMessage[]>;
}

export interface TaskRequest {
  assigneeId: string;
  title: string;
  /** Deep link that opens the approval. */
  link: string;
  due?: string;
  idempotencyKey: string;
}

/** Microsoft To Do ("Taken") tasks for approvers. */
export interface Tasks {
  create(request: TaskRequest): Promise<{ taskId: string }>;
  complete(assigneeId: string, taskId: string): Promise<void>;
}

/**
 * Who can open a confidential document besides the app: the employee and her manager now (from the directory).
 * An active delegate reads it through the app, never through the file itself.
 */
export interface ArchiveReaders {
  employeeId: string;
  /** Absent when the directory knows no manager for her: then only she can open it. */
  managerId?: string;
}

/** What the archive receives: the locked, approved version, rendered. */
export interface ArchiveItem {
  conversation: Conversation;
  version: number;
  hash: string;
  fileName: string;
  pdf: Uint8Array;
  /** The JSON sidecar; absent or empty: none is filed. */
  json?: string;
  /**
   * Where it is kept: the personnel file (HR may read it), or a confidential place only `readers` can open
   * (a Vitaliteitsgesprek, whatever the HR grant says). Must be `filingOf(conversation.type)`.
   */
  filing: Filing;
  readers: ArchiveReaders;
}

/**
 * The personnel file and the confidential place beside it. Storing is idempotent by conversation and hash: a
 * re-run finds the earlier upload.
 */
export interface Archive {
  find(conversation: Conversation, hash: string): Promise<ArchiveRecord | undefined>;
  /** Files by `item.filing`; the record says where (`filing`) and, when confidential, which manager can open it. */
  store(item: ArchiveItem): Promise<ArchiveRecord>;
  /** Reads a stored document back (for the tab's download link), or undefined when not there. */
  read(record: ArchiveRecord): Promise<Uint8Array | undefined>;
  /**
   * Makes `readers` the only people who can open a confidential document: grants the new manager, revokes the
   * old one. Idempotent; a personnel-file document is left as it is.
   */
  changeReaders(record: ArchiveRecord, readers: ArchiveReaders): Promise<void>;
}
