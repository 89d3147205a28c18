/**
 * Job names and payloads of the transactional outbox. Jobs are written in the same transaction as the state
 * change that causes them (pg-boss on the same database) and worked off by pg-boss workers.
 */

/** The chat messages the app sends. */
export type NotificationKind =
  | 'invitation' // employee: a conversation was planned
  | 'request' // manager: the employee asks for a vitality conversation
  | 'reminder' // employee (prepare) or approver (decide)
  | 'prepared' // manager: the employee submitted the preparation
  | 'rescheduled' // employee: new date
  | 'cancelled' // the other party: cancelled
  | 'report' // the non-author: the report/final format is ready (precedes the approval card)
  | 'approval' // both: the approval card for a version
  | 'revision' // the author: "niet akkoord", with the comment
  | 'archived'; // both: the document is in the personnel file

export interface NotificationJob {
  kind: NotificationKind;
  conversationId: string;
  recipientId: string;
  /** The report version, for approval-related messages. */
  version?: number;
  /** Unique per message: the messenger never posts the same key twice. */
  key: string;
}

/** Update every stored copy of a conversation's approval cards to its current state. */
export interface RefreshCardsJob {
  conversationId: string;
}

export interface CalendarJob {
  action: 'create' | 'update' | 'cancel';
  conversationId: string;
  key: string;
}

export interface TaskJob {
  action: 'create' | 'complete';
  conversationId: string;
  assigneeId: string;
  version: number;
  key: string;
}

export interface ArchiveJob {
  conversationId: string;
  version: number;
}

export const queues = {
  notify: 'notify',
  refreshCards: 'refresh-cards',
  calendar: 'calendar',
  task: 'task',
  archive: 'archive',
  reminder: 'reminder',
  retention: 'retention',
} as const;
export type QueueName = (typeof queues)[keyof typeof queues];
