/**
 * Realistic example conversations, taken through the real state machine, for the benchmark, the document tests
 * and demos of the final document. Names and organisation are fictitious.
 */
import type { Agreement, Answers } from '../domain/answers.js';
import {
  createConversation,
  reportContent,
  transition,
  type Actor,
  type Command,
  type Conversation,
  type DomainEvent,
} from '../domain/conversation.js';
import { currentFormat } from '../domain/formats.js';
import type { AuditEntryView, FinalDocumentInput } from '../ports/documents.js';
import { contentHash } from './archive-json.js';

const organisation = 'Gemeente Zuiderhaven';

function eventDetails(event: DomainEvent): Record<string, unknown> {
  const { type: _type, ...details } = event;
  return details;
}

/** Runs commands through `transition` and keeps the audit trail the server would write. */
class Script {
  readonly audit: AuditEntryView[] = [];
  constructor(public conversation: Conversation) {}

  do(command: Command, actor: Actor, at: string): this {
    const finalCommand: Command =
      command.type === 'submit-report'
        ? { type: 'submit-report', hash: contentHash(reportContent(this.conversation)) }
        : command;
    const { conversation, events } = transition(this.conversation, finalCommand, actor, at);
    this.conversation = conversation;
    for (const event of events)
      this.audit.push({ at, actorId: actor.id, action: event.type, details: eventDetails(event) });
    return this;
  }

  log(entry: AuditEntryView): this {
    this.audit.push(entry);
    return this;
  }
}

const fatima: Actor = { id: 'u-fatima', party: 'employee' };
const jeroen: Actor = { id: 'u-jeroen', party: 'manager' };
const sanneForJeroen: Actor = { id: 'u-sanne', party: 'manager', onBehalfOf: 'u-jeroen' };

const vitalityPreparation: Answers = {
  'kwaliteit.betekenis':
    'Voor mij betekent vitaliteit dat ik aan het eind van de week nog energie heb voor mijn gezin en mijn hardloopclubje. Ik wil met plezier werken, ook over tien jaar, en niet alleen ‘overleven’ tot de vakantie.',
  'huis.gezondheid.1': 'happy',
  'huis.gezondheid.2': 'sad',
  'huis.gezondheid.3': 'neutral',
  'huis.gezondheid.4': 'neutral',
  'huis.gezondheid.5': 'happy',
  'huis.competenties.1': 'happy',
  'huis.competenties.2': 'neutral',
  'huis.competenties.3': 'happy',
  'huis.competenties.4': 'sad',
  'huis.normen-waarden.1': 'happy',
  'huis.normen-waarden.2': 'happy',
  'huis.normen-waarden.4': 'neutral',
  'huis.werk.1': 'sad',
  'huis.werk.2': 'neutral',
  'huis.werk.3': 'happy',
  'huis.werk.4': 'happy',
  'huis.werk.5': 'na',
  'huis.omgeving.1': 'neutral',
  'huis.omgeving.2': 'happy',
  'huis.omgeving.3': 'neutral',
  'behoeften.verbeterpunten':
    'Sinds de reorganisatie werk ik vaak ’s avonds nog mails weg. Ik merk dat mijn slaap daaronder lijdt. Ook wil ik meer regie op mijn agenda: nu zitten de dinsdagen en donderdagen vol met overleggen.',
  'werknemerschap.zelf':
    'Ik zet mijn meldingen na 18.00 uur uit en plan twee vaste focusblokken per week. Daarnaast wil ik weer twee keer per week gaan hardlopen in de lunchpauze.',
  'werkgeverschap.steun':
    'Duidelijkheid over wat prioriteit heeft als er meerdere spoedverzoeken tegelijk komen. En ik zou graag de training “Regie op je werk” volgen.',
  'toekomst.1':
    'Ik mijn kennis van de Omgevingswet verder uitbouw, want daar ligt de komende jaren het werk.',
  'toekomst.5': 'Ik meer ruimte krijg om zelf projecten te trekken, zoals het wijkenproject in Noord.',
  'toekomst.8': 'Hardlopen, op tijd naar bed en bewust niet werken in het weekend.',
};

