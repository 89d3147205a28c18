/** Mounts the Teams bot on the shared Express app, so bot, API and tab share one server. */
import type express from 'express';
import { createBot } from '../bot/bot.js';
import type { AppContext } from '../app/index.js';

/**
 * A well-formed but unsigned JWT: Microsoft 365 Agents Playground accepts any token for proactive messages,
 * and only a local configuration ever talks to the Playground.
 */
const playgroundToken = 'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJhdWQiOiJwbGF5Z3JvdW5kIn0.c2lnbmF0dXJl';

/**
 * Registers the bot on the shared Express app (`/api/messages`). With a bot id configured, proactive
 * messages go through Teams (or the Playground in local mode); otherwise the local messenger records them.
 */
export async function mountBot(ctx: AppContext, http: express.Express): Promise<void> {
  const serviceUrl = ctx.config.bot.serviceUrl;
  const local = ctx.config.authMode === 'local';
  const bot = await createBot(ctx, http, {
    serviceUrl,
    ...(local && serviceUrl.startsWith('http://localhost') ? { token: () => playgroundToken } : {}),
  });
  if (bot.messenger) ctx.messenger = bot.messenger;
}
