/**
 * Who chose what on which version, as the tab says it: built from the server's `signatures` (the domain's
 * signatureSummary, the one source the cards, notices and the PDF use too) and `names`. "Beiden akkoord" only when
 * both chose akkoord; voor gezien is never reported as agreement; the vitality report is signed by its author when
 * she offers it and co-signed by the manager. The viewer's own actions are in the second person.
 */
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { decisionLabels } from '../../domain/audit.js';
import type { DecisionKind } from '../../domain/conversation.js';
import type { SignatureLine, SignatureSummary } from '../../domain/signing.js';
import type { ConversationView } from '../api/types.js';
import { useI18n, type I18n } from '../i18n/i18n.js';

/** What the signature texts need of a conversation view. */
export type SignatureSource = Pick<
  ConversationView,
  'conversation' | 'signatures' | 'names' | 'filing' | 'people' | 'wayOut'
>;

type Decided = Extract<SignatureLine, { kind: 'decided' }>;

/** Whether an outcome makes its version final. */
export function isFinalOutcome(outcome: SignatureSummary['outcome']): boolean {
  return outcome === 'agreed' || outcome === 'acknowledged' || outcome === 'cosigned';
}

/** The texts of one version's signatures for one viewer. */
export interface SignatureTexts {
  /** "Versie 2 is definitief. Medewerker: voor gezien, met opmerking: “…”. Leidinggevende: akkoord." */
  headline: string;
  /** One line per person: who offered, then each signer's reaction with the date. */
  lines: string[];
  /** Where the viewer stands, in the second person; undefined when the headline says it all. */
  viewer?: string;
  /** Where the final document is kept and who can open it; undefined until final. */
  filing?: string;
}

function nameOf(source: SignatureSource, id: string, i18n: I18n): string {
  const known = source.names[id];
  if (known) return known;
  const { employee, manager } = source.people;
  if (id === employee.id) return employee.displayName;
  if (manager && id === manager.id) return manager.displayName;
  if (id === source.conversation.employeeId) return i18n.t('party.employee');
  return i18n.t('party.manager');
}

function partyName(source: SignatureSource, party: 'employee' | 'manager', i18n: I18n): string {
  const c = source.conversation;
  return nameOf(source, party === 'employee' ? c.employeeId : c.managerId, i18n);
}

/** The word for a decision, from the domain's one vocabulary: "akkoord", "voor gezien", "niet akkoord". */
export function decisionWord(decision: DecisionKind, i18n: I18n): string {
  return i18n.text(decisionLabels[decision]);
}

function outcomeSentence(source: SignatureSource, summary: SignatureSummary, i18n: I18n): string {
  const version = summary.version;
  const vitality = source.conversation.type === 'vitaliteit';
  switch (summary.outcome) {
    case 'agreed':
      // Both reacted and both chose akkoord: the one case that may say so.
      return summary.lines.filter((l) => l.kind === 'decided').length > 1
        ? i18n.t('sig.finalBothAgreed', { version })
        : i18n.t('sig.final', { version });
    case 'acknowledged':
    case 'cosigned':
      return i18n.t('sig.final', { version });
    case 'returned':
      return i18n.t('sig.returned', { version });
    case 'superseded':
      return i18n.t('sig.superseded', {
        version,
        current: source.conversation.versions.at(-1)?.number ?? version,
      });
    case 'pending':
      return i18n.t(vitality ? 'sig.pendingCosign' : 'sig.pending', { version });
  }
}

/** Reflection and Het Goede Gesprek: "Medewerker: voor gezien, met opmerking: “…”. Leidinggevende: akkoord." */
function choicesSentence(summary: SignatureSummary, i18n: I18n): string {
  return summary.lines
    .filter((l) => l.kind !== 'offered')
    .map((line) => {
      const role = i18n.t(`party.${line.party}`);
      if (line.kind !== 'decided') return i18n.t('sig.choicePending', { role });
      const decision = decisionWord(line.decision, i18n);
      if (!line.comment) return i18n.t('sig.choice', { role, decision });
      return i18n.t(line.decision === 'niet_akkoord' ? 'sig.choiceComment' : 'sig.choiceRemark', {
        role,
        decision,
        comment: line.comment,
      });
    })
    .join(' ');
}

