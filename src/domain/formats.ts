/** The conversation formats as versioned data: sections, fields, statements and who writes the report. */
import type { LocalizedText } from './text.js';

/** The three conversation types of the cycle. */
export type ConversationType = 'vitaliteit' | 'reflectie' | 'goede-gesprek';
export const conversationTypes: readonly ConversationType[] = ['vitaliteit', 'reflectie', 'goede-gesprek'];

/** The parts of Het Goede Gesprek and the Reflectiegesprek. */
export type GoalPart = 'vitaliteit-werkplezier' | 'kennis-competenties' | 'resultaat';
export const goalParts: readonly GoalPart[] = ['vitaliteit-werkplezier', 'kennis-competenties', 'resultaat'];

/** Floors of the Huis van werkvermogen, plus the surroundings of the house. */
export type Floor = 'gezondheid' | 'competenties' | 'normen-waarden' | 'werk' | 'omgeving';
export const floors: readonly Floor[] = ['gezondheid', 'competenties', 'normen-waarden', 'werk', 'omgeving'];

/**
 * What kind of answer a field takes:
 * - `text`: free text;
 * - `smiley`: a rating of a statement about the current situation;
 * - `goal-review`: every earlier goal of one part with progress and a continue/adjust choice;
 * - `goals`: a list of goals (Het Goede Gesprek);
 * - `agreements`: concrete agreements with an owner and an optional date.
 */
export type FieldKind = 'text' | 'smiley' | 'goal-review' | 'goals' | 'agreements';

export interface FieldDef {
  id: string;
  kind: FieldKind;
  label: LocalizedText;
  help?: LocalizedText;
  /** Required before the form it belongs to can be submitted. */
  required?: boolean;
  /** For `smiley` fields: the floor of the Huis van werkvermogen the statement belongs to. */
  floor?: Floor;
  /** For `goal-review` and `goals` fields: the part of the cycle. */
  part?: GoalPart;
}

export interface SectionDef {
  id: string;
  title: LocalizedText;
  intro?: LocalizedText;
  fields: FieldDef[];
  /**
   * May not be offered empty: each text field is filled, or explicitly "niet van toepassing" (`outcomeGaps` in
   * required.ts, asked by the tab before it offers). The outcome of a Reflectiegesprek.
   */
  notEmpty?: boolean;
}

/** Who writes the report (or the final format) that both must approve. */
export type ReportAuthor = 'employee' | 'manager';

/**
 * A conversation format. Formats are versioned data: a conversation keeps the version it started on, so a
 * new version never changes what an older conversation means.
 */
export interface FormatDef {
  type: ConversationType;
  version: number;
  title: LocalizedText;
  intro: LocalizedText;
  tip?: LocalizedText;
  /** Filled in by the employee to prepare. */
  preparation: SectionDef[];
  /**
   * What the manager fills in during the meeting. Absent: he completes the same format (Reflectiegesprek, Het Goede
   * Gesprek). The Vitaliteitsgesprek has its own: notes per topic and the agreements, never a rating of the
   * employee's own statements.
   */
  meeting?: SectionDef[];
  /** The report (vitality) or the final format (reflection, Het Goede Gesprek) that both approve. */
  report: { author: ReportAuthor; title: LocalizedText; sections: SectionDef[] };
}

const t = (nl: string, en: string): LocalizedText => ({ nl, en });

/** The seed's hard rule, shown wherever vitality is discussed (also part 1 of the Reflectiegesprek). */
const neverInAssessment = t(
  'Het gaat om feedback, niet om beoordelen: wat je hier invult, wordt nooit gebruikt bij een beoordeling.',
  'This is about feedback, not assessment: nothing you enter here is ever used in an appraisal.',
);

const floorTitles: Record<Floor, LocalizedText> = {
  gezondheid: t('Gezondheid', 'Health'),
  competenties: t('Competenties', 'Competences'),
  'normen-waarden': t('Normen, waarden en motivatie', 'Values, attitudes and motivation'),
  werk: t('Werk', 'Work'),
  omgeving: t(
    'Omgeving: gezin, privé en sociale omgeving',
    'Surroundings: family, private life and social environment',
  ),
};

export function floorTitle(floor: Floor): LocalizedText {
  return floorTitles[floor];
}

const partTitles: Record<GoalPart, LocalizedText> = {
  'vitaliteit-werkplezier': t('Vitaliteit en werkplezier', 'Vitality and work pleasure'),
  'kennis-competenties': t('Kennis en competenties', 'Knowledge and competences'),
  resultaat: t('Resultaatdoelstellingen', 'Result goals'),
};

