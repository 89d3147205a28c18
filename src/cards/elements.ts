/**
 * Small building blocks shared by the cards: the card envelope (schema 1.5), text that only accepts
 * card-safe strings, facts, links, and the labels every card uses (types, stages, dates).
 */
import type {
  CardElementArray,
  IAdaptiveCard,
  IFact,
  IFactSet,
  IOpenUrlAction,
  ITextBlock,
  ActionArray,
  TextColor,
} from '@microsoft/teams.cards';
import {
  currentFormat,
  decisionLabels,
  filingOf,
  formatFor,
  type ConversationType,
  type DecisionKind,
  type NextStep,
  type Stage,
} from '../domain/index.js';
import { escapeCardText, type CardText } from './escape.js';
import { plain, type Locale, type MessageKey } from './i18n.js';
import { dateTimeFormat } from '../domain/date-format.js';

export type { IAdaptiveCard };

/** The card JSON the messenger sends: what `Messenger.send` takes. */
export type CardJson = Record<string, unknown>;

/** Adaptive Card JSON as sent to Teams. */
export function toCardJson(card: IAdaptiveCard): CardJson {
  return { ...card };
}

/** The card envelope: schema 1.5 (Teams desktop, web and mobile), full width, language and fallback text. */
export function adaptiveCard(
  locale: Locale,
  fallbackText: string,
  body: CardElementArray,
  actions: ActionArray = [],
  extra: Partial<Pick<IAdaptiveCard, 'refresh'>> = {},
): IAdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    lang: locale,
    fallbackText,
    msteams: { width: 'full' },
    ...extra,
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

export function heading(value: CardText): ITextBlock {
  return { type: 'TextBlock', text: value, style: 'heading', size: 'Large', weight: 'Bolder', wrap: true };
}

export function paragraph(
  value: CardText,
  options: { subtle?: boolean; color?: TextColor; bold?: boolean; spacing?: ITextBlock['spacing'] } = {},
): ITextBlock {
  return {
    type: 'TextBlock',
    text: value,
    wrap: true,
    ...(options.subtle ? { isSubtle: true } : {}),
    ...(options.color ? { color: options.color } : {}),
    ...(options.bold ? { weight: 'Bolder' as const } : {}),
    ...(options.spacing ? { spacing: options.spacing } : {}),
  };
}

export function facts(items: ReadonlyArray<{ title: CardText; value: CardText }>): IFactSet {
  return { type: 'FactSet', facts: items.map((f): IFact => ({ title: f.title, value: f.value })) };
}

export function openUrl(title: string, url: string, style?: IOpenUrlAction['style']): IOpenUrlAction {
  return { type: 'Action.OpenUrl', title, url, ...(style ? { style } : {}) };
}

/** User text for a TextBlock. */
export function userText(value: string, maxLength = 1000): CardText {
  return escapeCardText(value, { maxLength });
}

/** A person's name for a TextBlock. */
export function userName(value: string): CardText {
  return escapeCardText(value, { singleLine: true, maxLength: 120 });
}

/** Date and time in Europe/Amsterdam, e.g. "dinsdag 1 december 2026 om 10:00". */
export function formatDateTime(iso: string, locale: Locale): string {
  return dateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: 'Europe/Amsterdam',
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** A shorter date and time in Europe/Amsterdam, e.g. "1 dec 2026 10:00". */
export function formatShortDateTime(iso: string, locale: Locale): string {
  return dateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: 'Europe/Amsterdam',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** The day of a moment in Europe/Amsterdam, e.g. "15 december 2026". */
export function formatDay(iso: string, locale: Locale): string {
  return dateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: 'Europe/Amsterdam',
    dateStyle: 'long',
  }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD), e.g. "15 januari 2027". */
export function formatDate(day: string, locale: Locale): string {
  return dateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: 'UTC',
    dateStyle: 'long',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** The date of a schedule with the time zone named, or "not scheduled yet". */
export function scheduleText(start: string | undefined, locale: Locale): string {
  if (!start) return plain('notPlanned', locale);
  return `${formatDateTime(start, locale)} ${plain('timeZoneNote', locale)}`;
}

/** "Vitaliteitsgesprek", "Reflectiegesprek", "Het Goede Gesprek". */
export function typeName(type: ConversationType, locale: Locale, formatVersion?: number): string {
  return (formatVersion === undefined ? currentFormat(type) : formatFor(type, formatVersion)).title[locale];
}

/** The name of the document both approve: "Gespreksverslag", "Definitief format", "Vastgestelde doelen". */
export function documentName(type: ConversationType, locale: Locale, formatVersion?: number): string {
  return (formatVersion === undefined ? currentFormat(type) : formatFor(type, formatVersion)).report.title[
    locale
  ];
}

/** Only web links may become buttons: a stored meeting or archive URL is checked before it is offered. */
export function isWebUrl(value: string | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** What every card builder returns: the card and a plain-text line for notifications and screen readers. */
export interface BuiltCard {
  card: IAdaptiveCard;
  summary: string;
}

const stageKeys: Record<Stage, MessageKey> = {
  requested: 'stageRequested',
  planned: 'stagePlanned',
  preparing: 'stagePreparing',
  prepared: 'stagePrepared',
  held: 'stageHeld',
  awaiting_approval: 'stageAwaitingApproval',
  approved: 'stageApproved',
  archived: 'stageArchived',
  cancelled: 'stageCancelled',
};

/** A stage's name; with the type, a filed Vitaliteitsgesprek reads "Vertrouwelijk bewaard". */
export function stageName(stage: Stage, locale: Locale, type?: ConversationType): string {
  if (stage === 'archived' && type && filingOf(type) === 'confidential')
    return plain('stageConfidential', locale);
  return plain(stageKeys[stage], locale);
}

const nextStepKeys: Record<NextStep, MessageKey> = {
  plan: 'nextPlan',
  prepare: 'nextPrepare',
  wait: 'nextWait',
  'hold-meeting': 'nextHoldMeeting',
  'write-report': 'nextWriteReport',
  decide: 'nextDecide',
  'write-pop': 'nextWritePop',
  none: 'nextNone',
};

export function nextStepName(step: NextStep, locale: Locale): string {
  return plain(nextStepKeys[step], locale);
}

/** The word for a decision inside a sentence ("voor gezien"), from the domain's one vocabulary. */
export function decisionName(decision: DecisionKind, locale: Locale): string {
  return decisionLabels[decision][locale];
}

const typeSuffix: Record<ConversationType, 'Vitaliteit' | 'Reflectie' | 'GoedeGesprek'> = {
  vitaliteit: 'Vitaliteit',
  reflectie: 'Reflectie',
  'goede-gesprek': 'GoedeGesprek',
};

/** The type inside a sentence with its indefinite article: "een Vitaliteitsgesprek". */
export function typeIndefinite(type: ConversationType, locale: Locale): string {
  return plain(`typeIndef${typeSuffix[type]}`, locale);
}

/** The type inside a sentence with its definite article: "het Vitaliteitsgesprek". */
export function typeDefinite(type: ConversationType, locale: Locale): string {
  return plain(`typeDef${typeSuffix[type]}`, locale);
}

/** The approved document inside a sentence: "het gespreksverslag", "de vastgestelde doelen". */
export function documentDefinite(type: ConversationType, locale: Locale): string {
  return plain(`docDef${typeSuffix[type]}`, locale);
}
