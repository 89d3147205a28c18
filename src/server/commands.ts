import { randomUUID } from 'node:crypto';
import {
  actorFor,
  canReadArchiveRecord,
  canReadContent,
  createConversation,
  currentFormat,
  currentVersion,
  DomainError,
  errors,
  fieldsOf,
  formatOf,
  goalParts,
  isReadOfOthers,
  isStorableText,
  nextStepFor,
  relationOf,
  reportContent,
  systemActor,
  teamVitalityPicture,
  transition,
  type AccessFacts,
  type Actor,
  type Agreement,
  type ArchiveRecord,
  type Command,
  type Conversation,
  type DomainEvent,
  type FormatDef,
  type Goal,
  type GoalPart,
  type NextStep,
  type Relation,
  type Stage,
  type TeamVitalityPicture,
  type Viewer,
} from '../domain/index.js';
import type { DirectoryUser } from '../ports/index.js';
import { StaleRevisionError, type StoreTransaction, type StoredConversation } from '../store/index.js';
import { contentHash } from '../documents/archive-json.js';
import type { AppContext } from './context.js';
import { effectsOf } from './effects.js';
import type { HttpCommand } from './schemas.js';

/** What the previous conversation hands to the next one ("zo is de cirkel rond"). */
export interface PreviousSummary {
  id: string;
  type: Conversation['type'];
  stage: Stage;
  report: Conversation['report'];
  agreements: Agreement[];
  pop?: Conversation['pop'];
  evaluation?: Conversation['evaluation'];
  archive?: ArchiveRecord;
}

/** A conversation as one viewer may see it. */
export interface ConversationView {
  conversation: Conversation & { revision: number };
  format: FormatDef;
  relation: 'employee' | 'manager' | 'delegate';
  party: 'employee' | 'manager';
  nextStep: NextStep;
  people: { employee: DirectoryUser; manager: DirectoryUser | null };
  previous: PreviousSummary | null;
}

/** One line in a list of conversations. */
export interface ConversationSummary {
  id: string;
  type: Conversation['type'];
  stage: Stage;
  requestedBy: Conversation['requestedBy'];
  employee: DirectoryUser;
  manager: DirectoryUser | null;
  schedule?: Conversation['schedule'];
  party: 'employee' | 'manager';
  nextStep: NextStep;
  revision: number;
  updatedAt: string;
  currentVersion?: number;
  archive?: ArchiveRecord;
}

type ContentRelation = ConversationView['relation'];

const unknownUser = (id: string): DirectoryUser => ({ id, displayName: id, email: '' });

/** The signed-in person, with HR membership from the directory (never from the client). */
export async function loadViewer(ctx: AppContext, viewerId: string): Promise<Viewer> {
  return { id: viewerId, isHr: await ctx.directory.isHr(viewerId) };
}

/** Directory facts about an employee that decide who may see and do what in their conversations. */
export async function accessFactsFor(ctx: AppContext, employeeId: string): Promise<AccessFacts> {
  const manager = await ctx.directory.managerOf(employeeId);
  const delegations = manager ? await ctx.store.delegationsFrom(manager.id) : [];
  return { currentManagerId: manager?.id, delegations, now: ctx.now().toISOString() };
}

async function mustGet(ctx: AppContext, id: string): Promise<StoredConversation> {
  const stored = await ctx.store.getConversation(id);
  if (!stored) throw errors.notFound();
  return stored;
}

async function contentRelation(
  ctx: AppContext,
  viewer: Viewer,
  conversation: Conversation,
): Promise<ContentRelation> {
  const relation = relationOf(viewer, conversation, await accessFactsFor(ctx, conversation.employeeId));
  if (!canReadContent(relation)) throw errors.notFound();
  return relation as ContentRelation;
}

function partyOf(relation: ContentRelation): 'employee' | 'manager' {
  return relation === 'employee' ? 'employee' : 'manager';
}

