/** Who signs a conversation's report, what each may choose, and what every surface says about who chose what. */
import type { Conversation, Decision, DecisionKind, ReportVersion } from './conversation.js';
import type { ConversationType } from './formats.js';

/** The people who react to a report: the employee and the manager (a delegate acts as the manager). */
export type Signer = 'employee' | 'manager';

/**
 * Who must react to an offered version. In a Vitaliteitsgesprek the employee wrote the report and signed it by
 * offering it, so only the manager co-signs; the author never approves her own report. In the Reflectiegesprek
 * and Het Goede Gesprek the manager offers the final format and both react to it.
 */
export function signersOf(type: ConversationType): readonly Signer[] {
  return type === 'vitaliteit' ? ['manager'] : ['employee', 'manager'];
}

/** What a signer may choose: "voor gezien" is the employee's, and only on a document someone else wrote. */
export function choicesFor(type: ConversationType, party: Signer | 'system'): readonly DecisionKind[] {
  if (party === 'system' || !signersOf(type).includes(party)) return [];
  return party === 'employee' ? ['akkoord', 'voor_gezien', 'niet_akkoord'] : ['akkoord', 'niet_akkoord'];
}

function decisionOn(conversation: Conversation, version: number, party: Signer): Decision | undefined {
  return conversation.decisions.find((d) => d.version === version && d.party === party);
}

/**
 * A version is final when every signer accepted it: the manager's akkoord, and for the Reflectiegesprek and
 * Het Goede Gesprek also the employee's akkoord or voor gezien, on the same version.
 */
export function isFinal(conversation: Conversation, version: number): boolean {
  return signersOf(conversation.type).every((party) => {
    const decision = decisionOn(conversation, version, party)?.decision;
    return decision === 'akkoord' || (party === 'employee' && decision === 'voor_gezien');
  });
}

/** One line of a signature block: what one person did with one version. */
export type SignatureLine =
  | { party: Signer; kind: 'offered'; actorId: string; at: string }
  | {
      party: Signer;
      kind: 'decided';
      decision: DecisionKind;
      actorId: string;
      onBehalfOf?: string;
      comment?: string;
      at: string;
    }
  | { party: Signer; kind: 'pending' };

/**
 * What a version's outcome is, in words every surface uses:
 * - `agreed`: everyone who reacted chose akkoord ("beiden akkoord" only here, when both reacted);
 * - `acknowledged`: final, but the employee chose voor gezien (seen, not agreed);
 * - `cosigned`: the vitality report, written and offered by the employee, co-signed by the manager;
 * - `returned`: someone chose niet akkoord, a new version follows;
 * - `pending`: still waiting for a reaction;
 * - `superseded`: an older version nobody finished before a newer one was offered.
 */
export type SignatureOutcome = 'agreed' | 'acknowledged' | 'cosigned' | 'returned' | 'pending' | 'superseded';

export interface SignatureSummary {
  version: number;
  outcome: SignatureOutcome;
  /** Who offered the version, then each signer's reaction (or that it is still awaited), in that order. */
  lines: SignatureLine[];
  /** When the version became final: the last reaction that made it so. */
  finalAt?: string;
}

/** Who chose what on one version: the single source for tab, cards, notices, the PDF and the archive list. */
export function signatureSummary(conversation: Conversation, version: ReportVersion): SignatureSummary {
  const author: Signer = conversation.type === 'vitaliteit' ? 'employee' : 'manager';
  const lines: SignatureLine[] = [
    { party: author, kind: 'offered', actorId: version.submittedBy, at: version.submittedAt },
  ];
  for (const party of signersOf(conversation.type)) {
    const decision = decisionOn(conversation, version.number, party);
    lines.push(
      decision
        ? {
            party,
            kind: 'decided',
            decision: decision.decision,
            actorId: decision.actorId,
            ...(decision.onBehalfOf ? { onBehalfOf: decision.onBehalfOf } : {}),
            ...(decision.comment ? { comment: decision.comment } : {}),
            at: decision.at,
          }
        : { party, kind: 'pending' },
    );
  }
  const decided = conversation.decisions.filter((d) => d.version === version.number);
  const newest = conversation.versions.at(-1)?.number ?? version.number;
  let outcome: SignatureOutcome;
  if (decided.some((d) => d.decision === 'niet_akkoord')) outcome = 'returned';
  else if (isFinal(conversation, version.number)) {
    if (conversation.type === 'vitaliteit') outcome = 'cosigned';
    else if (decided.some((d) => d.decision === 'voor_gezien')) outcome = 'acknowledged';
    else outcome = 'agreed';
  } else outcome = version.number < newest ? 'superseded' : 'pending';
  const finalAt =
    outcome === 'agreed' || outcome === 'acknowledged' || outcome === 'cosigned'
      ? decided
          .map((d) => d.at)
          .sort()
          .at(-1)
      : undefined;
  return { version: version.number, outcome, lines, ...(finalAt ? { finalAt } : {}) };
}

/** How many times a version was sent back with niet akkoord. */
export function returnedCount(conversation: Conversation): number {
  return new Set(conversation.decisions.filter((d) => d.decision === 'niet_akkoord').map((d) => d.version))
    .size;
}

/** After this many versions sent back, both are pointed to a way out (HR, the vertrouwenspersoon). */
export const wayOutAfterReturns = 3;

/** Whether both parties should now be shown the way out of a disagreement that goes round in circles. */
export function needsWayOut(conversation: Conversation): boolean {
  return returnedCount(conversation) >= wayOutAfterReturns;
}
