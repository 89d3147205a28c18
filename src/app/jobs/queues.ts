/**
 * Every queue of the transactional outbox. Jobs are written in the same transaction as the state change
 * that causes them (pg-boss on the same database) and worked off by the workers (./workers.ts).
 */
import { archiveAccessQueue } from './archive-access.js';
import { archiveQueue } from './archive.js';
import { calendarQueue } from './calendar.js';
import { notifyQueue } from './notify.js';
import type { JobOptions, QueueDefinition } from './queue.js';
import { refreshCardsQueue } from './refresh-cards.js';
import { reminderQueue } from './reminder.js';
import { retentionQueue } from './retention.js';
import { roundFanOutQueue } from './round-fanout.js';
import { taskQueue } from './task.js';

/** All queues, in the order their workers start. */
export const allQueues = [
  notifyQueue,
  refreshCardsQueue,
  calendarQueue,
  taskQueue,
  archiveQueue,
  archiveAccessQueue,
  reminderQueue,
  retentionQueue,
  roundFanOutQueue,
] as const;

type AnyQueue = (typeof allQueues)[number];
export type QueueName = AnyQueue['name'];

/** A job to add to the outbox: a queue's name with that queue's payload, and pg-boss options. */
export type PlannedJob = AnyQueue extends infer Q
  ? Q extends QueueDefinition<infer Name, infer Payload>
    ? { queue: Name; data: Payload; options?: JobOptions }
    : never
  : never;
