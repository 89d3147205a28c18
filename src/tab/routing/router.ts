/** The hash router: the current location, links and navigation. */
import { useSyncExternalStore } from 'react';
import { parseHash, type HashLocation } from './paths.js';

export { href, matchPath, parseHash, startRoute, yearHref, type HashLocation } from './paths.js';

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
