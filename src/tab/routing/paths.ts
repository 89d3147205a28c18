/** Hash routes without React, so the first script can read the address before the app code arrives. */

/** A location inside the hash: `#/gesprek/42/verslag?x=1` → path `/gesprek/42/verslag`, query `x=1`. */
export interface HashLocation {
  path: string;
  query: URLSearchParams;
}

/** Splits a hash (with or without the leading `#`) into path and query. */
export function parseHash(hash: string): HashLocation {
  const raw = hash.replace(/^#/, '') || '/';
  const [pathPart, queryPart] = raw.split('?', 2);
  const path = pathPart && pathPart.startsWith('/') ? pathPart : `/${pathPart ?? ''}`;
  return {
    path: path.length > 1 ? path.replace(/\/+$/, '') : path,
    query: new URLSearchParams(queryPart ?? ''),
  };
}

/**
 * Matches a path against a pattern such as `/gesprek/:id/verslag`. Returns the decoded parameters, or null.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const h = have[i] as string;
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(h);
    else if (w !== h) return null;
  }
  return params;
}

/** Builds an href for a route, so links stay real links (open in new tab, copy link). */
export function href(path: string, query?: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) params.set(key, value);
  const search = params.toString();
  return `#${path}${search ? `?${search}` : ''}`;
}

/**
 * The route to open first. Teams opens the tab at its content URL and passes a deep link's route as the
 * context's `page.subPageId` (e.g. `/gesprek/c-1/akkoord`); a route already in the address wins.
 */
export function startRoute(hash: string, subPageId: string | undefined): string | undefined {
  if (parseHash(hash).path !== '/' || !subPageId) return undefined;
  const route = subPageId.trim();
  // Only our own hash routes: never a URL or anything that could leave the tab.
  if (!/^\/[\w\-.~%/]*(\?[\w\-.~%=&+]*)?$/.test(route) || route.startsWith('//')) return undefined;
  return route;
}

/** The year view of one employee: `#/jaar/<id>`, with `?jaar=` for another year than this one. */
export function yearHref(employeeId: string, year?: number): string {
  return href(`/jaar/${encodeURIComponent(employeeId)}`, year === undefined ? {} : { jaar: String(year) });
}
