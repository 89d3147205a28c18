/** The side effects of what happened: domain events in, outbox jobs out. Pure. */
import { formatOf, signersOf, type Conversation, type DomainEvent } from '../domain/index.js';
import type { NotificationKind } from './jobs/notify.js';
import type { PlannedJob } from './jobs/queues.js';

export type { PlannedJob };

export interface EffectSettings {
  reminderDaysBefore: number;
  approvalReminderDays: number;
  now: Date;
}

const day = 24 * 60 * 60 * 1000;

/**
 * The side effects of what happened, as outbox jobs. Pure: the command layer writes them in the same
 * transaction as the change. Every job carries a key unique to its cause, so a replay never doubles it.
 */
export function effectsOf(
  conversation: Conversation,
  events: readonly DomainEvent[],
  revision: number,
  actorId: string,
  settings: EffectSettings,
): PlannedJob[] {
  const { id, employeeId, managerId } = conversation;
  const author = formatOf(conversation).report.author;
  const authorId = author === 'employee' ? employeeId : managerId;
  const notify = (
    kind: NotificationKind,
    recipientId: string,
    suffix: string | number,
    version?: number,
  ): PlannedJob => ({
    queue: 'notify',
    data: {
      kind,
      conversationId: id,
      recipientId,
      key: `${id}:${kind}:${recipientId}:${suffix}`,
      ...(version ? { version } : {}),
    },
    options: { singletonKey: `${id}:${kind}:${recipientId}:${suffix}` },
  });
  const jobs: PlannedJob[] = [];
  for (const event of events) {
    switch (event.type) {
      case 'requested':
        jobs.push(notify('request', managerId, revision));
        break;
      case 'planned':
        if (event.schedule.source === 'outlook') {
          // The appointment the manager sends from Outlook is the meeting: invite in chat straight away.
          jobs.push(notify('invitation', employeeId, 'outlook'));
        } else {
          // The invitation follows once the Teams meeting exists, so it can carry the join link.
          jobs.push({
            queue: 'calendar',
            data: { action: 'create', conversationId: id, key: `${id}:calendar:create` },
            options: { singletonKey: `${id}:calendar:create` },
          });
        }
        jobs.push(...reminders(conversation, settings, revision));
        break;
      case 'rescheduled':
        if (event.schedule.source !== 'outlook') {
          jobs.push({
            queue: 'calendar',
            data: { action: 'update', conversationId: id, key: `${id}:calendar:update:${revision}` },
          });
        }
        jobs.push(notify('rescheduled', employeeId, revision));
        jobs.push(...reminders(conversation, settings, revision));
        break;
      case 'cancelled':
        if (conversation.schedule && conversation.schedule.source !== 'outlook') {
          jobs.push({
            queue: 'calendar',
            data: { action: 'cancel', conversationId: id, key: `${id}:calendar:cancel` },
          });
        }
        // Tell the other side; the one who cancelled knows.
        jobs.push(notify('cancelled', actorId === employeeId ? managerId : employeeId, revision));
        break;
      case 'preparation-submitted':
        jobs.push(notify('prepared', managerId, revision));
        break;
      case 'report-submitted':
        // Cards of an earlier version now say a newer one exists.
        if (event.version > 1) jobs.push({ queue: 'refresh-cards', data: { conversationId: id } });
        // Both get a copy of the card (the author's tells her she signed by offering); only a signer gets a
        // task and a reminder: in a Vitaliteitsgesprek that is the manager alone.
        for (const recipientId of [employeeId, managerId]) {
          jobs.push(notify('approval', recipientId, `v${event.version}`, event.version));
        }
        for (const recipientId of signersOf(conversation.type).map((p) =>
          p === 'employee' ? employeeId : managerId,
        )) {
          jobs.push({
            queue: 'task',
            data: {
              action: 'create',
              conversationId: id,
              assigneeId: recipientId,
              version: event.version,
              key: `${id}:task:${recipientId}:v${event.version}`,
            },
          });
          jobs.push({
            queue: 'reminder',
            data: { conversationId: id, kind: 'approval', version: event.version, recipientId },
            options: {
              startAfter: new Date(settings.now.getTime() + settings.approvalReminderDays * day),
              singletonKey: `${id}:reminder:approval:${recipientId}:v${event.version}`,
            },
          });
        }
        break;
      case 'decided': {
        const deciderId = event.party === 'employee' ? employeeId : managerId;
        jobs.push({ queue: 'refresh-cards', data: { conversationId: id } });
        jobs.push({
          queue: 'task',
          data: {
            action: 'complete',
            conversationId: id,
            assigneeId: deciderId,
            version: event.version,
            key: `${id}:task-done:${deciderId}:v${event.version}`,
          },
        });
        break;
      }
      case 'revision-requested': {
        jobs.push(notify('revision', authorId, `v${event.version}`, event.version));
        // The other approver's task is moot: a new version will bring a new one.
        const otherId = event.party === 'employee' ? managerId : employeeId;
        jobs.push({
          queue: 'task',
          data: {
            action: 'complete',
            conversationId: id,
            assigneeId: otherId,
            version: event.version,
            key: `${id}:task-done:${otherId}:v${event.version}`,
          },
        });
        break;
      }
      case 'approved':
        jobs.push({
          queue: 'archive',
          data: { conversationId: id, version: event.version },
          options: { singletonKey: `${id}:archive:v${event.version}` },
        });
        break;
      case 'archived':
        jobs.push(notify('archived', employeeId, 'archived'), notify('archived', managerId, 'archived'));
        jobs.push({ queue: 'refresh-cards', data: { conversationId: id } });
        break;
      case 'meeting-attached':
        jobs.push(notify('invitation', employeeId, event.meeting.eventId));
        break;
      default:
        break;
    }
  }
  return jobs;
}

/** A reminder to prepare, some days before the meeting (skipped when that moment has passed). */
function reminders(conversation: Conversation, settings: EffectSettings, revision: number): PlannedJob[] {
  if (!conversation.schedule) return [];
  const at = Date.parse(conversation.schedule.start) - settings.reminderDaysBefore * day;
  if (at <= settings.now.getTime()) return [];
  return [
    {
      queue: 'reminder',
      data: { conversationId: conversation.id, kind: 'prepare', recipientId: conversation.employeeId },
      options: { startAfter: new Date(at), singletonKey: `${conversation.id}:reminder:prepare:${revision}` },
    },
  ];
}
