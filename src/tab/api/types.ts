/** Shapes of the HTTP API (docs/api.md), built from the domain types so both sides stay in step. */
import type {
  Agreement,
  AgreementFollowUp,
  AgreementStatus,
  Answers,
  Command,
  Conversation,
  ConversationType,
  FormatDef,
  Goal,
  GoalPart,
  NextStep,
  Pop,
  PopItem,
  PopStatus,
  SelfEvaluation,
  Stage,
  TeamVitalityPicture,
  YearEntry,
  YearView,
} from '../../domain/index.js';
import type { DirectoryUser } from '../../ports/index.js';
import type { TimeSlot } from '../../domain/free-slots.js';

export type {
  Agreement,
  AgreementFollowUp,
  AgreementStatus,
  Answers,
  Command,
  Conversation,
  ConversationType,
  DirectoryUser,
  FormatDef,
  Goal,
  GoalPart,
  NextStep,
  Pop,
  PopItem,
  PopStatus,
  SelfEvaluation,
  Stage,
  TeamVitalityPicture,
  YearEntry,
  YearView,
};

/** `GET /api/config`: public configuration only. */
export interface PublicConfig {
  authMode: 'local' | 'entra';
  clientId?: string;
  apiScope?: string;
  appName: string;
  locale: string;
  teamPictureMinimum: number;
}

export interface Me {
  user: DirectoryUser;
  manager?: DirectoryUser;
  reports: DirectoryUser[];
  isHr: boolean;
  isManager: boolean;
}

/**
 * The views the API answers with are the server's own types (type-only: nothing of the server is bundled),
 * so a change on one side fails the type check on the other.
 */
import type { ConversationView } from '../../app/index.js';
export type {
  ArchiveIndexEntry,
  ConversationSummary,
  ConversationView,
  EmployeeYear,
  PreviousSummary as PreviousConversation,
  TeamMember,
} from '../../app/index.js';

/** A row of HR's list: a personnel-file document, or a Vitaliteitsgesprek's content-free record. */
export type { ArchiveIndexEntry as ArchiveItem } from '../../app/index.js';

/** Body of `POST /api/conversations`. */
export interface PlanRequest {
  employeeId: string;
  type: ConversationType;
  start: string;
  end: string;
  previousId?: string;
  earlierGoals?: Partial<Record<GoalPart, Goal[]>>;
  /** The employee's request this plans: it is planned itself and closes. */
  requestId?: string;
}

/** A free period in both calendars (`POST /api/calendar/free-slots`). */
export type { TimeSlot };

/** Body of `POST /api/calendar/free-slots`. */
export interface FreeSlotsRequest {
  attendeeIds: string[];
  durationMinutes: number;
  from: string;
  until: string;
}

/** Commands the tab sends; `submit-report` carries no hash: the server computes it. */
export type TabCommand =
  Exclude<Command, { type: 'submit-report' } | { type: 'mark-archived' }> | { type: 'submit-report' };

/** An `application/problem+json` body. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: unknown;
  /** Facts about the refusal, e.g. `{ conversationId, stage }` with `already_open`. */
  details?: Record<string, unknown>;
  current?: ConversationView;
}

export type {
  ManagerRound,
  RoundDetail,
  RoundReport,
  RoundsOverview,
  RoundSummary,
  StartRoundInput,
} from '../../app/index.js';
