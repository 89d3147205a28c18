/** Domain refusals: a stable code, a kind the HTTP layer maps to a status, and a message in Dutch and English. */
import type { LocalizedText } from './text.js';

/** Why a domain rule refused a request; the HTTP layer maps each kind to a status code. */
export type DomainErrorKind = 'invalid' | 'forbidden' | 'not-found' | 'conflict' | 'illegal-transition';

/** A refusal with a stable code and a message a person can act on, in Dutch and English. */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    readonly text: LocalizedText,
    readonly details?: Record<string, unknown>,
  ) {
    super(text.en);
    this.name = 'DomainError';
  }
}

export const errors = {
  illegalTransition: (command: string, stage: string) =>
    new DomainError(
      'illegal-transition',
      'illegal_transition',
      {
        nl: `Dit kan nu niet: "${command}" is niet mogelijk in de fase "${stage}".`,
        en: `Not possible now: "${command}" is not allowed in stage "${stage}".`,
      },
      { command, stage },
    ),
  forbidden: (command: string) =>
    new DomainError(
      'forbidden',
      'forbidden',
      {
        nl: 'Je hebt geen rechten voor deze actie in dit gesprek.',
        en: 'You are not allowed to do this in this conversation.',
      },
      { command },
    ),
  notFound: () =>
    new DomainError('not-found', 'not_found', {
      nl: 'Dit gesprek bestaat niet of je hebt er geen toegang toe.',
      en: 'This conversation does not exist or you have no access to it.',
    }),
  staleVersion: (given: number, current: number) =>
    new DomainError(
      'conflict',
      'stale_version',
      {
        nl: `Je reactie ging over versie ${given}, maar versie ${current} is nu de actuele versie. Bekijk de nieuwe versie en geef opnieuw je reactie.`,
        en: `Your response was about version ${given}, but version ${current} is now current. Review the new version and respond again.`,
      },
      { given, current },
    ),
  alreadyDecided: (version: number) =>
    new DomainError(
      'conflict',
      'already_decided',
      {
        nl: `Je hebt al gereageerd op versie ${version}.`,
        en: `You have already responded to version ${version}.`,
      },
      { version },
    ),
  commentRequired: (decision: string) =>
    new DomainError(
      'invalid',
      'comment_required',
      {
        nl:
          decision === 'voor_gezien'
            ? 'Bij "voor gezien" is een opmerking verplicht: die komt in het document te staan.'
            : 'Bij "niet akkoord" is een toelichting verplicht, zodat de ander weet wat er anders moet.',
        en:
          decision === 'voor_gezien'
            ? 'A remark is required with "acknowledged (not agreed)": it is printed in the document.'
            : 'A comment is required with "not agreed", so the other person knows what to change.',
      },
      { decision },
    ),
  decisionNotAllowed: (decision: string) =>
    new DomainError(
      'invalid',
      'decision_not_allowed',
      {
        nl: 'Als leidinggevende kies je "akkoord" of "niet akkoord".',
        en: 'As the manager you choose "agreed" or "not agreed".',
      },
      { decision },
    ),
  incomplete: (missing: string[]) =>
    new DomainError(
      'invalid',
      'incomplete',
      {
        nl: `Nog niet alles is ingevuld. Vul eerst in: ${missing.join(', ')}.`,
        en: `Not everything is filled in yet. First complete: ${missing.join(', ')}.`,
      },
      { missing },
    ),
  invalidAnswers: (issues: string[]) =>
    new DomainError(
      'invalid',
      'invalid_answers',
      {
        nl: `Deze antwoorden passen niet bij het format: ${issues.join('; ')}.`,
        en: `These answers do not fit the format: ${issues.join('; ')}.`,
      },
      { issues },
    ),
  invalidSchedule: () =>
    new DomainError('invalid', 'invalid_schedule', {
      nl: 'Het eindtijdstip moet na het begintijdstip liggen.',
      en: 'The end time must be after the start time.',
    }),
  unstorableText: () =>
    new DomainError('invalid', 'invalid_text', {
      nl: 'De tekst bevat onleesbare tekens (bijvoorbeeld een half emoji-teken of een nul-teken). Plak de tekst opnieuw of typ hem over.',
      en: 'The text contains unreadable characters (for example half an emoji or a null character). Paste or type the text again.',
    }),
  startInPast: () =>
    new DomainError('invalid', 'start_in_past', {
      nl: 'Dit tijdstip ligt in het verleden. Kies een begintijd vanaf nu.',
      en: 'This time is in the past. Choose a start from now on.',
    }),
  alreadyOpen: (conversationId: string, stage: string, requested: boolean) =>
    new DomainError(
      'conflict',
      'already_open',
      requested
        ? {
            nl: 'Deze medewerker heeft zelf al om dit gesprek gevraagd. Plan het gesprek vanuit die aanvraag.',
            en: 'This employee has already asked for this conversation. Plan it from that request.',
          }
        : {
            nl: 'Er loopt al een gesprek van deze soort met deze medewerker. Rond dat eerst af of annuleer het.',
            en: 'A conversation of this type with this employee is already open. Finish or cancel it first.',
          },
      { conversationId, stage },
    ),
  authorSigned: () =>
    new DomainError('forbidden', 'author_signed', {
      nl: 'Je hebt dit verslag zelf geschreven en ondertekend door het aan te bieden. Je leidinggevende ondertekent mee.',
      en: 'You wrote this report and signed it by offering it. Your manager co-signs it.',
    }),
  textTooLong: (field: string, max: number) =>
    new DomainError(
      'invalid',
      'text_too_long',
      {
        nl: `Deze tekst is te lang: maximaal ${max} tekens. Kort hem in; er is nog niets verstuurd.`,
        en: `This text is too long: at most ${max} characters. Please shorten it; nothing has been sent yet.`,
      },
      { field, max },
    ),
  blankText: (field: string) =>
    new DomainError(
      'invalid',
      'blank_text',
      {
        nl: 'Vul hier tekst in: alleen spaties worden niet bewaard.',
        en: 'Please enter some text here: spaces alone are not saved.',
      },
      { field },
    ),
  invalidFollowUp: () =>
    new DomainError('invalid', 'invalid_follow_up', {
      nl: 'Kies per afspraak: gedaan, loopt, niet gelukt of vervallen.',
      en: 'Choose for each agreement: done, in progress, did not work out or no longer relevant.',
    }),
  invalidPop: () =>
    new DomainError('invalid', 'invalid_pop', {
      nl: 'Het persoonlijk ontwikkelingsplan is niet volledig: geef per onderdeel een doel, acties, wie en een status (datum als JJJJ-MM-DD).',
      en: 'The personal development plan is incomplete: give each item a goal, actions, who and a status (date as YYYY-MM-DD).',
    }),
  emptyPop: () =>
    new DomainError('invalid', 'empty_pop', {
      nl: 'Voeg minstens één onderdeel toe aan je persoonlijk ontwikkelingsplan.',
      en: 'Add at least one item to your personal development plan.',
    }),
  invalidEvaluation: () =>
    new DomainError('invalid', 'invalid_evaluation', {
      nl: 'De evaluatie is niet volledig: kies per onderdeel een status en schrijf een terugblik.',
      en: 'The evaluation is incomplete: choose a status per item and write a look back.',
    }),
  notYourReport: (employeeId: string) =>
    new DomainError(
      'forbidden',
      'not_your_report',
      {
        nl: 'Je kunt alleen gesprekken plannen met medewerkers die direct aan jou rapporteren.',
        en: 'You can only plan conversations with employees who report directly to you.',
      },
      { employeeId },
    ),
};
