/** The conversation aggregate: its stages, commands and the pure state machine every rule goes through. */
import { errors } from './errors.js';
import { outcomeGaps } from './required.js';
import {
  agreementsIn,
  limits,
  missingRequired,
  parseAnswers,
  requireText,
  type Answers,
  type Goal,
  type GoalReview,
} from './answers.js';
import {
  formatFor,
  goalParts,
  meetingSections,
  type ConversationType,
  type FormatDef,
  type GoalPart,
} from './formats.js';
import type { Party } from './policy.js';
import type { Filing } from './confidentiality.js';
import { choicesFor, isFinal, signersOf } from './signing.js';
import {
  parseFollowUp,
  parsePop,
  parseEvaluation,
  type FollowUp,
  type Pop,
  type SelfEvaluation,
} from './circle.js';

/**
 * The stages of a conversation, in order:
 * requested → planned → preparing → prepared → held → awaiting_approval → approved → archived,
 * with `cancelled` reachable before approval. After "niet akkoord" the report goes back to `held` for a new version.
 */
export const stages = [
  'requested',
  'planned',
  'preparing',
  'prepared',
  'held',
  'awaiting_approval',
  'approved',
  'archived',
  'cancelled',
] as const;
export type Stage = (typeof stages)[number];

export const decisions = ['akkoord', 'voor_gezien', 'niet_akkoord'] as const;
/** akkoord: agrees; voor_gezien: has seen it, with a remark (employee only); niet_akkoord: back for revision. */
export type DecisionKind = (typeof decisions)[number];

export interface Schedule {
  start: string;
  end: string;
  meetingUrl?: string;
  eventId?: string;
  /** `outlook`: the manager's own Outlook appointment is the meeting, so the app makes none. */
  source?: 'app' | 'outlook';
}

/** A locked version of the report that both parties approve. */
export interface ReportVersion {
  number: number;
  /** SHA-256 of the canonical content; printed in the archived document. */
  hash: string;
  submittedBy: string;
  submittedAt: string;
  content: { preparation: Answers; completion: Answers; report: Answers };
}

export interface Decision {
  version: number;
  party: Party;
  actorId: string;
  /** Set when a delegate decided for the manager. */
  onBehalfOf?: string;
  decision: DecisionKind;
  comment?: string;
  at: string;
}

export type { FollowUp, Pop, SelfEvaluation } from './circle.js';

export interface ArchiveRecord {
  location: string;
  url: string;
  hash: string;
  archivedAt: string;
  /** Where it is kept: the personnel file, or (Vitaliteitsgesprek) a confidential place. */
  filing?: Filing;
  /** For a confidential document: the manager who can open it now, besides the employee. */
  managerId?: string;
}

/** One conversation of the cycle: the aggregate every rule works on. */
export interface Conversation {
  id: string;
  type: ConversationType;
  formatVersion: number;
  employeeId: string;
  /** The manager who planned it; access follows the current manager from the directory. */
  managerId: string;
  stage: Stage;
  requestedBy: 'employee' | 'manager';
  requestNote?: string;
  schedule?: Schedule;
  /** The conversation this one follows up (its report and agreements open this one). */
  previousId?: string;
  /** Earlier goals this reflection looks back on, per part. */
  earlierGoals?: Partial<Record<GoalPart, Goal[]>>;
  preparation: Answers;
  /** When the employee shared her preparation; until then it is hers alone (drafts are the author's). */
  preparationSharedAt?: string;
  /** The employee's look back on the previous conversation's agreements, part of her preparation. */
  followUp?: FollowUp;
  completion: Answers;
  /** When the manager closed the meeting; from then on the meeting notes are locked. */
  heldAt?: string;
  report: Answers;
  versions: ReportVersion[];
  decisions: Decision[];
  pop?: Pop;
  evaluation?: SelfEvaluation;
  archive?: ArchiveRecord;
  cancellation?: { by: string; reason: string; at: string };
  /** When retention removed the working copies (only the approved report remains). */
  purgedAt?: string;
  createdAt: string;
  updatedAt: string;
}