const vitalityCompletion: Answers = {
  'kwaliteit.betekenis': 'Herkenbaar. Fatima is een drijvende kracht in het team; we willen dat zo houden.',
  'huis.gezondheid.2': 'neutral',
  'huis.werk.1': 'sad',
  'huis.competenties.4': 'neutral',
  'behoeften.verbeterpunten':
    'Eens dat de werkdruk sinds de reorganisatie hoog is. De overlegstructuur wordt in het eerste kwartaal herzien.',
  'werkgeverschap.steun':
    'Training “Regie op je werk” wordt vergoed uit het opleidingsbudget van de afdeling.',
  'toekomst.5': 'Het wijkenproject Noord kan vanaf februari door Fatima worden getrokken.',
};

const vitalityReportV1: Answers = {
  'verslag.samenvatting':
    'We hebben gesproken over mijn energie en de werkdruk sinds de reorganisatie. Ik heb aangegeven dat ik ’s avonds vaak nog doorwerk en dat mijn slaap daaronder lijdt. Jeroen herkent het beeld en gaf aan dat de overlegstructuur van het team wordt herzien.\n\nWe zijn het eens dat het vooral gaat om duidelijke prioriteiten en om tijd voor geconcentreerd werk. Mijn plezier in het werk is groot, vooral bij projecten in de wijk.',
  'verslag.afspraken': [
    {
      id: 'a1',
      text: 'Twee vaste focusblokken per week in de agenda (dinsdag- en donderdagochtend), zonder overleggen.',
      owner: 'employee',
    },
    {
      id: 'a2',
      text: 'Aanmelden voor de training “Regie op je werk”.',
      owner: 'employee',
      due: '2027-02-01',
    },
  ],
};

const vitalityReportV2: Answers = {
  ...vitalityReportV1,
  'verslag.afspraken': [
    {
      id: 'a1',
      text: 'Twee vaste focusblokken per week in de agenda (dinsdag- en donderdagochtend), zonder overleggen.',
      owner: 'employee',
      due: '2027-01-15',
    },
    {
      id: 'a2',
      text: 'Aanmelden voor de training “Regie op je werk”; kosten uit het opleidingsbudget van de afdeling.',
      owner: 'employee',
      due: '2027-02-01',
    },
    {
      id: 'a3',
      text: 'Bij meerdere spoedverzoeken tegelijk beslist de teamleider over de prioriteit; Fatima meldt het direct.',
      owner: 'manager',
    },
    {
      id: 'a4',
      text: 'Fatima trekt vanaf februari het wijkenproject Noord; na drie maanden evalueren we de belasting samen.',
      owner: 'both',
      due: '2027-05-31',
    },
  ],
};

