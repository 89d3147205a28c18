/** The transactional outbox: pg-boss on the app's own database, with one queue per definition in ./queues.ts. */
import { PgBoss } from 'pg-boss';
import type { Database } from '../../store/index.js';
import { transactionalJobDatabase, type SqlExecutor } from '../../store/index.js';
import { allQueues, type PlannedJob } from './queues.js';

type TxExecutor = SqlExecutor & { exec(text: string): Promise<void> };

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
    for (const queue of allQueues) {
      // Every queue is watched by a heartbeat (pg-boss accepts 10 s or more): a job whose worker died in a
      // crash is retried within seconds, not after the 15-minute default expiry.
      const heartbeatSeconds = Math.max(10, options.archiveHeartbeatSeconds);
      await boss.createQueue(queue.name, { ...queue.retry, heartbeatSeconds });
    }
    return new Outbox(boss);
  }

  /** Adds a job as part of the open transaction `tx`. */
  async enqueue(tx: TxExecutor, job: PlannedJob): Promise<void> {
    await this.boss.send(job.queue, job.data, { ...job.options, db: transactionalJobDatabase(tx) });
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 10_000, close: false });
  }
}
