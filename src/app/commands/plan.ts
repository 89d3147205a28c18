/** Starting a conversation: the manager plans one, or the employee asks for one. */
import { randomUUID } from 'node:crypto';
import {
  createConversation,
  currentFormat,
  currentVersion,
  DomainError,
  errors,
  goalParts,
  openConversationOf,
  previousTypesFor,
  relationOf,
  requireText,
  type Actor,
  type Conversation,
  type Goal,
  type GoalPart,
} from '../../domain/index.js';
import { accessFactsFor, loadViewer } from '../access.js';
import type { AppContext } from '../context.js';
import { present, type ConversationView } from '../views/present.js';
import { commit } from './commit.js';
import { runCommand } from './run-command.js';

/** The latest signed conversation of a type for an employee. */
async function latestFinal(
  ctx: AppContext,
  employeeId: string,
  type: Conversation['type'],
): Promise<Conversation | undefined> {
  return (await ctx.store.conversationsOf(employeeId))
    .map((s) => s.conversation)
    .find((c) => c.type === type && (c.stage === 'approved' || c.stage === 'archived'));
}

/**
 * The conversation a new one of this type builds on: Het Goede Gesprek → Reflectiegesprek → next Goede Gesprek;
 * a Vitaliteitsgesprek follows the previous one.
 */
async function previousFor(
  ctx: AppContext,
  employeeId: string,
  type: Conversation['type'],
): Promise<Conversation | undefined> {
  for (const candidate of previousTypesFor(type)) {
    const found = await latestFinal(ctx, employeeId, candidate);
    if (found) return found;
  }
  return undefined;
}

/** Goals set in the latest approved Het Goede Gesprek, per part, for a reflection to build on. */
function goalsFrom(goedeGesprek: Conversation | undefined): Partial<Record<GoalPart, Goal[]>> | undefined {
  const report = goedeGesprek ? currentVersion(goedeGesprek)?.content.report : undefined;
  if (!report) return undefined;
  return Object.fromEntries(
    goalParts.map((part) => [part, (report[`doelen.${part}`] as Goal[] | undefined) ?? []]),
  );
}

export interface PlanInput {
  employeeId: string;
  type: Conversation['type'];
  start: string;
  end: string;
  previousId?: string;
  meeting?: 'app' | 'outlook';
  earlierGoals?: Partial<Record<GoalPart, Goal[]>>;
  /** The employee's request this plan answers: it is planned itself, so the request closes. */
  requestId?: string;
}

/** A manager (or their delegate) plans a conversation with a direct report. */
export async function planConversation(
  ctx: AppContext,
  viewerId: string,
  input: PlanInput,
): Promise<ConversationView> {
  const employee = await ctx.directory.getUser(input.employeeId);
  if (!employee) throw errors.notYourReport(input.employeeId);
  const facts = await accessFactsFor(ctx, input.employeeId);
  const viewer = await loadViewer(ctx, viewerId);
  const probe = { employeeId: input.employeeId } as Conversation;
  const relation = relationOf(viewer, probe, facts);
  if (relation !== 'manager' && relation !== 'delegate') throw errors.notYourReport(input.employeeId);
  const managerId = facts.currentManagerId as string;

  const theirs = (await ctx.store.conversationsOf(input.employeeId)).map((s) => s.conversation);
  if (input.requestId) return planRequest(ctx, viewerId, input, theirs);
  // One conversation of each type at a time; a vitality request is planned from the request, never beside it.
  const open = openConversationOf(theirs, input.type);
  if (open) throw errors.alreadyOpen(open.id, open.stage, open.stage === 'requested');

  let previous = input.previousId
    ? (await ctx.store.getConversation(input.previousId))?.conversation
    : await previousFor(ctx, input.employeeId, input.type);
  if (previous && previous.employeeId !== input.employeeId) previous = undefined;
  const earlierGoals =
    input.type === 'reflectie'
      ? (input.earlierGoals ?? goalsFrom(await latestFinal(ctx, input.employeeId, 'goede-gesprek')))
      : undefined;

  const actor: Actor =
    relation === 'delegate'
      ? { id: viewerId, party: 'manager', onBehalfOf: managerId }
      : { id: viewerId, party: 'manager' };
  const result = createConversation({
    id: randomUUID(),
    type: input.type,
    formatVersion: currentFormat(input.type).version,
    employeeId: input.employeeId,
    managerId,
    requestedBy: 'manager',
    schedule: {
      start: input.start,
      end: input.end,
      ...(input.meeting === 'outlook' ? { source: 'outlook' as const } : {}),
    },
    ...(previous ? { previous } : {}),
    ...(earlierGoals ? { earlierGoals } : {}),
    now: ctx.now().toISOString(),
  });
  const saved = await ctx.store.transaction((tx) => commit(ctx, tx, undefined, result, actor));
  return present(ctx, saved, relation);
}

/** Plans the conversation an employee asked for: the request itself moves on to planned, with its meeting. */
async function planRequest(
  ctx: AppContext,
  viewerId: string,
  input: PlanInput,
  theirs: readonly Conversation[],
): Promise<ConversationView> {
  const request = theirs.find((c) => c.id === input.requestId);
  // Another employee's request, or one already planned or withdrawn, is not this plan's to take.
  if (!request) throw errors.notFound();
  if (request.stage !== 'requested' || request.type !== input.type) {
    throw errors.illegalTransition('plan', request.stage);
  }
  return runCommand(ctx, viewerId, request.id, {
    type: 'plan',
    schedule: {
      start: input.start,
      end: input.end,
      ...(input.meeting === 'outlook' ? { source: 'outlook' as const } : {}),
    },
  });
}

/** An employee asks their manager for a Vitaliteitsgesprek. */
export async function requestConversation(
  ctx: AppContext,
  viewerId: string,
  input: { type: 'vitaliteit'; note?: string },
): Promise<ConversationView> {
  const manager = await ctx.directory.managerOf(viewerId);
  if (!manager) {
    throw new DomainError('invalid', 'no_manager', {
      nl: 'We kunnen je leidinggevende niet vinden in de organisatie. Neem contact op met HR.',
      en: 'We cannot find your manager in the directory. Please contact HR.',
    });
  }
  const open = openConversationOf(
    (await ctx.store.conversationsOf(viewerId)).map((s) => s.conversation),
    input.type,
  );
  if (open) throw errors.alreadyOpen(open.id, open.stage, open.stage === 'requested');
  const previous = await previousFor(ctx, viewerId, input.type);
  const result = createConversation({
    id: randomUUID(),
    type: input.type,
    formatVersion: currentFormat(input.type).version,
    employeeId: viewerId,
    managerId: manager.id,
    requestedBy: 'employee',
    ...(input.note ? { requestNote: requireText(input.note, 'note') } : {}),
    ...(previous ? { previous } : {}),
    now: ctx.now().toISOString(),
  });
  const saved = await ctx.store.transaction((tx) =>
    commit(ctx, tx, undefined, result, { id: viewerId, party: 'employee' }),
  );
  return present(ctx, saved, 'employee');
}
