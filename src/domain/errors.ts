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
        nl: `Je besluit ging over versie ${given}, maar versie ${current} is nu de actuele versie. Bekijk de nieuwe versie en beslis opnieuw.`,
        en: `Your decision was about version ${given}, but version ${current} is now current. Review the new version and decide again.`,
      },
      { given, current },
    ),
  alreadyDecided: (version: number) =>
    new DomainError(
      'conflict',
      'already_decided',
      {
        nl: `Je hebt al een besluit genomen over versie ${version}.`,
        en: `You have already decided on version ${version}.`,
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
            ? 'A remark is required with "seen": it is printed in the document.'
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
