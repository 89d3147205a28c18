/**
 * The card a manager receives when a round starts for their reports, and the reminder as its period runs out:
 * what to plan, until when, with whom, and a link to their list of reports in the round. Once the round is
 * cancelled, every copy is updated to say so. Names only of the manager's own reports.
 */
import type { ActionArray, CardElementArray } from '@microsoft/teams.cards';
import type { LocalizedText, ProgressStep, RoundPeriod, RoundType } from '../domain/index.js';
import { trusted, joinCardText, type CardText } from './escape.js';
import {
  adaptiveCard,
  facts,
  formatDate,
  heading,
  openUrl,
  paragraph,
  typeIndefinite,
  typeName,
  userName,
  type BuiltCard,
} from './elements.js';
import { text, type Locale } from './i18n.js';
import { tabDeepLink, type LinkConfig } from './links.js';

/** One report of the manager in the round, with how far they are. */
export interface RoundCardReport {
  name: string;
  step: ProgressStep;
}

/** The round's card: the invitation to plan, the reminder, or either of them once the round is cancelled. */
export type RoundCardKind = 'invite' | 'reminder' | 'cancelled';

export interface RoundCardInput {
  kind: RoundCardKind;
  roundId: string;
  type: RoundType;
  period: RoundPeriod;
  /** Who started the round (HR or a director). */
  starterName: string;
  /** Who cancelled it (for `cancelled`). */
  cancelledByName?: string;
  reports: readonly RoundCardReport[];
  links: LinkConfig;
  locale: Locale;
}

/** The most names a card lists; the tab has the rest. */
export const roundCardMaxNames = 12;

const t = (nl: string, en: string): LocalizedText => ({ nl, en });

const words = {
  inviteTitle: t('Gespreksronde: {type}', 'Round: {type}'),
  reminderTitle: t('Herinnering gespreksronde: {type}', 'Round reminder: {type}'),
  inviteIntro: t(
    '{starter} heeft een gespreksronde gestart. Plan tussen {from} en {until} {typeIndef} met elk van je medewerkers hieronder.',
    '{starter} has started a round. Between {from} and {until}, plan {typeIndef} with each of your employees below.',
  ),
  reminderIntro: t(
    'De gespreksronde loopt op {until} af. Plan nog {typeIndef} met de medewerkers hieronder die nog geen gesprek hebben.',
    'The round ends on {until}. Plan {typeIndef} with the employees below who have no conversation yet.',
  ),
  periodLabel: t('Periode', 'Period'),
  toPlanLabel: t('Nog te plannen', 'Still to plan'),
  plannedLabel: t('Gepland of verder', 'Planned or further'),
  andMore: t('en nog {count}', 'and {count} more'),
  cancelledTitle: t('Gespreksronde geannuleerd: {type}', 'Round cancelled: {type}'),
  cancelledIntro: t(
    'heeft deze gespreksronde geannuleerd. Je hoeft hiervoor geen gesprekken meer te plannen; gesprekken die al gepland zijn, gaan gewoon door.',
    'has cancelled this round. You no longer need to plan conversations for it; conversations already planned go ahead.',
  ),
  plan: t('Gesprekken plannen', 'Plan conversations'),
  view: t('Gespreksronde bekijken', 'View round'),
  cancelledSummary: t('Gespreksronde {type} geannuleerd', 'Round {type} cancelled'),
  inviteSummary: t('Gespreksronde {type}: plannen vóór {until}', 'Round {type}: plan by {until}'),
  reminderSummary: t(
    'Herinnering: nog {count} gesprekken te plannen vóór {until}',
    'Reminder: {count} conversations to plan by {until}',
  ),
} satisfies Record<string, LocalizedText>;

function fill(template: LocalizedText, locale: Locale, vars: Record<string, string | number>): string {
  return template[locale].replace(/\{(\w+)\}/g, (_m, key: string) => String(vars[key] ?? ''));
}

/** The names as one escaped line, at most `roundCardMaxNames`. */
function nameList(reports: readonly RoundCardReport[], locale: Locale): CardText {
  const shown = reports.slice(0, roundCardMaxNames).map((r) => userName(r.name));
  const rest = reports.length - shown.length;
  const parts = rest > 0 ? [...shown, trusted(fill(words.andMore, locale, { count: rest }))] : shown;
  return joinCardText(parts, ', ');
}

const titles = { invite: words.inviteTitle, reminder: words.reminderTitle, cancelled: words.cancelledTitle };

/**
 * The round's card for one manager: an invitation to plan, a reminder listing who is still to plan, or — in place
 * of either, once the round is cancelled — word that nothing more needs planning. Its link opens the manager's
 * list of reports in this round in the tab.
 */
export function roundCard(input: RoundCardInput): BuiltCard {
  const { kind, type, period, locale } = input;
  const typeText = typeName(type, locale);
  const vars = {
    type: typeText,
    typeIndef: typeIndefinite(type, locale),
    starter: input.starterName,
    from: formatDate(period.from, locale),
    until: formatDate(period.until, locale),
  };
  const open = input.reports.filter((r) => r.step === 'invited');
  const link = tabDeepLink(input.links, 'rondes', { roundId: input.roundId });
  const periodFact = {
    title: trusted(words.periodLabel[locale]),
    value: trusted(`${vars.from} – ${vars.until}`),
  };
  const plannedFact = {
    title: trusted(words.plannedLabel[locale]),
    value: trusted(String(input.reports.length - open.length)),
  };
  if (kind === 'cancelled') {
    const summary = fill(words.cancelledSummary, locale, vars);
    const body: CardElementArray = [
      heading(trusted(fill(words.cancelledTitle, locale, vars))),
      paragraph(
        joinCardText(
          [userName(input.cancelledByName ?? input.starterName), trusted(words.cancelledIntro[locale])],
          ' ',
        ),
      ),
      facts([periodFact, plannedFact]),
    ];
    return {
      card: adaptiveCard(locale, summary, body, [openUrl(words.view[locale], link)]),
      summary,
    };
  }
  const listed = kind === 'reminder' ? open : input.reports;
  const body: CardElementArray = [
    heading(trusted(fill(titles[kind], locale, vars))),
    paragraph(
      kind === 'invite'
        ? joinCardText([
            userName(input.starterName),
            trusted(fill(words.inviteIntro, locale, { ...vars, starter: '' })),
          ])
        : trusted(fill(words.reminderIntro, locale, vars)),
    ),
    facts([
      periodFact,
      { title: trusted(words.toPlanLabel[locale]), value: trusted(String(open.length)) },
      plannedFact,
    ]),
  ];
  if (listed.length > 0) body.push(paragraph(nameList(listed, locale)));
  if (type === 'vitaliteit')
    body.push(paragraph(text('vitalityNotAssessmentManager', locale), { color: 'Accent' }));
  const actions: ActionArray = [openUrl(words.plan[locale], link, 'positive')];
  const summary =
    kind === 'invite'
      ? fill(words.inviteSummary, locale, vars)
      : fill(words.reminderSummary, locale, { ...vars, count: open.length });
  return { card: adaptiveCard(locale, summary, body, actions), summary };
}