/** Vitality: "Je hebt het verslag ondertekend en ter medeondertekening aangeboden" / "Jeroen heeft medeondertekend". */
function vitalityLine(source: SignatureSource, line: SignatureLine, viewerId: string, i18n: I18n): string {
  if (line.kind === 'offered') {
    return line.actorId === viewerId
      ? i18n.t('sig.vitalityOfferedYou')
      : i18n.t('sig.vitalityOffered', { name: nameOf(source, line.actorId, i18n) });
  }
  if (line.kind === 'pending') {
    const managerId = source.conversation.managerId;
    return managerId === viewerId
      ? i18n.t('sig.vitalityPendingYou')
      : i18n.t('sig.vitalityPending', { name: partyName(source, 'manager', i18n) });
  }
  const mine = line.actorId === viewerId;
  const name = nameOf(source, line.actorId, i18n);
  if (line.decision === 'niet_akkoord') {
    const comment = line.comment ?? '';
    return mine
      ? i18n.t('sig.vitalityReturnedYou', { comment })
      : i18n.t('sig.vitalityReturned', { name, comment });
  }
  if (mine) return i18n.t('sig.vitalityCosignedYou');
  if (line.onBehalfOf)
    return i18n.t('sig.vitalityCosignedFor', { name, manager: nameOf(source, line.onBehalfOf, i18n) });
  return i18n.t('sig.vitalityCosigned', { name });
}

/** Reflection and Het Goede Gesprek: one person's line, "Jouw reactie: voor gezien" for the viewer. */
function choiceLine(
  source: SignatureSource,
  summary: SignatureSummary,
  line: SignatureLine,
  viewerId: string,
  i18n: I18n,
): string {
  if (line.kind === 'offered') {
    return line.actorId === viewerId
      ? i18n.t('sig.offeredYou', { version: summary.version })
      : i18n.t('sig.offered', { name: nameOf(source, line.actorId, i18n), version: summary.version });
  }
  const c = source.conversation;
  const partyId = line.party === 'employee' ? c.employeeId : c.managerId;
  if (line.kind === 'pending') {
    return partyId === viewerId
      ? i18n.t('sig.waitingYou')
      : i18n.t('sig.waiting', { name: partyName(source, line.party, i18n) });
  }
  const decision = decisionWord(line.decision, i18n);
  if (line.actorId === viewerId) return i18n.t('sig.decidedYou', { decision });
  if (line.onBehalfOf)
    return i18n.t('sig.decidedFor', {
      name: nameOf(source, line.actorId, i18n),
      manager: nameOf(source, line.onBehalfOf, i18n),
      decision,
    });
  return i18n.t('sig.decided', { name: nameOf(source, line.actorId, i18n), decision });
}

/** Where the viewer stands on this version, in the second person. */
function viewerSentence(
  source: SignatureSource,
  summary: SignatureSummary,
  viewerId: string,
  i18n: I18n,
): string | undefined {
  const decided = summary.lines.filter((l): l is Decided => l.kind === 'decided');
  if (summary.outcome === 'acknowledged') {
    const seen = decided.find((l) => l.decision === 'voor_gezien');
    if (!seen) return undefined;
    return seen.actorId === viewerId
      ? i18n.t('sig.youAcknowledged')
      : i18n.t('sig.otherAcknowledged', { name: nameOf(source, seen.actorId, i18n) });
  }
  if (summary.outcome !== 'pending') return undefined;
  const c = source.conversation;
  const pending = summary.lines.filter((l) => l.kind === 'pending');
  const others = pending
    .filter((l) => (l.party === 'employee' ? c.employeeId : c.managerId) !== viewerId)
    .map((l) => partyName(source, l.party, i18n));
  const mineOpen = pending.length > others.length;
  if (mineOpen || others.length === 0) return undefined;
  const name = others.join(i18n.locale === 'nl' ? ' en ' : ' and ');
  // The vitality author signed by offering: she only waits for the co-signature.
  if (c.type === 'vitaliteit' && viewerId === c.employeeId) return i18n.t('sig.awaitingCosign', { name });
  return i18n.t('sig.waitingFor', { name });
}

