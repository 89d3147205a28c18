import { useSyncExternalStore } from 'react';

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
  return { path: path.length > 1 ? path.replace(/\/+$/, '') : path, query: new URLSearchParams(queryPart ?? '') };
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

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = (): string => window.location.hash;

/** The current hash location; re-renders on every hash change. */
export function useHashLocation(): HashLocation {
  const hash = useSyncExternalStore(subscribe, getHash, () => '');
  return parseHash(hash);
}

/** Goes to a hash route. `replace` keeps the browser history clean for redirects. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const hash = to.startsWith('#') ? to : `#${to}`;
  if (options.replace) {
    window.history.replaceState(null, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = hash;
  }
}

/** Builds an href for a route, so links stay real links (open in new tab, copy link). */
export function href(path: string, query?: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) params.set(key, value);
  const search = params.toString();
  return `#${path}${search ? `?${search}` : ''}`;
}
