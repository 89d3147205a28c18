/** To Do tasks kept in memory, as the Tasks port for local runs and tests. */
import { randomUUID } from 'node:crypto';
import type { TaskRequest, Tasks } from '../../ports/index.js';

/** To Do tasks kept in memory. For local runs and tests. */
export class LocalTasks implements Tasks {
  readonly tasks = new Map<string, TaskRequest & { taskId: string; completed: boolean }>();
  private readonly byKey = new Map<string, string>();

  async create(request: TaskRequest): Promise<{ taskId: string }> {
    const known = this.byKey.get(request.idempotencyKey);
    if (known) return { taskId: known };
    const taskId = randomUUID();
    this.tasks.set(taskId, { ...request, taskId, completed: false });
    this.byKey.set(request.idempotencyKey, taskId);
    return { taskId };
  }

  async complete(_assigneeId: string, taskId: string): Promise<void> {
    const task = this.tasks.get(taskId);
    if (task) task.completed = true;
  }
}
