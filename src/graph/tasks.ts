/**
 * Approval tasks in Microsoft To Do ("Taken"), in a list of their own per user.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { TaskRequest, Tasks } from '../ports/index.js';
import { isNotFound } from './graph-errors.js';
import { findInPages, type GraphPage } from './paging.js';

interface TodoList {
  id: string;
  displayName: string;
}

interface TodoTask {
  id: string;
  linkedResources?: Array<{ externalId?: string | null; applicationName?: string | null }>;
}

/** The application name on the task's linked resource; with the idempotency key it identifies our tasks. */
export const linkedApplicationName = 'Gesprekscyclus';

/** Options of the To Do tasks. */
export interface GraphTasksOptions {
  /** App-only client (Tasks.ReadWrite.All application permission). */
  client: Client;
  /** Name of the task list, e.g. `Gesprekken`. */
  listName: string;
  /** Text of the task body; receives the link. */
  bodyHtml?: (request: TaskRequest) => string;
}

/** `Tasks` on Microsoft To Do. */
export class GraphTasks implements Tasks {
  /** List id per user; a list is never renamed by us, and a stale id is dropped on 404. */
  private readonly lists = new Map<string, Promise<string>>();

  constructor(private readonly options: GraphTasksOptions) {}

  create(request: TaskRequest): Promise<{ taskId: string }> {
    return this.inList(request.assigneeId, (listId) => this.createIn(listId, request));
  }

  private async createIn(listId: string, request: TaskRequest): Promise<{ taskId: string }> {
    const tasksPath = `/users/${encodeURIComponent(request.assigneeId)}/todo/lists/${encodeURIComponent(listId)}/tasks`;
    // A retried create finds the task the first attempt made, by the idempotency key in its linked resource.
    const existing = await findInPages<TodoTask>(
      this.options.client,
      () =>
        this.options.client.api(tasksPath).expand('linkedResources').get() as Promise<GraphPage<TodoTask>>,
      (task) =>
        (task.linkedResources ?? []).some(
          (r) => r.externalId === request.idempotencyKey && r.applicationName === linkedApplicationName,
        ),
    );
    if (existing) return { taskId: existing.id };
    const task = (await this.options.client.api(tasksPath).post({
      title: request.title,
      body: { contentType: 'html', content: this.options.bodyHtml?.(request) ?? defaultBody(request) },
      ...(request.due ? { dueDateTime: { dateTime: dueDateTime(request.due), timeZone: 'UTC' } } : {}),
      linkedResources: [
        {
          webUrl: request.link,
          applicationName: linkedApplicationName,
          displayName: request.title,
          externalId: request.idempotencyKey,
        },
      ],
    })) as TodoTask;
    return { taskId: task.id };
  }

  async complete(assigneeId: string, taskId: string): Promise<void> {
    const listId = await this.listFor(assigneeId);
    try {
      await this.options.client
        .api(
          `/users/${encodeURIComponent(assigneeId)}/todo/lists/${encodeURIComponent(listId)}/tasks/${encodeURIComponent(taskId)}`,
        )
        .patch({ status: 'completed' });
    } catch (error) {
      // The person deleted the task themselves: nothing is left to complete.
      if (isNotFound(error)) return;
      throw error;
    }
  }

  /** Runs `work` in the user's list; when the cached list was deleted meanwhile (404), finds or creates it again once. */
  private async inList<T>(userId: string, work: (listId: string) => Promise<T>): Promise<T> {
    const listId = await this.listFor(userId);
    try {
      return await work(listId);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      this.lists.delete(userId);
      return work(await this.listFor(userId));
    }
  }

  /** Finds the user's list by name, or creates it; concurrent callers share one lookup. */
  private listFor(userId: string): Promise<string> {
    let pending = this.lists.get(userId);
    if (!pending) {
      pending = this.findOrCreateList(userId);
      this.lists.set(userId, pending);
      pending.catch(() => this.lists.delete(userId));
    }
    return pending;
  }

  private async findOrCreateList(userId: string): Promise<string> {
    const listsPath = `/users/${encodeURIComponent(userId)}/todo/lists`;
    const found = await findInPages<TodoList>(
      this.options.client,
      () => this.options.client.api(listsPath).get() as Promise<GraphPage<TodoList>>,
      (list) => list.displayName === this.options.listName,
    );
    if (found) return found.id;
    const created = (await this.options.client
      .api(listsPath)
      .post({ displayName: this.options.listName })) as TodoList;
    return created.id;
  }
}

function defaultBody(request: TaskRequest): string {
  const link = escapeHtml(request.link);
  return `<p>${escapeHtml(request.title)}</p><p><a href="${link}">Openen / Open</a></p>`;
}

/** To Do wants a dateTime without offset plus a zone: we send UTC. */
function dueDateTime(due: string): string {
  // A bare date (YYYY-MM-DD) means the end of the working day is fine: use noon UTC so it stays that day in NL.
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(due) ? `${due}T12:00:00.000Z` : due;
  return new Date(iso).toISOString().replace('Z', '');
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}
