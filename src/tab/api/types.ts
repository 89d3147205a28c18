/** Shapes of the HTTP API (docs/api.md), built from the domain types so both sides stay in step. */
import type {
  Agreement,
  Answers,
  ArchiveRecord,
  Command,
  Conversation,
  ConversationType,
  FormatDef,
  Goal,
  GoalPart,
  NextStep,
  Pop,
  SelfEvaluation,
  Stage,
  TeamVitalityPicture,
} from '../../domain/index.js';
import type { DirectoryUser } from '../../ports/index.js';

export type {
  Agreement,
  Answers,
  Command,
  Conversation,
  ConversationType,
  DirectoryUser,
  FormatDef,
  Goal,
  GoalPart,
  NextStep,
  Stage,
  TeamVitalityPicture,
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

export interface PreviousConversation {
  id: string;
  type: ConversationType;
  stage: Stage;
  report: Answers;
  agreements: Agreement[];
  pop?: Pop;
  evaluation?: SelfEvaluation;
  archive?: ArchiveRecord;
}

/** `GET /api/conversations/:id`. */
export interface ConversationView {
  conversation: Conversation & { revision: number };
  format: FormatDef;
  relation: 'employee' | 'manager' | 'delegate';
  party: 'employee' | 'manager';
  nextStep: NextStep;
  people: { employee: DirectoryUser; manager: DirectoryUser | null };
  previous: PreviousConversation | null;
}

export interface ConversationSummary {
  id: string;
  type: ConversationType;
  stage: Stage;
  employee: DirectoryUser;
  manager: DirectoryUser | null;
  schedule?: { start: string; end: string; meetingUrl?: string };
  party: 'employee' | 'manager';
  nextStep: NextStep;
  revision: number;
  updatedAt: string;
  currentVersion?: number;
  archive?: ArchiveRecord;
}

export interface TeamMember {
  user: DirectoryUser;
  conversations: ConversationSummary[];
  overdue: boolean;
}

export interface ArchiveItem {
  conversationId: string;
  employee: DirectoryUser;
  type: ConversationType;
  archivedAt: string;
  location: string;
  url: string;
}

/** Body of `POST /api/conversations`. */
export interface PlanRequest {
  employeeId: string;
  type: ConversationType;
  start: string;
  end: string;
  previousId?: string;
  earlierGoals?: Partial<Record<GoalPart, Goal[]>>;
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
  current?: ConversationView;
}
