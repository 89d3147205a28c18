/**
 * Whom a round is for, from the directory: its members (each employee with the manager who plans and a
 * department), and what the starter is in the org chart (HR, director, the part below them).
 */
import { noDepartment, type RoundAudience, type RoundMember, type RoundStarter } from '../../domain/index.js';
import type { ListedUser } from '../../ports/index.js';
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

/**
 * Everyone below a manager, at every level, each with the manager whose direct report they are (breadth first;
 * a cycle in the directory cannot loop). The manager is the one whose reports were asked for, so nobody's manager
 * needs asking again.
 */
export async function teamBelow(ctx: AppContext, managerId: string): Promise<ListedUser[]> {
  const seen = new Map<string, ListedUser>();
  let level = [managerId];
  while (level.length > 0) {
    const reports = await inChunks(level, (id) => ctx.directory.directReports(id));
    const next: string[] = [];
    level.forEach((id, i) => {
      for (const user of reports[i] ?? []) {
        if (user.id === managerId || seen.has(user.id)) continue;
        seen.set(user.id, { user, managerId: id });
        next.push(user.id);
      }
    });
    level = next;
  }
  return [...seen.values()];
}

/** Members from listed users and their managers now; people without a manager have nobody to plan with. */
function membersOf(listed: readonly ListedUser[]): RoundMember[] {
  return listed.flatMap(({ user, managerId }) =>
    managerId ? [{ employeeId: user.id, managerId, department: user.department ?? noDepartment }] : [],
  );
}

/**
 * The members of a round for an audience, from the directory now. Everyone and a department come from one
 * listing with each person's manager in it (a page per 100 people on Graph); a manager's teams from their
 * reports, level by level.
 */
export async function resolveAudience(ctx: AppContext, audience: RoundAudience): Promise<RoundMember[]> {
  switch (audience.kind) {
    case 'everyone':
      return membersOf(await ctx.directory.listUsersWithManagers());
    case 'department': {
      // The directory narrows to the department (Graph filters it itself); people without one only locally.
      const listed = await ctx.directory.listUsersWithManagers(
        audience.department === noDepartment ? {} : { department: audience.department },
      );
      // Exactly as spelled: Graph compares case-insensitively, progress counts per spelling.
      return membersOf(
        listed.filter(({ user }) => (user.department ?? noDepartment) === audience.department),
      );
    }
    case 'manager':
      return membersOf(await teamBelow(ctx, audience.managerId));
  }
}

/** The starter as the rules see them: HR, and a director (someone whose reports have reports of their own). */
export async function starterOf(ctx: AppContext, viewerId: string): Promise<RoundStarter> {
  const [isHr, reports] = await Promise.all([
    ctx.directory.isHr(viewerId),
    ctx.directory.directReports(viewerId),
  ]);
  const reportsOfReports = await inChunks(reports, (r) => ctx.directory.directReports(r.id));
  return { id: viewerId, isHr, isDirector: reportsOfReports.some((list) => list.length > 0) };
}

/**
 * The starter, and the part of the organisation below them when that bounds what they may start: a director's
 * own part. HR may start a round for anyone, so their part is not walked.
 */
export async function starterFacts(
  ctx: AppContext,
  viewerId: string,
): Promise<{ starter: RoundStarter; below: Set<string> }> {
  const starter = await starterOf(ctx, viewerId);
  const below =
    starter.isDirector && !starter.isHr
      ? new Set((await teamBelow(ctx, viewerId)).map(({ user }) => user.id))
      : new Set<string>();
  return { starter, below };
}