/** What happened, for the audit log and for the side effects the outbox carries out. */
export type DomainEvent =
  | { type: 'requested'; note?: string }
  | { type: 'planned'; schedule: Schedule }
  | { type: 'rescheduled'; schedule: Schedule; previous?: Schedule }
  | { type: 'cancelled'; reason: string }
  | { type: 'preparation-saved' }
  | { type: 'preparation-submitted' }
  | { type: 'completion-saved' }
  | { type: 'meeting-attached'; meeting: { eventId: string; joinUrl: string } }
  | { type: 'meeting-held' }
  | { type: 'report-saved' }
  | { type: 'report-submitted'; version: number; hash: string }
  | {
      type: 'decided';
      version: number;
      party: Party;
      decision: DecisionKind;
      comment?: string;
      onBehalfOf?: string;
    }
  | { type: 'revision-requested'; version: number; party: Party; comment: string }
  | { type: 'approved'; version: number; hash: string }
  | { type: 'archived'; location: string; url: string }
  | { type: 'archive-readers-changed'; from?: string; to: string }
  | { type: 'follow-up-saved' }
  | { type: 'pop-saved' }
  | { type: 'evaluation-saved' };

/** Everything that can be asked of a conversation after it exists. */
export type Command =
  | { type: 'plan'; schedule: Schedule }
  | { type: 'reschedule'; schedule: Schedule }
  | { type: 'cancel'; reason: string }
  | { type: 'save-preparation'; answers: unknown }
  | { type: 'submit-preparation' }
  | { type: 'save-completion'; answers: unknown }
  | { type: 'complete-meeting' }
  | { type: 'attach-meeting'; meeting: { eventId: string; joinUrl: string } }
  | { type: 'save-report'; answers: unknown }
  | { type: 'submit-report'; hash: string }
  | { type: 'decide'; version: number; decision: DecisionKind; comment?: string }
  | { type: 'mark-archived'; record: ArchiveRecord }
  | { type: 'change-archive-readers'; managerId: string }
  | { type: 'save-follow-up'; followUp: unknown }
  | { type: 'save-pop'; pop: unknown }
  | { type: 'save-evaluation'; evaluation: unknown };
export type CommandType = Command['type'];

/** Who acts: their id and the relation they have to this conversation (from the policy). */
export interface Actor {
  id: string;
  party: Party;
  /** For a delegate: the manager they act for. */
  onBehalfOf?: string;
}

export interface TransitionResult {
  conversation: Conversation;
  events: DomainEvent[];
}

/**
 * Which party may issue each command, and in which stages. The single table the state machine, the API and
 * the tests read; anything not listed is refused.
 */
export const transitions: Record<CommandType, { parties: readonly Party[]; from: readonly Stage[] }> = {
  plan: { parties: ['manager'], from: ['requested'] },
  reschedule: { parties: ['manager'], from: ['planned', 'preparing', 'prepared'] },
  cancel: {
    parties: ['manager', 'employee'],
    from: ['requested', 'planned', 'preparing', 'prepared', 'held'],
  },
  'save-preparation': { parties: ['employee'], from: ['planned', 'preparing'] },
  'submit-preparation': { parties: ['employee'], from: ['planned', 'preparing'] },
  'save-follow-up': { parties: ['employee'], from: ['planned', 'preparing'] },
  // The meeting notes lock once the meeting is held: what is typed after "afronden" never reaches the report.
  'save-completion': { parties: ['manager'], from: ['planned', 'preparing', 'prepared'] },
  'complete-meeting': { parties: ['manager'], from: ['planned', 'preparing', 'prepared'] },
  'attach-meeting': { parties: ['system'], from: ['planned', 'preparing', 'prepared', 'held'] },
  'save-report': { parties: ['employee', 'manager'], from: ['held'] },
  'submit-report': { parties: ['employee', 'manager'], from: ['held'] },
  decide: { parties: ['employee', 'manager'], from: ['awaiting_approval'] },
  'mark-archived': { parties: ['system'], from: ['approved'] },
  // A confidential document follows the org chart: the new manager gains access, the old one loses it.
  'change-archive-readers': { parties: ['system'], from: ['archived'] },
  'save-pop': { parties: ['employee'], from: ['approved', 'archived'] },
  'save-evaluation': { parties: ['employee'], from: ['approved', 'archived'] },
};

/** Stages from which nothing but follow-up (POP, evaluation) happens. */
export const finalStages: readonly Stage[] = ['approved', 'archived', 'cancelled'];

/**
 * The open conversation of a type an employee already has, if any: one of each type runs at a time, so a second
 * plan is refused with a pointer to the first (a vitality request is planned from the request itself).
 */
export function openConversationOf<C extends Pick<Conversation, 'type' | 'stage'>>(
  conversations: readonly C[],
  type: ConversationType,
): C | undefined {
  return conversations.find((c) => c.type === type && !finalStages.includes(c.stage));
}

