/** The help card (the "help" message) and the welcome card (sent when the app is installed). */
import type { CardElementArray } from '@microsoft/teams.cards';
import { adaptiveCard, facts, heading, openUrl, paragraph, type BuiltCard } from './elements.js';
import { plain, text, type Locale } from './i18n.js';
import { tabDeepLink, type LinkConfig } from './links.js';

export interface HelpCardInput {
  links: LinkConfig;
  locale: Locale;
}

function commands(locale: Locale) {
  return facts([
    { title: text('helpCommandStatus', locale), value: text('helpCommandStatusText', locale) },
    { title: text('helpCommandHelp', locale), value: text('helpCommandHelpText', locale) },
  ]);
}

/** What the bot does and which messages it understands. */
export function helpCard(input: HelpCardInput): BuiltCard {
  const { links, locale } = input;
  const body: CardElementArray = [
    heading(text('helpTitle', locale)),
    paragraph(text('helpIntro', locale)),
    commands(locale),
    paragraph(text('helpInChat', locale)),
    paragraph(text('helpPrivacy', locale), { subtle: true }),
  ];
  const summary = plain('helpSummary', locale);
  return {
    card: adaptiveCard(locale, summary, body, [
      openUrl(plain('openApp', locale), tabDeepLink(links, 'home')),
    ]),
    summary,
  };
}

/** The first message after installing: what the app does for you and one first step (the commands are in help). */
export function welcomeCard(input: HelpCardInput & { appName?: string }): BuiltCard {
  const { links, locale } = input;
  const app = input.appName ?? plain('appName', locale);
  const body: CardElementArray = [
    heading(text('welcomeTitle', locale, { app })),
    paragraph(text('welcomeIntro', locale)),
    paragraph(text('welcomeRequest', locale)),
    paragraph(text('welcomePrivacy', locale), { subtle: true }),
    paragraph(text('welcomeFirstStep', locale), { bold: true }),
  ];
  const summary = plain('welcomeSummary', locale);
  return {
    card: adaptiveCard(locale, summary, body, [
      openUrl(plain('welcomeOpen', locale), tabDeepLink(links, 'home'), 'positive'),
    ]),
    summary,
  };
}
