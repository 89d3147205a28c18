/** The local mode's demo identity: which user the plain-browser tab acts as. */
const demoUserKey = 'gc.demoUser';

/** The demo user asked for in the address (`?user=`), else the one chosen last time. */
export function wantedDemoUser(): string | null {
  const fromQuery = new URLSearchParams(window.location.search).get('user');
  if (fromQuery) return fromQuery;
  try {
    return window.localStorage.getItem(demoUserKey);
  } catch {
    return null;
  }
}

/** The demo user the tab acts as among `users`: the wanted one when it is among them, else the first. */
export function demoUserAmong(
  users: ReadonlyArray<{ id: string }>,
  wanted: string | null = wantedDemoUser(),
): string | undefined {
  return users.find((u) => u.id === wanted)?.id ?? users[0]?.id;
}

/** Remembers the chosen demo user for the next visit. */
export function storeDemoUser(id: string): void {
  try {
    window.localStorage.setItem(demoUserKey, id);
  } catch {
    // Without storage the choice lasts until reload; that is fine for a demo.
  }
  // A card link named its recipient (`?user=`); a choice in the switcher replaces it, also after a reload.
  const url = new URL(window.location.href);
  if (url.searchParams.has('user')) {
    url.searchParams.delete('user');
    window.history.replaceState(window.history.state, '', url.toString());
  }
}