export function partTitle(part: GoalPart): LocalizedText {
  return partTitles[part];
}

const statements: Record<Floor, LocalizedText[]> = {
  gezondheid: [
    t('Ik voel me lichamelijk fit genoeg voor mijn werk.', 'I feel physically fit enough for my work.'),
    t(
      'Ik heb aan het eind van een werkdag nog energie over.',
      'I still have energy left at the end of a working day.',
    ),
    t('Ik slaap meestal goed en voel me uitgerust.', 'I usually sleep well and feel rested.'),
    t('Ik kan spanning en werkdruk goed hanteren.', 'I can handle stress and workload well.'),
    t('Ik beweeg voldoende, ook tijdens het werk.', 'I get enough exercise, also during work.'),
  ],
  competenties: [
    t(
      'Mijn kennis en vaardigheden passen bij wat mijn werk vraagt.',
      'My knowledge and skills fit what my work asks of me.',
    ),
    t('Ik leer regelmatig iets nieuws in mijn werk.', 'I regularly learn something new in my work.'),
    t('Ik krijg de ruimte om mijn talenten te gebruiken.', 'I get room to use my talents.'),
    t(
      'Ik weet welke ontwikkeling ik de komende jaren nodig heb.',
      'I know which development I need in the coming years.',
    ),
  ],
  'normen-waarden': [
    t('Ik doe werk dat ertoe doet.', 'I do work that matters.'),
    t('Ik ga met plezier naar mijn werk.', 'I enjoy going to work.'),
    t('Mijn waarden passen bij die van de organisatie.', 'My values fit those of the organisation.'),
    t('Ik voel me gewaardeerd voor wat ik doe.', 'I feel valued for what I do.'),
  ],
  werk: [
    t('De hoeveelheid werk is goed te doen.', 'The amount of work is manageable.'),
    t(
      'Ik heb voldoende invloed op hoe ik mijn werk organiseer.',
      'I have enough say in how I organise my work.',
    ),
    t('De samenwerking met mijn collega’s is goed.', 'Cooperation with my colleagues is good.'),
    t(
      'Ik krijg de steun die ik nodig heb van mijn leidinggevende.',
      'I get the support I need from my manager.',
    ),
    t('Mijn werkplek en werkomstandigheden zijn in orde.', 'My workplace and working conditions are fine.'),
  ],
  omgeving: [
    t('Mijn werk en privéleven zijn goed in balans.', 'My work and private life are well balanced.'),
    t('Ik heb thuis of om mij heen voldoende steun.', 'I have enough support at home or around me.'),
    t(
      'Zorgtaken of privéomstandigheden kan ik goed combineren met mijn werk.',
      'I can combine care duties or private circumstances well with my work.',
    ),
  ],
};

const futurePrompts: LocalizedText[] = [
  t('Om mijn inzetbaarheid te verhogen is het nodig dat…', 'To raise my employability it is necessary that…'),
  t('Ik verwacht van mijn collega’s…', 'I expect from my colleagues…'),
  t('Mijn team kan van mij verwachten…', 'My team can expect from me…'),
  t(
    'Om mijn werk over 2 jaar nog uit te kunnen voeren is het nodig dat…',
    'To still be able to do my work in 2 years it is necessary that…',
  ),
  t('Mijn werk wordt (nog) leuker als…', 'My work becomes (even) more enjoyable if…'),
  t('Ik zie de volgende uitdagingen in mijn werk…', 'I see the following challenges in my work…'),
  t('Ik wil mij nog verder ontwikkelen op het gebied van…', 'I want to develop further in…'),
  t('Ik probeer gezond en energiek te blijven door…', 'I try to stay healthy and energetic by…'),
  t(
    'Ik verwacht de aankomende 2 jaar veranderingen in mijn werk-privébalans, want…',
    'I expect changes in my work–life balance in the coming 2 years, because…',
  ),
];

/** The seed's four topics, with its own titles; shared by the preparation and the manager's notes. */
const vitalityTopics = {
  kwaliteit: t('1. Inzicht in kwaliteit', '1. What vitality means to you'),
  behoeften: t('2. Inventarisatie van behoeften', '2. What could improve'),
  werknemerschap: t('3. Ontwikkeling van goed werknemerschap', '3. What I can do myself'),
  werkgeverschap: t('4. Goed werkgeverschap mogelijk maken', '4. How my employer can support me'),
} as const;

/**
 * The Vitaliteitsgesprek's format. Versions differ in their statements (and floor titles); from version 2 the
 * manager has his own meeting fields (notes per topic and the agreements) and never rates her statements, where in
 * version 1 he completed the same format.
 */
