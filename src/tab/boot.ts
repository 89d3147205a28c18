/** The loading indicator's two texts, shown before the app code and catalogues have arrived. */
import type { Locale } from '../domain/text.js';

/**
 * The two texts the first script shows in index.html's loading indicator, before the message catalogues
 * (and React) have arrived. They equal the catalogues' `app.loading` and `app.loadFailed` (a test checks).
 */
export const bootTexts: Record<Locale, { loading: string; failed: string }> = {
  nl: { loading: 'Laden…', failed: 'De app kon niet worden geladen.' },
  en: { loading: 'Loading…', failed: 'The app could not be loaded.' },
};

/** Puts one of those texts in the loading indicator, if it is still there. */
export function showBootText(container: HTMLElement, locale: Locale, which: 'loading' | 'failed'): void {
  const indicator = container.querySelector<HTMLElement>('.boot');
  if (!indicator) return;
  indicator.textContent = bootTexts[locale][which];
  if (which === 'failed') indicator.classList.add('boot-failed');
}