function agreementsOf(conversation: Conversation, report: Conversation['report']): Agreement[] {
  return fieldsOf(formatOf(conversation).report.sections)
    .filter((f) => f.kind === 'agreements')
    .flatMap((f) => (report[f.id] as Agreement[] | undefined) ?? []);
}

async function previousSummary(ctx: AppContext, conversation: Conversation): Promise<PreviousSummary | null> {
  if (!conversation.previousId) return null;
  const previous = (await ctx.store.getConversation(conversation.previousId))?.conversation;
  // Only the same employee's conversations are ever linked; anything else is not shown.
  if (!previous || previous.employeeId !== conversation.employeeId) return null;
  const report = currentVersion(previous)?.content.report ?? previous.report;
  return {
    id: previous.id,
    type: previous.type,
    stage: previous.stage,
    report,
    agreements: agreementsOf(previous, report),
    ...(previous.pop ? { pop: previous.pop } : {}),
    ...(previous.evaluation ? { evaluation: previous.evaluation } : {}),
    ...(previous.archive ? { archive: previous.archive } : {}),
  };
}

async function present(
  ctx: AppContext,
  stored: StoredConversation,
  relation: ContentRelation,
): Promise<ConversationView> {
  const { conversation, editRevision: revision } = stored;
  const party = partyOf(relation);
  const employee =
    (await ctx.directory.getUser(conversation.employeeId)) ?? unknownUser(conversation.employeeId);
  const manager =
    (await ctx.directory.managerOf(conversation.employeeId)) ??
    (await ctx.directory.getUser(conversation.managerId)) ??
    null;
  return {
    conversation: { ...conversation, revision },
    format: formatOf(conversation),
    relation,
    party,
    nextStep: nextStepFor(conversation, party),
    people: { employee, manager },
    previous: await previousSummary(ctx, conversation),
  };
}

/** Free text never goes into the audit log: it holds who did what and when, so erasure and retention can leave it. */
const freeTextKeys = new Set(['comment', 'note', 'reason']);

function auditDetails(event: DomainEvent): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) {
    if (key === 'type') continue;
    if (freeTextKeys.has(key)) details[`has${key[0]?.toUpperCase()}${key.slice(1)}`] = true;
    else details[key] = value;
  }
  return details;
}

function auditEntriesFor(
  events: readonly DomainEvent[],
  actor: Actor,
  conversation: Conversation,
): Parameters<StoreTransaction['appendAudit']>[0][] {
  return events.map((event) => ({
    actorId: actor.id,
    conversationId: conversation.id,
    subjectId: conversation.employeeId,
    action: `conversation.${event.type}`,
    details: { ...auditDetails(event), ...(actor.onBehalfOf ? { onBehalfOf: actor.onBehalfOf } : {}) },
  }));
}

/**
 * Writes a state change, its audit entries and its side effects in one transaction. Nothing is
 * acknowledged before all three are committed.
 */
async function commit(
  ctx: AppContext,
  tx: StoreTransaction,
  stored: StoredConversation | undefined,
  result: { conversation: Conversation; events: DomainEvent[] },
  actor: Actor,
): Promise<StoredConversation> {
  const byPerson = actor.party !== 'system';
  const saved = stored
    ? await tx.updateConversation(result.conversation, stored.revision, byPerson)
    : await tx.insertConversation(result.conversation);
  for (const entry of auditEntriesFor(result.events, actor, result.conversation)) await tx.appendAudit(entry);
  const jobs = effectsOf(result.conversation, result.events, saved.revision, actor.id, {
    now: ctx.now(),
    reminderDaysBefore: ctx.config.reminderDaysBefore,
    approvalReminderDays: ctx.config.approvalReminderDays,
  });
  for (const job of jobs) await ctx.outbox.enqueue(tx, job.queue, job.data, job.options);
  return saved;
}

