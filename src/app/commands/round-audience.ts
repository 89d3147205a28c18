/**
 * Whom a round is for, from the directory: its members (each employee with the manager who plans and a
 * department), and what the starter is in the org chart (HR, director, the part below them).
 */
import { noDepartment, type RoundAudience, type RoundMember, type RoundStarter } from '../../domain/index.js';
import type { DirectoryUser } from '../../ports/index.js';
import type { AppContext } from '../context.js';

/** Directory questions asked side by side (the local directory answers at once; Graph is paced by its client). */
const parallel = 50;

async function inChunks<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += parallel) {
    results.push(...(await Promise.all(items.slice(i, i + parallel).map(work))));
  }
  return results;
}

/** Everyone below a manager, at every level (breadth first; a cycle in the directory cannot loop). */
export async function everyoneBelow(ctx: AppContext, managerId: string): Promise<DirectoryUser[]> {
  const seen = new Map<string, DirectoryUser>();
  let level = [managerId];
  while (level.length > 0) {
    const reports = (await inChunks(level, (id) => ctx.directory.directReports(id))).flat();
    level = [];
    for (const user of reports) {
      if (user.id === managerId || seen.has(user.id)) continue;
      seen.set(user.id, user);
      level.push(user.id);
    }
  }
  return [...seen.values()];
}

/** Members from users: each with their manager now; people without a manager have nobody to plan with. */
async function membersOf(ctx: AppContext, users: readonly DirectoryUser[]): Promise<RoundMember[]> {
  const managers = await inChunks(users, (u) => ctx.directory.managerOf(u.id));
  return users.flatMap((user, i) => {
    const manager = managers[i];
    return manager
      ? [{ employeeId: user.id, managerId: manager.id, department: user.department ?? noDepartment }]
      : [];
  });
}

/** The members of a round for an audience, from the directory now. */
export async function resolveAudience(ctx: AppContext, audience: RoundAudience): Promise<RoundMember[]> {
  switch (audience.kind) {
    case 'everyone':
      return membersOf(ctx, await ctx.directory.listUsers());
    case 'department': {
      // The directory narrows to the department (Graph filters it itself); people without one only locally.
      const listed = await ctx.directory.listUsers(
        audience.department === noDepartment ? {} : { department: audience.department },
      );
      // Exactly as spelled: Graph compares case-insensitively, progress counts per spelling.
      return membersOf(
        ctx,
        listed.filter((u) => (u.department ?? noDepartment) === audience.department),
      );
    }
    case 'manager':
      return membersOf(ctx, await everyoneBelow(ctx, audience.managerId));
  }
}

/** The starter as the rules see them, and the part of the organisation below them. */
export async function starterFacts(
  ctx: AppContext,
  viewerId: string,
): Promise<{ starter: RoundStarter; below: Set<string> }> {
  const isHr = await ctx.directory.isHr(viewerId);
  const reports = await ctx.directory.directReports(viewerId);
  const reportsOfReports = await inChunks(reports, (r) => ctx.directory.directReports(r.id));
  const isDirector = reportsOfReports.some((list) => list.length > 0);
  const below = isDirector
    ? new Set((await everyoneBelow(ctx, viewerId)).map((u) => u.id))
    : new Set<string>();
  return { starter: { id: viewerId, isHr, isDirector }, below };
}
