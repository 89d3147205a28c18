/**
 * Sample data for every card, built through the real state machine so each sample is a state the app
 * can reach. Used by `npm run cards` (JSON for review and the designer) and by the card tests.
 */
import {
  createConversation,
  currentFormat,
  transition,
  type Actor,
  type Command,
  type Conversation,
  type ConversationType,
} from '../domain/index.js';
import { approvalCard } from './approval-card.js';
import type { BuiltCard } from './elements.js';
import { helpCard, welcomeCard } from './help-card.js';
import type { Locale } from './i18n.js';
import { invitationCard } from './invitation-card.js';
import type { LinkConfig } from './links.js';
import {
  archivedCard,
  cancelledCard,
  preparedCard,
  reportReadyCard,
  rescheduledCard,
  revisionCard,
} from './notice-cards.js';
import { reminderCard } from './reminder-card.js';
import { requestCard } from './request-card.js';
import { statusCard } from './status-card.js';

export const sampleLinks: LinkConfig = {
  authMode: 'local',
  publicUrl: 'http://localhost:3978',
  teamsAppId: '00000000-0000-0000-0000-000000000000',
};

export const sampleNames: Record<string, string> = {
  fatima: 'Fatima el Amrani',
  jeroen: 'Jeroen de Vries',
  sanne: 'Sanne Bakker',
};

const employee: Actor = { id: 'fatima', party: 'employee' };
const manager: Actor = { id: 'jeroen', party: 'manager' };
const delegate: Actor = { id: 'sanne', party: 'manager', onBehalfOf: 'jeroen' };

function at(day: number, hour = 9): string {
  return new Date(Date.UTC(2026, 11, day, hour - 1, 0)).toISOString();
}

function run(conversation: Conversation, steps: Array<[Command, Actor]>, day = 2): Conversation {
  let current = conversation;
  steps.forEach(([command, actor], index) => {
    current = transition(current, command, actor, at(day + index, 10)).conversation;
  });
  return current;
}

function planned(type: ConversationType, id = `sample-${type}`): Conversation {
  return createConversation({
    id,
    type,
    formatVersion: currentFormat(type).version,
    employeeId: 'fatima',
    managerId: 'jeroen',
    requestedBy: 'manager',
    schedule: {
      start: at(15, 10),
      end: at(15, 11),
      meetingUrl: 'https://teams.microsoft.com/l/meetup-join/sample',
    },
    ...(type === 'reflectie'
      ? {
          earlierGoals: {
            resultaat: [{ id: 'g1', title: 'Klanttevredenheid naar een 8' }],
            'kennis-competenties': [{ id: 'g2', title: 'Cursus timemanagement afronden' }],
          },
        }
      : {}),
    now: at(1),
  }).conversation;
}

const preparation = {
  'kwaliteit.betekenis': 'Energie hebben voor werk én thuis.',
  'behoeften.verbeterpunten': 'Minder avondwerk.',
  'werknemerschap.zelf': 'Vaker pauze nemen en op tijd stoppen.',
  'werkgeverschap.steun': 'Een vaste thuiswerkdag.',
  'huis.gezondheid.1': 'happy',
  'huis.werk.1': 'neutral',
};

const report = {
  'verslag.samenvatting':
    'We spraken over energie en werkdruk. Fatima merkt dat avondwerk haar herstel in de weg zit; ze wil meer ritme in de week.',
  'verslag.afspraken': [
    { id: 'a1', text: 'Vaste thuiswerkdag op woensdag', owner: 'both', due: '2027-01-15' },
    { id: 'a2', text: 'Geen vergaderingen na 17.00 uur', owner: 'manager' },
  ],
};

function awaitingApproval(
  id = 'sample-approval',
  reportAnswers: Record<string, unknown> = report,
): Conversation {
  return run(planned('vitaliteit', id), [
    [{ type: 'save-preparation', answers: preparation }, employee],
    [{ type: 'submit-preparation' }, employee],
    [{ type: 'complete-meeting' }, manager],
    [{ type: 'save-report', answers: reportAnswers }, employee],
    [{ type: 'submit-report', hash: 'sha256-sample-1' }, employee],
  ]);
}

