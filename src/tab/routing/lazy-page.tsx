/** Pages loaded on demand, each in its own chunk. */
import { use, type ComponentType } from 'react';
import type { Preloadable } from './route-modules.js';

/**
 * A page from a lazily loaded module. Unlike `React.lazy` it renders at once when the module is already there
 * (preloaded next to the API calls), so no fallback is committed and React's Suspense reveal throttle never
 * delays the page; only a module still on its way suspends.
 */
export function lazyPage<M, P extends object>(
  module: Preloadable<M>,
  pick: (loaded: M) => ComponentType<P>,
): ComponentType<P> {
  function LazyPage(props: P) {
    const Page = pick(module.value ?? use(module()));
    return <Page {...props} />;
  }
  return LazyPage;
}
