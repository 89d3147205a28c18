/**
 * The demo organisation's lived-in year: on the first local start with an empty database, conversations in every
 * stage are made through the real commands (never SQL), with dates relative to today, so a newcomer sees the
 * product at work instead of empty pages.
 */
import {
  planConversation,
  requestConversation,
  runCommand,
  type AppContext,
  type ConversationView,
  type PersonCommand,
  type PlanInput,
} from '../app/index.js';
import { fieldsOf, formatFor, smileyValues, type Answers, type Smiley } from '../domain/index.js';

const day = 86_400_000;

/** Who to try first, printed by `npm start` and opened by the tab by default. */
export const demoStartUser = 'jeroen';

/** The same context with the clock set to a moment of the demo year. */
function at(ctx: AppContext, when: Date): AppContext {
  return { ...ctx, now: () => new Date(when) };
}

/** A day relative to today, at a given hour (UTC). */
function dayFrom(today: Date, offset: number, hour = 9): Date {
  const date = new Date(today.getTime() + offset * day);
  // Conversations happen on working days: a weekend moves to Friday in the past and to Monday ahead.
  const weekday = date.getUTCDay();
  if (weekday === 6) date.setUTCDate(date.getUTCDate() + (offset < 0 ? -1 : 2));
  if (weekday === 0) date.setUTCDate(date.getUTCDate() + (offset < 0 ? -2 : 1));
  date.setUTCHours(hour, 0, 0, 0);
  return date;
}

/** A small deterministic sequence, so every demo start shows the same ratings. */
function ratings(seed: number): () => Smiley {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    const pick = state % 10;
    // Mostly good, sometimes partly, now and then not: a believable team.
    return pick < 6 ? 'happy' : pick < 9 ? 'neutral' : pick === 9 && state % 3 === 0 ? 'na' : 'sad';
  };
}

/** A vitality preparation (format version 2) with a rating for every statement. */
function vitalityPreparation(
  seed: number,
  texts: { meaning: string; needs: string; self: string; support: string },
): Answers {
  const format = formatFor('vitaliteit', 2);
  const next = ratings(seed);
  const answers: Answers = {
    'kwaliteit.betekenis': texts.meaning,
    'behoeften.verbeterpunten': texts.needs,
    'werknemerschap.zelf': texts.self,
    'werkgeverschap.steun': texts.support,
  };
  for (const field of fieldsOf(format.preparation)) if (field.kind === 'smiley') answers[field.id] = next();
  if (!smileyValues.includes(answers['huis.werk.1'] as Smiley)) throw new Error('demo ratings went wrong');
  return answers;
}

interface Story {
  ctx: AppContext;
  today: Date;
}

async function plan(
  story: Story,
  when: number,
  by: string,
  input: Omit<PlanInput, 'start' | 'end'> & { on: number; hour?: number },
) {
  const start = dayFrom(story.today, input.on, input.hour ?? 9);
  const { on: _on, hour: _hour, ...rest } = input;
  return planConversation(at(story.ctx, dayFrom(story.today, when, 8)), by, {
    ...rest,
    start: start.toISOString(),
    end: new Date(start.getTime() + 3_600_000).toISOString(),
  });
}

async function act(story: Story, when: number, who: string, id: string, ...commands: PersonCommand[]) {
  let view: ConversationView | undefined;
  for (const [index, command] of commands.entries()) {
    // A minute apart, so the log reads in order.
    const moment = new Date(dayFrom(story.today, when, 10).getTime() + index * 60_000);
    view = await runCommand(at(story.ctx, moment), who, id, command);
  }
  return view as ConversationView;
}

const agreement = (id: string, text: string, owner: 'employee' | 'manager' | 'both', due?: string) => ({
  id,
  text,
  owner,
  ...(due ? { due } : {}),
});