function vitalityFormat(
  version: number,
  options: {
    statements: Record<Floor, LocalizedText[]>;
    floorTitles: Record<Floor, LocalizedText>;
    meeting?: boolean;
  },
): FormatDef {
  return {
    type: 'vitaliteit',
    version,
    title: t('Vitaliteitsgesprek', 'Vitality conversation'),
    intro: t(
      `Een gesprek over jouw vitaliteit: een dialoog, gericht op de toekomst. Jij staat centraal, je leidinggevende begeleidt. ${neverInAssessment.nl}`,
      `A conversation about your vitality: a dialogue, focused on the future. You are central; your manager guides. ${neverInAssessment.en}`,
    ),
    preparation: [
      {
        id: 'kwaliteit',
        title: vitalityTopics.kwaliteit,
        fields: [
          {
            id: 'kwaliteit.betekenis',
            kind: 'text',
            required: true,
            label: t(
              'Wat betekent vitaliteit voor jou persoonlijk?',
              'What does vitality mean to you personally?',
            ),
          },
        ],
      },
      ...floors.map((floor): SectionDef => ({
        id: `huis.${floor}`,
        title: options.floorTitles[floor],
        // Only from version 2 does the manager not rate her statements; version 1 must not claim otherwise.
        intro: options.meeting
          ? t(
              'Hoe is de situatie nu? Kies bij elke stelling wat voor jou klopt. Alleen jij geeft hier antwoord.',
              'How are things now? For each statement, choose what is true for you. Only you answer here.',
            )
          : t(
              'Hoe is de situatie nu? Kies bij elke stelling wat voor jou klopt.',
              'How are things now? For each statement, choose what is true for you.',
            ),
        fields: options.statements[floor].map((label, index) => ({
          id: `huis.${floor}.${index + 1}`,
          kind: 'smiley' as const,
          floor,
          label,
        })),
      })),
      {
        id: 'behoeften',
        title: vitalityTopics.behoeften,
        fields: [
          {
            id: 'behoeften.verbeterpunten',
            kind: 'text',
            required: true,
            label: t(
              'Op welke punten kan jouw vitaliteit worden verbeterd?',
              'Where can your vitality be improved?',
            ),
          },
        ],
      },
      {
        id: 'werknemerschap',
        title: vitalityTopics.werknemerschap,
        fields: [
          {
            id: 'werknemerschap.zelf',
            kind: 'text',
            required: true,
            label: t('Wat kun/ga je hier zelf aan doen?', 'What can or will you do about it yourself?'),
          },
        ],
      },
      {
        id: 'werkgeverschap',
        title: vitalityTopics.werkgeverschap,
        fields: [
          {
            id: 'werkgeverschap.steun',
            kind: 'text',
            required: true,
            label: t('Waarbij kan het management je ondersteunen?', 'Where can management support you?'),
          },
        ],
      },
      {
        id: 'toekomst',
        title: t('Toekomstige situatie', 'Looking ahead'),
        intro: t(
          'Kijk vooruit. Vul aan wat voor jou van toepassing is; niets is verplicht.',
          'Look ahead. Complete what applies to you; nothing is required.',
        ),
        fields: futurePrompts.map((label, index) => ({
          id: `toekomst.${index + 1}`,
          kind: 'text' as const,
          label,
        })),
      },
    ],
    ...(options.meeting ? { meeting: vitalityMeeting } : {}),
    report: vitalityReport,
  };
}

/** The manager's meeting fields in a Vitaliteitsgesprek (version 2 on). */
const vitalityMeeting: SectionDef[] = [
  ...(Object.keys(vitalityTopics) as (keyof typeof vitalityTopics)[]).map((topic): SectionDef => ({
    id: `gesprek.${topic}`,
    title: vitalityTopics[topic],
    fields: [
      {
        id: `gesprek.${topic}`,
        kind: 'text',
        label: t('Aantekeningen van de leidinggevende', 'Notes by the manager'),
      },
    ],
  })),
  {
    id: 'gesprek.afspraken',
    title: t('Afspraken', 'Agreements'),
    intro: t(
      'Concrete afspraken die het werkvermogen vergroten. Ze kunnen over elke verdieping van het Huis van werkvermogen gaan, bijvoorbeeld je werk-privébalans, zingeving of het ontwikkelen van je talenten.',
      'Concrete agreements that raise work ability. They can concern any floor of the House of Work Ability, for example work–life balance, meaningful work or developing talents.',
    ),
    fields: [{ id: 'gesprek.afspraken', kind: 'agreements', label: t('Afspraken', 'Agreements') }],
  },
];