/** Runs one domain command for a person. `expectedRevision` guards against overwriting someone else's edit. */
export async function runCommand(
  ctx: AppContext,
  viewerId: string,
  conversationId: string,
  command: Command | HttpCommand,
  expectedRevision?: number,
): Promise<ConversationView> {
  // Checked here, not only in HTTP, because the bot hands comments from cards straight to this function.
  if (!isStorableText(command)) throw errors.unstorableText();
  // Directory facts come before the transaction, so no row stays locked while the directory answers; the
  // employee of a conversation never changes, so reading only that is enough.
  const employeeId = await ctx.store.employeeOf(conversationId);
  if (!employeeId) throw errors.notFound();
  const viewer = await loadViewer(ctx, viewerId);
  const facts = await accessFactsFor(ctx, employeeId);
  const { saved, relation } = await ctx.store.transaction(async (tx) => {
    const current = await tx.getConversation(conversationId, true);
    if (!current) throw errors.notFound();
    const actor = actorFor(viewer, current.conversation, facts);
    if (expectedRevision !== undefined && current.editRevision !== expectedRevision) {
      throw new StaleRevisionError(expectedRevision, current.editRevision);
    }
    const domainCommand: Command =
      command.type === 'submit-report'
        ? { type: 'submit-report', hash: contentHash(reportContent(current.conversation)) }
        : (command as Command);
    const result = transition(current.conversation, domainCommand, actor, ctx.now().toISOString());
    return {
      saved: await commit(ctx, tx, current, result, actor),
      relation: relationOf(viewer, current.conversation, facts) as ContentRelation,
    };
  });
  return present(ctx, saved, relation);
}

/** Runs a command as the system (archiving, calendar), outside any person's rights. */
export async function runSystemCommand(
  ctx: AppContext,
  conversationId: string,
  command: Command,
): Promise<StoredConversation> {
  return ctx.store.transaction(async (tx) => {
    const current = await tx.getConversation(conversationId, true);
    if (!current) throw errors.notFound();
    const result = transition(current.conversation, command, systemActor, ctx.now().toISOString());
    return commit(ctx, tx, current, result, systemActor);
  });
}

/** Reads one conversation; a read by anyone but the employee is audited. */
export async function getConversationView(
  ctx: AppContext,
  viewerId: string,
  conversationId: string,
): Promise<ConversationView> {
  const stored = await mustGet(ctx, conversationId);
  const viewer = await loadViewer(ctx, viewerId);
  const relation = await contentRelation(ctx, viewer, stored.conversation);
  if (isReadOfOthers(viewer, stored.conversation)) {
    await ctx.store.appendAudit({
      actorId: viewer.id,
      conversationId,
      subjectId: stored.conversation.employeeId,
      action: 'conversation.read',
      details: { relation },
    });
  }
  return present(ctx, stored, relation);
}

/** Employees whose conversations the viewer manages: direct reports, and reports of managers they stand in for. */
async function managedEmployees(ctx: AppContext, viewerId: string): Promise<DirectoryUser[]> {
  const now = ctx.now().toISOString();
  const own = await ctx.directory.directReports(viewerId);
  const delegated = (await ctx.store.delegationsTo(viewerId)).filter((d) => d.from <= now && now < d.until);
  const covered = await Promise.all(delegated.map((d) => ctx.directory.directReports(d.managerId)));
  const seen = new Map<string, DirectoryUser>();
  for (const user of [...own, ...covered.flat()]) if (user.id !== viewerId) seen.set(user.id, user);
  return [...seen.values()];
}

async function summarize(
  ctx: AppContext,
  stored: StoredConversation,
  party: 'employee' | 'manager',
): Promise<ConversationSummary> {
  const { conversation } = stored;
  const version = currentVersion(conversation);
  return {
    id: conversation.id,
    type: conversation.type,
    stage: conversation.stage,
    requestedBy: conversation.requestedBy,
    employee: (await ctx.directory.getUser(conversation.employeeId)) ?? unknownUser(conversation.employeeId),
    manager: (await ctx.directory.managerOf(conversation.employeeId)) ?? null,
    ...(conversation.schedule ? { schedule: conversation.schedule } : {}),
    party,
    nextStep: nextStepFor(conversation, party),
    revision: stored.editRevision,
    updatedAt: conversation.updatedAt,
    ...(version ? { currentVersion: version.number } : {}),
    ...(conversation.archive ? { archive: conversation.archive } : {}),
  };
}

