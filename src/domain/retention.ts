/** Retention: what is removed from a conversation once it is filed or cancelled, and what stays. */
import { versionOf, type Conversation } from './conversation.js';

/** What a retention run removed from one conversation, for the audit trail. */
export interface PurgeSummary {
  preparationFields: number;
  completionFields: number;
  reportFields: number;
  supersededVersions: number;
}

/**
 * Removes the working copies of a conversation that is archived (or cancelled): the live preparation,
 * completion and report drafts, the content of versions that were not approved, and the answers of the approved
 * version. The approved report stays: its agreements are what the next conversation opens with; the full record
 * is the archived document.
 */
export function purgeWorkingCopies(
  conversation: Conversation,
  now: string,
): { conversation: Conversation; summary: PurgeSummary } {
  const approvedNumber = conversation.stage === 'archived' ? conversation.versions.at(-1)?.number : undefined;
  const size = (answers: object) => Object.keys(answers).length;
  const superseded = conversation.versions.filter(
    (v) =>
      v.number !== approvedNumber &&
      size(v.content.report) + size(v.content.preparation) + size(v.content.completion) > 0,
  );
  const approved = approvedNumber === undefined ? undefined : versionOf(conversation, approvedNumber);
  const summary: PurgeSummary = {
    preparationFields: size(conversation.preparation) + (approved ? size(approved.content.preparation) : 0),
    completionFields: size(conversation.completion) + (approved ? size(approved.content.completion) : 0),
    reportFields: size(conversation.report),
    supersededVersions: superseded.length,
  };
  return {
    conversation: {
      ...conversation,
      preparation: {},
      completion: {},
      report: {},
      // The approved report stays (its agreements open the next conversation); the answers live on in the PDF only.
      versions: conversation.versions.map((v) => ({
        ...v,
        content: {
          preparation: {},
          completion: {},
          report: v.number === approvedNumber ? v.content.report : {},
        },
      })),
      purgedAt: now,
      updatedAt: now,
    },
    summary,
  };
}

/** Whether a retention run has anything to remove. */
export function hasWorkingCopies(summary: PurgeSummary): boolean {
  return (
    summary.preparationFields + summary.completionFields + summary.reportFields + summary.supersededVersions >
    0
  );
}