/** The vitality report: written by the employee, who signs it by offering it; the manager co-signs. */
const vitalityReport: FormatDef['report'] = {
  author: 'employee',
  title: t('Gespreksverslag', 'Conversation report'),
  sections: [
    {
      id: 'verslag',
      title: t('Verslag', 'Report'),
      intro: t(
        'Jij schrijft het verslag en ondertekent het door het aan te bieden; je leidinggevende ondertekent mee.',
        'You write the report and sign it by offering it; your manager co-signs.',
      ),
      fields: [
        {
          id: 'verslag.samenvatting',
          kind: 'text',
          required: true,
          label: t('Wat hebben we besproken?', 'What did we discuss?'),
        },
        {
          id: 'verslag.afspraken',
          kind: 'agreements',
          required: true,
          label: t('Concrete afspraken', 'Concrete agreements'),
          help: t(
            'Afspraken die je werkvermogen vergroten. Ze kunnen over elke verdieping van het Huis van werkvermogen gaan, bijvoorbeeld je werk-privébalans, zingeving of het ontwikkelen van je talenten.',
            'Agreements that raise your work ability. They can concern any floor of the House of Work Ability, for example work–life balance, meaningful work or developing talents.',
          ),
        },
      ],
    },
  ],
};

const vitaliteitV1: FormatDef = vitalityFormat(1, { statements, floorTitles });

const resultFields: FieldDef[] = [
  {
    id: 'resultaat.facilitering',
    kind: 'text',
    label: t(
      'Extra facilitering of ondersteuning vanuit de werkgever',
      'Extra facilitation or support from the employer',
    ),
  },
  {
    id: 'resultaat.inrichting',
    kind: 'text',
    label: t(
      'Andere inrichting of organisatie van het werk',
      'A different arrangement or organisation of the work',
    ),
  },
  {
    id: 'resultaat.bijstellingen',
    kind: 'text',
    label: t('Bijstellingen van eerder gestelde doelen', 'Adjustments of earlier goals'),
  },
];

const reflectieV1: FormatDef = {
  type: 'reflectie',
  version: 1,
  title: t('Reflectiegesprek', 'Reflection conversation'),
  intro: t(
    'Sta stil bij de doelen uit Het Goede Gesprek en de voortgang die je hebt gemaakt. Per doel besluit je je koers te vervolgen of bij te sturen. Jij hebt de leiding; je leidinggevende vult aan.',
    'Reflect on the goals from Het Goede Gesprek and the progress you have made. For each goal you decide to continue your course or adjust it. You lead; your manager supplements.',
  ),
  tip: t(
    'Tip! Bespreek je bevindingen voorafgaand aan het gesprek eens met je collega’s, familie of vrienden en vraag hoe zij jouw ontwikkeling in de afgelopen periode ten aanzien van de gestelde doelen zien.',
    'Tip! Before the conversation, discuss your findings with colleagues, family or friends and ask how they see your development towards the goals over the past period.',
  ),
  preparation: goalParts.map((part): SectionDef => ({
    id: `deel.${part}`,
    title: partTitles[part],
    ...(part === 'vitaliteit-werkplezier' ? { intro: neverInAssessment } : {}),
    fields: [
      {
        id: `deel.${part}.doelen`,
        kind: 'goal-review',
        part,
        label: t(
          'Doelen uit Het Goede Gesprek: voortgang en koers',
          'Goals from Het Goede Gesprek: progress and course',
        ),
      },
      {
        id: `deel.${part}.reflectie`,
        kind: 'text',
        label: t(
          'Wat heb je geconstateerd? Zijn je behoeften veranderd?',
          'What have you noticed? Have your needs changed?',
        ),
      },
    ],
  })),
  report: {
    author: 'manager',
    title: t('Definitief format', 'Final form'),
    sections: [
      {
        id: 'resultaat',
        title: t('Resultaat van het gesprek', 'Outcome of the conversation'),
        notEmpty: true,
        intro: t(
          'Duidelijkheid over ondersteuning, de inrichting van het werk en bijgestelde doelen, zodat de medewerker de komende periode verder kan.',
          'Clarity on support, the organisation of the work and adjusted goals, so the employee can work on them next period.',
        ),
        fields: [
          ...resultFields,
          { id: 'resultaat.afspraken', kind: 'agreements', label: t('Afspraken', 'Agreements') },
        ],
      },
    ],
  },
};

