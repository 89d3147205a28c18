/** The shape every outbox queue is defined in: name, payload schema, retry, concurrency and handler in one place. */
import type { PgBoss, SendOptions } from 'pg-boss';
import type { z } from 'zod';
import type { AppContext } from '../context.js';

/** How pg-boss retries a failed job of a queue. */
export type RetryPolicy = Pick<
  NonNullable<Parameters<PgBoss['createQueue']>[1]>,
  'retryLimit' | 'retryDelay' | 'retryBackoff' | 'retryDelayMax'
>;

/** One outbox queue, defined once. */
export interface QueueDefinition<Name extends string, Payload> {
  name: Name;
  /** What a job carries; checked when a worker picks the job up. */
  payload: z.ZodType<Payload>;
  retry: RetryPolicy;
  /** How many jobs one worker fetches at once, and how many of those it runs side by side. */
  concurrency: { batchSize: number; localConcurrency: number };
  /** Does the work. Idempotent: a retry after a crash is harmless. */
  handle(ctx: AppContext, data: Payload): Promise<void>;
  /** A recurring job for the whole deployment (pg-boss keeps the schedule in the database). */
  schedule?(ctx: AppContext): { cron: string; tz: string };
}

/** Options a job is sent with (the transaction is added by the outbox). */
export type JobOptions = Omit<SendOptions, 'db'>;

/** Defines a queue; the identity function, there for the types. */
export function defineQueue<Name extends string, Payload>(
  definition: QueueDefinition<Name, Payload>,
): QueueDefinition<Name, Payload> {
  return definition;
}