function filingSentence(source: SignatureSource, summary: SignatureSummary, viewerId: string, i18n: I18n) {
  if (!isFinalOutcome(summary.outcome)) return undefined;
  const c = source.conversation;
  if (source.filing === 'personnel-file')
    return i18n.t(c.stage === 'archived' ? 'sig.filedPersonnel' : 'sig.filingPersonnel');
  return viewerId === c.employeeId
    ? i18n.t('sig.keptConfidentialYou')
    : i18n.t('sig.keptConfidential', { employee: partyName(source, 'employee', i18n) });
}

/** All texts of one version's signatures, for one viewer. */
export function signatureTexts(
  source: SignatureSource,
  summary: SignatureSummary,
  viewerId: string,
  i18n: I18n,
): SignatureTexts {
  const vitality = source.conversation.type === 'vitaliteit';
  const outcome = outcomeSentence(source, summary, i18n);
  const lines = summary.lines.map((line) => {
    const text = vitality
      ? vitalityLine(source, line, viewerId, i18n)
      : choiceLine(source, summary, line, viewerId, i18n);
    return line.kind === 'pending' ? text : i18n.t('sig.at', { line: text, date: i18n.dateTime(line.at) });
  });
  // Vitality: the lines are the sentences ("Je hebt … aangeboden", "Jeroen heeft medeondertekend").
  const headline = vitality ? outcome : `${outcome} ${choicesSentence(summary, i18n)}`;
  const viewer = viewerSentence(source, summary, viewerId, i18n);
  const filing = filingSentence(source, summary, viewerId, i18n);
  return { headline, lines, ...(viewer ? { viewer } : {}), ...(filing ? { filing } : {}) };
}

const useStyles = makeStyles({
  block: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalM },
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  headline: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'pre-wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, whiteSpace: 'pre-wrap' },
  subtle: { color: tokens.colorNeutralForeground2 },
  earlier: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, color: tokens.colorNeutralForeground2 },
});

export interface SignatureBlockProps {
  view: SignatureSource;
  /** The reader: their own actions are "je". */
  viewerId: string;
  /** The version to show; the newest by default. */
  version?: number;
  /** Also list the earlier versions' outcomes. */
  history?: boolean;
  /** A unique id for the heading (several blocks on one page). */
  id?: string;
}

/**
 * The signature block ("Ondertekening") of one version: the outcome with who chose what in one sentence, then
 * each person's line with the date, where the viewer stands, where the document is kept, and on request the
 * earlier versions.
 */
export function SignatureBlock({ view, viewerId, version, history, id = 'signatures' }: SignatureBlockProps) {
  const i18n = useI18n();
  const styles = useStyles();
  const summaries = view.signatures;
  const summary = version === undefined ? summaries.at(-1) : summaries.find((s) => s.version === version);
  if (!summary) return null;
  const texts = signatureTexts(view, summary, viewerId, i18n);
  const earlier = history ? summaries.filter((s) => s.version < summary.version).reverse() : [];
  return (
    <section className={styles.block} aria-labelledby={`${id}-heading`} data-testid="signature-block">
      <h3 id={`${id}-heading`} className={styles.heading}>
        {i18n.t('sig.heading')}
      </h3>
      <Text className={styles.headline} data-testid="signature-headline">
        {texts.headline}
      </Text>
      <ul className={styles.list}>
        {texts.lines.map((line, index) => (
          <li key={index}>
            <Text>{line}</Text>
          </li>
        ))}
      </ul>
      {texts.viewer ? <Text data-testid="signature-viewer">{texts.viewer}</Text> : null}
      {texts.filing ? <Text className={styles.subtle}>{texts.filing}</Text> : null}
      {earlier.length > 0 ? (
        <>
          <Text weight="semibold">{i18n.t('sig.earlier')}</Text>
          <ul className={styles.earlier}>
            {earlier.map((s) => (
              <li key={s.version}>
                <Text>{signatureTexts(view, s, viewerId, i18n).headline}</Text>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** After three versions sent back: how many, and where both can turn (HR, the vertrouwenspersoon). */
export function WayOut({ view }: { view: SignatureSource }) {
  const i18n = useI18n();
  if (!view.wayOut) return null;
  const returned = view.signatures.filter((s) => s.outcome === 'returned').length;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="way-out">
      <MessageBarBody>
        <MessageBarTitle>{i18n.t('sig.wayOutCount', { count: returned })}</MessageBarTitle>
        {i18n.text(view.wayOut)}
      </MessageBarBody>
    </MessageBar>
  );
}
