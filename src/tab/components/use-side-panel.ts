/** Whether the page is laid out as the Teams meeting side panel: inside it, or in a window as narrow. */
import { useEffect, useState } from 'react';
import { useApp } from '../app-context.js';

/** At most this wide, a page is laid out as the Teams meeting side panel (320 px) even outside it. */
export const sidePanelQuery = '(max-width: 400px)';

function narrowNow(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(sidePanelQuery).matches
    : false;
}

/**
 * Whether the tab runs as the meeting side panel: Teams says so (`meetingSidePanel` context, or the configured
 * `?view=zijpaneel` address), or the window is that narrow.
 */
export function useSidePanel(): boolean {
  const { host } = useApp();
  const narrow = useNarrow();
  return host.sidePanel || narrow;
}

/** Whether the window is as narrow as the side panel. */
export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(narrowNow);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(sidePanelQuery);
    const update = () => setNarrow(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return narrow;
}
