/** The `retention` queue: once a night, removes working copies of conversations past their retention period. */
import { z } from 'zod';
import { runRetention } from '../commands/privacy.js';
import type { AppContext } from '../context.js';
import { defineQueue } from './queue.js';

export const retentionPayload = z.object({});

export const retentionQueue = defineQueue({
  name: 'retention',
  payload: retentionPayload,
  retry: { retryLimit: 2, retryDelay: 600 },
  concurrency: { batchSize: 1, localConcurrency: 1 },
  handle: async (ctx: AppContext) => {
    await runRetention(ctx, ctx.config.retentionDays);
  },
  schedule: (ctx) => ({ cron: ctx.config.retentionCron, tz: 'Europe/Amsterdam' }),
});
