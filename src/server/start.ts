/** Start-up as `npm start` does it, shared by the entry point and the tests that start a production configuration. */
import type { JWTVerifyGetKey } from 'jose';
import { startApp, type RunningApp } from './app.js';
import { mountBot } from './bot-mount.js';
import type { Config } from './config.js';
import { microsoft365Adapters, type Microsoft365Options } from './microsoft365.js';

export interface ServerOptions {
  /** Stand-ins for Microsoft 365 (tests: the fake Graph and an on-behalf-of stub). */
  microsoft365?: Microsoft365Options;
  /** The keys Entra tokens are checked against; the tenant's published key set otherwise. */
  keys?: JWTVerifyGetKey;
}

/**
 * Starts the server from a checked configuration: Microsoft Graph behind every port in a tenant (the SharePoint
 * site and libraries resolved first), the local implementations otherwise; the bot on /api/messages.
 */
export async function startServer(config: Config, options: ServerOptions = {}): Promise<RunningApp> {
  const overrides =
    config.microsoft365 === 'graph' ? await microsoft365Adapters(config, options.microsoft365) : {};
  return startApp(config, { overrides, mountBot, ...(options.keys ? { keys: options.keys } : {}) });
}