/** Conversations in the states the samples show. */
export function sampleConversations() {
  const approval = awaitingApproval();
  const employeeDecided = run(
    approval,
    [[{ type: 'decide', version: 1, decision: 'akkoord' }, employee]],
    10,
  );
  const approved = run(employeeDecided, [[{ type: 'decide', version: 1, decision: 'akkoord' }, manager]], 11);
  const archived = run(
    approved,
    [
      [
        {
          type: 'mark-archived',
          record: {
            location: 'Personeelsdossier/Fatima el Amrani',
            url: 'https://contoso.sharepoint.com/sites/hr/dossier/vitaliteitsgesprek-2026.pdf',
            hash: 'sha256-sample-1',
            archivedAt: at(12),
          },
        },
        { id: 'system', party: 'system' },
      ],
    ],
    12,
  );
  const revision = run(
    approval,
    [
      [
        {
          type: 'decide',
          version: 1,
          decision: 'niet_akkoord',
          comment: 'De afspraak over woensdag klopt niet: we spraken donderdag af.',
        },
        manager,
      ],
    ],
    10,
  );
  const stale = run(revision, [[{ type: 'submit-report', hash: 'sha256-sample-2' }, employee]], 11);
  const seenByDelegate = run(
    approval,
    [
      [
        {
          type: 'decide',
          version: 1,
          decision: 'voor_gezien',
          comment: 'Gezien; ik had het avondwerk anders verwoord.',
        },
        employee,
      ],
      [{ type: 'decide', version: 1, decision: 'akkoord' }, delegate],
    ],
    10,
  );
  const reflection = planned('reflectie');
  const preparing = run(planned('vitaliteit', 'sample-preparing'), [
    [{ type: 'save-preparation', answers: { 'kwaliteit.betekenis': 'Fit blijven.' } }, employee],
  ]);
  const prepared = run(planned('vitaliteit', 'sample-prepared'), [
    [{ type: 'save-preparation', answers: preparation }, employee],
    [{ type: 'submit-preparation' }, employee],
  ]);
  const request = createConversation({
    id: 'sample-request',
    type: 'vitaliteit',
    formatVersion: currentFormat('vitaliteit').version,
    employeeId: 'fatima',
    managerId: 'jeroen',
    requestedBy: 'employee',
    requestNote: 'Ik merk dat ik moe ben na de reorganisatie en wil graag samen kijken wat kan helpen.',
    now: at(1),
  }).conversation;
  const rescheduled = run(planned('vitaliteit', 'sample-rescheduled'), [
    [{ type: 'reschedule', schedule: { start: at(17, 14), end: at(17, 15) } }, manager],
  ]);
  const cancelled = run(planned('reflectie', 'sample-cancelled'), [
    [{ type: 'cancel', reason: 'Fatima is met verlof; we plannen na de vakantie opnieuw.' }, manager],
  ]);
  const hostileName = '**Baas** [klik](javascript:alert(1))';
  const hostile = run(
    awaitingApproval('sample-hostile', {
      'verslag.samenvatting':
        '<script>alert(1)</script>\n# Kop\n- lijst\n[Open](https://evil.example) ![img](https://evil.example/x.png) ${secret} {{DATE(2026-12-01T10:00:00Z, LONG)}}',
      'verslag.afspraken': [{ id: 'x', text: '**vet** _schuin_ `code` > quote', owner: 'both' }],
    }),
    [
      [
        {
          type: 'decide',
          version: 1,
          decision: 'niet_akkoord',
          comment: '[Klik hier](javascript:alert(document.cookie))\n\n1. een\n2. twee',
        },
        manager,
      ],
    ],
    10,
  );
  return {
    approval,
    employeeDecided,
    approved,
    archived,
    revision,
    stale,
    seenByDelegate,
    reflection,
    preparing,
    prepared,
    request,
    rescheduled,
    cancelled,
    hostile,
    hostileName,
    vitality: planned('vitaliteit'),
    goals: planned('goede-gesprek'),
  };
}

