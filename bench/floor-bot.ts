/**
 * The card decision's floor: a bare Teams SDK v2 app (`@microsoft/teams.apps` on Express, as the product mounts it)
 * answering every `adaptiveCard/action` invoke with one static card read from `BENCH_FLOOR_CARD` (a file holding
 * the card the real app answered, so both send the same bytes). No database, no directory, no command.
 * `GET /floor/cpu` reads this process's CPU time (microseconds). Prints `READY <url>` once it listens.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AdaptiveCardActionResponse } from '@microsoft/teams.api';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { App, ExpressAdapter } from '@microsoft/teams.apps';
import express from 'express';

async function main(): Promise<void> {
  const cardFile = process.env.BENCH_FLOOR_CARD;
  if (!cardFile) throw new Error('BENCH_FLOOR_CARD must name the file with the card to answer');
  const card = JSON.parse(readFileSync(cardFile, 'utf8')) as IAdaptiveCard;
  const http = express();
  const app = new App({
    httpServerAdapter: new ExpressAdapter(http),
    // The product's local mode: activities without a Bot Framework token are taken.
    dangerouslyAllowUnauthenticatedRequests: true,
    messagingEndpoint: '/api/messages',
  });
  app.on('card.action', async (): Promise<AdaptiveCardActionResponse> => ({
    statusCode: 200,
    type: 'application/vnd.microsoft.card.adaptive',
    value: card,
  }));
  await app.initialize();
  http.get('/floor/cpu', (_req, res) => {
    res.json(process.cpuUsage());
  });
  const server = await new Promise<Server>((resolve) => {
    const s = http.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`READY http://127.0.0.1:${port}\n`);
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
