/** What the previous conversation hands to the next one ("zo is de cirkel rond"), as the next one shows it. */
import {
  currentVersion,
  fieldsOf,
  formatOf,
  type Agreement,
  type ArchiveRecord,
  type Conversation,
  type Stage,
} from '../../domain/index.js';
import type { AppContext } from '../context.js';

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

function agreementsOf(conversation: Conversation, report: Conversation['report']): Agreement[] {
  return fieldsOf(formatOf(conversation).report.sections)
    .filter((f) => f.kind === 'agreements')
    .flatMap((f) => (report[f.id] as Agreement[] | undefined) ?? []);
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