/** My conversations as employee, and those of the people I manage (or stand in for). */
export async function listConversations(ctx: AppContext, viewerId: string): Promise<ConversationSummary[]> {
  const own = await ctx.store.conversationsOf(viewerId);
  const managed = await managedEmployees(ctx, viewerId);
  const theirs = await ctx.store.listConversations({ employeeIds: managed.map((u) => u.id) });
  return Promise.all([
    ...own.map((s) => summarize(ctx, s, 'employee')),
    ...theirs.map((s) => summarize(ctx, s, 'manager')),
  ]);
}

/** The latest approved (or archived) conversation of a type for an employee. */
async function latestFinal(
  ctx: AppContext,
  employeeId: string,
  type: Conversation['type'],
): Promise<Conversation | undefined> {
  return (await ctx.store.conversationsOf(employeeId))
    .map((s) => s.conversation)
    .find((c) => c.type === type && (c.stage === 'approved' || c.stage === 'archived'));
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

  let previous = input.previousId
    ? (await ctx.store.getConversation(input.previousId))?.conversation
    : await latestFinal(ctx, input.employeeId, input.type);
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
  const previous = await latestFinal(ctx, viewerId, input.type);
  const result = createConversation({
    id: randomUUID(),
    type: input.type,
    formatVersion: currentFormat(input.type).version,
    employeeId: viewerId,
    managerId: manager.id,
    requestedBy: 'employee',
    ...(input.note ? { requestNote: input.note } : {}),
    ...(previous ? { previous } : {}),
    now: ctx.now().toISOString(),
  });
  const saved = await ctx.store.transaction((tx) =>
    commit(ctx, tx, undefined, result, { id: viewerId, party: 'employee' }),
  );
  return present(ctx, saved, 'employee');
}

/** The audit trail of one conversation, for its employee and manager. */
export async function conversationAudit(ctx: AppContext, viewerId: string, conversationId: string) {
  const stored = await mustGet(ctx, conversationId);
  await contentRelation(ctx, await loadViewer(ctx, viewerId), stored.conversation);
  return ctx.store.auditOf(conversationId);
}

/** The archived PDF, for the employee, the manager and HR. Every read by someone else is audited. */
export async function archivedDocument(
  ctx: AppContext,
  viewerId: string,
  conversationId: string,
): Promise<{ pdf: Uint8Array; fileName: string }> {
  const stored = await mustGet(ctx, conversationId);
  const viewer = await loadViewer(ctx, viewerId);
  const relation: Relation = relationOf(
    viewer,
    stored.conversation,
    await accessFactsFor(ctx, stored.conversation.employeeId),
  );
  const record = stored.conversation.archive;
  if (!canReadArchiveRecord(relation, stored.conversation) || !record) throw errors.notFound();
  const pdf = await ctx.archive.read(record);
  if (!pdf) throw errors.notFound();
  if (isReadOfOthers(viewer, stored.conversation)) {
    await ctx.store.appendAudit({
      actorId: viewer.id,
      conversationId,
      subjectId: stored.conversation.employeeId,
      action: 'document.read',
      details: { relation },
    });
  }
  return { pdf, fileName: record.location.split('/').at(-1) ?? 'document.pdf' };
}

export interface TeamMember {
  user: DirectoryUser;
  conversations: ConversationSummary[];
  overdue: boolean;
}

/** Whether something in a conversation waits longer than it should. */
function isOverdue(ctx: AppContext, conversation: Conversation): boolean {
  const now = ctx.now().getTime();
  const start = conversation.schedule ? Date.parse(conversation.schedule.start) : undefined;
  switch (conversation.stage) {
    case 'planned':
    case 'preparing':
    case 'prepared':
      return start !== undefined && start < now;
    case 'awaiting_approval': {
      const submitted = currentVersion(conversation)?.submittedAt;
      return (
        submitted !== undefined && now - Date.parse(submitted) > ctx.config.approvalReminderDays * 86_400_000
      );
    }
    case 'requested':
      return now - Date.parse(conversation.createdAt) > 14 * 86_400_000;
    default:
      return false;
  }
}

