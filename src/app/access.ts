/** Who the viewer is and how they relate to a conversation, from the directory (never from the client). */
import {
  canReadContent,
  errors,
  relationOf,
  type AccessFacts,
  type Conversation,
  type Viewer,
} from '../domain/index.js';
import type { DirectoryUser } from '../ports/index.js';
import type { StoredConversation } from '../store/index.js';
import type { AppContext } from './context.js';

/** The relations that may read a conversation's content. */
export type ContentRelation = 'employee' | 'manager' | 'delegate';

/** The signed-in person, with HR membership from the directory (never from the client). */
export async function loadViewer(ctx: AppContext, viewerId: string): Promise<Viewer> {
  return { id: viewerId, isHr: await ctx.directory.isHr(viewerId) };
}

/**
 * Directory facts about an employee that decide who may see and do what in their conversations. With the
 * `viewerId` they are for, the manager's delegations are only read when they can matter: the employee and her
 * current manager come before any delegate (`relationOf`).
 */
export async function accessFactsFor(
  ctx: AppContext,
  employeeId: string,
  viewerId?: string,
): Promise<AccessFacts> {
  const manager = await ctx.directory.managerOf(employeeId);
  const decided = viewerId !== undefined && (viewerId === employeeId || viewerId === manager?.id);
  const delegations = manager && !decided ? await ctx.store.delegationsFrom(manager.id) : [];
  return { currentManagerId: manager?.id, delegations, now: ctx.now().toISOString() };
}

/** A stored conversation, or not-found. */
export async function mustGet(ctx: AppContext, id: string): Promise<StoredConversation> {
  const stored = await ctx.store.getConversation(id);
  if (!stored) throw errors.notFound();
  return stored;
}

/** The viewer's relation to a conversation whose content they read; not-found when they may not. */
export async function contentRelation(
  ctx: AppContext,
  viewer: Viewer,
  conversation: Conversation,
): Promise<ContentRelation> {
  const relation = relationOf(
    viewer,
    conversation,
    await accessFactsFor(ctx, conversation.employeeId, viewer.id),
  );
  if (!canReadContent(relation)) throw errors.notFound();
  return relation as ContentRelation;
}

/** Employees whose conversations the viewer manages: direct reports, and reports of managers they stand in for. */
export async function managedEmployees(ctx: AppContext, viewerId: string): Promise<DirectoryUser[]> {
  const now = ctx.now().toISOString();
  const own = await ctx.directory.directReports(viewerId);
  const delegated = (await ctx.store.delegationsTo(viewerId)).filter((d) => d.from <= now && now < d.until);
  const covered = await Promise.all(delegated.map((d) => ctx.directory.directReports(d.managerId)));
  const seen = new Map<string, DirectoryUser>();
  for (const user of [...own, ...covered.flat()]) if (user.id !== viewerId) seen.set(user.id, user);
  return [...seen.values()];
}
