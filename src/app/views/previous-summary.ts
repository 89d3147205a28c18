/** What the previous conversation hands to the next one ("zo is de cirkel rond"), as the next one shows it. */
import {
  agreementsIn,
  currentVersion,
  formatOf,
  goalParts,
  signatureSummary,
  type Agreement,
  type Conversation,
  type Goal,
  type GoalPart,
  type GoalReview,
  type SignatureSummary,
  type Stage,
} from '../../domain/index.js';
import type { AppContext } from '../context.js';

/** What the previous conversation hands to the next one, for both parties, in preparation and meeting. */
export interface PreviousSummary {
  id: string;
  type: Conversation['type'];
  stage: Stage;
  /** The meeting's date (ISO), when it had one. */
  date?: string;
  /** The signed report (or final format): what was agreed, as signed. */
  report: Conversation['report'];
  /** Its agreements; the employee gives each a status in the new conversation's follow-up. */
  agreements: Agreement[];
  /**
   * Goals it set or adjusted, per part: Het Goede Gesprek's goals, or a Reflectiegesprek's goals with the course
   * chosen (so next year's Goede Gesprek starts from them).
   */
  goals?: Partial<Record<GoalPart, (Goal & { course?: GoalReview['course']; adjustment?: string })[]>>;
  pop?: Conversation['pop'];
  evaluation?: Conversation['evaluation'];
  /** Who chose what on the signed version. */
  signature?: SignatureSummary;
}

function goalsOf(
  conversation: Conversation,
  version: ReturnType<typeof currentVersion>,
): PreviousSummary['goals'] {
  if (!version) return undefined;
  if (conversation.type === 'goede-gesprek') {
    return Object.fromEntries(
      goalParts.map((part) => [part, (version.content.report[`doelen.${part}`] as Goal[] | undefined) ?? []]),
    );
  }
  if (conversation.type === 'reflectie') {
    const answers = version.content.preparation;
    return Object.fromEntries(
      goalParts.map((part) => [
        part,
        ((answers[`deel.${part}.doelen`] as GoalReview[] | undefined) ?? []).map((review) => ({
          id: review.goalId,
          title: review.title,
          ...(review.course ? { course: review.course } : {}),
          ...(review.adjustment ? { adjustment: review.adjustment } : {}),
        })),
      ]),
    );
  }
  return undefined;
}

/** The summary of the conversation this one follows, or null when there is none (or it is not the same employee's). */
export async function previousSummary(
  ctx: AppContext,
  conversation: Conversation,
): Promise<PreviousSummary | null> {
  if (!conversation.previousId) return null;
  const previous = (await ctx.store.getConversation(conversation.previousId))?.conversation;
  // Only the same employee's conversations are ever linked; anything else is not shown.
  if (!previous || previous.employeeId !== conversation.employeeId) return null;
  const version = currentVersion(previous);
  const signed = previous.stage === 'approved' || previous.stage === 'archived';
  // Only what both signed travels on: an unsigned draft of the previous conversation is nobody's agreement.
  const report = signed && version ? version.content.report : {};
  const goals = signed ? goalsOf(previous, version) : undefined;
  return {
    id: previous.id,
    type: previous.type,
    stage: previous.stage,
    ...(previous.schedule ? { date: previous.schedule.start } : {}),
    report,
    agreements: agreementsIn(formatOf(previous).report.sections, report),
    ...(goals ? { goals } : {}),
    ...(previous.pop ? { pop: previous.pop } : {}),
    ...(previous.evaluation ? { evaluation: previous.evaluation } : {}),
    ...(signed && version ? { signature: signatureSummary(previous, version) } : {}),
  };
}
