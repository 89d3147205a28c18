/**
 * Requests started before React runs (local browser mode only), so the first page's data arrives with its code
 * instead of after it, and answers the start-up already read. Each answer is used once by the API client, then
 * forgotten.
 */
interface Early {
  /** The request under way; none for an answer kept as it was read elsewhere. */
  response?: Promise<Response>;
  /** The JSON body once a 200 answer has been read; until then undefined. */
  body?: unknown;
}

const started = new Map<string, Early>();

const keyOf = (path: string, user: string, locale: string): string => `${user}|${locale}|${path}`;

/** Starts a GET as the given demo user. */
export function prefetch(path: string, user: string, locale: string): void {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale };
  if (user) headers['X-Demo-User'] = user;
  const response = fetch(path, { headers });
  const early: Early = { response };
  // Read from a copy as soon as it arrives, so a page rendering after that can show it in its first render.
  response
    .then((r) => (r.status === 200 ? (r.clone().json() as Promise<unknown>) : undefined))
    .then(
      (body) => {
        early.body = body;
      },
      // A failed prefetch is simply not used; the client asks again.
      () => undefined,
    );
  started.set(keyOf(path, user, locale), early);
}

/**
 * Keeps an answer already read another way (the side panel's meeting conversation, found by its chat id) as if
 * it were this request's, so the page that asks for it renders with it at once; used once, like the others.
 */
export function keepAnswer(path: string, user: string, locale: string, body: unknown): void {
  started.set(keyOf(path, user, locale), { body });
}

/** The prefetched answer for exactly this request, if any; removes it so it is used once. */
export function takePrefetched(path: string, user: string, locale: string): Promise<Response> | undefined {
  const key = keyOf(path, user, locale);
  const early = started.get(key);
  started.delete(key);
  return early?.response;
}

/** The body of a prefetched 200 answer that has already arrived, if any; removes it so it is used once. */
export function takePrefetchedBody(path: string, user: string, locale: string): unknown {
  const key = keyOf(path, user, locale);
  const body = started.get(key)?.body;
  if (body !== undefined) started.delete(key);
  return body;
}
