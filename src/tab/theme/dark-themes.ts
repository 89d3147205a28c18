/** The dark and high-contrast Teams themes, in a chunk of their own. */
import { teamsDarkTheme, teamsHighContrastTheme, type Theme } from '@fluentui/react-components';

/** The Teams themes other than light, in a chunk of their own (see themes.ts). */
export const darkThemes: Record<'dark' | 'contrast', Theme> = {
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};
