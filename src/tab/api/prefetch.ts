/**
 * Requests started before React runs (local browser mode only), so the first page's data arrives with its code
 * instead of after it. Each answer is used once by the API client, then forgotten.
 */
const started = new Map<string, Promise<Response>>();

const keyOf = (path: string, user: string, locale: string): string => `${user}|${locale}|${path}`;

/** Starts a GET as the given demo user. */
export function prefetch(path: string, user: string, locale: string): void {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale };
  if (user) headers['X-Demo-User'] = user;
  const request = fetch(path, { headers });
  // A failed prefetch is simply not used; the client asks again.
  request.catch(() => undefined);
  started.set(keyOf(path, user, locale), request);
}

/** The prefetched answer for exactly this request, if any; removes it so it is used once. */
export function takePrefetched(path: string, user: string, locale: string): Promise<Response> | undefined {
  const key = keyOf(path, user, locale);
  const request = started.get(key);
  started.delete(key);
  return request;
}
