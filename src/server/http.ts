/** The HTTP side: the JSON API's routes (parse, authenticate, run, present), security headers and the tab. */
import { existsSync } from 'node:fs';
import express, { type NextFunction, type Request, type Response } from 'express';
import { errors, formatRegistry, isStorableText, type FormatDef } from '../domain/index.js';
import { authenticate, type Principal } from './auth.js';
import {
  archiveIndex,
  archivedDocument,
  conversationAudit,
  delegate,
  eraseEmployeeData,
  exportOwnData,
  freeSlots,
  getConversationView,
  listConversations,
  meetingConversationView,
  planConversation,
  requestConversation,
  runCommand,
  teamOverview,
  teamVitality,
  type AppContext,
  type PersonCommand,
  employeeYear,
} from '../app/index.js';
import { StaleRevisionError } from '../store/index.js';
import { localMeetingPage } from '../cards/links.js';
import { demoStartUser } from './demo-seed.js';
import { HttpProblem, parse, problemHandler, problems } from './problems.js';
import { rateLimit, sharedRateLimit, SharedRequestCounter, type RateLimit } from './rate-limit.js';
import { roundRoutes } from './round-routes.js';
import { conversationEvents } from './live.js';
import type { Database } from '../store/database.js';
import {
  commandRequestSchema,
  delegationSchema,
  erasureSchema,
  freeSlotsSchema,
  planSchema,
  requestSchema,
  yearQuerySchema,
} from './schemas.js';

/** Hosts allowed to frame the tab: Teams, Outlook and the Microsoft 365 app. */
export const frameAncestors = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.office.com',
  'https://*.microsoft365.com',
];

/** The Content-Security-Policy every answer carries, put together once. */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' https://res.cdn.office.net https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self' https://login.microsoftonline.com https://graph.microsoft.com",
  "font-src 'self' data:",
  "object-src 'none'",
  // The tab shows a filed PDF it fetched with the user's sign-in from a blob: address.
  "frame-src 'self' blob:",
  "base-uri 'self'",
  `frame-ancestors ${frameAncestors.join(' ')}`,
].join('; ');

function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-site');
  next();
}

type Handler = (req: Request, res: Response, principal: Principal) => Promise<unknown>;

/** The JSON of every format, made once: a conversation view carries its format, most of its bytes. */
const formatJson = new Map<FormatDef, string>(formatRegistry.map((f) => [f, JSON.stringify(f)]));
const formatsJson = JSON.stringify({ formats: formatRegistry });

/** A route's result as JSON; a view's format is put in as made once instead of serialized again. */
function toJson(result: unknown): string | undefined {
  const format = (result as { format?: FormatDef } | null)?.format;
  const cached = format && formatJson.get(format);
  if (!cached) return JSON.stringify(result);
  const { format: _format, ...rest } = result as Record<string, unknown>;
  const head = JSON.stringify(rest);
  return head === '{}' ? `{"format":${cached}}` : `${head.slice(0, -1)},"format":${cached}}`;
}

/** Wraps an async route: the result is sent as JSON, errors go to the one problem handler. */
function route(handler: Handler) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const result = await handler(req, res, req.principal as Principal);
      if (!res.headersSent) {
        if (result === undefined) res.json(result);
        else res.type('application/json').send(toJson(result));
      }
    } catch (error) {
      next(error);
    }
  };
}

function requireJson(req: Request, _res: Response, next: NextFunction): void {
  if (['POST', 'PUT', 'PATCH'].includes(req.method) && !req.is('application/json')) {
    next(
      new HttpProblem(415, 'unsupported_media_type', {
        nl: 'Stuur de gegevens als JSON (Content-Type: application/json).',
        en: 'Send the data as JSON (Content-Type: application/json).',
      }),
    );
    return;
  }
  next();
}

