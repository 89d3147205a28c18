/**
 * The task pane's texts: Dutch first, English alongside. The pane picks one by Outlook's display language.
 */
import type { Locale, LocalizedText } from '../domain/text.js';

const t = (nl: string, en: string): LocalizedText => ({ nl, en });

export const texts = {
  title: t('Gesprek plannen', 'Plan a conversation'),
  intro: t(
    'Kies een medewerker en het soort gesprek. De afspraak wordt ingevuld en de medewerker krijgt een uitnodiging om het gesprek voor te bereiden.',
    'Choose an employee and the kind of conversation. The appointment is filled in and the employee is invited to prepare the conversation.',
  ),
  employee: t('Medewerker', 'Employee'),
  chooseEmployee: t('Kies een medewerker', 'Choose an employee'),
  type: t('Soort gesprek', 'Kind of conversation'),
  duration: t('Duur', 'Duration'),
  minutes: t('minuten', 'minutes'),
  slots: t('Voorgestelde tijden', 'Proposed times'),
  slotsFromCalendar: t(
    'Vrije tijden in de agenda’s van jullie beiden.',
    'Free times in both your calendars.',
  ),
  slotsFromHours: t(
    'Tijden binnen kantooruren zonder andere geplande gesprekken; de agenda’s zelf zijn niet bekeken.',
    'Times within office hours without other planned conversations; the calendars themselves were not checked.',
  ),
  noSlots: t(
    'Geen vrije tijden gevonden in de komende twee weken.',
    'No free times found in the next two weeks.',
  ),
  plan: t('Afspraak invullen en gesprek plannen', 'Fill in the appointment and plan the conversation'),
  planning: t('Bezig met plannen…', 'Planning…'),
  planned: t(
    'Het gesprek is gepland. Controleer de afspraak en klik op Verzenden; de medewerker krijgt ook een bericht van de bot.',
    'The conversation is planned. Check the appointment and click Send; the employee also gets a message from the bot.',
  ),
  loading: t('Gegevens laden…', 'Loading…'),
  noReports: t(
    'Je hebt geen medewerkers in de organisatiegegevens. Alleen een leidinggevende kan hier een gesprek plannen.',
    'You have no employees in the directory. Only a manager can plan a conversation here.',
  ),
  loadFailed: t('De gegevens konden niet worden geladen', 'The data could not be loaded'),
  planFailed: t('Het gesprek is niet gepland', 'The conversation was not planned'),
  nothingChanged: t('Er is niets aan de afspraak veranderd.', 'Nothing in the appointment was changed.'),
  readFailed: t('De afspraak kon niet worden gelezen.', 'The appointment could not be read.'),
  writeFailed: t(
    'De afspraak kon niet worden ingevuld. De afspraak is teruggezet en het gesprek is weer geannuleerd.',
    'The appointment could not be filled in. It was put back as it was and the conversation was cancelled again.',
  ),
  writeFailedPartly: t(
    'De afspraak kon niet worden ingevuld en niet helemaal worden teruggezet. Controleer onderwerp, tekst, deelnemers en tijden.',
    'The appointment could not be filled in and not fully put back. Check subject, text, attendees and times.',
  ),
  noOffice: t(
    'Dit venster werkt alleen in Outlook, als invoegtoepassing bij een nieuwe afspraak. Open een nieuwe afspraak in Outlook en kies "Gesprek plannen".',
    'This pane only works inside Outlook, as an add-in on a new appointment. Open a new appointment in Outlook and choose "Plan conversation".',
  ),
  noItem: t(
    'Open een nieuwe afspraak om een gesprek te plannen.',
    'Open a new appointment to plan a conversation.',
  ),
  signInFailed: t('Aanmelden is niet gelukt', 'Signing in failed'),
  demoUser: t('Demo-gebruiker (lokaal)', 'Demo user (local)'),
  bodyGreeting: t('Beste {name},', 'Dear {name},'),
  bodyInvite: t(
    'Ik nodig je uit voor een {type}. Bereid het gesprek voor in het format; daar vind je ook wat we de vorige keer hebben afgesproken.',
    'I invite you to a {type}. Please prepare the conversation in the format; it also shows what we agreed last time.',
  ),
  bodyLink: t('Format openen', 'Open the form'),
  cancelReason: t(
    'De afspraak in Outlook kon niet worden ingevuld.',
    'The appointment in Outlook could not be filled in.',
  ),
} satisfies Record<string, LocalizedText>;

export type TextKey = keyof typeof texts;

/** A text in one language, with `{name}` parameters filled in. */
export function say(locale: Locale, key: TextKey, params: Record<string, string> = {}): string {
  return texts[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