/** A Vitaliteitsgesprek from planning to the moment the employee offers her report. */
async function vitalityToOffered(
  story: Story,
  employee: string,
  manager: string,
  on: number,
  seed: number,
  agreements: ReturnType<typeof agreement>[],
): Promise<string> {
  const { conversation } = await plan(story, on - 10, manager, {
    employeeId: employee,
    type: 'vitaliteit',
    on,
  });
  const id = conversation.id;
  await act(story, on - 3, employee, id, {
    type: 'save-preparation',
    answers: vitalityPreparation(seed, {
      meaning: 'Energie hebben voor mijn werk én voor thuis, en met plezier aan de slag gaan.',
      needs: 'Minder avondwerk en wat meer rust tussen de drukke klantmomenten.',
      self: 'Vaker een echte pauze nemen en op tijd stoppen.',
      support: 'Een vaste thuiswerkdag en duidelijkheid over prioriteiten.',
    }),
  });
  await act(story, on - 2, employee, id, { type: 'submit-preparation' });
  await act(
    story,
    on,
    manager,
    id,
    {
      type: 'save-completion',
      answers: {
        'gesprek.behoeften': 'Werkdruk zit vooral in de avonddiensten.',
        'gesprek.afspraken': agreements,
      },
    },
    { type: 'complete-meeting' },
  );
  await act(
    story,
    on + 1,
    employee,
    id,
    {
      type: 'save-report',
      answers: {
        'verslag.samenvatting':
          'We spraken over energie, werkdruk en wat mij helpt om fit te blijven. De avonddiensten kosten veel; een vaste thuiswerkdag helpt.',
      },
    },
    { type: 'submit-report' },
  );
  return id;
}

/** A Reflectiegesprek from planning to the moment the manager offers the final format. */
async function reflectionToOffered(
  story: Story,
  employee: string,
  manager: string,
  on: number,
  answers: { preparation: Answers; report: Answers },
): Promise<string> {
  const { conversation } = await plan(story, on - 10, manager, {
    employeeId: employee,
    type: 'reflectie',
    on,
  });
  const id = conversation.id;
  await act(
    story,
    on - 3,
    employee,
    id,
    { type: 'save-preparation', answers: answers.preparation },
    {
      type: 'submit-preparation',
    },
  );
  await act(
    story,
    on,
    manager,
    id,
    { type: 'complete-meeting' },
    { type: 'save-report', answers: answers.report },
    {
      type: 'submit-report',
    },
  );
  return id;
}

