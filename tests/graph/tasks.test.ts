/** To Do tasks through Graph: the Gesprekken list, one task per key on retries, completing it. */
import { describe, expect, it } from '@jest/globals';
import { GraphTasks } from '../../src/graph/tasks.js';
import { testClient, useFakeGraph } from './harness.js';

const fake = useFakeGraph((fake) => {
  fake.addUser({ id: 'fatima', displayName: 'Fatima' });
});
const tasks = () => new GraphTasks({ client: testClient(), listName: 'Gesprekken' });
const request = {
  assigneeId: 'fatima',
  title: 'Verslag akkoord geven',
  link: 'https://teams.microsoft.com/l/entity/app/approval?c=1',
  due: '2026-12-08',
  idempotencyKey: 'task:c-1:v2:employee',
};

describe('GraphTasks', () => {
  it('creates the Gesprekken list once and a task with link, due date and idempotency key', async () => {
    const adapter = tasks();
    const { taskId } = await adapter.create(request);
    await adapter.create({ ...request, idempotencyKey: 'task:c-2:v1:employee' });
    const lists = fake.todo.get('fatima')!;
    expect(lists.map((l) => l.displayName)).toEqual(['Taken', 'Gesprekken']);
    const task = lists[1]!.tasks.get(taskId)!;
    expect(task.title).toBe('Verslag akkoord geven');
    expect(task.dueDateTime).toEqual({ dateTime: '2026-12-08T12:00:00.000', timeZone: 'UTC' });
    expect(task.linkedResources).toEqual([
      expect.objectContaining({
        webUrl: request.link,
        applicationName: 'Gesprekscyclus',
        externalId: request.idempotencyKey,
      }),
    ]);
    expect(fake.count('POST', /\/todo\/lists$/)).toBe(1);
  });

  it('finds the earlier task on a retry instead of creating a second one, across pages', async () => {
    const first = await tasks().create(request);
    for (let i = 0; i < 4; i++) await tasks().create({ ...request, idempotencyKey: `other-${i}` });
    // A fresh adapter (new process) retries the first request.
    expect(await tasks().create(request)).toEqual(first);
    expect(fake.todo.get('fatima')![1]!.tasks.size).toBe(5);
  });

  it('survives a lost answer to the create', async () => {
    fake.faults.add({ method: 'POST', path: /\/tasks$/, when: 'after-commit', status: 503, times: 1 });
    await expect(tasks().create(request)).resolves.toEqual({ taskId: expect.any(String) });
    // The SDK re-sent the POST, so To Do holds two; the job's own retry must still find one and stop.
    const count = fake.todo.get('fatima')![1]!.tasks.size;
    await tasks().create(request);
    expect(fake.todo.get('fatima')![1]!.tasks.size).toBe(count);
  });

  it('completes a task and shrugs at one the person deleted', async () => {
    const adapter = tasks();
    const { taskId } = await adapter.create(request);
    await adapter.complete('fatima', taskId);
    expect(fake.todo.get('fatima')![1]!.tasks.get(taskId)!.status).toBe('completed');
    await expect(adapter.complete('fatima', 'gone')).resolves.toBeUndefined();
  });

  it('recreates the list when the person deleted it', async () => {
    const adapter = tasks();
    await adapter.create(request);
    fake.todo.set('fatima', fake.todo.get('fatima')!.slice(0, 1));
    await adapter.create({ ...request, idempotencyKey: 'after-delete' });
    expect(fake.todo.get('fatima')!.map((l) => l.displayName)).toEqual(['Taken', 'Gesprekken']);
  });
});
