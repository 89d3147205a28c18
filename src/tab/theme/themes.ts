/** The Fluent UI theme for each Teams theme, the light one at once and the others on demand. */
import { teamsLightTheme, type Theme } from '@fluentui/react-components';
import type { ThemeName } from '../host/host.js';

/**
 * The Fluent UI theme for a Teams theme. Most people use the light theme, so only that one is in the first
 * script; the dark and high-contrast themes (each a few hundred tokens to build) load when asked for.
 */
export async function loadTheme(name: ThemeName): Promise<Theme> {
  if (name === 'light') return teamsLightTheme;
  try {
    const { darkThemes } = await import('./dark-themes.js');
    return darkThemes[name];
  } catch {
    // A page in the light theme beats no page: the chunk may be gone after an update or the network is down.
    return teamsLightTheme;
  }
}
