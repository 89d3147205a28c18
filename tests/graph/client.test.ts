/** The Graph client: its configuration, tokens and errors, Retry-After, timeouts and batches. */
import { describe, expect, it } from '@jest/globals';
import { http, HttpResponse, delay } from 'msw';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { OnBehalfOfTokenProvider, createGraphClient, parseGraphConfig } from '../../src/graph/client.js';
import { runBatch } from '../../src/graph/batch.js';
import { retryAfterSeconds } from '../../src/graph/middleware.js';
import { testClient, useFakeGraph } from './harness.js';

const fake = useFakeGraph((fake) => {
  fake.addUser({ id: 'u1', displayName: 'Eén' });
});

const baseConfig = {
  tenantId: 't',
  clientId: 'c',
  siteId: 's',
  driveId: 'd',
  confidentialDriveId: 'v',
  hrGroupId: 'g',
};

describe('graph config', () => {
  it('accepts exactly one credential kind and fills defaults', () => {
    const config = parseGraphConfig({ ...baseConfig, clientSecret: 'x' });
    expect(config.archiveAccess).toEqual({ hrGroup: true, employee: true });
    expect(config.taskListName).toBe('Gesprekken');
    expect(config.requestTimeoutMs).toBe(30_000);
    expect(config.confidentialRootFolder).toBe('Vitaliteitsgesprekken');
    // Vitality documents need their own library: not none, not the personnel library.
    const { confidentialDriveId: _none, ...withoutConfidential } = baseConfig;
    expect(() => parseGraphConfig({ ...withoutConfidential, clientSecret: 'x' })).toThrow(
      /confidentialDriveId/,
    );
    expect(() => parseGraphConfig({ ...baseConfig, clientSecret: 'x', confidentialDriveId: 'd' })).toThrow(
      /another library/,
    );
    expect(() => parseGraphConfig(baseConfig)).toThrow(/exactly one/);
    expect(() => parseGraphConfig({ ...baseConfig, clientSecret: 'x', useManagedIdentity: true })).toThrow(
      /exactly one/,
    );
    expect(() => parseGraphConfig({ ...baseConfig, clientSecret: 'x', maxRetries: 11 })).toThrow(
      /maxRetries/,
    );
  });
});

describe('graph client', () => {
  it('sends the bearer token and turns Graph errors into GraphError with code', async () => {
    const error = await testClient()
      .api('/users/nobody')
      .get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).statusCode).toBe(404);
    expect((error as GraphError).code).toBe('Request_ResourceNotFound');
    const anonymous = createGraphClient({
      authProvider: { getAccessToken: async () => '' },
      retryDelayScale: 0.01,
    });
    expect(
      (
        (await anonymous
          .api('/users/u1')
          .get()
          .catch((e: unknown) => e)) as GraphError
      ).code,
    ).toBe('InvalidAuthenticationToken');
  });

  it('waits at least the scaled Retry-After before each retry', async () => {
    fake.faults.add({ path: /^\/users\/u1$/, status: 429, retryAfterSeconds: 5, times: 1 });
    const started = Date.now();
    await testClient().api('/users/u1').get();
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
  });

  it('gives up after maxRetries and reports the last 503', async () => {
    fake.faults.add({ path: /^\/users\/u1$/, status: 503, retryAfterSeconds: 0, times: 10 });
    const error = (await testClient('app-token', { maxRetries: 2 })
      .api('/users/u1')
      .get()
      .catch((e: unknown) => e)) as GraphError;
    expect(error.statusCode).toBe(503);
    expect(fake.count('GET', /^\/users\/u1$/)).toBe(3);
  });

  it('aborts an attempt that takes longer than the timeout', async () => {
    fake.server.use(
      http.get('https://graph.microsoft.com/v1.0/users/slow', async () => {
        await delay(500);
        return HttpResponse.json({ id: 'slow' });
      }),
    );
    const started = Date.now();
    const error = await testClient('app-token', { timeoutMs: 50 })
      .api('/users/slow')
      .get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(Date.now() - started).toBeLessThan(450);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterSeconds('7')).toBe(7);
    expect(retryAfterSeconds(null)).toBeUndefined();
    expect(retryAfterSeconds(new Date(10_000).toUTCString(), 4_000)).toBe(6);
  });

  it('exchanges the user token on behalf of the user', async () => {
    const seen: string[] = [];
    const provider = new OnBehalfOfTokenProvider(parseGraphConfig({ ...baseConfig, clientSecret: 'x' }), {
      acquireTokenOnBehalfOf: async (request) => {
        seen.push(`${request.oboAssertion}:${request.scopes.join()}`);
        return { accessToken: 'delegated-u1' };
      },
    });
    expect(await provider.forUser('user-jwt').getAccessToken()).toBe('delegated-u1');
    expect(seen).toEqual(['user-jwt:https://graph.microsoft.com/.default']);
  });
});

describe('runBatch', () => {
  it('batches up to 20 requests and re-sends throttled ones individually', async () => {
    fake.faults.add({ path: /^\/users\/u1$/, viaBatch: true, status: 429, retryAfterSeconds: 1, times: 1 });
    const steps = Array.from({ length: 21 }, (_, i) => ({
      id: `s${i}`,
      method: 'GET' as const,
      url: i === 0 ? '/users/u1' : '/users/nobody',
    }));
    const outcomes = await runBatch(testClient(), steps);
    expect(fake.count('POST', /^\/\$batch$/)).toBe(2);
    expect(outcomes.get('s0')).toEqual(expect.objectContaining({ status: 200, resent: true }));
    expect(outcomes.get('s5')).toEqual(expect.objectContaining({ status: 404, resent: false }));
  });
});
