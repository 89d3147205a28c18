/**
 * In local mode the bot takes unsigned activities (Agents Playground) and answers at the activity's service URL.
 * It ignores every activity whose service URL is not the configured one, so nobody who reaches /api/messages can
 * make it post to an address of their choosing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server as HttpServer } from 'node:http';
import { eventually, startTestServer } from '../support/server.js';

interface Connector {
  server: HttpServer;
  url: string;
  received: string[];
}

async function connector(): Promise<Connector> {
  const received: string[] = [];
  const server = createServer((req, res) => {
    received.push(`${req.method} ${req.url}`);
    req.resume();
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ id: `reply-${received.length}` }));
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    }),
  );
  return { server, url: `http://localhost:${port}/_connector`, received };
}

let configured: Connector;
let foreign: Connector;
let app: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  configured = await connector();
  foreign = await connector();
  app = await startTestServer({
    workers: false,
    env: { BOT_ID: 'playground-bot', BOT_SERVICE_URL: configured.url, PLAYGROUND_USER: 'fatima' },
  });
});

afterAll(async () => {
  await app?.stop();
  for (const c of [configured, foreign]) {
    c?.server.closeAllConnections();
    await new Promise((resolve) => c?.server.close(resolve));
  }
});

let sequence = 0;
async function message(serviceUrl: string): Promise<number> {
  sequence += 1;
  const response = await fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: `activity-${sequence}`,
      text: 'help',
      channelId: 'msteams',
      serviceUrl,
      timestamp: new Date().toISOString(),
      from: { id: '29:fatima', aadObjectId: 'fatima', name: 'Fatima' },
      recipient: { id: '28:playground-bot', name: 'Gesprekken' },
      conversation: { id: 'a:chat-fatima', conversationType: 'personal', tenantId: 'tenant-1' },
    }),
  });
  await response.text();
  return response.status;
}

describe('the bot in local mode', () => {
  it('answers an activity from the configured service URL', async () => {
    expect(await message(configured.url)).toBeLessThan(300);
    await eventually(
      async () => configured.received.length > 0,
      10_000,
      'a reply at the configured connector',
    );
    expect(configured.received[0]).toMatch(/^POST \/_connector\/v3\/conversations\//);
  });

  it('ignores an activity from any other service URL: nothing is sent there, or anywhere', async () => {
    const before = configured.received.length;
    expect(await message(foreign.url)).toBeLessThan(300);
    expect(await message(`${configured.url.replace('/_connector', '')}/elsewhere`)).toBeLessThan(300);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(foreign.received).toEqual([]);
    expect(configured.received.length).toBe(before);
  });
});
