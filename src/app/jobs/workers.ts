/** The outbox workers: one per queue in ./queues.ts, each checking its payload and recording jobs given up. */
import type { JobWithMetadata } from 'pg-boss';
import { inBackground } from '../../store/priority.js';
import type { AppContext } from '../context.js';
import { loadConversation } from './load.js';
import type { QueueDefinition } from './queue.js';
import { allQueues, type QueueName } from './queues.js';

/**
 * A side effect that failed for good (all retries used) goes into the conversation's audit trail, so the
 * manager sees that an invitation, card or task did not arrive instead of it vanishing in a log.
 */
async function recordGivenUp(
  ctx: AppContext,
  queue: QueueName,
  data: unknown,
  message: string,
): Promise<void> {
  const job = (data ?? {}) as {
    conversationId?: string;
    recipientId?: string;
    assigneeId?: string;
    kind?: string;
    action?: string;
  };
  if (!job.conversationId) return;
  const conversation = await loadConversation(ctx, job.conversationId);
  await ctx.store.appendAudit({
    actorId: 'system',
    conversationId: job.conversationId,
    subjectId: conversation?.employeeId ?? null,
    action: 'delivery.failed',
    details: {
      queue,
      ...(job.kind ? { kind: job.kind } : {}),
      ...(job.action ? { step: job.action } : {}),
      recipientId: job.recipientId ?? job.assigneeId ?? null,
      error: message,
    },
  });
}

/** Starts the worker of one queue, unless this process is configured to leave it to another. */
async function work<Payload>(ctx: AppContext, queue: QueueDefinition<QueueName, Payload>): Promise<void> {
  const boss = ctx.outbox.boss;
  const selected = ctx.config.workerQueues;
  if (selected !== 'all' && !selected.includes(queue.name)) return;
  const { batchSize, localConcurrency } = queue.concurrency;
  // Full batches are fetched back to back, so a backlog drains at the speed of the handlers, not one job per poll.
  await boss.work(
    queue.name,
    {
      pollingIntervalSeconds: ctx.config.jobPollSeconds,
      batchSize,
      localConcurrency,
      burstWhenBatchFull: batchSize > 1,
      includeMetadata: true as const,
    },
    async (jobs: JobWithMetadata<unknown>[]) => {
      // In the background lane: a backlog of jobs never stands in front of a person at the database.
      const results = await Promise.allSettled(
        jobs.map((job) => inBackground(() => queue.handle(ctx, queue.payload.parse(job.data)))),
      );
      // Only the jobs that failed are retried; pg-boss completes the rest (complete never touches a failed job).
      await Promise.all(
        results.map(async (result, index) => {
          if (result.status === 'fulfilled') return;
          const job = jobs[index] as JobWithMetadata<unknown>;
          const message = String(
            result.reason instanceof Error ? result.reason.message : result.reason,
          ).slice(0, 500);
          await boss.fail(queue.name, job.id, { message });
          if (job.retryCount >= job.retryLimit) await recordGivenUp(ctx, queue.name, job.data, message);
        }),
      );
    },
  );
}

/** Starts a worker per queue. Each handler is idempotent, so a retry after a crash is harmless. */
export async function startWorkers(ctx: AppContext): Promise<void> {
  for (const queue of allQueues) await work<unknown>(ctx, queue);
  // One schedule per recurring queue for the whole deployment; pg-boss keeps it in the database.
  for (const queue of allQueues) {
    if (!('schedule' in queue) || !queue.schedule) continue;
    const { cron, tz } = queue.schedule(ctx);
    await ctx.outbox.boss.schedule(queue.name, cron, {}, { tz });
  }
}
