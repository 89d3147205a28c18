/** An employee's conversation year (Het Goede Gesprek, Reflectiegesprek, vitality conversations), for her and her manager. */
import { errors, relationOf, yearView, type Conversation, type YearView } from '../../domain/index.js';
import type { DirectoryUser } from '../../ports/index.js';
import { accessFactsFor, loadViewer } from '../access.js';
import type { AppContext } from '../context.js';

export interface EmployeeYear {
  employee: DirectoryUser;
  view: YearView;
}

/** The date a conversation stands at in the year: its meeting, or when it was asked for. */
function dateOf(conversation: Conversation): string {
  return conversation.schedule?.start ?? conversation.createdAt;
}

/**
 * The year of one employee. She sees her own; her current manager or an active delegate sees it per report;
 * anyone else (HR included: they have counts, never a person's conversations) gets not-found.
 */
export async function employeeYear(
  ctx: AppContext,
  viewerId: string,
  employeeId: string,
  year: number,
): Promise<EmployeeYear> {
  const employee = await ctx.directory.getUser(employeeId);
  if (!employee) throw errors.notFound();
  const viewer = await loadViewer(ctx, viewerId);
  const probe = { employeeId } as Conversation;
  const relation = relationOf(viewer, probe, await accessFactsFor(ctx, employeeId));
  if (relation !== 'employee' && relation !== 'manager' && relation !== 'delegate') throw errors.notFound();
  const conversations = (await ctx.store.conversationsOf(employeeId)).map((s) => s.conversation);
  return {
    employee,
    view: yearView(
      conversations.map((c) => ({ id: c.id, type: c.type, stage: c.stage, date: dateOf(c) })),
      year,
    ),
  };
}