/** Every card with sample data, by name, for one language. */
export function sampleCards(locale: Locale): Record<string, BuiltCard> {
  const c = sampleConversations();
  const links = sampleLinks;
  const names = sampleNames;
  const both = ['fatima', 'jeroen'];
  const approval = (
    conversation: Conversation,
    version: number,
    viewer?: 'employee' | 'manager',
    extra = {},
  ) =>
    approvalCard({
      conversation,
      version,
      ...(viewer ? { viewer: { id: viewer === 'employee' ? 'fatima' : 'jeroen', party: viewer } } : {}),
      names,
      links,
      locale,
      refreshUserIds: both,
      ...extra,
    });
  return {
    'invitation-vitaliteit': invitationCard({
      conversation: c.vitality,
      managerName: names.jeroen!,
      links,
      locale,
    }),
    'invitation-reflectie': invitationCard({
      conversation: c.reflection,
      managerName: names.jeroen!,
      links,
      locale,
    }),
    'invitation-goede-gesprek': invitationCard({
      conversation: c.goals,
      managerName: names.jeroen!,
      links,
      locale,
    }),
    'reminder-not-started': reminderCard({
      conversation: c.vitality,
      party: 'employee',
      otherName: names.jeroen!,
      links,
      locale,
    }),
    'reminder-started': reminderCard({
      conversation: c.preparing,
      party: 'employee',
      otherName: names.jeroen!,
      links,
      locale,
    }),
    'reminder-approval': reminderCard({
      conversation: c.approval,
      party: 'manager',
      otherName: names.fatima!,
      links,
      locale,
    }),
    request: requestCard({ conversation: c.request, employeeName: names.fatima!, links, locale }),
    'approval-employee': approval(c.approval, 1, 'employee'),
    'approval-manager': approval(c.approval, 1, 'manager'),
    'approval-waiting': approval(c.employeeDecided, 1, 'employee'),
    'approval-final': approval(c.approved, 1, 'manager'),
    'approval-archived': approval(c.archived, 1, 'employee'),
    'approval-revision': approval(c.revision, 1, 'employee'),
    'approval-stale': approval(c.stale, 1, 'manager'),
    'approval-delegate': approval(c.seenByDelegate, 1, 'employee'),
    'approval-error': approval(c.employeeDecided, 1, 'employee', {
      notice: {
        tone: 'warning',
        text: {
          nl: 'Je hebt al een besluit genomen over versie 1.',
          en: 'You have already decided on version 1.',
        },
      },
    }),
    'approval-hostile': approvalCard({
      conversation: c.hostile,
      version: 1,
      viewer: { id: 'fatima', party: 'employee' },
      names: { ...names, fatima: c.hostileName },
      links,
      locale,
      refreshUserIds: both,
    }),
    archived: archivedCard({ conversation: c.archived, links, locale, recipientIsEmployee: true }),
    cancelled: cancelledCard({ conversation: c.cancelled, byName: names.jeroen!, links, locale }),
    rescheduled: rescheduledCard({
      conversation: c.rescheduled,
      otherName: names.jeroen!,
      previous: { start: at(15, 10), end: at(15, 11) },
      links,
      locale,
    }),
    prepared: preparedCard({ conversation: c.prepared, employeeName: names.fatima!, links, locale }),
    revision: revisionCard({ conversation: c.revision, version: 1, names, links, locale }),
    report: reportReadyCard({
      conversation: c.approval,
      authorName: names.fatima!,
      version: 1,
      links,
      locale,
    }),
    help: helpCard({ links, locale }),
    welcome: welcomeCard({ links, locale }),
    status: statusCard({
      isManager: true,
      links,
      locale,
      items: [
        {
          id: c.approval.id,
          type: 'vitaliteit',
          stage: 'awaiting_approval',
          party: 'employee',
          employeeName: names.fatima!,
          managerName: names.jeroen!,
          nextStep: 'decide',
          start: at(15, 10),
        },
        {
          id: c.reflection.id,
          type: 'reflectie',
          stage: 'planned',
          party: 'employee',
          employeeName: names.fatima!,
          managerName: names.jeroen!,
          nextStep: 'prepare',
          start: at(20, 14),
        },
        {
          id: 'sample-team-1',
          type: 'goede-gesprek',
          stage: 'prepared',
          party: 'manager',
          employeeName: 'Daan Jansen',
          nextStep: 'hold-meeting',
          start: at(18, 9),
        },
        {
          id: 'sample-team-2',
          type: 'vitaliteit',
          stage: 'archived',
          party: 'manager',
          employeeName: 'Noor Visser',
          nextStep: 'none',
        },
      ],
    }),
    'status-empty': statusCard({ isManager: false, links, locale, items: [] }),
  };
}
