/** The tab's prefetch: its first data asked for while its code loads, handed to the first render once. */
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { createApiClient } from '../../../src/tab/api/client.js';
import { prefetch, takePrefetched, takePrefetchedBody } from '../../../src/tab/api/prefetch.js';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

function answering(status: number, body: unknown) {
  const fetchMock = jest.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) => new Response(JSON.stringify(body), { status }),
  );
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  return fetchMock;
}

const settle = () => new Promise((r) => setTimeout(r, 10));

describe('prefetch', () => {
  it('asks as the demo user in the language given', async () => {
    const fetchMock = answering(200, { ok: true });
    prefetch('/api/me', 'fatima', 'nl');
    expect(fetchMock).toHaveBeenCalledWith('/api/me', {
      headers: { Accept: 'application/json', 'Accept-Language': 'nl', 'X-Demo-User': 'fatima' },
    });
    await settle();
    takePrefetched('/api/me', 'fatima', 'nl');
  });

  it('hands the body of an answer that has arrived to the first render, once', async () => {
    answering(200, { id: 'c1' });
    prefetch('/api/conversations/c1', 'fatima', 'nl');
    expect(takePrefetchedBody('/api/conversations/c1', 'fatima', 'nl')).toBeUndefined();
    await settle();
    expect(takePrefetchedBody('/api/conversations/c1', 'jeroen', 'nl')).toBeUndefined();
    expect(takePrefetchedBody('/api/conversations/c1', 'fatima', 'nl')).toEqual({ id: 'c1' });
    expect(takePrefetchedBody('/api/conversations/c1', 'fatima', 'nl')).toBeUndefined();
    expect(takePrefetched('/api/conversations/c1', 'fatima', 'nl')).toBeUndefined();
  });

  it('keeps a refusal for the client, which turns it into a clear error', async () => {
    answering(404, { status: 404, title: 'Niet gevonden' });
    prefetch('/api/conversations/x', 'fatima', 'nl');
    await settle();
    expect(takePrefetchedBody('/api/conversations/x', 'fatima', 'nl')).toBeUndefined();
    const response = await takePrefetched('/api/conversations/x', 'fatima', 'nl');
    expect(response?.status).toBe(404);
    expect(await response?.json()).toEqual({ status: 404, title: 'Niet gevonden' });
  });

  it('gives the client an answer already read as it is, without asking or reading again', async () => {
    answering(200, { authMode: 'local', appName: 'Gesprekscyclus' });
    prefetch('/api/config', '', 'nl');
    await settle();
    const again = answering(500, { status: 500 });
    const client = createApiClient({ authHeaders: async () => ({}), locale: 'nl' });
    expect(await client.config()).toEqual({ authMode: 'local', appName: 'Gesprekscyclus' });
    expect(again).not.toHaveBeenCalled();
    // Used once: the next ask goes to the server.
    await expect(client.config()).rejects.toThrow();
    expect(again).toHaveBeenCalledTimes(1);
  });
});