export interface NewConversation {
  id: string;
  type: ConversationType;
  formatVersion: number;
  employeeId: string;
  managerId: string;
  requestedBy: 'employee' | 'manager';
  requestNote?: string;
  schedule?: Schedule;
  previous?: Conversation;
  /** Goals from Het Goede Gesprek (or entered by hand) for a reflection. */
  earlierGoals?: Partial<Record<GoalPart, Goal[]>>;
  now: string;
}

/** How far in the past a start may lie and still be planned: the minutes it takes to fill in the form. */
const startGraceMs = 15 * 60_000;

function assertSchedule(schedule: Schedule, now: string): void {
  const start = Date.parse(schedule.start);
  const end = Date.parse(schedule.end);
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start) throw errors.invalidSchedule();
  if (start < Date.parse(now) - startGraceMs) throw errors.startInPast();
}

/** Starts a conversation: planned by the manager, or requested by the employee (then the manager plans it). */
export function createConversation(input: NewConversation): TransitionResult {
  if (input.schedule) assertSchedule(input.schedule, input.now);
  const stage: Stage = input.requestedBy === 'employee' && !input.schedule ? 'requested' : 'planned';
  const preparation: Answers = {};
  if (input.type === 'reflectie' && input.earlierGoals) {
    // The reflection opens with every earlier goal, so the employee only adds progress and a course.
    for (const part of goalParts) {
      const goals = input.earlierGoals[part] ?? [];
      if (goals.length > 0) {
        preparation[`deel.${part}.doelen`] = goals.map((g): GoalReview => ({ goalId: g.id, title: g.title }));
      }
    }
  }
  const conversation: Conversation = {
    id: input.id,
    type: input.type,
    formatVersion: input.formatVersion,
    employeeId: input.employeeId,
    managerId: input.managerId,
    stage,
    requestedBy: input.requestedBy,
    ...(input.requestNote ? { requestNote: input.requestNote } : {}),
    ...(input.schedule ? { schedule: input.schedule } : {}),
    ...(input.previous ? { previousId: input.previous.id } : {}),
    ...(input.earlierGoals ? { earlierGoals: input.earlierGoals } : {}),
    preparation,
    completion: {},
    report: {},
    versions: [],
    decisions: [],
    createdAt: input.now,
    updatedAt: input.now,
  };
  const events: DomainEvent[] =
    stage === 'requested'
      ? [{ type: 'requested', ...(input.requestNote ? { note: input.requestNote } : {}) }]
      : [{ type: 'planned', schedule: input.schedule as Schedule }];
  return { conversation, events };
}

/** The format a conversation was started on. */
export function formatOf(conversation: Conversation): FormatDef {
  return formatFor(conversation.type, conversation.formatVersion);
}

/** The version awaiting decisions, if any. */
export function currentVersion(conversation: Conversation): ReportVersion | undefined {
  return conversation.versions.at(-1);
}

/** The decision a party took on a version, if any. */
export function decisionOf(conversation: Conversation, version: number, party: Party): Decision | undefined {
  return conversation.decisions.find((d) => d.version === version && d.party === party);
}

/** Finds a version by its number (every surface that names a version goes through here). */
export function versionOf(conversation: Conversation, number: number): ReportVersion | undefined {
  return conversation.versions.find((v) => v.number === number);
}

/**
 * The canonical content of the next report version: what gets hashed, signed and filed. The preparation is in it
 * only when the employee shared it: offering a report never shows the other party an unshared draft.
 */
export function reportContent(conversation: Conversation): ReportVersion['content'] {
  return {
    preparation: conversation.preparationSharedAt ? conversation.preparation : {},
    completion: conversation.completion,
    report: conversation.report,
  };
}

/**
 * Applies a command. Pure: returns the next state and what happened, or throws a DomainError. Illegal
 * transitions are errors, never silent no-ops.
 */