/** The demo year: a team lead's team in every stage, HR's personnel file with documents. */
export async function seedDemoYear(ctx: AppContext): Promise<{ conversations: number }> {
  const today = ctx.now();
  const story: Story = { ctx, today };
  const year = today.getUTCFullYear();
  let count = 0;
  const made = () => (count += 1);

  // Fatima: Het Goede Gesprek at the start of the year, signed; now preparing the Reflectiegesprek on its goals.
  {
    const { conversation } = await plan(story, -310, 'jeroen', {
      employeeId: 'fatima',
      type: 'goede-gesprek',
      on: -300,
    });
    const id = conversation.id;
    await act(story, -302, 'fatima', id, {
      type: 'save-preparation',
      answers: {
        'deel.resultaat.voorstel': [{ id: 'g-klant', title: 'Klanttevredenheid aan de telefoon naar een 8' }],
      },
    });
    await act(story, -301, 'fatima', id, { type: 'submit-preparation' });
    await act(
      story,
      -300,
      'jeroen',
      id,
      { type: 'complete-meeting' },
      {
        type: 'save-report',
        answers: {
          'doelen.vitaliteit-werkplezier': [{ id: 'g-pauze', title: 'Elke dag een echte lunchpauze' }],
          'doelen.kennis-competenties': [{ id: 'g-cursus', title: 'Cursus klantgericht schrijven afronden' }],
          'doelen.resultaat': [{ id: 'g-klant', title: 'Klanttevredenheid aan de telefoon naar een 8' }],
        },
      },
      { type: 'submit-report' },
    );
    await act(story, -298, 'fatima', id, { type: 'decide', version: 1, decision: 'akkoord' });
    await act(story, -297, 'jeroen', id, { type: 'decide', version: 1, decision: 'akkoord' });
    made();
    const reflection = await plan(story, -12, 'jeroen', { employeeId: 'fatima', type: 'reflectie', on: 6 });
    await act(story, -2, 'fatima', reflection.conversation.id, {
      type: 'save-preparation',
      answers: {
        'deel.kennis-competenties.doelen': [
          {
            goalId: 'g-cursus',
            title: 'Cursus klantgericht schrijven afronden',
            progress: 'Vier van de zes modules gedaan.',
            course: 'continue',
          },
        ],
      },
    });
    made();
  }

  // Daan: a signed Vitaliteitsgesprek with his POP and self-evaluation, and the follow-up planned.
  {
    const id = await vitalityToOffered(story, 'daan', 'jeroen', -120, 7, [
      agreement('a-thuis', 'Vaste thuiswerkdag op woensdag', 'both', `${year}-09-01`),
      agreement('a-pauze', 'Elke dag een wandeling in de lunchpauze', 'employee'),
    ]);
    await act(story, -118, 'jeroen', id, { type: 'decide', version: 1, decision: 'akkoord' });
    await act(story, -110, 'daan', id, {
      type: 'save-pop',
      pop: {
        items: [
          {
            id: 'pop-a-thuis',
            goal: 'Vaste thuiswerkdag op woensdag',
            actions: 'Rooster aanpassen met de planner.',
            who: 'both',
            status: 'gedaan',
            agreementId: 'a-thuis',
          },
          {
            id: 'pop-a-pauze',
            goal: 'Elke dag een wandeling in de lunchpauze',
            actions: 'Agenda blokkeren van 12.30 tot 13.00 uur.',
            who: 'employee',
            status: 'loopt',
            support: 'Collega’s die de telefoon dan overnemen.',
            agreementId: 'a-pauze',
          },
        ],
      },
    });
    await act(story, -5, 'daan', id, {
      type: 'save-evaluation',
      evaluation: {
        items: [
          { popItemId: 'pop-a-thuis', status: 'gedaan', text: 'De woensdag thuis werkt goed.' },
          { popItemId: 'pop-a-pauze', status: 'loopt', text: 'Lukt drie van de vijf dagen.' },
        ],
        overall: 'Ik heb meer energie dan vorig jaar; de pauzes blijven lastig op drukke dagen.',
      },
    });
    made();
    await plan(story, -3, 'jeroen', { employeeId: 'daan', type: 'vitaliteit', on: 10 });
    made();
  }

  // Sanne: her report offered; waiting for her manager's co-signature (and by now overdue).
  await vitalityToOffered(story, 'sanne', 'jeroen', -8, 11, [
    agreement('a-cursus', 'Training omgaan met agressie aan de balie', 'manager'),
  ]);
  made();

  // Thomas (English): a Reflectiegesprek sent back once, now a new version waiting for his response.
  {
    const id = await reflectionToOffered(story, 'thomas', 'jeroen', -30, {
      preparation: {
        'deel.resultaat.reflectie': 'The new appointment system took longer to learn than expected.',
      },
      report: {
        'resultaat.facilitering': 'Extra training in het afsprakensysteem.',
        'resultaat.inrichting': 'Geen andere inrichting van het werk nodig.',
        'resultaat.bijstellingen': 'De doelen blijven zoals ze zijn.',
        'resultaat.afspraken': [agreement('a-training', 'Training afsprakensysteem in januari', 'manager')],
      },
    });
    await act(story, -28, 'thomas', id, {
      type: 'decide',
      version: 1,
      decision: 'niet_akkoord',
      comment: 'Please also record that my workload goes down while I learn the system.',
    });
    await act(
      story,
      -27,
      'jeroen',
      id,
      {
        type: 'save-report',
        answers: { 'resultaat.inrichting': 'Tijdens de training vier uur per week minder baliediensten.' },
      },
      { type: 'submit-report' },
    );
    made();
  }

  // Noor asked for a Vitaliteitsgesprek; her manager has yet to plan it.
  await requestConversation(at(ctx, dayFrom(today, -2, 14)), 'noor', {
    type: 'vitaliteit',
    note: 'Ik merk dat ik minder energie heb sinds de reorganisatie.',
  });
  made();

  // Sem: prepared and shared, but the meeting date has passed without the meeting being held.
  {
    const { conversation } = await plan(story, -14, 'jeroen', {
      employeeId: 'sem',
      type: 'vitaliteit',
      on: -4,
    });
    await act(
      story,
      -6,
      'sem',
      conversation.id,
      {
        type: 'save-preparation',
        answers: vitalityPreparation(3, {
          meaning: 'Lekker in mijn vel zitten.',
          needs: 'Beter slapen na late diensten.',
          self: 'Minder schermtijd in de avond.',
          support: 'Geen late dienst vóór een vroege.',
        }),
      },
      { type: 'submit-preparation' },
    );
    made();
  }

  // The rest of the team prepared and shared: enough for the anonymous team picture.
  const team = ['eva', 'lucas', 'yasmin', 'bram', 'iris', 'kevin', 'anouk', 'mila'];
  for (const [index, employee] of team.entries()) {
    const { conversation } = await plan(story, -15, 'jeroen', {
      employeeId: employee,
      type: 'vitaliteit',
      on: 3 + index,
      // Two meetings on one day (a weekend moved to Monday) never at the same hour.
      hour: 9 + index,
    });
    await act(
      story,
      -1,
      employee,
      conversation.id,
      {
        type: 'save-preparation',
        answers: vitalityPreparation(20 + index, {
          meaning: 'Fit blijven en plezier houden in mijn werk.',
          needs: 'Meer afwisseling in mijn taken.',
          self: 'Zelf vaker aangeven wat ik nodig heb.',
          support: 'Ruimte voor een opleiding.',
        }),
      },
      { type: 'submit-preparation' },
    );
    made();
  }

  // Esther's team: Ruben's Reflectiegesprek filed with his "voor gezien"; Lotte's Goede Gesprek planned.
  {
    const id = await reflectionToOffered(story, 'ruben', 'esther', -50, {
      preparation: {
        'deel.kennis-competenties.reflectie': 'De cursus Excel voor gevorderden heeft me veel opgeleverd.',
      },
      report: {
        'resultaat.facilitering': 'Geen extra ondersteuning nodig.',
        'resultaat.inrichting': 'Tijdens de jaarafsluiting geen nieuwe dossiers.',
        'resultaat.bijstellingen': 'Het doel voor de maandafsluiting schuift naar het tweede kwartaal.',
        'resultaat.afspraken': [
          agreement('a-afsluiting', 'Maandafsluiting binnen vijf werkdagen', 'employee'),
        ],
      },
    });
    await act(story, -48, 'ruben', id, {
      type: 'decide',
      version: 1,
      decision: 'voor_gezien',
      comment: 'Ik had graag gezien dat de extra uren voor de jaarafsluiting erin stonden.',
    });
    await act(story, -47, 'esther', id, { type: 'decide', version: 1, decision: 'akkoord' });
    made();
    await plan(story, -1, 'esther', { employeeId: 'lotte', type: 'goede-gesprek', on: 20 });
    made();
  }
  return { conversations: count };
}

/** Seeds the demo year once: only in local mode, only when no conversation exists yet, unless `DEMO_SEED=off`. */
export async function seedDemoIfEmpty(ctx: AppContext, enabled: boolean): Promise<boolean> {
  if (!enabled || ctx.config.microsoft365 !== 'local' || ctx.config.authMode !== 'local') return false;
  const users = await ctx.directory.listUsers();
  const existing = await ctx.store.listConversations({ employeeIds: users.map((u) => u.id) });
  if (existing.length > 0) return false;
  await seedDemoYear(ctx);
  return true;
}
