/**
 * Runs the real app (`startApp`) as its own process for the bench and the crash tests, so the load generator
 * and the server do not share an event loop. Settings come from the usual environment (`loadConfig`), plus:
 * - `BENCH_BOT=1`: mounts the Teams bot on `/api/messages` as `npm start` does (`src/server/bot-mount.ts`);
 * - `BENCH_CONNECTOR_URL`: sends chat messages through the real `TeamsMessenger` to this Bot Connector
 *   (a fake one on loopback) instead of the local outbox file, paced by the per-app pace in the database that
 *   every instance on it shares (`BENCH_APP_RATE` per second, default Teams' 47; `BENCH_SHARED_PACE=0`: this
 *   process paces alone, as before the shared pace); a post whose answer was lost is looked for in the chat
 *   through the fake's Graph (`GraphChatHistory`) before it is sent again, as in production; `BENCH_INSTANCE`
 *   names this instance in the path of every post, so the fake can tell the instances apart.
 * Prints `READY <url>` on stdout once it listens; SIGTERM stops it gracefully.
 */
import { App } from '@microsoft/teams.apps';
import { sdkConnector, TeamsMessenger, teamsPace, type Connector } from '../src/bot/teams-messenger.js';
import { TeamsAppInstaller } from '../src/graph/app-installer.js';
import { GraphChatHistory } from '../src/graph/chat-history.js';
import { createGraphClient } from '../src/graph/client.js';
import { startApp, type RunningApp, type StartOptions } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { serveForBench } from './child.js';
import { benchBotToken } from './bot-token.js';

async function main(): Promise<RunningApp> {
  const config = loadConfig();
  const connectorUrl = process.env.BENCH_CONNECTOR_URL;
  const mountBot: StartOptions['mountBot'] = async (ctx, http) => {
    if (process.env.BENCH_BOT === '1') {
      // The product's own wiring, as `npm start` mounts it.
      const { mountBot: mountProductBot } = await import('../src/server/bot-mount.js');
      await mountProductBot(ctx, http);
    }
    if (connectorUrl) {
      const teams = new App({ clientId: 'bench-bot', token: () => benchBotToken, serviceUrl: connectorUrl });
      // Set before the workers start, so every notification goes through Teams' pacing.
      ctx.messenger = new TeamsMessenger({
        connector: named(sdkConnector(teams), process.env.BENCH_INSTANCE),
        store: ctx.store,
        serviceUrl: connectorUrl,
        tenantId: 'bench-tenant',
        history: benchChatHistory(connectorUrl),
        ...(process.env.BENCH_SHARED_PACE === '0'
          ? {}
          : {
              sharedPace: teamsPace(
                ctx.store.executor,
                'bench-tenant',
                process.env.BENCH_APP_RATE ? Number(process.env.BENCH_APP_RATE) : undefined,
              ),
            }),
      });
    }
  };
  return startApp(config, { mountBot });
}

/**
 * The connector with this instance's name in every chat's service URL (`…/teams/<name>/`), so the fake connector
 * can tell the instances' posts apart; the product's connector is left as it is.
 */
function named(connector: Connector, name: string | undefined): Connector {
  if (!name) return connector;
  const at = (serviceUrl: string) => `${serviceUrl.replace(/\/?$/, '/')}${name}/`;
  return {
    createActivity: (serviceUrl, ...rest) => connector.createActivity(at(serviceUrl), ...rest),
    updateActivity: (serviceUrl, ...rest) => connector.updateActivity(at(serviceUrl), ...rest),
    createPersonalChat: (serviceUrl, ...rest) => connector.createPersonalChat(at(serviceUrl), ...rest),
  };
}

/** The product's Graph read-back, pointed at the fake connector's Graph (the same messages it took). */
function benchChatHistory(connectorUrl: string): GraphChatHistory {
  const client = createGraphClient({
    authProvider: { getAccessToken: async () => benchBotToken },
    baseUrl: connectorUrl.replace(/\/teams\/?$/, '/graph'),
  });
  return new GraphChatHistory({ client, chats: new TeamsAppInstaller({ client, teamsAppId: 'bench-app' }) });
}

serveForBench(main);