export function transition(
  conversation: Conversation,
  command: Command,
  actor: Actor,
  now: string,
): TransitionResult {
  const rule = transitions[command.type];
  if (!rule.parties.includes(actor.party)) throw errors.forbidden(command.type);
  if (!rule.from.includes(conversation.stage))
    throw errors.illegalTransition(command.type, conversation.stage);

  const next: Conversation = { ...conversation, updatedAt: now };
  const format = formatOf(conversation);

  switch (command.type) {
    case 'plan': {
      assertSchedule(command.schedule, now);
      return {
        conversation: { ...next, stage: 'planned', schedule: command.schedule },
        events: [{ type: 'planned', schedule: command.schedule }],
      };
    }
    case 'reschedule': {
      assertSchedule(command.schedule, now);
      // The Teams meeting stays the same meeting: keep its link and event id.
      const schedule: Schedule = {
        ...conversation.schedule,
        start: command.schedule.start,
        end: command.schedule.end,
      };
      return {
        conversation: { ...next, schedule },
        events: [
          {
            type: 'rescheduled',
            schedule,
            ...(conversation.schedule ? { previous: conversation.schedule } : {}),
          },
        ],
      };
    }
    case 'cancel': {
      if (actor.party === 'employee' && conversation.stage !== 'requested')
        throw errors.forbidden(command.type);
      return {
        conversation: {
          ...next,
          stage: 'cancelled',
          cancellation: { by: actor.id, reason: requireText(command.reason, 'reason'), at: now },
        },
        events: [{ type: 'cancelled', reason: command.reason }],
      };
    }
    case 'save-preparation': {
      const answers = parseAnswers(format.preparation, command.answers);
      return {
        conversation: {
          ...next,
          stage: 'preparing',
          preparation: { ...conversation.preparation, ...answers },
        },
        events: [{ type: 'preparation-saved' }],
      };
    }
    case 'submit-preparation': {
      const missing = missingRequired(format.preparation, conversation.preparation);
      if (missing.length > 0) throw errors.incomplete(missing.map((f) => f.label.nl));
      return {
        conversation: { ...next, stage: 'prepared', preparationSharedAt: now },
        events: [{ type: 'preparation-submitted' }],
      };
    }
    case 'save-follow-up': {
      const followUp = parseFollowUp(command.followUp);
      return {
        conversation: {
          ...next,
          stage: 'preparing',
          followUp: { ...conversation.followUp, ...followUp },
        },
        events: [{ type: 'follow-up-saved' }],
      };
    }
    case 'save-completion': {
      const answers = parseAnswers(meetingSections(format), command.answers);
      return {
        conversation: { ...next, completion: { ...conversation.completion, ...answers } },
        events: [{ type: 'completion-saved' }],
      };
    }
    case 'complete-meeting': {
      // The agreements made in the meeting open the report, so the author does not type them again.
      const made = agreementsIn(meetingSections(format), conversation.completion);
      const reportAgreements = format.report.sections
        .flatMap((s) => s.fields)
        .find((f) => f.kind === 'agreements');
      const report =
        reportAgreements && made.length > 0 && !conversation.report[reportAgreements.id]
          ? { ...conversation.report, [reportAgreements.id]: made }
          : conversation.report;
      return {
        conversation: { ...next, stage: 'held', heldAt: now, report },
        events: [{ type: 'meeting-held' }],
      };
    }
    case 'attach-meeting': {
      const schedule = conversation.schedule as Schedule;
      return {
        conversation: {
          ...next,
          schedule: { ...schedule, eventId: command.meeting.eventId, meetingUrl: command.meeting.joinUrl },
        },
        events: [{ type: 'meeting-attached', meeting: command.meeting }],
      };
    }
    case 'save-report': {
      if (actor.party !== format.report.author) throw errors.forbidden(command.type);
      const answers = parseAnswers(format.report.sections, command.answers);
      return {
        conversation: { ...next, report: { ...conversation.report, ...answers } },
        events: [{ type: 'report-saved' }],
      };
    }
    case 'submit-report': {
      if (actor.party !== format.report.author) throw errors.forbidden(command.type);
      // The final format of a Reflectiegesprek is never offered empty: each outcome item is filled or says
      // "niet van toepassing" (the tab offers that choice per item).
      const missing = [
        ...missingRequired(format.report.sections, conversation.report),
        ...outcomeGaps(format.report.sections, conversation.report),
      ];
      if (missing.length > 0) throw errors.incomplete(missing.map((f) => f.label.nl));
      const version: ReportVersion = {
        number: conversation.versions.length + 1,
        hash: command.hash,
        submittedBy: actor.id,
        submittedAt: now,
        content: reportContent(conversation),
      };
      return {
        conversation: { ...next, stage: 'awaiting_approval', versions: [...conversation.versions, version] },
        events: [{ type: 'report-submitted', version: version.number, hash: version.hash }],
      };
    }
    case 'decide':
      return decide(conversation, next, command, actor, now);
    case 'mark-archived':
      return {
        conversation: { ...next, stage: 'archived', archive: command.record },
        events: [{ type: 'archived', location: command.record.location, url: command.record.url }],
      };
    case 'change-archive-readers': {
      const record = conversation.archive;
      if (!record) throw errors.illegalTransition(command.type, conversation.stage);
      return {
        conversation: { ...next, archive: { ...record, managerId: command.managerId } },
        events: [
          {
            type: 'archive-readers-changed',
            ...(record.managerId ? { from: record.managerId } : {}),
            to: command.managerId,
          },
        ],
      };
    }
    case 'save-pop':
      return {
        conversation: { ...next, pop: { ...parsePop(command.pop), updatedAt: now } },
        events: [{ type: 'pop-saved' }],
      };
    case 'save-evaluation':
      return {
        conversation: {
          ...next,
          evaluation: { ...parseEvaluation(command.evaluation, conversation.pop), updatedAt: now },
        },
        events: [{ type: 'evaluation-saved' }],
      };
  }
}

