/**
 * The real app for the floor bench, as `bench/serve.ts` runs it with the bot mounted, plus two routes of the bench's
 * own on the same Express app, database pool and auth middleware:
 * - `GET /floor/cpu`: this process's CPU time so far (`process.cpuUsage()`, all threads), in microseconds;
 * - `POST /floor/save/:id`: the autosave floor — the signed-in person's answers merged into the conversation's
 *   preparation by one `UPDATE … RETURNING` on the same row the real `save-preparation` writes, and nothing else.
 * - `GET /floor/queries`: statements sent to PostgreSQL so far (every `pg` client's `query`, pooled or in a
 *   transaction), so the bench can say how many a request costs;
 * - with `BENCH_FLOOR_PROFILE` (a directory), `POST /floor/profile/start` and `POST /floor/profile/stop/:name`: a V8
 *   CPU profile and a sampled allocation profile of just the measured part, written there as `<name>.cpuprofile`
 *   and `<name>.heapprofile` (both open in Chrome DevTools).
 * Prints `READY <url>` on stdout once it listens; SIGTERM stops it gracefully.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import express from 'express';
import pg from 'pg';
import { startApp, type RunningApp, type StartOptions } from '../src/server/app.js';
import { authenticate } from '../src/server/auth.js';
import { loadConfig } from '../src/server/config.js';
import { serveForBench } from './child.js';

/** Counts every statement any `pg` client sends; pooled queries and transactions both end up here. */
let statements = 0;
const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
  statements += 1;
  return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof clientQuery;

async function main(): Promise<RunningApp> {
  const config = loadConfig();
  const mountBot: StartOptions['mountBot'] = async (ctx, http) => {
    const { mountBot: mountProductBot } = await import('../src/server/bot-mount.js');
    await mountProductBot(ctx, http);
    http.get('/floor/cpu', (_req, res) => {
      res.json(process.cpuUsage());
    });
    http.get('/floor/queries', (_req, res) => {
      res.json({ statements });
    });
    const profileDir = process.env.BENCH_FLOOR_PROFILE;
    if (profileDir) {
      const session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      http.post('/floor/profile/start', async (_req, res) => {
        await session.post('Profiler.start');
        await session.post('HeapProfiler.startSampling', {
          samplingInterval: 16_384,
          // Everything allocated, not only what is still alive when the profile stops.
          includeObjectsCollectedByMajorGC: true,
          includeObjectsCollectedByMinorGC: true,
        });
        res.json({ ok: true });
      });
      http.post('/floor/profile/stop/:name', async (req, res) => {
        const { profile } = await session.post('Profiler.stop');
        const { profile: allocations } = await session.post('HeapProfiler.stopSampling');
        const name = String(req.params.name);
        writeFileSync(join(profileDir, `${name}.cpuprofile`), JSON.stringify(profile));
        writeFileSync(join(profileDir, `${name}.heapprofile`), JSON.stringify(allocations));
        res.json({ ok: true });
      });
    }
    http.post(
      '/floor/save/:id',
      authenticate(ctx.config, ctx.directory),
      express.json({ limit: '256kb', strict: true }),
      async (req, res, next) => {
        try {
          const body = req.body as { answers?: Record<string, unknown> };
          const { rows } = await ctx.store.executor.query<{ revision: number }>(
            `UPDATE conversations SET data = jsonb_set(data, '{preparation}', COALESCE(data->'preparation', '{}'::jsonb) || $2::jsonb),
               updated_at = now(), revision = revision + 1 WHERE id = $1 RETURNING revision`,
            [String(req.params.id), JSON.stringify(body.answers ?? {})],
          );
          if (!rows[0]) res.status(404).json({ error: 'not_found' });
          else res.json({ revision: rows[0].revision });
        } catch (error) {
          next(error);
        }
      },
    );
  };
  return startApp(config, { mountBot });
}

serveForBench(main);