const goedeGesprekV1: FormatDef = {
  type: 'goede-gesprek',
  version: 1,
  title: t('Het Goede Gesprek', 'Het Goede Gesprek (goal setting)'),
  intro: t(
    'In Het Goede Gesprek stel je samen doelen op in drie onderdelen. In het Reflectiegesprek kijk je hierop terug.',
    'In Het Goede Gesprek you set goals together in three parts. The Reflectiegesprek looks back on them.',
  ),
  preparation: goalParts.map((part): SectionDef => ({
    id: `deel.${part}`,
    title: partTitles[part],
    fields: [
      {
        id: `deel.${part}.voorstel`,
        kind: 'goals',
        part,
        label: t('Mijn voorstel voor doelen', 'My proposed goals'),
      },
    ],
  })),
  report: {
    author: 'manager',
    title: t('Vastgestelde doelen', 'Agreed goals'),
    sections: goalParts.map((part): SectionDef => ({
      id: `doelen.${part}`,
      title: partTitles[part],
      fields: [
        {
          id: `doelen.${part}`,
          kind: 'goals',
          part,
          required: part === 'resultaat',
          label: t('Doelen', 'Goals'),
        },
      ],
    })),
  },
};

/** The sections the manager fills in during the meeting. */
export function meetingSections(format: FormatDef): SectionDef[] {
  return format.meeting ?? format.preparation;
}

/** Statements of version 2: one claim each, as an HR adviser would word them (see the format's history). */
const statementsV2: Record<Floor, LocalizedText[]> = {
  gezondheid: [
    t('Ik voel me lichamelijk fit genoeg voor mijn werk.', 'I feel physically fit enough for my work.'),
    t(
      'Ik heb aan het eind van een werkdag nog energie over.',
      'I still have energy left at the end of a working day.',
    ),
    t('Ik kan goed omgaan met spanning en werkdruk.', 'I can cope well with stress and workload.'),
    t('Ik beweeg voldoende, ook tijdens het werk.', 'I get enough exercise, also during work.'),
  ],
  competenties: statements.competenties,
  'normen-waarden': [
    ...statements['normen-waarden'],
    t(
      'Ik neem zelf verantwoordelijkheid voor mijn ontwikkeling.',
      'I take responsibility for my own development.',
    ),
    t('Ik sta open voor veranderingen in mijn werk.', 'I am open to changes in my work.'),
  ],
  werk: [
    t('De hoeveelheid werk is goed te doen.', 'The amount of work is manageable.'),
    t('Mijn werk is inhoudelijk uitdagend genoeg.', 'My work is challenging enough.'),
    t('Mijn werktijden passen bij mij.', 'My working hours suit me.'),
    t(
      'Ik heb voldoende invloed op hoe ik mijn werk organiseer.',
      'I have enough say in how I organise my work.',
    ),
    t('De samenwerking met mijn collega’s is goed.', 'Cooperation with my colleagues is good.'),
    t(
      'Ik krijg van mijn leidinggevende de steun die ik nodig heb.',
      'I get the support I need from my manager.',
    ),
    t('Mijn werkplek en werkomstandigheden zijn in orde.', 'My workplace and working conditions are fine.'),
  ],
  omgeving: [
    ...statements.omgeving,
    t('Ik heb naast mijn werk voldoende tijd voor mezelf.', 'I have enough time for myself besides my work.'),
  ],
};

const floorTitlesV2: Record<Floor, LocalizedText> = {
  ...floorTitles,
  omgeving: t(
    'Omgeving: gezin, familie en sociale kring',
    'Surroundings: family, relatives and social circle',
  ),
};

const vitaliteitV2: FormatDef = vitalityFormat(2, {
  statements: statementsV2,
  floorTitles: floorTitlesV2,
  meeting: true,
});

/** Every format version ever published. Add new versions; never edit or remove a published one. */
export const formatRegistry: readonly FormatDef[] = [vitaliteitV1, vitaliteitV2, reflectieV1, goedeGesprekV1];

/** The newest version of a conversation type's format. */
export function currentFormat(type: ConversationType): FormatDef {
  const versions = formatRegistry.filter((f) => f.type === type);
  const newest = versions.reduce<FormatDef | undefined>(
    (a, b) => (a && a.version > b.version ? a : b),
    undefined,
  );
  if (!newest) throw new Error(`No format registered for ${type}`);
  return newest;
}

/** A specific format version; conversations keep the one they started on. */
export function formatFor(type: ConversationType, version: number): FormatDef {
  const format = formatRegistry.find((f) => f.type === type && f.version === version);
  if (!format) throw new Error(`No format ${type} v${version}`);
  return format;
}

/** All fields of a list of sections, in order. */
export function fieldsOf(sections: readonly SectionDef[]): FieldDef[] {
  return sections.flatMap((s) => s.fields);
}