/** A manager's team: stage per report and what is overdue. */
export async function teamOverview(ctx: AppContext, viewerId: string): Promise<TeamMember[]> {
  const members = await managedEmployees(ctx, viewerId);
  const stored = await ctx.store.listConversations({ employeeIds: members.map((m) => m.id) });
  return Promise.all(
    members.map(async (user) => {
      const theirs = stored.filter((s) => s.conversation.employeeId === user.id);
      return {
        user,
        conversations: await Promise.all(theirs.map((s) => summarize(ctx, s, 'manager'))),
        overdue: theirs.some((s) => isOverdue(ctx, s.conversation)),
      };
    }),
  );
}

/** The anonymous Huis van werkvermogen of a manager's direct reports. */
export async function teamVitality(ctx: AppContext, viewerId: string): Promise<TeamVitalityPicture> {
  const members = await ctx.directory.directReports(viewerId);
  const stored = await ctx.store.listConversations({ employeeIds: members.map((m) => m.id) });
  return teamVitalityPicture(
    stored.map((s) => s.conversation),
    ctx.config.teamPictureMinimum,
  );
}

/** HR's list of archived documents: where they are, never what they say. */
export async function archiveIndex(ctx: AppContext, viewerId: string) {
  if (!(await ctx.directory.isHr(viewerId))) throw errors.forbidden('archive-index');
  const archived = await ctx.store.listArchived();
  return Promise.all(
    archived.map(async ({ conversation }) => ({
      conversationId: conversation.id,
      employee:
        (await ctx.directory.getUser(conversation.employeeId)) ?? unknownUser(conversation.employeeId),
      type: conversation.type,
      archivedAt: conversation.archive?.archivedAt,
      location: conversation.archive?.location,
      url: conversation.archive?.url,
    })),
  );
}

/** A manager lets someone act for them for a period (explicit delegation). */
export async function delegate(
  ctx: AppContext,
  viewerId: string,
  input: { delegateId: string; from: string; until: string },
): Promise<void> {
  if ((await ctx.directory.directReports(viewerId)).length === 0) throw errors.forbidden('delegate');
  if (!(await ctx.directory.getUser(input.delegateId)) || input.delegateId === viewerId) {
    throw new DomainError('invalid', 'invalid_delegate', {
      nl: 'Kies een bestaande collega als vervanger.',
      en: 'Choose an existing colleague as delegate.',
    });
  }
  if (Date.parse(input.until) <= Date.parse(input.from)) throw errors.invalidSchedule();
  await ctx.store.saveDelegation({
    managerId: viewerId,
    delegateId: input.delegateId,
    from: input.from,
    until: input.until,
  });
  await ctx.store.appendAudit({
    actorId: viewerId,
    conversationId: null,
    subjectId: viewerId,
    action: 'delegation.created',
    details: input,
  });
}

/**
 * Free slots for a conversation: only for the planner themselves and people they manage, so calendars of
 * others cannot be probed.
 */
export async function freeSlots(
  ctx: AppContext,
  viewerId: string,
  input: { attendeeIds: string[]; durationMinutes: number; from: string; until: string },
) {
  const allowed = new Set([viewerId, ...(await managedEmployees(ctx, viewerId)).map((u) => u.id)]);
  const outside = input.attendeeIds.filter((id) => !allowed.has(id));
  if (outside.length > 0) throw errors.notYourReport(outside[0] as string);
  if (Date.parse(input.until) <= Date.parse(input.from)) throw errors.invalidSchedule();
  const attendeeIds = [...new Set([viewerId, ...input.attendeeIds])];
  return ctx.calendar.findTimes({
    attendeeIds,
    durationMinutes: input.durationMinutes,
    from: input.from,
    until: input.until,
  });
}
