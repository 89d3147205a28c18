/**
 * The routes of rounds (docs/api.md): thin — parse, then the use case, which authorises against the directory.
 */
import type express from 'express';
import type { NextFunction, Request, Response } from 'express';
import {
  cancelRound,
  changeRoundPeriod,
  roundDetail,
  roundsOverview,
  startRound,
  type AppContext,
} from '../app/index.js';
import type { Principal } from './auth.js';
import { parse } from './problems.js';
import { changeRoundSchema, startRoundSchema } from './schemas.js';

type Handler = (req: Request, res: Response, userId: string) => Promise<unknown>;

function route(handler: Handler) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const result = await handler(req, res, (req.principal as Principal).userId);
      if (!res.headersSent) res.json(result);
    } catch (error) {
      next(error);
    }
  };
}

/** Adds `/rounds` to the API router (after authentication and body checks). */
export function roundRoutes(ctx: AppContext, api: express.Router): void {
  api.get(
    '/rounds',
    route(async (_req, _res, userId) => roundsOverview(ctx, userId)),
  );
  api.post(
    '/rounds',
    route(async (req, res, userId) => {
      const round = await startRound(ctx, userId, parse(startRoundSchema, req.body));
      res.status(201);
      return roundDetail(ctx, userId, round.id);
    }),
  );
  api.get(
    '/rounds/:id',
    route(async (req, _res, userId) => roundDetail(ctx, userId, String(req.params.id))),
  );
  api.patch(
    '/rounds/:id',
    route(async (req, _res, userId) => {
      const { period } = parse(changeRoundSchema, req.body);
      await changeRoundPeriod(ctx, userId, String(req.params.id), period);
      return roundDetail(ctx, userId, String(req.params.id));
    }),
  );
  api.post(
    '/rounds/:id/cancel',
    route(async (req, _res, userId) => {
      await cancelRound(ctx, userId, String(req.params.id));
      return roundDetail(ctx, userId, String(req.params.id));
    }),
  );
}
