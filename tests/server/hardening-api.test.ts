/**
 * Hardening of the API found by a probe: personal answers are never cached, exports and requests are limited per
 * person in the database (so the limit holds across instances and restarts), a malformed percent-encoding is the
 * caller's error, and an `answers` object with a `__proto__` key is refused instead of saved as nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConversation } from '../support/cycle.js';
import { as, startTestServer } from '../support/server.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('API hardening', () => {
  let server: Server;
  let conversationId: string;

  beforeAll(async () => {
    server = await startTestServer({ bot: false, env: { RATE_LIMIT_REQUESTS_PER_MINUTE: '1000' } });
    conversationId = (await buildConversation({ server, type: 'vitaliteit', stage: 'preparing' })).id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers conversation views, documents, exports and refusals with Cache-Control: no-store', async () => {
    const fatima = as(server.url, 'fatima');
    for (const path of [
      `/api/conversations/${conversationId}`,
      `/api/conversations/${conversationId}/document`,
      '/api/conversations',
      '/api/me/export',
      '/api/me',
    ]) {
      const response = await fatima.get(path);
      expect([path, response.headers.get('cache-control')]).toEqual([path, 'no-store']);
    }
    const anonymous = await fetch(`${server.url}/api/conversations`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('cache-control')).toBe('no-store');
  });

  it('answers a malformed percent-encoding in the path with 400, not 500', async () => {
    for (const path of [
      '/api/conversations/%E0%A4%A',
      '/api/conversations/%/audit',
      '/api/people/%ZZ/year',
    ]) {
      const response = await as(server.url, 'jeroen').get(path);
      expect([path, response.status, response.body.code]).toEqual([path, 400, 'malformed_path']);
    }
  });

  it('refuses an answers object with a __proto__ key, and the conversation does not move', async () => {
    const fatima = as(server.url, 'fatima');
    const before = (await fatima.get(`/api/conversations/${conversationId}`)).body;
    const response = await fatima.raw(
      'POST',
      `/api/conversations/${conversationId}/commands`,
      '{"command":{"type":"save-preparation","answers":{"__proto__":{"energie":"4"}}}}',
    );
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('forbidden_key');
    const after = (await fatima.get(`/api/conversations/${conversationId}`)).body;
    expect(after.conversation).toEqual(before.conversation);
  });
});

describe('per-person rate limits, counted in the database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gesprek-limits-'));
  const env = { DATA_DIR: dataDir, RATE_LIMIT_EXPORTS_PER_HOUR: '2', RATE_LIMIT_REQUESTS_PER_MINUTE: '1000' };
  // A fixed clock: the requests of one test fall in one window, whenever the test runs.
  const overrides = { now: () => new Date('2027-01-11T10:00:30Z') };

  it('limits exports per person, and a second instance on the same database keeps counting', async () => {
    const first = await startTestServer({ bot: false, workers: false, env, overrides });
    try {
      expect((await as(first.url, 'fatima').get('/api/me/export')).status).toBe(200);
      expect((await as(first.url, 'fatima').get('/api/me/export')).status).toBe(200);
    } finally {
      await first.stop();
    }
    const second = await startTestServer({ bot: false, workers: false, env, overrides });
    try {
      const refused = await as(second.url, 'fatima').get('/api/me/export');
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('rate_limited');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another person has a budget of her own.
      expect((await as(second.url, 'jeroen').get('/api/me/export')).status).toBe(200);
    } finally {
      await second.stop();
    }
  });

  it('limits all requests per person per minute', async () => {
    const server = await startTestServer({
      bot: false,
      workers: false,
      env: { RATE_LIMIT_REQUESTS_PER_MINUTE: '3' },
      overrides,
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await as(server.url, 'sanne').get('/api/conversations')).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect((await as(server.url, 'jeroen').get('/api/conversations')).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
