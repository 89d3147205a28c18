/** Out-of-office escalation: a manager who must approve but is away is covered by their own manager. */
import type { Conversation } from './conversation.js';
import type { Delegation } from './policy.js';

/** How long the stand-in covers when the out-of-office reply gives no end. */
export const escalationDays = 14;

/** What the directory says about an approver's absence. */
export interface Absence {
  active: boolean;
  /** Until when, ISO; absent when open-ended. */
  until?: string;
}

/** Whether an approver may be covered by someone else at all: never the employee, who decides for themselves. */
export function mayEscalate(conversation: Pick<Conversation, 'employeeId'>, approverId: string): boolean {
  return approverId !== conversation.employeeId;
}

/**
 * The delegation that covers an approver who is away: to their own manager, from now until they are back,
 * or for {@link escalationDays} days when the absence has no end. None when the approver is the employee,
 * is not away, or has no manager to stand in.
 */
export function outOfOfficeDelegation(input: {
  conversation: Pick<Conversation, 'employeeId'>;
  approverId: string;
  absence: Absence;
  /** The approver's own manager, if the directory knows one. */
  standInId: string | undefined;
  /** ISO timestamp. */
  now: string;
}): Delegation | undefined {
  const { conversation, approverId, absence, standInId, now } = input;
  if (!mayEscalate(conversation, approverId) || !absence.active || !standInId) return undefined;
  const until = absence.until ?? new Date(Date.parse(now) + escalationDays * 86_400_000).toISOString();
  return { managerId: approverId, delegateId: standInId, from: now, until };
}