/** A Vitaliteitsgesprek with a "niet akkoord" round, then approval by the employee and by a delegate. */
export function sampleVitalityInput(): FinalDocumentInput {
  const created = createConversation({
    id: 'conv-vit-2026-0142',
    type: 'vitaliteit',
    formatVersion: currentFormat('vitaliteit').version,
    employeeId: fatima.id,
    managerId: jeroen.id,
    requestedBy: 'manager',
    schedule: { start: '2026-12-01T09:00:00.000Z', end: '2026-12-01T10:00:00.000Z' },
    now: '2026-11-16T08:12:00.000Z',
  });
  const script = new Script(created.conversation);
  script.log({
    at: '2026-11-16T08:12:00.000Z',
    actorId: jeroen.id,
    action: 'planned',
    details: { start: '2026-12-01T09:00:00.000Z', end: '2026-12-01T10:00:00.000Z' },
  });
  script
    .do({ type: 'save-preparation', answers: vitalityPreparation }, fatima, '2026-11-27T19:40:00.000Z')
    .do({ type: 'submit-preparation' }, fatima, '2026-11-28T07:55:00.000Z')
    .do({ type: 'save-completion', answers: vitalityCompletion }, jeroen, '2026-12-01T09:50:00.000Z')
    .do({ type: 'complete-meeting' }, jeroen, '2026-12-01T10:02:00.000Z')
    .do({ type: 'save-report', answers: vitalityReportV1 }, fatima, '2026-12-02T13:10:00.000Z')
    .do({ type: 'submit-report', hash: '' }, fatima, '2026-12-02T13:12:00.000Z')
    .do({ type: 'decide', version: 1, decision: 'akkoord' }, fatima, '2026-12-02T13:13:00.000Z')
    .do(
      {
        type: 'decide',
        version: 1,
        decision: 'niet_akkoord',
        comment:
          'Goed verslag. Wil je de afspraak over prioriteiten en het wijkenproject Noord nog toevoegen, met data erbij?',
      },
      jeroen,
      '2026-12-03T08:30:00.000Z',
    )
    .do({ type: 'save-report', answers: vitalityReportV2 }, fatima, '2026-12-04T10:05:00.000Z')
    .do({ type: 'submit-report', hash: '' }, fatima, '2026-12-04T10:06:00.000Z')
    .do({ type: 'decide', version: 2, decision: 'akkoord' }, fatima, '2026-12-04T10:07:00.000Z')
    .log({
      at: '2026-12-07T07:00:00.000Z',
      actorId: jeroen.id,
      action: 'delegation-created',
      details: {
        delegateId: sanneForJeroen.id,
        from: '2026-12-07T00:00:00.000Z',
        until: '2026-12-21T00:00:00.000Z',
      },
    })
    .log({
      at: '2026-12-08T09:14:00.000Z',
      actorId: sanneForJeroen.id,
      action: 'read',
      details: { onBehalfOf: jeroen.id },
    })
    .do({ type: 'decide', version: 2, decision: 'akkoord' }, sanneForJeroen, '2026-12-08T09:20:00.000Z');
  return {
    organisation,
    conversation: script.conversation,
    version: 2,
    employee: {
      id: fatima.id,
      displayName: 'Fatima El Amrani',
      jobTitle: 'Beleidsadviseur ruimtelijke ordening',
      department: 'Sociaal en Fysiek Domein',
    },
    manager: { id: jeroen.id, displayName: 'Jeroen de Vries', jobTitle: 'Teamleider Ruimte' },
    names: {
      [fatima.id]: 'Fatima El Amrani',
      [jeroen.id]: 'Jeroen de Vries',
      [sanneForJeroen.id]: 'Sanne Bakker',
    },
    audit: script.audit,
    generatedAt: '2026-12-08T09:21:00.000Z',
  };
}

const daan: Actor = { id: 'u-daan', party: 'employee' };
const marieke: Actor = { id: 'u-marieke', party: 'manager' };

const earlierGoals = {
  'vitaliteit-werkplezier': [{ id: 'g1', title: 'Werk en mantelzorg voor mijn vader beter combineren' }],
  'kennis-competenties': [
    { id: 'g2', title: 'Certificaat Klantgericht schrijven (B1) behalen' },
    { id: 'g3', title: 'Nieuwe collega’s inwerken op het KCC' },
  ],
  resultaat: [
    { id: 'g4', title: '80% van de vragen in het eerste contact afhandelen' },
    { id: 'g5', title: 'Wachttijd telefoon gemiddeld onder de 3 minuten' },
  ],
};