function decide(
  conversation: Conversation,
  next: Conversation,
  command: Extract<Command, { type: 'decide' }>,
  actor: Actor,
  now: string,
): TransitionResult {
  const current = currentVersion(conversation);
  if (!current) throw errors.illegalTransition(command.type, conversation.stage);
  if (command.version !== current.number) throw errors.staleVersion(command.version, current.number);
  if (actor.party === 'system' || !signersOf(conversation.type).includes(actor.party))
    throw errors.authorSigned();
  if (decisionOf(conversation, current.number, actor.party)) throw errors.alreadyDecided(current.number);
  if (!choicesFor(conversation.type, actor.party).includes(command.decision))
    throw errors.decisionNotAllowed(command.decision);
  // An empty comment is no comment (cards send empty inputs); one of only spaces is refused, never kept as empty.
  const comment = command.comment ? requireText(command.comment, 'comment') : undefined;
  // Cards have no length limit of their own: a remark that does not fit is refused, never cut off.
  if (comment && comment.length > limits.commentLength)
    throw errors.textTooLong('comment', limits.commentLength);
  if (command.decision !== 'akkoord' && !comment) throw errors.commentRequired(command.decision);

  const decision: Decision = {
    version: current.number,
    party: actor.party,
    actorId: actor.id,
    ...(actor.onBehalfOf ? { onBehalfOf: actor.onBehalfOf } : {}),
    decision: command.decision,
    ...(comment ? { comment } : {}),
    at: now,
  };
  const decided: Conversation = { ...next, decisions: [...conversation.decisions, decision] };
  const events: DomainEvent[] = [
    {
      type: 'decided',
      version: current.number,
      party: actor.party,
      decision: command.decision,
      ...(comment ? { comment } : {}),
      ...(actor.onBehalfOf ? { onBehalfOf: actor.onBehalfOf } : {}),
    },
  ];
  if (command.decision === 'niet_akkoord') {
    events.push({
      type: 'revision-requested',
      version: current.number,
      party: actor.party,
      comment: comment as string,
    });
    return { conversation: { ...decided, stage: 'held' }, events };
  }
  if (isFinal(decided, current.number)) {
    events.push({ type: 'approved', version: current.number, hash: current.hash });
    return { conversation: { ...decided, stage: 'approved' }, events };
  }
  return { conversation: decided, events };
}

/** What the given party is expected to do next, for timelines, reminders and the team overview. */
export type NextStep =
  'plan' | 'prepare' | 'wait' | 'hold-meeting' | 'write-report' | 'decide' | 'write-pop' | 'none';

export function nextStepFor(conversation: Conversation, party: 'employee' | 'manager'): NextStep {
  const author = formatOf(conversation).report.author;
  switch (conversation.stage) {
    case 'requested':
      return party === 'manager' ? 'plan' : 'wait';
    case 'planned':
    case 'preparing':
      return party === 'employee' ? 'prepare' : 'hold-meeting';
    case 'prepared':
      return party === 'manager' ? 'hold-meeting' : 'wait';
    case 'held':
      return party === author ? 'write-report' : 'wait';
    case 'awaiting_approval': {
      const version = currentVersion(conversation);
      return version &&
        signersOf(conversation.type).includes(party) &&
        !decisionOf(conversation, version.number, party)
        ? 'decide'
        : 'wait';
    }
    case 'approved':
    case 'archived':
      return party === 'employee' && conversation.type === 'vitaliteit' && !conversation.pop?.items.length
        ? 'write-pop'
        : 'none';
    case 'cancelled':
      return 'none';
  }
}
