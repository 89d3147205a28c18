/** Who a person is to a conversation, and what that relation lets them read and do. */
import { errors } from './errors.js';
import type { Actor, Conversation } from './conversation.js';
import { canOpenFiledDocument } from './confidentiality.js';

/** The sides of a conversation that can act on it. A delegate acts as the manager; the system archives. */
export type Party = 'employee' | 'manager' | 'system';

/** How a person relates to one conversation. Decides everything they may see and do. */
export type Relation = 'employee' | 'manager' | 'delegate' | 'hr' | 'none';

/** A signed-in person. Roles come from the directory (HR is a group), never from the client. */
export interface Viewer {
  id: string;
  isHr: boolean;
}

/** A manager's explicit delegation to someone acting for them while they are away. */
export interface Delegation {
  managerId: string;
  delegateId: string;
  /** ISO timestamps; a delegation counts only between them. */
  from: string;
  until: string;
}

/** Facts from the directory about the conversation's employee, looked up by the server. */
export interface AccessFacts {
  /** The employee's manager now (not at planning time): access follows the org chart. */
  currentManagerId: string | undefined;
  /** Delegations from that manager. */
  delegations: readonly Delegation[];
  now: string;
}

function activeDelegation(viewer: Viewer, facts: AccessFacts): Delegation | undefined {
  return facts.delegations.find(
    (d) =>
      d.delegateId === viewer.id &&
      d.managerId === facts.currentManagerId &&
      d.from <= facts.now &&
      facts.now < d.until,
  );
}

/** The relation of a viewer to a conversation. The employee and their current manager come first. */
export function relationOf(viewer: Viewer, conversation: Conversation, facts: AccessFacts): Relation {
  if (viewer.id === conversation.employeeId) return 'employee';
  if (facts.currentManagerId !== undefined && viewer.id === facts.currentManagerId) return 'manager';
  if (activeDelegation(viewer, facts)) return 'delegate';
  if (viewer.isHr) return 'hr';
  return 'none';
}

/**
 * Whether a relation may read the conversation's content (answers, report, POP). This is the privacy wall:
 * only the employee and their current manager or active delegate; HR never, not even for a reflection.
 */
export function canReadContent(relation: Relation): boolean {
  return relation === 'employee' || relation === 'manager' || relation === 'delegate';
}

/**
 * Whether a relation may open the filed document: the employee and her manager always; HR only what is in the
 * personnel file, never a Vitaliteitsgesprek (see confidentiality.ts).
 */
export function canReadArchiveRecord(relation: Relation, conversation: Conversation): boolean {
  return canOpenFiledDocument(relation, conversation);
}

/**
 * The side someone who gets a card, task or reminder about a conversation is on: the employee, or anyone else
 * (her manager, a delegate) on the manager's side.
 */
export function sideOf(
  conversation: Pick<Conversation, 'employeeId'>,
  userId: string,
): 'employee' | 'manager' {
  return userId === conversation.employeeId ? 'employee' : 'manager';
}

/** The side a relation acts for in a conversation: a delegate acts as the manager. */
export function partyOf(relation: 'employee' | 'manager' | 'delegate'): 'employee' | 'manager' {
  return relation === 'employee' ? 'employee' : 'manager';
}

/**
 * The actor a viewer acts as, or an error. People without any relation get "not found", so ids cannot be
 * probed for existence.
 */
export function actorFor(viewer: Viewer, conversation: Conversation, facts: AccessFacts): Actor {
  const relation = relationOf(viewer, conversation, facts);
  switch (relation) {
    case 'employee':
      return { id: viewer.id, party: 'employee' };
    case 'manager':
      return { id: viewer.id, party: 'manager' };
    case 'delegate':
      return { id: viewer.id, party: 'manager', onBehalfOf: facts.currentManagerId as string };
    case 'hr':
    case 'none':
      // HR has no part in a conversation before it is archived; to them it does not exist.
      throw errors.notFound();
  }
}

/** The system actor, for archiving from the outbox. */
export const systemActor: Actor = { id: 'system', party: 'system' };

/** Whether reading this conversation counts as reading someone else's data, which the audit log records. */
export function isReadOfOthers(viewer: Viewer, conversation: Conversation): boolean {
  return viewer.id !== conversation.employeeId;
}