/** A Reflectiegesprek with a "niet akkoord" round by the employee, then akkoord and "voor gezien". */
export function sampleReflectionInput(): FinalDocumentInput {
  const created = createConversation({
    id: 'conv-ref-2026-0087',
    type: 'reflectie',
    formatVersion: currentFormat('reflectie').version,
    employeeId: daan.id,
    managerId: marieke.id,
    requestedBy: 'manager',
    schedule: { start: '2026-09-15T12:30:00.000Z', end: '2026-09-15T13:30:00.000Z' },
    earlierGoals,
    now: '2026-09-01T07:30:00.000Z',
  });
  const preparation: Answers = {
    'deel.vitaliteit-werkplezier.doelen': [
      {
        goalId: 'g1',
        title: earlierGoals['vitaliteit-werkplezier'][0]!.title,
        progress:
          'Sinds april werk ik op woensdag vanuit huis. Dat helpt enorm; ik kan dan ’s middags met mijn vader naar het ziekenhuis.',
        course: 'continue',
      },
    ],
    'deel.vitaliteit-werkplezier.reflectie':
      'Mijn werkplezier is terug. Wel merk ik dat de piekdagen na een storing zwaar zijn.',
    'deel.kennis-competenties.doelen': [
      {
        goalId: 'g2',
        title: earlierGoals['kennis-competenties'][0]!.title,
        progress: 'Module 1 en 2 gehaald, examen staat gepland op 12 november.',
        course: 'continue',
      },
      {
        goalId: 'g3',
        title: earlierGoals['kennis-competenties'][1]!.title,
        progress: 'Twee collega’s ingewerkt. Het kost meer tijd dan gedacht.',
        course: 'adjust',
        adjustment: 'Inwerken samen met Priya doen, zodat het niet alleen op mij rust.',
      },
    ],
    'deel.resultaat.doelen': [
      {
        goalId: 'g4',
        title: earlierGoals.resultaat[0]!.title,
        progress: 'Nu 76%. Vooral vragen over parkeervergunningen moeten vaak terug naar de backoffice.',
        course: 'adjust',
        adjustment:
          'Doel houden, maar eerst samen met de backoffice een kennisbankartikel over parkeren maken.',
      },
      {
        goalId: 'g5',
        title: earlierGoals.resultaat[1]!.title,
        progress: 'Gemiddeld 2:40 minuten over het afgelopen half jaar.',
        course: 'continue',
      },
    ],
  };
  const completion: Answers = {
    'deel.vitaliteit-werkplezier.doelen': [
      {
        goalId: 'g1',
        title: earlierGoals['vitaliteit-werkplezier'][0]!.title,
        progress: 'De vaste thuiswerkdag werkt goed voor het team.',
        course: 'continue',
      },
    ],
    'deel.kennis-competenties.doelen': [
      {
        goalId: 'g2',
        title: earlierGoals['kennis-competenties'][0]!.title,
        progress: 'Mooie voortgang; de brieven van Daan zijn merkbaar duidelijker.',
        course: 'continue',
      },
      {
        goalId: 'g3',
        title: earlierGoals['kennis-competenties'][1]!.title,
        course: 'adjust',
        adjustment: 'Eens. Priya wordt tweede buddy; inwerken telt mee in de planning.',
      },
    ],
    'deel.resultaat.doelen': [
      {
        goalId: 'g4',
        title: earlierGoals.resultaat[0]!.title,
        progress: 'Realistisch beeld; team zit gemiddeld op 71%.',
        course: 'adjust',
        adjustment: 'Doel bijgesteld naar 78% voor dit jaar, 80% in 2027.',
      },
    ],
    'deel.resultaat.reflectie':
      'Daan is een vaste waarde op het KCC en neemt steeds vaker de rol van vraagbaak.',
  };
  const agreementsV1: Agreement[] = [
    {
      id: 'r1',
      text: 'Kennisbankartikel parkeervergunningen opstellen met de backoffice.',
      owner: 'employee',
      due: '2026-11-01',
    },
    {
      id: 'r2',
      text: 'Priya als tweede buddy voor nieuwe collega’s inplannen.',
      owner: 'manager',
      due: '2026-10-01',
    },
  ];
  const reportV1: Answers = {
    'resultaat.facilitering':
      'Examenkosten Klantgericht schrijven worden vergoed; studietijd 4 uur per maand.',
    'resultaat.inrichting':
      'Vaste thuiswerkdag op woensdag blijft. Inwerken wordt in de roosterplanning opgenomen.',
    'resultaat.bijstellingen': 'Eerste-contactoplossing: 78% in 2026, 80% in 2027.',
    'resultaat.afspraken': agreementsV1,
  };
  const reportV2: Answers = {
    ...reportV1,
    'resultaat.inrichting':
      'Vaste thuiswerkdag op woensdag blijft, ook in drukke weken. Inwerken wordt in de roosterplanning opgenomen (2 uur per week per nieuwe collega). Na een storing wordt de bezetting die dag opgeschaald.',
    'resultaat.afspraken': [
      ...agreementsV1,
      {
        id: 'r3',
        text: 'Bij storingen: extra bezetting vanuit de backoffice op dezelfde dag.',
        owner: 'manager',
      },
      {
        id: 'r4',
        text: 'Voortgang examen en kennisbankartikel bespreken in het werkoverleg van december.',
        owner: 'both',
        due: '2026-12-10',
      },
    ],
  };
  const script = new Script(created.conversation);
  script
    .log({
      at: '2026-06-30T08:00:00.000Z',
      actorId: 'system',
      action: 'reassigned',
      details: { employeeId: daan.id, fromManagerId: 'u-peter', toManagerId: marieke.id },
    })
    .log({
      at: '2026-09-01T07:30:00.000Z',
      actorId: marieke.id,
      action: 'planned',
      details: { start: '2026-09-15T12:30:00.000Z', end: '2026-09-15T13:30:00.000Z' },
    })
    .do({ type: 'save-preparation', answers: preparation }, daan, '2026-09-12T15:20:00.000Z')
    .do({ type: 'submit-preparation' }, daan, '2026-09-12T15:25:00.000Z')
    .do({ type: 'save-completion', answers: completion }, marieke, '2026-09-15T13:25:00.000Z')
    .do({ type: 'complete-meeting' }, marieke, '2026-09-15T13:31:00.000Z')
    .do({ type: 'save-report', answers: reportV1 }, marieke, '2026-09-16T09:00:00.000Z')
    .do({ type: 'submit-report', hash: '' }, marieke, '2026-09-16T09:02:00.000Z')
    .do(
      {
        type: 'decide',
        version: 1,
        decision: 'niet_akkoord',
        comment: 'De afspraak over extra bezetting na storingen ontbreekt nog; die hadden we wel besproken.',
      },
      daan,
      '2026-09-16T14:45:00.000Z',
    )
    .do({ type: 'save-report', answers: reportV2 }, marieke, '2026-09-17T08:10:00.000Z')
    .do({ type: 'submit-report', hash: '' }, marieke, '2026-09-17T08:12:00.000Z')
    .do({ type: 'decide', version: 2, decision: 'akkoord' }, marieke, '2026-09-17T08:13:00.000Z')
    .do(
      {
        type: 'decide',
        version: 2,
        decision: 'voor_gezien',
        comment:
          'Ik teken voor gezien: ik vind 78% nog steeds ambitieus zolang de backoffice-vragen niet zijn opgelost.',
      },
      daan,
      '2026-09-18T07:58:00.000Z',
    );
  return {
    organisation,
    conversation: script.conversation,
    version: 2,
    employee: {
      id: daan.id,
      displayName: 'Daan Verhoeven',
      jobTitle: 'Medewerker Klantcontactcentrum',
      department: 'Dienstverlening',
    },
    manager: { id: marieke.id, displayName: 'Marieke Jansen', jobTitle: 'Teamleider KCC' },
    names: { [daan.id]: 'Daan Verhoeven', [marieke.id]: 'Marieke Jansen', 'u-peter': 'Peter van Dijk' },
    audit: script.audit,
    generatedAt: '2026-09-18T08:00:00.000Z',
  };
}