/** Keys that would reach an object's prototype when copied (`{ ...answers }`, `target[key] = value`). */
const prototypeKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** The first prototype key anywhere in a parsed JSON body, if any. */
export function prototypeKeyIn(value: unknown, depth = 0): string | undefined {
  if (value === null || typeof value !== 'object' || depth > 64) return undefined;
  for (const key of Object.keys(value)) {
    if (prototypeKeys.has(key)) return key;
    const found = prototypeKeyIn((value as Record<string, unknown>)[key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** What the API needs besides the context: the database that counts requests for the rate limits. */
export interface ApiOptions {
  db?: Pick<Database, 'query'>;
  /** Counts every request against the per-minute budget; made from `db` when not given. */
  requests?: SharedRequestCounter;
}

/** The budget every API request draws from, per person. */
const requestBudget = (ctx: AppContext): RateLimit => ({
  bucket: 'api',
  limit: ctx.config.rateLimits.requestsPerMinute,
  windowSeconds: 60,
});

/** The JSON API under /api (the bot's /api/messages is registered separately by the bot). */
export function apiRouter(
  ctx: AppContext,
  verify?: (token: string) => Promise<Principal>,
  options: ApiOptions = {},
): express.Router {
  const api = express.Router();
  // Conversations, documents and exports are personal: no browser, proxy or shared cache keeps any answer.
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  api.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  api.get('/config', (_req, res) => {
    res.json({
      authMode: ctx.config.authMode,
      ...(ctx.config.entra.clientId
        ? {
            clientId: ctx.config.entra.clientId,
            apiScope: `${ctx.config.entra.audiences.at(-1)}/access_as_user`,
          }
        : {}),
      appName: 'Gesprekscyclus',
      teamsAppId: ctx.config.teamsAppId,
      organisation: ctx.organisationName,
      teamPictureMinimum: ctx.config.teamPictureMinimum,
    });
  });
  if (ctx.config.authMode === 'local') {
    api.get('/demo/users', async (_req, res, next) => {
      try {
        // The team lead with the liveliest team comes first, so the tab opens as someone with something to see.
        const users = await ctx.directory.listUsers();
        res.json({
          users: [
            ...users.filter((u) => u.id === demoStartUser),
            ...users.filter((u) => u.id !== demoStartUser),
          ],
        });
      } catch (error) {
        next(error);
      }
    });
  }

  api.use(authenticate(ctx.config, ctx.directory, verify));
  const limits = ctx.config.rateLimits;
  const requests =
    options.requests ?? (options.db ? new SharedRequestCounter(options.db, requestBudget(ctx)) : undefined);
  if (requests) api.use(sharedRateLimit(requests, requestBudget(ctx), ctx.now));
  api.use(requireJson);
  api.use(express.json({ limit: '256kb', strict: true }));
  // JSON.parse keeps `__proto__` as an own key; copied into an object it would set the prototype instead.
  api.use((req, _res, next) => {
    const key = prototypeKeyIn(req.body);
    next(key ? problems.forbiddenKey(key) : undefined);
  });
  // One guard for every free-text field: text the database cannot keep is refused before any route sees it.
  api.use((req, _res, next) => next(isStorableText(req.body) ? undefined : errors.unstorableText()));

  api.get(
    '/me',
    route(async (_req, _res, { userId }) => {
      const [user, manager, reports, isHr] = await Promise.all([
        ctx.directory.getUser(userId),
        ctx.directory.managerOf(userId),
        ctx.directory.directReports(userId),
        ctx.directory.isHr(userId),
      ]);
      if (!user) throw problems.notInDirectory();
      return {
        user,
        manager: manager ?? null,
        reports,
        isHr,
        isManager: reports.length > 0,
      };
    }),
  );
  api.get(
    '/me/export',
    ...(options.db
      ? [
          rateLimit(
            options.db,
            { bucket: 'export', limit: limits.exportsPerHour, windowSeconds: 3600 },
            ctx.now,
          ),
        ]
      : []),
    route(async (_req, res, { userId }) => {
      const { zip, fileName } = await exportOwnData(ctx, userId);
      res
        .type('application/zip')
        .setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(Buffer.from(zip));
    }),
  );
  api.post(
    '/hr/erasure',
    route(async (req, _res, { userId }) => ({
      removed: await eraseEmployeeData(ctx, userId, parse(erasureSchema, req.body)),
    })),
  );
  api.get('/formats', (_req, res) => {
    res.type('application/json').send(formatsJson);
  });
  api.get(
    '/conversations',
    route(async (_req, _res, { userId }) => ({ items: await listConversations(ctx, userId) })),
  );
  api.post(
    '/conversations',
    route(async (req, res, { userId }) => {
      const view = await planConversation(ctx, userId, parse(planSchema, req.body));
      res.status(201);
      return view;
    }),
  );
  api.post(
    '/conversations/requests',
    route(async (req, res, { userId }) => {
      const view = await requestConversation(ctx, userId, parse(requestSchema, req.body));
      res.status(201);
      return view;
    }),
  );
  api.get(
    '/conversations/:id',
    route(async (req, _res, { userId }) => getConversationView(ctx, userId, String(req.params.id))),
  );
  // The meeting side panel's first request: the conversation of this Teams meeting chat, read as the view above.
  api.get(
    '/meetings/:chatId/conversation',
    route(async (req, _res, { userId }) => meetingConversationView(ctx, userId, String(req.params.chatId))),
  );
  // Live updates for an open page: revision and fingerprint only, authorised like the view (src/server/live.ts).
  api.get('/conversations/:id/events', conversationEvents(ctx));
  api.post(
    '/conversations/:id/commands',
    route(async (req, _res, { userId }) => {
      const { revision, command } = parse(commandRequestSchema, req.body);
      try {
        // Every HTTP command is a person's command as it stands; content shapes are checked by the domain.
        const input: PersonCommand = command;
        return await runCommand(ctx, userId, String(req.params.id), input, revision);
      } catch (error) {
        // A stale edit gets what is stored now, so the tab can offer a merge instead of losing either side.
        if (error instanceof StaleRevisionError) {
          throw new HttpProblem(409, error.code, error.text, {
            current: await getConversationView(ctx, userId, String(req.params.id)),
          });
        }
        throw error;
      }
    }),
  );
  api.get(
    '/conversations/:id/audit',
    route(async (req, _res, { userId }) => ({
      entries: await conversationAudit(ctx, userId, String(req.params.id)),
    })),
  );
  api.get(
    '/conversations/:id/document',
    route(async (req, res, { userId }) => {
      const { pdf, fileName } = await archivedDocument(ctx, userId, String(req.params.id));
      res
        .type('application/pdf')
        .setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(Buffer.from(pdf));
    }),
  );
  api.get(
    '/team',
    route(async (_req, _res, { userId }) => ({ members: await teamOverview(ctx, userId) })),
  );
  api.get(
    '/people/:id/year',
    route(async (req, _res, { userId }) => {
      const { year } = parse(yearQuerySchema, req.query);
      return employeeYear(ctx, userId, String(req.params.id), year ?? ctx.now().getUTCFullYear());
    }),
  );
  api.get(
    '/team/vitality',
    route(async (_req, _res, { userId }) => teamVitality(ctx, userId)),
  );
  api.get(
    '/archive',
    route(async (_req, _res, { userId }) => ({ items: await archiveIndex(ctx, userId) })),
  );
  api.post(
    '/calendar/free-slots',
    route(async (req, _res, { userId }) => ({
      slots: await freeSlots(ctx, userId, parse(freeSlotsSchema, req.body)),
    })),
  );
  api.post(
    '/delegations',
    route(async (req, res, { userId }) => {
      await delegate(ctx, userId, parse(delegationSchema, req.body));
      res.status(201);
      return { ok: true };
    }),
  );
  roundRoutes(ctx, api);
  api.use((_req, _res, next) => next(problems.notFound()));
  return api;
}

/** The Express app: security headers, the API, the tab's static files. The bot adds /api/messages. */
export function createHttpApp(
  ctx: AppContext,
  options: { tabDir: string; outlookDir: string },
): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Every API answer is no-store, so no client ever asks again with an ETag: hashing each body was work for nothing.
  // (The tab's static files keep theirs: express.static makes its own.)
  app.disable('etag');
  app.set('trust proxy', 1);
  app.use(securityHeaders);
  app.get('/', (_req, res) => res.redirect('/tabs/home/'));
  // The local calendar's join links: the tab's page that says this is where the Teams meeting would open.
  if (ctx.config.microsoft365 === 'local')
    app.get('/meeting/:eventId', (req, res) => {
      const user = typeof req.query.user === 'string' ? req.query.user : undefined;
      res.redirect(localMeetingPage(String(req.params.eventId), user));
    });
  if (existsSync(options.tabDir))
    app.use('/tabs/home', express.static(options.tabDir, { index: 'index.html', maxAge: '1h' }));
  if (existsSync(options.outlookDir))
    app.use('/outlook', express.static(options.outlookDir, { index: 'index.html', maxAge: '1h' }));
  return app;
}

/**
 * Mounts the API and the final error handler (after the bot registered its route). The answer's `close` adds the
 * request counts not yet in the database, for a graceful stop.
 */
export function finishHttpApp(
  app: express.Express,
  ctx: AppContext,
  verify?: (token: string) => Promise<Principal>,
  options: ApiOptions = {},
): { close(): Promise<void> } {
  const requests = options.db ? new SharedRequestCounter(options.db, requestBudget(ctx)) : undefined;
  app.use('/api', apiRouter(ctx, verify, { ...options, ...(requests ? { requests } : {}) }));
  app.use(problemHandler((error) => console.error(error)));
  return { close: async () => requests?.close() };
}
