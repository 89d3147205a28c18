import { PgBoss, type SendOptions } from 'pg-boss';
import type { Database } from '../store/index.js';
import { transactionalJobDatabase, type SqlExecutor } from '../store/index.js';
import { queues, type QueueName } from './jobs.js';

type TxExecutor = SqlExecutor & { exec(text: string): Promise<void> };

/** Per-queue retry policy: side effects retry with backoff; archiving is watched by a heartbeat. */
const queuePolicies: Record<QueueName, Parameters<PgBoss['createQueue']>[1]> = {
  notify: { retryLimit: 8, retryDelay: 2, retryBackoff: true, retryDelayMax: 300 },
  'refresh-cards': { retryLimit: 5, retryDelay: 2, retryBackoff: true, retryDelayMax: 120 },
  calendar: { retryLimit: 8, retryDelay: 2, retryBackoff: true, retryDelayMax: 300 },
  task: { retryLimit: 8, retryDelay: 2, retryBackoff: true, retryDelayMax: 300 },
  archive: { retryLimit: 20, retryDelay: 5, retryBackoff: true, retryDelayMax: 600 },
  reminder: { retryLimit: 3, retryDelay: 60 },
  retention: { retryLimit: 2, retryDelay: 600 },
};

/**
 * The transactional outbox: jobs are inserted by pg-boss into the same database, inside the transaction
 * that changes the conversation, so a side effect exists exactly when its cause was committed.
 */
export class Outbox {
  private constructor(readonly boss: PgBoss) {}

  static async start(db: Database, options: { archiveHeartbeatSeconds: number }): Promise<Outbox> {
    const boss = new PgBoss({
      db: db.jobDatabase(),
      backend: db.kind === 'pglite' ? 'pglite' : 'postgres',
      schema: 'jobs',
      registerInstance: false,
      superviseIntervalSeconds: 5,
      monitorIntervalSeconds: 5,
    });
    boss.on('error', (error) => {
      // Maintenance errors are reported, never fatal: jobs stay in the table and are retried.
      console.error('job runner error', error);
    });
    await boss.start();
    for (const name of Object.values(queues)) {
      // Every queue is watched by a heartbeat (pg-boss accepts 10 s or more): a job whose worker died in a
      // crash is retried within seconds, not after the 15-minute default expiry.
      const heartbeatSeconds = Math.max(10, options.archiveHeartbeatSeconds);
      await boss.createQueue(name, { ...queuePolicies[name], heartbeatSeconds });
    }
    return new Outbox(boss);
  }

  /** Adds a job as part of the open transaction `tx`. */
  async enqueue(
    tx: TxExecutor,
    queue: QueueName,
    data: object,
    options: Omit<SendOptions, 'db'> = {},
  ): Promise<void> {
    await this.boss.send(queue, data, { ...options, db: transactionalJobDatabase(tx) });
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 10_000, close: false });
  }
}
