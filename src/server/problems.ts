/** HTTP problems (application/problem+json): domain refusals and bad requests as 4xx a person can act on. */
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { DomainError, toLocale, type LocalizedText } from '../domain/index.js';

/** Statuses for domain refusals. */
const statusByKind: Record<DomainError['kind'], number> = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'illegal-transition': 409,
};

/** An HTTP-level refusal (authentication, body parsing) with a message in both languages. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: LocalizedText,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(text.en);
  }
}

export const problems = {
  /** The same answer for every failed check: which one failed is logged, never told to the caller. */
  unauthenticated: () =>
    new HttpProblem(401, 'unauthenticated', {
      nl: 'Je bent niet (meer) aangemeld. Meld je opnieuw aan.',
      en: 'You are not signed in (any more). Please sign in again.',
    }),
  guest: () =>
    new HttpProblem(403, 'guest_account', {
      nl: 'Gesprekscyclus is er alleen voor medewerkers van de organisatie. Met een gastaccount kun je het niet gebruiken.',
      en: "Gesprekscyclus is only for the organisation's own staff. It cannot be used with a guest account.",
    }),
  notInDirectory: () =>
    new HttpProblem(403, 'not_in_directory', {
      nl: 'Je account staat niet in de medewerkerslijst van de organisatie. Vraag je beheerder of HR om je toe te voegen.',
      en: "Your account is not in the organisation's staff directory. Ask your administrator or HR to add you.",
    }),
  malformedPath: () =>
    new HttpProblem(400, 'malformed_path', {
      nl: 'Dit adres is niet geldig.',
      en: 'This address is not valid.',
    }),
  forbiddenKey: (key: string) =>
    new HttpProblem(
      400,
      'forbidden_key',
      {
        nl: 'De gegevens bevatten een veldnaam die niet is toegestaan.',
        en: 'The data contains a field name that is not allowed.',
      },
      { key },
    ),
  rateLimited: (retryAfterSeconds: number) =>
    new HttpProblem(
      429,
      'rate_limited',
      {
        nl: 'Dit waren te veel verzoeken kort na elkaar. Wacht even en probeer het dan opnieuw.',
        en: 'Too many requests in a short time. Wait a moment and try again.',
      },
      { retryAfterSeconds },
    ),
  validation: (error: z.ZodError) =>
    new HttpProblem(
      400,
      'validation_failed',
      {
        nl: 'De gegevens zijn niet compleet of niet geldig. Controleer de gemarkeerde velden.',
        en: 'The data is incomplete or invalid. Check the marked fields.',
      },
      { errors: error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message })) },
    ),
  notFound: () =>
    new HttpProblem(404, 'not_found', { nl: 'Deze pagina bestaat niet.', en: 'This page does not exist.' }),
};

/** Parses a request part with a zod schema, or answers 400 with every problem listed. */
export function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw problems.validation(result.error);
  return result.data;
}

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

/**
 * The one error handler: every refusal becomes `application/problem+json` with a message in the caller's
 * language; anything unexpected is logged and answered without internals.
 */
export function problemHandler(log: (error: unknown) => void) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const locale = toLocale(req.headers['accept-language']);
    const send = (status: number, code: string, text: LocalizedText, extra: Record<string, unknown> = {}) => {
      res
        .status(status)
        .type('application/problem+json')
        .send(
          JSON.stringify({
            type: `https://gesprekscyclus.app/problems/${code}`,
            title: text.en,
            status,
            detail: text[locale],
            code,
            ...extra,
          }),
        );
    };
    if (error instanceof DomainError) {
      send(statusByKind[error.kind], error.code, error.text, error.details ? { details: error.details } : {});
      return;
    }
    if (error instanceof HttpProblem) {
      if (error.status === 429 && typeof error.extra.retryAfterSeconds === 'number')
        res.setHeader('Retry-After', String(error.extra.retryAfterSeconds));
      send(error.status, error.code, error.text, error.extra);
      return;
    }
    // Express decodes path parameters with decodeURIComponent: a malformed escape (`%E0%A4%A`) is the caller's.
    if (error instanceof URIError) {
      const problem = problems.malformedPath();
      send(problem.status, problem.code, problem.text);
      return;
    }
    const bodyError = error as BodyParserError;
    if (bodyError.type === 'entity.too.large') {
      send(413, 'payload_too_large', {
        nl: 'Dit is te veel tekst in één keer. Maak het korter of verdeel het.',
        en: 'Too much text at once. Shorten or split it.',
      });
      return;
    }
    if (
      bodyError.type === 'entity.parse.failed' ||
      bodyError.type === 'encoding.unsupported' ||
      bodyError.type === 'charset.unsupported'
    ) {
      send(400, 'malformed_json', {
        nl: 'Het verzoek is geen geldige JSON.',
        en: 'The request is not valid JSON.',
      });
      return;
    }
    log(error);
    send(500, 'internal', {
      nl: 'Er ging iets mis aan onze kant. Je wijzigingen zijn niet verloren; probeer het zo opnieuw.',
      en: 'Something went wrong on our side. Your changes are not lost; try again shortly.',
    });
  };
}
