/**
 * Shared wiring for the Graph adapter tests: a fake Graph and a real SDK client pointed at it with scaled retries.
 */
import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import { createGraphClient } from '../../src/graph/client.js';
import { FakeGraph } from '../support/fake-graph.js';

/** The Microsoft 365 settings of an app whose ports all go to Graph, as the fake Graph is seeded for them. */
export const graphEnv = {
  ENTRA_TENANT_ID: 'contoso',
  GRAPH_CLIENT_ID: 'app',
  GRAPH_CLIENT_SECRET: 'secret',
  SHAREPOINT_SITE_ID: 'site',
  SHAREPOINT_DRIVE_ID: 'personnel',
  SHAREPOINT_CONFIDENTIAL_DRIVE_ID: 'confidential',
  HR_GROUP_ID: 'hr-group',
  RETENTION_LABEL: 'Personeelsdossier 7 jaar',
};

/** Retry delays in tests: `Retry-After: 1` costs 10 ms. */
export const testRetryScale = 0.01;

/** A client with a fixed app-only token, scaled retry delays and a short timeout. */
export function testClient(
  token = 'app-token',
  overrides: { maxRetries?: number; timeoutMs?: number } = {},
): Client {
  return createGraphClient({
    authProvider: { getAccessToken: async () => token },
    retryDelayScale: testRetryScale,
    retryDelaySeconds: 1,
    maxRetries: overrides.maxRetries ?? 10,
    timeoutMs: overrides.timeoutMs ?? 5_000,
  });
}

/**
 * The fake Graph of one test file: listening from its first test on, closed after its last, and emptied before
 * each test, then given what `seed` puts in (the people, groups and libraries every test of the file starts from).
 */
export function useFakeGraph(seed: (fake: FakeGraph) => void = () => undefined): FakeGraph {
  const fake = new FakeGraph();
  beforeAll(() => fake.listen());
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.reset();
    seed(fake);
  });
  return fake;
}
